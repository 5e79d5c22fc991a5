"""The tourism office's contact details, edited in Settings → Contact details."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from portal.validators import tel_href, validate_vietnamese_phone


@register_setting(icon="mail")
class ContactSettings(BaseSiteSetting):
    office_name = models.CharField(_("office name"), max_length=200, blank=True)
    address = models.TextField(_("address"), blank=True)
    opening_hours = models.CharField(_("opening hours"), max_length=200, blank=True)
    phone = models.CharField(
        _("phone"), max_length=30, blank=True, validators=[validate_vietnamese_phone]
    )
    email = models.EmailField(_("e-mail"), blank=True)
    zalo = models.CharField(
        _("Zalo"),
        max_length=30,
        blank=True,
        validators=[validate_vietnamese_phone],
        help_text=_("The phone number registered with Zalo."),
    )
    facebook = models.URLField(_("Facebook page"), blank=True)
    is_sample = models.BooleanField(
        _("sample content"),
        default=False,
        help_text=_("Ticked while these details are demo values. Replace them, then untick."),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("office_name"), FieldPanel("address"), FieldPanel("opening_hours")],
            heading=_("Office"),
        ),
        MultiFieldPanel(
            [FieldPanel("phone"), FieldPanel("email"), FieldPanel("zalo"), FieldPanel("facebook")],
            heading=_("How to reach us"),
        ),
        FieldPanel("is_sample"),
    ]

    class Meta:
        verbose_name = _("contact details")

    @classmethod
    def for_request(cls, request):
        """Wagtail's (one instance per request), kept between requests too, per site
        and content version: every page's footer shows these details, and any save
        of them renews the version (``portal.cache.content_version``). The admin
        reads and saves them through ``for_site``, never a cached copy."""
        from wagtail.models import Site

        from portal.cache import cached_for_content

        attr_name = cls.get_cache_attr_name()
        if hasattr(request, attr_name):
            return getattr(request, attr_name)
        site = Site.find_for_request(request)
        if site is None:
            return super().for_request(request)
        found = cached_for_content(f"portal:contact-settings:{site.pk}", lambda: cls.for_site(site))
        found._request = request
        setattr(request, attr_name, found)
        return found

    @property
    def phone_href(self):
        return tel_href(self.phone)

    @property
    def zalo_url(self):
        href = tel_href(self.zalo)
        return f"https://zalo.me/0{href[7:]}" if href else ""
