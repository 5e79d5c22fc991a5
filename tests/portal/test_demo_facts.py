"""The demo pages' factual fields agree with /work/shared/content/binh-lieu-facts.md.

``FACTS`` is a small table copied by hand from the fact sheet; each test reads the
demo pages a visitor sees and compares. Statements the fact sheet does not support
must be gone, or flagged as sample in the visible text.
"""

import pytest
from django.utils import translation

from events.models import EventPage
from villages.models import Commune, VillagePage
from villages.routes.display import live_places, route_stages
from villages.routes.models import RoutePage

pytestmark = pytest.mark.django_db

# From the fact sheet: (first day, month, last day, month) of the lunar festivals,
# the ethnic groups it names for each, and where each is held.
FACTS = {
    "soong-co-singing-festival": {
        "lunar": (16, 3, None, None),
        "groups": {"san-chi"},
        "venue": "Húc Động",
    },
    "kieng-gio-wind-avoiding-day": {
        "lunar": (4, 4, None, None),
        "groups": {"dao-thanh-phan"},
        "venue": "Đồng Văn",
    },
    "luc-na-communal-house-festival": {
        "lunar": (15, 1, 17, 1),
        "groups": {"tay", "dao-thanh-phan", "san-chi"},
        "venue": "Lục Nà",
    },
    "vo-ngai-communal-house-festival": {"lunar": (5, 1, 6, 1), "groups": set(), "venue": "Vô Ngại"},
    "dao-tet-season": {
        "lunar": (15, 12, 15, 1),
        "groups": {"dao-thanh-phan"},
        "venue": "Sông Moóc",
    },
}
DISTANCE_FROM_CENTRE_KM = {"song-mooc-khe-tien": 30}  # "Sông Moóc … about 30 km"
SONG_MOOC_FROM_CENTRE_KM = 30
# Aliases the fact sheet supports: Lục Ngù, "xã Húc Động (now xã Bình Liêu area)".
SUPPORTED_ALIASES = {"binh-lieu": {"Húc Động"}, "hoanh-mo": set(), "luc-hon": set()}
ROUTE_LENGTHS_KM = {"dinosaurs-spine": 2, "cao-xiem-trek": 7}  # "about 2 km", "about 7 km"


def venue_text(page):
    """The venue as the page names it, in Vietnamese."""
    with translation.override("vi"):
        if page.venue_id:
            return page.venue.title
        return f"{page.venue_name} {page.venue_address}"


@pytest.mark.parametrize("slug", FACTS)
def test_each_lunar_festival_has_the_fact_sheets_dates_groups_and_venue(slug):
    page = EventPage.objects.get(slug_en=slug)
    fact = FACTS[slug]
    assert (page.rule_day, page.rule_month, page.rule_end_day, page.rule_end_month) == fact["lunar"]
    assert {group.slug for group in page.ethnic_groups.all()} == fact["groups"]
    assert fact["venue"] in venue_text(page)


def test_the_football_sample_says_pleated_skirts_and_is_flagged():
    page = EventPage.objects.get(slug_en="womens-football-in-pleated-skirts")
    assert "váy xếp ly" in page.title_vi and "xòe" not in page.title_vi + str(page.description_vi)
    assert "(mẫu)" in page.title_vi and "(sample)" in page.title_en


def test_kieng_gio_states_only_what_the_fact_sheet_gives():
    page = EventPage.objects.get(slug_en="kieng-gio-wind-avoiding-day")
    text = f"{page.summary_en} {page.description_en}"
    for unsupported in ("fields", "Pả dung", "red costume", "folk games"):
        assert unsupported not in text


@pytest.mark.parametrize(("slug", "km"), DISTANCE_FROM_CENTRE_KM.items())
def test_village_distances_are_the_fact_sheets(slug, km):
    assert float(VillagePage.objects.get(slug_en=slug).distance_from_centre) == km


def test_commune_aliases_are_only_those_the_fact_sheet_supports():
    for commune in Commune.objects.all():
        assert set(commune.former_names) <= SUPPORTED_ALIASES[commune.slug], commune.slug


@pytest.mark.parametrize(("slug", "km"), ROUTE_LENGTHS_KM.items())
def test_route_lengths_are_about_the_fact_sheets(slug, km):
    assert RoutePage.objects.get(slug_en=slug).distance_m / 1000 == pytest.approx(km, rel=0.1)


def test_the_spine_route_claims_no_best_months_the_fact_sheet_lacks():
    assert RoutePage.objects.get(slug_en="dinosaurs-spine").best_months in ([], None)


def test_the_villages_ride_agrees_with_the_sites_own_distances_and_counts_its_nights():
    page = RoutePage.objects.get(slug_en="luc-ngu-to-khe-tien")
    luc_ngu = VillagePage.objects.get(slug_en="luc-ngu")
    stages = list(page.stages.all())
    places = live_places([stage.ends_at_id for stage in stages])
    shown = route_stages(page, None, stages, places)
    day_one_km = shown[0].distance_m / 1000
    via_centre_km = float(luc_ngu.distance_from_centre) + SONG_MOOC_FROM_CENTRE_KM
    assert day_one_km == pytest.approx(via_centre_km, rel=0.15)
    # A two-day journey: one night between the days, and no claim about the border belt.
    assert "hai ngày" in page.introduction_vi and "two-day" in page.introduction_en
    assert len(stages) == 2
    notes = [stop.note_en for stop in page.stops.all() if "night" in stop.note_en.lower()]
    assert len(notes) == len(stages) - 1
    assert "border belt" not in page.permits_en and "vành đai" not in page.permits_vi


def test_the_about_page_makes_no_unsupported_claim_about_spending():
    from wagtail.models import Page

    texts = " ".join(
        str(getattr(p.specific, "body_en", "")) for p in Page.objects.live().specific()
    )
    assert "keep most of what" not in texts
