"""Admin screens of the places app: homestay spreadsheet import, export and templates."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.permission_policies.pages import PagePermissionPolicy

from portal.i18n import language_codes
from villages.importing import FileRefused, import_homestays
from villages.importing.exporting import export_file

MAX_UPLOAD_BYTES = 20 * 1024 * 1024


def may_import(user):
    """Editors who can add or change some page (their own village's, at least)."""
    return PagePermissionPolicy().user_has_any_permission(user, {"add", "change"})


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Spreadsheet (.xlsx or .csv)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv,.txt"}),
    )
    check_only = forms.BooleanField(label=_("Only check the file, write nothing"), required=False)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is larger than 20 MB."))
        return upload


class HomestayImportView(WagtailAdminTemplateMixin, FormView):
    template_name = "villages/admin/import_homestays.html"
    form_class = ImportForm
    page_title = _("Import homestays")
    header_icon = "doc-full-inverse"

    def dispatch(self, request, *args, **kwargs):
        if not may_import(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["templates"] = [
            (code, reverse("villages_homestay_template", args=(code, fmt)), fmt)
            for code in language_codes()
            for fmt in ("xlsx", "csv")
        ]
        context["exports"] = [
            (fmt, reverse("villages_homestay_export", args=(fmt,))) for fmt in ("xlsx", "csv")
        ]
        return context

    def form_valid(self, form):
        upload = form.cleaned_data["file"]
        try:
            result = import_homestays(
                upload.read(),
                upload.name,
                user=self.request.user,
                dry_run=form.cleaned_data["check_only"],
            )
        except FileRefused as refused:
            form.add_error("file", str(refused.message))
            return self.form_invalid(form)
        return self.render_to_response(
            self.get_context_data(
                form=ImportForm(), result=result, checked_only=form.cleaned_data["check_only"]
            )
        )


def _attachment(content, content_type, name):
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def homestay_template(request, language, fmt):
    if language not in language_codes() or fmt not in ("xlsx", "csv"):
        return HttpResponse(status=404)
    return _attachment(*export_file(fmt, language, template=True))


def homestay_export(request, fmt):
    if not may_import(request.user):
        raise PermissionDenied
    if fmt not in ("xlsx", "csv"):
        return HttpResponse(status=404)
    language = get_language() if get_language() in language_codes() else language_codes()[0]
    return _attachment(*export_file(fmt, language))
