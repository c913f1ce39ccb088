"""The annual (overview) report for a reporting period, composed from the register in one language.

Sections: meetings attended by body and by minister, statements made and their lag, commitments kept and open,
agreements concluded. Every figure is counted from the record, so the Welsh and English reports agree.
"""

from __future__ import annotations

import datetime as dt
from statistics import median

from babel import Locale

from igr.register.dates import format_date
from igr.register.models import Agreement, Meeting
from igr.reporting import context
from igr.reporting.profiles import get_profile

from .document import Composed, Paragraph, Section, Table
from .parts import field

T = {
    "heading": {"en": "REPORT BY THE WELSH GOVERNMENT", "cy": "ADRODDIAD GAN LYWODRAETH CYMRU"},
    "period": {"en": "PERIOD", "cy": "CYFNOD"},
    "date": {"en": "DATE", "cy": "DYDDIAD"},
    "intro": {
        "en": "This report covers {start} to {end}. It is made under the {agreement}, and is drawn from the register of intergovernmental meetings kept by the Welsh Government.",
        "cy": "Mae'r adroddiad hwn yn cwmpasu {start} i {end}. Fe'i gwneir o dan {agreement}, ac mae'n seiliedig ar y gofrestr o gyfarfodydd rhynglywodraethol a gedwir gan Lywodraeth Cymru.",
    },
    "summary": {
        "en": "In the period the register records {meetings} held by {bodies}; the Welsh Government took part in {attended}. {statements}; {on_time} within the administration's target.",
        "cy": "Yn ystod y cyfnod mae'r gofrestr yn cofnodi {meetings} a gynhaliwyd gan {bodies}; cymerodd Llywodraeth Cymru ran yn {attended} ohonynt. {statements}; {on_time} o fewn targed y weinyddiaeth.",
    },
    "median": {
        "en": "The median time from a meeting to its statement was {days}.",
        "cy": "Y canolrif o ran yr amser rhwng cyfarfod a'i ddatganiad oedd {days}.",
    },
    "targets_note": {
        "en": "Deadlines are the administration's own targets, not terms of the agreement: {note}",
        "cy": "Targedau'r weinyddiaeth ei hun yw'r terfynau amser, nid telerau'r cytundeb: {note}",
    },
    "by_body": {"en": "Meetings by body", "cy": "Cyfarfodydd fesul corff"},
    "by_body_cols": {
        "en": [
            "Body",
            "Meetings",
            "A Welsh minister attended",
            "Officials only",
            "No Welsh attendance recorded",
        ],
        "cy": [
            "Corff",
            "Cyfarfodydd",
            "Gweinidog o Gymru'n bresennol",
            "Swyddogion yn unig",
            "Dim presenoldeb o Gymru wedi'i gofnodi",
        ],
    },
    "by_minister": {
        "en": "Meetings attended by each Welsh minister",
        "cy": "Cyfarfodydd a fynychwyd gan bob gweinidog o Gymru",
    },
    "by_minister_cols": {
        "en": ["Minister", "Meetings attended"],
        "cy": ["Gweinidog", "Cyfarfodydd a fynychwyd"],
    },
    "statements": {
        "en": "Written statements and their timing",
        "cy": "Datganiadau ysgrifenedig a'u hamseriad",
    },
    "statements_cols": {
        "en": ["Meeting", "Held", "Statement", "Days after the meeting", "Against the target"],
        "cy": ["Cyfarfod", "Dyddiad", "Datganiad", "Diwrnodau ar ôl y cyfarfod", "O'i gymharu â'r targed"],
    },
    "commitments": {"en": "Commitments made", "cy": "Ymrwymiadau a wnaed"},
    "commitments_cols": {"en": ["Commitment", "Made", "Kept"], "cy": ["Ymrwymiad", "Dyddiad", "Cadwyd"]},
    "agreements": {"en": "Agreements concluded", "cy": "Cytundebau a wnaed"},
    "agreements_cols": {"en": ["Agreement", "Kind", "Concluded"], "cy": ["Cytundeb", "Math", "Dyddiad"]},
    "none": {
        "en": "Nothing is recorded for this period.",
        "cy": "Does dim wedi'i gofnodi ar gyfer y cyfnod hwn.",
    },
    "open": {"en": "Open", "cy": "Heb ei gadw"},
    "outstanding": {"en": "Not yet made", "cy": "Heb ei wneud eto"},
    "on_time": {"en": "On time", "cy": "Mewn pryd"},
    "late": {"en": "Late", "cy": "Yn hwyr"},
    "waived": {"en": "Waived", "cy": "Hepgorwyd"},
}
# A number with its noun, by plural category (CLDR, through babel): Welsh mutates after two, three and six.
COUNTED = {
    "meetings": {
        "en": {"one": "{n} meeting", "other": "{n} meetings"},
        "cy": {
            "two": "{n} gyfarfod",
            "few": "{n} chyfarfod",
            "many": "{n} chyfarfod",
            "other": "{n} cyfarfod",
        },
    },
    "bodies": {
        "en": {"one": "{n} body", "other": "{n} bodies"},
        "cy": {"two": "{n} gorff", "few": "{n} chorff", "many": "{n} chorff", "other": "{n} corff"},
    },
    "statements": {
        "en": {"one": "{n} written statement was made", "other": "{n} written statements were made"},
        "cy": {"two": "Gwnaed {n} Ddatganiad Ysgrifenedig", "other": "Gwnaed {n} Datganiad Ysgrifenedig"},
    },
    "days": {
        "en": {"one": "{n} day", "other": "{n} days"},
        "cy": {"two": "{n} ddiwrnod", "other": "{n} diwrnod"},
    },
}
AGREEMENT_KINDS = {
    "concordat": ("Concordat", "Concordat"),
    "mou": ("Memorandum of understanding", "Memorandwm cyd-ddealltwriaeth"),
    "iga": ("Intergovernmental agreement", "Cytundeb rhynglywodraethol"),
    "common_framework": ("Common framework", "Fframwaith cyffredin"),
}


