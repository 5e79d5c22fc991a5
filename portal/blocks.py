"""StreamField blocks shared by every app's pages."""

from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.images.blocks import ImageChooserBlock

from portal.address import absolute_url


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=120)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section heading")), ("h3", _("Sub-heading"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "portal/blocks/heading_block.html"
        preview_value = {"text": "Bản Lục Ngù", "level": "h2"}
        description = _("A section heading that also appears in the page outline.")


class ParagraphBlock(blocks.RichTextBlock):
    class Meta:
        icon = "pilcrow"
        label = _("Paragraph")
        template = "portal/blocks/paragraph_block.html"
        features = ["bold", "italic", "link", "ol", "ul"]
        preview_value = (
            "<p>Bình Liêu là vùng núi biên giới của Quảng Ninh, "
            "quê hương của người Tày, Dao Thanh Phán và Sán Chỉ.</p>"
        )


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)
    credit = blocks.CharBlock(
        label=_("Credit"),
        required=False,
        max_length=120,
        help_text=_("Photographer or source, shown under the image."),
    )

    class Meta:
        icon = "image"
        label = _("Image")
        template = "portal/blocks/image_block.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Attribution"), required=False, max_length=120)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "portal/blocks/quote_block.html"
        preview_value = {
            "quote": "Du lịch cộng đồng gắn với giảm nghèo bền vững.",
            "attribution": "Bình Liêu",
        }


class GalleryBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=120)
    images = blocks.ListBlock(ImageBlock(), label=_("Images"), min_num=1)

    class Meta:
        icon = "image"
        label = _("Gallery")
        template = "portal/blocks/gallery_block.html"


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    text = blocks.TextBlock(label=_("Text"), required=False)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("Or an external link"), required=False)
    button_label = blocks.CharBlock(label=_("Button label"), max_length=60)

    class Meta:
        icon = "link"
        label = _("Call to action")
        template = "portal/blocks/call_to_action_block.html"
        preview_value = {
            "title": "Lên kế hoạch chuyến đi",
            "text": "Liên hệ trung tâm thông tin du lịch.",
            "url": "https://example.org/",
            "button_label": "Liên hệ",
        }

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not value.get("url"):
            raise StructBlockValidationError(
                block_errors={"page": ValidationError(_("Choose a page or enter a link."))}
            )
        return value


class BaseStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = ImageBlock()
    quote = QuoteBlock()
    gallery = GalleryBlock()
    call_to_action = CallToActionBlock()


def data_address_text(path, form):
    """What a partner copies: the path on the public address, as a link, a webcal://
    subscription or an <iframe> embed code (built when the page is shown, so it
    follows settings.PORTAL_BASE_URL)."""
    url = absolute_url(path)
    if form == "webcal":
        return "webcal://" + url.partition("://")[2]
    if form == "embed":
        return (
            f'<iframe src="{url}" title="{translation.gettext("Festivals in Bình Liêu")}" '
            'width="100%" height="420" loading="lazy" style="border:0"></iframe>'
        )
    return url


def validate_site_path(value):
    if not value.startswith("/") or value.startswith("//"):
        raise ValidationError(
            _("Enter a path on this site, starting with /, e.g. /feeds/events.ics")
        )


class DataAddressBlock(blocks.StructBlock):
    """An address of the portal's data for partners (feed, API, embed), shown on the
    public address the site is served on: editors enter only the path."""

    label = blocks.CharBlock(label=_("Label"), required=False, max_length=80)
    path = blocks.CharBlock(
        label=_("Path"),
        max_length=300,
        validators=[validate_site_path],
        help_text=_("A path on this site, e.g. /feeds/events.ics?lang=vi"),
    )
    form = blocks.ChoiceBlock(
        label=_("Shown as"),
        choices=[
            ("link", _("Address")),
            ("webcal", _("Calendar subscription (webcal://)")),
            ("embed", _("Embed code (<iframe>)")),
        ],
        default="link",
    )

    class Meta:
        icon = "link-external"
        label = _("Data address")
        template = "portal/blocks/data_address_block.html"
        preview_value = {"label": "iCalendar", "path": "/feeds/events.ics?lang=vi", "form": "link"}

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["address"] = data_address_text(value["path"], value["form"])
        return context


class StandardStreamBlock(BaseStreamBlock):
    """The body of a standard page: the shared blocks plus data addresses (partners page)."""

    data_address = DataAddressBlock()
