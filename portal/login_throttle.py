"""Admin login throttling (django-axes): the answer to a locked-out login, and the
client address behind a known number of proxies.

Settings (portal/settings/base.py): AXES_FAILURE_LIMIT (5), AXES_COOLOFF_TIME
(hours), AXES_LOCKOUT_PARAMETERS (user and address together). Unlocking: the admin's
Settings → Login lock-outs screen (portal/wagtail_hooks.py) or
``manage.py axes_reset_username <user>``.
"""

from django.conf import settings
from django.shortcuts import render
from django.urls import path, reverse_lazy
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from portal.params import parse_id


def lockout_response(request, original_response=None, credentials=None):
    """429 with a page in the active language (the admin's) saying what happened and
    who can help; no detail on how many attempts remain."""
    return render(
        request, "portal/login_locked.html", {"hours": settings.AXES_COOLOFF_TIME}, status=429
    )


def client_ip(request):
    """The visitor's address: REMOTE_ADDR, or, behind PORTAL_PROXY_COUNT trusted
    proxies that append to X-Forwarded-For, the address the outermost one saw."""
    proxies = int(getattr(settings, "PORTAL_PROXY_COUNT", 0))
    forwarded = [
        part.strip()
        for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if part.strip()
    ]
    if proxies and len(forwarded) >= proxies:
        return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR")


# --- Admin screen: Settings → Login lock-outs (moderators unlock here) ----------


def can_unlock(user):
    return user.is_superuser or user.has_perm("axes.delete_accessattempt")


def locked_attempts():
    """The user/address pairs locked out now, newest first."""
    from axes.models import AccessAttempt

    return AccessAttempt.objects.filter(
        failures_since_start__gte=settings.AXES_FAILURE_LIMIT
    ).order_by("-attempt_time")


def lockouts_view(request):
    """List the lock-outs; POST ``attempt=<id>`` unlocks that user and address."""
    from django.contrib import messages
    from django.core.exceptions import PermissionDenied
    from django.shortcuts import redirect
    from django.utils.translation import gettext as _

    if not can_unlock(request.user):
        raise PermissionDenied
    if request.method == "POST":
        attempt = locked_attempts().filter(pk=parse_id(request.POST.get("attempt", ""))).first()
        if attempt is not None:
            attempt.delete()
            messages.success(
                request,
                _("%(user)s can sign in again from %(address)s.")
                % {"user": attempt.username, "address": attempt.ip_address},
            )
        return redirect("portal_login_lockouts")
    return render(
        request,
        "portal/admin/login_lockouts.html",
        {"attempts": locked_attempts(), "page_title": _lockouts_title()},
    )


def _lockouts_title():
    from django.utils.translation import gettext as _

    return _("Login lock-outs")


@hooks.register("register_admin_urls")
def register_lockout_urls():
    return [path("login-lockouts/", lockouts_view, name="portal_login_lockouts")]


class LockoutsMenuItem(MenuItem):
    def is_shown(self, request):
        return can_unlock(request.user)


@hooks.register("register_settings_menu_item")
def register_lockouts_menu_item():
    return LockoutsMenuItem(
        gettext_lazy("Login lock-outs"),
        reverse_lazy("portal_login_lockouts"),
        icon_name="lock",
        order=950,
    )
