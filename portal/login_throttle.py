"""Admin login throttling (django-axes): the answer to a locked-out login, and the
client address behind a known number of proxies.

Settings (portal/settings/base.py): AXES_FAILURE_LIMIT (5), AXES_COOLOFF_TIME
(hours), AXES_LOCKOUT_PARAMETERS (user and address together). Unlocking: the admin's
Settings → Login lock-outs screen (portal/wagtail_hooks.py) or
``manage.py axes_reset_username <user>``.
"""

from django.conf import settings
from django.shortcuts import render


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