def counted(key: str, n: int | float, language: str) -> str:
    forms = COUNTED[key][language]
    return forms.get(Locale.parse(language).plural_form(n), forms["other"]).format(n=f"{n:g}")


def t(key: str, language: str, **values):
    value = T[key][language]
    return value.format(**values) if values else value


def period_meetings(period) -> list[Meeting]:
    return list(
        Meeting.objects.filter(
            date__gte=period.start_date, date__lte=period.end_date, status=Meeting.Status.HELD
        )
        .select_related("body")
        .prefetch_related("attendances__government", "attendances__person", "obligations")
        .order_by("date")
    )


def _welsh(meeting: Meeting) -> list:
    return [a for a in meeting.attendances.all() if a.government and a.government.key == context.WALES]


def compose_annual(period, language: str, on: dt.date) -> Composed:
    profile = get_profile(period.profile_key)
    head = context.letterhead()
    doc = Composed(
        kind="annual_report",
        language=language,
        title=field(period, "title", language) or period.title_en,
        date_text=format_date(on, language),
    )
    if not field(period, "title", language):
        doc.missing.append(f"{period.key}: {'teitl' if language == 'cy' else 'title'}")
    doc.government = [head["government_cy"], head["government_en"]]
    doc.heading = t("heading", language)
    span = f"{format_date(period.start_date, language)} – {format_date(period.end_date, language)}"
    doc.fields = [(t("period", language), span), (t("date", language), doc.date_text)]
    meetings = period_meetings(period)
    statements = [
        (m, o) for m in meetings for o in m.obligations.all() if o.deliverable == "written_statement"
    ]
    made = [(m, o) for m, o in statements if o.met_on]
    on_time = [1 for _m, o in made if o.met_on <= o.due_date]
    intro = [
        Paragraph(
            t(
                "intro",
                language,
                start=format_date(period.start_date, language),
                end=format_date(period.end_date, language),
                agreement=profile.name(language),
            )
        ),
        Paragraph(
            t(
                "summary",
                language,
                meetings=counted("meetings", len(meetings), language),
                bodies=counted("bodies", len({m.body_id for m in meetings}), language),
                attended=sum(1 for m in meetings if _welsh(m)),
                statements=counted("statements", len(made), language),
                on_time=len(on_time),
            )
        ),
    ]
    if made:
        intro.append(
            Paragraph(
                t(
                    "median",
                    language,
                    days=counted("days", median((o.met_on - m.date).days for m, o in made), language),
                )
            )
        )
    intro.append(
        Paragraph(
            t(
                "targets_note",
                language,
                note=profile.text_note_cy if language == "cy" else profile.text_note_en,
            )
        )
    )
    doc.sections = [Section(paragraphs=intro)]
    doc.sections.append(_table_section(language, "by_body", _by_body(meetings, language)))
    doc.sections.append(_table_section(language, "by_minister", _by_minister(meetings)))
    doc.sections.append(
        _table_section(
            language,
            "statements",
            [
                [
                    f"{field(m.body, 'name', language)}",
                    format_date(m.date, language),
                    format_date(o.met_on, language) if o.met_on else t("outstanding", language),
                    str((o.met_on - m.date).days) if o.met_on else "",
                    _verdict(o, language),
                ]
                for m, o in statements
            ],
        )
    )
    doc.sections.append(_table_section(language, "commitments", _commitments(period, language)))
    doc.sections.append(_table_section(language, "agreements", _agreements(period, language)))
    return doc


