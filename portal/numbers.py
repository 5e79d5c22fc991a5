"""Tourism in numbers: figures computed from the content, drawn as accessible SVG.

Apps contribute sections through the ``portal_numbers_sections`` hook: a function
``(home_page) -> list[NumbersSection]``. portal adds translation coverage itself.
Charts are horizontal bars (one row per label, readable at 360 px), drawn on the
server; every chart carries its figures as a table too.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

HOOK = "portal_numbers_sections"
CHART_WIDTH = 320  # viewBox units; the SVG scales to its container
ROW_HEIGHT = 38
LABEL_GAP = 16


@dataclass
class Chart:
    """Rows of (label, [values]); the bars show the first value, the table all of them."""

    key: str
    title: str
    description: str
    columns: list  # headings of the values, e.g. ["Homestays", "Rooms", "Guests"]
    rows: list  # [(label, [numbers])]
    unit: str = ""  # shown after each bar's value, e.g. "%"

    def bars(self):
        """Geometry of each bar in viewBox units."""
        biggest = max((values[0] for _label, values in self.rows), default=0) or 1
        usable = CHART_WIDTH - 60
        bars = []
        for index, (label, values) in enumerate(self.rows):
            top = index * ROW_HEIGHT
            width = round(usable * values[0] / biggest, 1)
            bars.append(
                {
                    "label": label,
                    "value": values[0],
                    "label_y": top + 12,
                    "bar_y": top + LABEL_GAP,
                    "width": width,
                    "value_x": width + 4,
                    "value_y": top + LABEL_GAP + 12,
                }
            )
        return bars

    @property
    def height(self):
        return max(len(self.rows), 1) * ROW_HEIGHT


@dataclass
class Figure:
    label: str
    value: str


@dataclass
class NumbersSection:
    key: str
    title: str
    order: int = 100
    figures: list = field(default_factory=list)  # [Figure]
    charts: list = field(default_factory=list)  # [Chart]


def numbers_sections(home_page):
    sections = []
    for hook in hooks.get_hooks(HOOK):
        sections.extend(hook(home_page))
    return sorted(sections, key=lambda section: section.order)


def percent(part, whole):
    return round(100 * part / whole) if whole else 0


@hooks.register(HOOK)
def translation_section(home_page):
    from portal.coverage import cached_sections
    from portal.i18n import default_language, language_codes

    sections = cached_sections(home_page)
    charts = []
    for code in language_codes():
        if code == default_language():
            continue
        charts.append(
            Chart(
                key=f"translated-{code}",
                title=str(
                    _("Pages fully translated (%(language)s), by section") % {"language": code}
                ),
                description=str(
                    _("Share of the live pages of each section with every text in %(language)s.")
                    % {"language": code}
                ),
                columns=[str(_("Translated (%)")), str(_("Live pages"))],
                rows=[(s.section, [s.percent(code), s.pages]) for s in sections],
                unit="%",
            )
        )
    return [NumbersSection("translation", str(_("Translation")), order=90, charts=charts)]
