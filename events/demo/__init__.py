"""Demo content of the events app: categories, the events index and festival pages.

Rests on shared/content/binh-lieu-facts.md. Venues are the places app's demo pages,
looked up by model and Vietnamese slug (absent pages are tolerated). Every event is
flagged as sample content: organisers, times and coordinates are to be checked.
The two sample events whose status changed (one rescheduled, one cancelled) are
dated a few weeks after the day the demo is loaded, so the demo always shows them.
"""

from django.utils import translation

from events import clock
from events.models import EventCategory, EventIndexPage, EventPage
from portal.demo.images import demo_image
from portal.demo.pages import ensure_object, may_change, upsert_page
from villages.models import EthnicGroup

from .content import CATEGORIES, EVENTS, INDEX, status_samples


def load_categories():
    categories = {}
    for order, (slug, name_vi, name_en, schema_type) in enumerate(CATEGORIES):
        wanted = {
            "name_vi": name_vi,
            "name_en": name_en,
            "schema_type": schema_type,
            "sort_order": order,
        }
        categories[slug] = ensure_object(EventCategory, {"slug": slug}, wanted)
    return categories


def _venue(spec):
    if spec is None:
        return None
    model, slug = spec
    return model.objects.filter(slug_vi=slug).first()


def _set_groups(page, groups):
    if may_change(page) and {g.pk for g in page.ethnic_groups.all()} != {g.pk for g in groups}:
        page.ethnic_groups.set(groups)
        page.save_revision().publish()


def load_event(index, spec, categories, groups):
    spec = dict(spec)
    key, category, group_slugs = spec.pop("key"), spec.pop("category"), spec.pop("groups")
    venue, palette = _venue(spec.pop("venue", None)), spec.pop("palette")
    fields = {
        **spec,
        "category": categories[category],
        "venue": venue,
        "image": demo_image(f"event-{key}", f"{spec['title_vi']} (ảnh minh họa)", palette),
        "is_sample": True,
        "show_in_menus": False,
    }
    if venue is None and "venue_name_vi" not in fields:
        # The places app's page is missing: keep the event, name the place.
        fields["venue_name_vi"] = fields["venue_name_en"] = "Bình Liêu"
    page = upsert_page(index, EventPage, fields)
    _set_groups(page, [groups[s] for s in group_slugs if s in groups])
    return page


def load(context):
    with translation.override("vi"):
        categories = load_categories()
        groups = {g.slug: g for g in EthnicGroup.objects.all()}
        index = upsert_page(context.home, EventIndexPage, {**INDEX, "show_in_menus": True})
        context.pages["events"] = index
        for spec in EVENTS + status_samples(clock.today()):
            context.pages[f"event-{spec['key']}"] = load_event(index, spec, categories, groups)
