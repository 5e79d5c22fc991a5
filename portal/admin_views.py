"""Admin screens of the portal app: the translation coverage report and dashboard panel."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permissions import page_permission_policy

from portal.coverage import coverage
from portal.i18n import language_codes


def language_name(code):
    return str(dict(settings.LANGUAGES).get(code, code))


class MissingColumn(Column):
    def get_value(self, instance):
        return language_name(instance.language)


class TranslationCoverageView(ReportView):
    """Live pages with a field filled in one language but empty in another.

    ``?missing=en`` keeps the pages that lack English (any language code of the site).
    """

    page_title = _("Translation coverage")
    header_icon = "globe"
    index_url_name = "portal_translation_coverage"
    index_results_url_name = "portal_translation_coverage_results"
    permission_policy = page_permission_policy
    any_permission_required = ["add", "change", "publish"]
    paginate_by = 100
    columns = [
        TitleColumn(
            "title",
            label=_("Page"),
            url_name="wagtailadmin_pages:edit",
            id_accessor="page_id",
        ),
        Column("section", label=_("Section")),
        MissingColumn("language", label=_("Missing in")),
        Column("field_labels", label=_("Fields")),
    ]
    list_export = ["title", "section", "language", "field_labels"]
    export_headings = {
        "title": _("Page"),
        "section": _("Section"),
        "language": _("Missing in"),
        "field_labels": _("Fields"),
    }

    @property
    def missing_language(self):
        code = self.request.GET.get("missing", "")
        return code if code in language_codes() else ""

    def get_queryset(self):
        gaps, _sections = coverage()
        if self.missing_language:
            gaps = [gap for gap in gaps if gap.language == self.missing_language]
        return gaps

    def get_filtered_queryset(self):
        return self.get_queryset()

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["language_filters"] = [(code, language_name(code)) for code in language_codes()]
        context["missing_language"] = self.missing_language
        return context

    def get_template_names(self):
        if self.results_only:
            return [self.results_template_name]
        return ["portal/admin/translation_coverage.html"]


class TranslationCoveragePanel(Component):
    """Dashboard: the share of live pages fully translated, per section and language."""

    name = "translation_coverage"
    order = 160
    template_name = "portal/admin/translation_coverage_panel.html"

    def get_context_data(self, parent_context=None):
        _gaps, sections = coverage()
        languages = language_codes()
        return {
            "languages": [language_name(code) for code in languages],
            "rows": [
                (section.section, section.pages, [section.percent(code) for code in languages])
                for section in sections
            ],
        }


def _public_page_for(request, page_id):
    from django.http import Http404
    from wagtail.admin.auth import user_has_any_page_permission
    from wagtail.models import Page

    from portal.qr import is_public

    if not user_has_any_page_permission(request.user):
        raise PermissionDenied
    page = Page.objects.filter(pk=page_id).specific().first()
    if page is None or not is_public(page):
        raise Http404(_("Only live, public pages have a QR code."))
    return page


def qr_download(request, page_id, language, fmt):
    """The page's QR code in ``language`` as an SVG or PNG download."""
    from django.http import Http404, HttpResponse

    from portal.qr import FORMATS, page_qr, qr_bytes

    if language not in language_codes() or fmt not in FORMATS:
        raise Http404
    page = _public_page_for(request, page_id)
    response = HttpResponse(qr_bytes(page_qr(page, language, request), fmt), FORMATS[fmt])
    name = f"qr-{page.slug}-{language}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def qr_sign(request, page_id):
    """A printable A5 sign: the page's title and QR code in every language."""
    from django.shortcuts import render
    from django.urls import reverse
    from django.utils import translation

    from portal.public_address import public_page_url
    from portal.qr import page_qr, qr_svg_inline

    page = _public_page_for(request, page_id)
    panels = []
    for code in language_codes():
        with translation.override(code):
            title = page.title
        panels.append(
            {
                "language": code,
                "language_name": language_name(code),
                "title": title,
                "url": public_page_url(page, code, request),
                "svg": qr_svg_inline(page_qr(page, code, request)),
                "downloads": [
                    (fmt, reverse("portal_page_qr", args=(page.pk, code, fmt)))
                    for fmt in ("svg", "png")
                ],
            }
        )
    return render(request, "portal/admin/qr_sign.html", {"page": page, "panels": panels})


class NumbersPanel(Component):
    """Dashboard: the key figures of "Tourism in numbers"."""

    name = "tourism_numbers"
    order = 150
    template_name = "portal/admin/numbers_panel.html"

    def get_context_data(self, parent_context=None):
        from portal.models import HomePage, NumbersPage
        from portal.numbers import numbers_sections

        home = HomePage.objects.first()
        page = NumbersPage.objects.live().first()
        return {
            "sections": numbers_sections(home) if home else [],
            "page_url": page.url if page else "",
        }
