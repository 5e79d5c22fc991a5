"""StreamField blocks of place pages: culture topics and things to do."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

from portal.blocks import BaseStreamBlock, ParagraphBlock

CULTURE_TOPICS = [
    ("architecture", _("Architecture")),
    ("costume", _("Costume")),
    ("songs_dances", _("Songs and dances")),
    ("food", _("Food")),
    ("crafts", _("Crafts")),
    ("beliefs", _("Beliefs and rites")),
]


class CultureTopicBlock(blocks.StructBlock):
    topic = blocks.ChoiceBlock(label=_("Topic"), choices=CULTURE_TOPICS)
    heading = blocks.CharBlock(label=_("Heading"), max_length=120)
    text = ParagraphBlock(label=_("Text"))
    image = ImageChooserBlock(label=_("Image"), required=False)

    class Meta:
        icon = "group"
        label = _("Culture topic")
        template = "villages/blocks/culture_topic_block.html"
        preview_value = {
            "topic": "architecture",
            "heading": "Nhà đất lợp ngói âm dương",
            "text": "<p>Người Sán Chỉ ở Lục Ngù dựng nhà gỗ, tường đất, mái ngói âm dương.</p>",
        }
        description = _("Architecture, costume, songs and dances, food or crafts.")


class CultureStreamBlock(BaseStreamBlock):
    culture_topic = CultureTopicBlock()


class ThingToDoBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    text = blocks.TextBlock(label=_("Text"), required=False)
    season = blocks.CharBlock(
        label=_("When"),
        required=False,
        max_length=80,
        help_text=_("For example: all year, October – November, on festival days."),
    )
    image = ImageChooserBlock(label=_("Image"), required=False)

    class Meta:
        icon = "pick"
        label = _("Thing to do")
        template = "villages/blocks/thing_to_do_block.html"
        preview_value = {
            "title": "Xem làm miến dong",
            "text": "Theo các gia đình tráng, phơi và cắt miến dong.",
            "season": "Tháng 11 – tháng 3",
        }


class ThingsToDoBlock(blocks.StreamBlock):
    thing_to_do = ThingToDoBlock()
