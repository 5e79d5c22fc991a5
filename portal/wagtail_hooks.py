"""Admin wiring of the portal app: its tools menu, the translation coverage report
and dashboard panel."""

from django.db.models.signals import post_delete, post_save
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from portal.admin_menu import tools_menu_item
from portal.collation import collate_chooser_titles, collate_explorer_titles
from portal.coverage import MISSING_PARAMETER, filter_missing, forget_coverage

hooks.register("register_admin_menu_item", tools_menu_item)
post_save.connect(forget_coverage, dispatch_uid="portal_forget_coverage_save")
post_delete.connect(forget_coverage, dispatch_uid="portal_forget_coverage_delete")
hooks.register("construct_explorer_page_queryset", filter_missing)
hooks.register("construct_explorer_page_queryset", collate_explorer_titles)
hooks.register("construct_page_chooser_queryset", collate_chooser_titles)


@hooks.register("register_admin_urls")
def portal_admin_urls():
    from portal.admin_views import TranslationCoverageView, qr_download, qr_sign

    return [
        path("pages/<int:page_id>/qr/sign/", qr_sign, name="portal_page_qr_sign"),
        path(
            "pages/<int:page_id>/qr/<str:language>.<str:fmt>",
            qr_download,
            name="portal_page_qr",
        ),
        path(
            "reports/translation-coverage/",
            TranslationCoverageView.as_view(),
            name="portal_translation_coverage",
        ),
        path(
            "reports/translation-coverage/results/",
            TranslationCoverageView.as_view(results_only=True),
            name="portal_translation_coverage_results",
        ),
    ]


class PageEditorMenuItem(MenuItem):
    def is_shown(self, request):
        from wagtail.admin.auth import user_has_any_page_permission

        return user_has_any_page_permission(request.user)


@hooks.register("register_reports_menu_item")
def translation_coverage_menu_item():
    return PageEditorMenuItem(
        _("Translation coverage"),
        reverse("portal_translation_coverage"),
        name="translation-coverage",
        icon_name="globe",
        order=650,
    )


@hooks.register("construct_homepage_panels")
def add_translation_coverage_panel(request, panels):
    from wagtail.admin.auth import user_has_any_page_permission

    from portal.admin_views import NumbersPanel, TranslationCoveragePanel

    if user_has_any_page_permission(request.user):
        panels.append(NumbersPanel())
        panels.append(TranslationCoveragePanel())


def _qr_button(page, priority):
    from wagtail.admin.widgets.button import Button

    from portal.qr import is_public

    if page.depth > 1 and is_public(page):
        yield Button(
            _("QR codes and sign"),
            reverse("portal_page_qr_sign", args=(page.pk,)),
            icon_name="mobile-alt",
            priority=priority,
        )


@hooks.register("register_page_listing_more_buttons")
def qr_listing_button(page, user, next_url=None):
    yield from _qr_button(page, 55)


@hooks.register("register_page_header_buttons")
def qr_header_button(page, user, view_name, next_url=None):
    yield from _qr_button(page, 67)


@hooks.register("register_page_header_buttons")
def missing_translation_buttons(page, user, view_name, next_url=None):
    """In the page explorer's "More" menu: list the pages below this one lacking a
    language of the site (``portal.coverage.filter_missing``)."""
    if view_name != "index":
        return
    from wagtail.admin.widgets.button import Button

    from portal.admin_views import language_name
    from portal.i18n import language_codes

    for order, code in enumerate(language_codes()):
        yield Button(
            _("Missing translation: %(language)s") % {"language": language_name(code)},
            reverse("wagtailadmin_explore", args=(page.pk,)) + f"?{MISSING_PARAMETER}={code}",
            icon_name="globe",
            priority=70 + order,
        )