def _table_section(language: str, key: str, rows: list[list[str]]) -> Section:
    if not rows:
        return Section(heading=t(key, language), paragraphs=[Paragraph(t("none", language))])
    return Section(heading=t(key, language), table=Table(header=list(t(f"{key}_cols", language)), rows=rows))


def _verdict(obligation, language: str) -> str:
    if obligation.waived_on:
        return t("waived", language)
    if obligation.met_on:
        return t("on_time" if obligation.met_on <= obligation.due_date else "late", language)
    return t("outstanding", language)


def _by_body(meetings: list[Meeting], language: str) -> list[list[str]]:
    rows: dict[int, list] = {}
    for meeting in meetings:
        row = rows.setdefault(meeting.body_id, [field(meeting.body, "name", language), 0, 0, 0, 0])
        welsh = _welsh(meeting)
        row[1] += 1
        if any(a.capacity == "minister" for a in welsh):
            row[2] += 1
        elif welsh:
            row[3] += 1
        else:
            row[4] += 1
    return [[str(v) for v in row] for row in sorted(rows.values(), key=lambda r: r[0])]


def _by_minister(meetings: list[Meeting]) -> list[list[str]]:
    counts: dict[str, int] = {}
    for meeting in meetings:
        for attendance in _welsh(meeting):
            if attendance.person and attendance.capacity == "minister":
                counts[attendance.person.name] = counts.get(attendance.person.name, 0) + 1
    return [[name, str(n)] for name, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


def _commitments(period, language: str) -> list[list[str]]:
    from igr.reporting.models import Commitment

    rows = []
    for c in Commitment.objects.filter(
        made_on__gte=period.start_date, made_on__lte=period.end_date
    ).select_related("meeting__body"):
        text = field(c, "text", language)
        about = (
            f"{field(c.meeting.body, 'name', language)}, {format_date(c.meeting.date, language)}: "
            if c.meeting
            else ""
        )
        rows.append(
            [
                about + text,
                format_date(c.made_on, language),
                format_date(c.kept_on, language) if c.kept_on else t("open", language),
            ]
        )
    return rows


def _agreements(period, language: str) -> list[list[str]]:
    found = Agreement.objects.filter(
        concluded_on__gte=period.start_date, concluded_on__lte=period.end_date, parties__key=context.WALES
    ).distinct()
    return [
        [
            field(a, "title", language) or a.title_en,
            AGREEMENT_KINDS[a.kind][1 if language == "cy" else 0],
            format_date(a.concluded_on, language),
        ]
        for a in found.order_by("concluded_on")
    ]
