"""Officials sign in and out on pages in the register's own design, in either language.

Django's authentication views do the work; django-axes throttles them (settings: AXES_*), and a locked-out
sign-in gets ``locked_out`` instead of the form.
"""

from __future__ import annotations

import math

from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from .forms import SignInForm


class SignInView(auth_views.LoginView):
    template_name = "registration/sign_in.html"
    authentication_form = SignInForm
    redirect_authenticated_user = True


class SignOutView(auth_views.LogoutView):
    template_name = "registration/signed_out.html"


def locked_out(
    request: HttpRequest, original_response: HttpResponse | None = None, credentials: dict | None = None
) -> HttpResponse:
    """Too many failed sign-ins for this account from this address: say so, and for how long."""
    from axes.helpers import get_cool_off

    cool_off = get_cool_off(request)
    minutes = math.ceil(cool_off.total_seconds() / 60) if cool_off else None
    return render(request, "registration/locked_out.html", {"minutes": minutes}, status=429)
