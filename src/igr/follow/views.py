"""Feeds, calendars and the alert pages: thin views over ``feeds``, ``calendars`` and ``subscriptions``."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from igr.accounts.client_ip import client_ip
from igr.public.filters import MeetingFilter
from igr.public.models import SearchEntry
from igr.public.queries import public_meetings
from igr.public.search import search as run_search
from igr.register.models import Body, Government
from igr.register.translation import current_language

from . import calendars, feeds, subscriptions
from .forms import SubscribeForm
from .mail import send_confirmation
from .topics import target, topic_label

ATOM = "application/atom+xml; charset=utf-8"
FEED_FILTERS = ("body", "government", "person", "year", "status", "mode")


def _atom(feed) -> HttpResponse:
    response = HttpResponse(content_type=ATOM)
    feed.write(response, "utf-8")
    return response


def _feed(request: HttpRequest, title: str, page: str):
    return feeds.new_feed(
        title, request.build_absolute_uri(page), request.build_absolute_uri(), current_language()
    )


def meetings_feed(request: HttpRequest) -> HttpResponse:
    f = MeetingFilter.from_query(request.GET)
    query = urlencode(f.filters())
    feed = _feed(
        request, _("Meetings – IGR Register"), reverse("public:meeting_list") + (f"?{query}" if query else "")
    )
    feeds.add_meetings(feed, f.apply(public_meetings()), current_language(), request.build_absolute_uri)
    return _atom(feed)


def followed_feed(request: HttpRequest, topic: str, key: str) -> HttpResponse:
    record = target(topic, key)
    if record is None:
        raise Http404
    page = reverse(f"public:{topic}", args=[key])
    feed = _feed(
        request,
        _("%(name)s: meetings – IGR Register") % {"name": topic_label(topic, key, current_language())},
        page,
    )
    feeds.add_meetings(
        feed,
        MeetingFilter(**{topic: key}).apply(public_meetings()),
        current_language(),
        request.build_absolute_uri,
    )
    return _atom(feed)


def documents_feed(request: HttpRequest) -> HttpResponse:
    feed = _feed(request, _("Letters and written statements – IGR Register"), reverse("public:meeting_list"))
    feeds.add_documents(feed, current_language(), request.build_absolute_uri)
    return _atom(feed)


def search_feed(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:200]
    page = reverse("public:search") + "?" + urlencode({"q": query})
    feed = _feed(request, _("Search for “%(words)s” – IGR Register") % {"words": query}, page)
    results = run_search(
        query,
        current_language(),
        [SearchEntry.Kind.MEETING, SearchEntry.Kind.DOCUMENT],
        limit=feeds.FEED_SIZE,
    )
    for hit in results.hits:
        if hit.date and hit.url:
            url, when = request.build_absolute_uri(hit.url), feeds.at(hit.date)
            feed.add_item(
                title=hit.title,
                link=url,
                unique_id=url,
                description=hit.snippet,
                pubdate=when,
                updateddate=when,
                categories=[hit.kind],
            )
    return _atom(feed)


def _ics(name: str, meetings, filename: str, request: HttpRequest) -> HttpResponse:
    response = HttpResponse(
        calendars.calendar(name, meetings, current_language(), request.build_absolute_uri),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = f'inline; filename="{filename}.ics"'
    return response


def meetings_calendar(request: HttpRequest) -> HttpResponse:
    f = MeetingFilter.from_query(request.GET)
    return _ics(_("Intergovernmental meetings"), f.apply(public_meetings()), "meetings", request)


def body_calendar(request: HttpRequest, key: str) -> HttpResponse:
    get_object_or_404(Body, key=key)
    name = topic_label("body", key, current_language())
    return _ics(name, MeetingFilter(body=key).apply(public_meetings()), key, request)


def government_calendar(request: HttpRequest, key: str) -> HttpResponse:
    get_object_or_404(Government, key=key)
    name = _("Meetings attended: %(government)s") % {
        "government": topic_label("government", key, current_language())
    }
    return _ics(name, MeetingFilter(government=key).apply(public_meetings()), key, request)


def subscribe(request: HttpRequest) -> HttpResponse:
    now = timezone.now()
    if request.method == "POST":
        form = SubscribeForm(request.POST)
        if not subscriptions.allowed(client_ip(request), now):
            return render(request, "follow/subscribe.html", {"form": form, "limited": True}, status=429)
        if form.is_valid():
            data = form.cleaned_data
            subscription = subscriptions.request_subscription(
                subscriptions.Request(
                    data["email"], data["topic"], data["key"], data["language"], data["frequency"]
                ),
                now,
            )
            if subscription is not None:
                send_confirmation(subscription)
            return render(request, "follow/check_email.html", {"email": data["email"]})
    else:
        topic, key = request.GET.get("topic", ""), request.GET.get("key", "")
        if request.GET.get(
            "q", ""
        ).strip():  # from a search page, with its words as the search page names them
            topic, key = "search", " ".join(request.GET["q"].split())[:200]
        form = SubscribeForm(initial={"language": current_language(), "topic": topic, "key": key})
    topic, key = form["topic"].value() or "", form["key"].value() or ""
    chosen = (
        topic_label(topic, key, current_language())
        if topic and key and (topic == "search" or target(topic, key))
        else ""
    )
    return render(request, "follow/subscribe.html", {"form": form, "chosen": chosen})


def confirm(request: HttpRequest, token: str) -> HttpResponse:
    now = timezone.now()
    subscription = subscriptions.pending(token, now)
    if subscription is None:
        return render(request, "follow/link_expired.html", status=404)
    if request.method == "POST":
        subscriptions.confirm(subscription, now)
        return render(
            request, "follow/confirmed.html", {"subscription": subscription, **_labels(subscription)}
        )
    return render(request, "follow/confirm.html", {"subscription": subscription, **_labels(subscription)})


@csrf_exempt  # RFC 8058 one-click: the mail client POSTs without a form; the token is the authority
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    if request.method == "POST":
        subscriptions.unsubscribe(token)
        return render(request, "follow/unsubscribed.html")
    if subscriptions.pending(token, timezone.now()) is None:
        return render(request, "follow/link_expired.html", status=404)
    return render(request, "follow/unsubscribe.html", {"token": token})


def _labels(subscription) -> dict[str, str]:
    return {"topic": topic_label(subscription.topic, subscription.key, current_language())}
