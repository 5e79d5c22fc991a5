"""The demo smoke tests: the demo loads, every demo page answers in each language,
load_demo leaves staff edits alone (and --reset restores), and the demo pages' facts
agree with the fact sheet (/work/shared/content/binh-lieu-facts.md).

Every test here runs on the demo (tests/demo/conftest.py).
"""

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings
from django.utils import translation
from wagtail.images import get_image_model
from wagtail.models import Page, Revision, Site

from events.models import EventPage
from portal.demo import has_content
from portal.i18n import page_url
from portal.models import ContactSettings, DemoRecord, HomePage, StandardPage
from tests.languages import public_languages
from villages.models import Amenity, Commune, HomestayPage, VillagePage
from villages.routes.display import live_places, route_stages
from villages.routes.models import RoutePage

pytestmark = pytest.mark.django_db

NOTICE = "This page has not been translated into English yet"


def test_every_demo_page_answers_in_each_language_with_its_html_lang(client):
    pages = [p.specific for p in Page.objects.live().public().filter(depth__gte=2)]
    assert len(pages) >= 20
    for page in pages:
        for code in public_languages():
            url = page_url(page, code)
            response = client.get(url)
            assert response.status_code == 200, url
            assert BeautifulSoup(response.content, "html.parser").html["lang"] == code, url


def test_no_demo_standard_page_shows_the_fallback_notice_in_english(client):
    for page in StandardPage.objects.live():
        url = page_url(page, "en")
        assert NOTICE not in client.get(url).content.decode(), url


def snapshot():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "images": get_image_model().objects.count(),
        "sites": Site.objects.count(),
    }


def test_running_load_demo_twice_leaves_the_same_pages_revisions_and_images():
    before = snapshot()
    call_command("load_demo", force=True, verbosity=0)
    assert snapshot() == before


def test_demo_site_has_the_home_page_as_its_root_and_no_wagtail_welcome_page():
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    assert not Page.objects.filter(slug="home", depth=2).exists()


def test_demo_has_the_required_standard_pages_in_both_languages():
    slugs = set(StandardPage.objects.live().values_list("slug_en", flat=True))
    assert {"about", "sustainable-tourism", "partners", "contact"} <= slugs
    for page in StandardPage.objects.all():
        assert page.title_vi and page.title_en
        assert page.introduction_vi and page.introduction_en
        assert len(page.body_vi) and len(page.body_en)


def test_demo_texts_carry_vietnamese_diacritics():
    about = StandardPage.objects.get(slug_en="about")
    text = " ".join(str(block.value) for block in about.body_vi)
    for word in ("Sán Chỉ", "Dao Thanh Phán", "Tày", "Bình Liêu"):
        assert word in text


def test_demo_contact_details_are_flagged_as_sample_data():
    settings = ContactSettings.for_site(Site.objects.get(is_default_site=True))
    assert settings.is_sample
    assert settings.phone_href.startswith("tel:+84")


def _edit_and_publish(page, **fields):
    with translation.override("vi"):
        for name, value in fields.items():
            setattr(page, name, value)
        page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def edited_homestay():
    """A homestay whose title, English slug and price an editor changed and published."""
    page = HomestayPage.objects.get(slug_vi="huong-hoi-que")
    return _edit_and_publish(
        page,
        title_vi="Homestay Hương Hồi Quế (đã sửa)",
        slug_en="huong-hoi-que-renamed",
        price_min=520000,
    )


def test_load_demo_leaves_a_homestay_as_the_editor_published_it(edited_homestay):
    revision = edited_homestay.latest_revision_id
    call_command("load_demo", force=True, verbosity=0)
    page = HomestayPage.objects.get(pk=edited_homestay.pk)
    assert page.title_vi == "Homestay Hương Hồi Quế (đã sửa)"
    assert page.slug_en == "huong-hoi-que-renamed"
    assert page.price_min == 520000
    assert page.latest_revision_id == revision
    assert page.live_revision_id == revision


def test_the_renamed_homestay_answers_at_the_editors_url_after_load_demo(client, edited_homestay):
    call_command("load_demo", force=True, verbosity=0)
    response = client.get(edited_homestay.get_url())
    assert response.status_code == 200
    assert "Homestay Hương Hồi Quế (đã sửa)" in response.content.decode()


def test_load_demo_does_not_bring_back_a_page_an_editor_deleted():
    about = StandardPage.objects.get(slug_en="about")
    about.delete()
    pages = Page.objects.count()
    call_command("load_demo", force=True, verbosity=0)
    assert not StandardPage.objects.filter(slug_en="about").exists()
    assert Page.objects.count() == pages


def test_load_demo_does_not_bring_back_a_deleted_village_or_its_homestays():
    village = VillagePage.objects.get(slug_vi="luc-ngu")
    homestays = HomestayPage.objects.child_of(village).count()
    assert homestays > 0
    village.delete()
    call_command("load_demo", force=True, verbosity=0)
    assert not VillagePage.objects.filter(slug_vi="luc-ngu").exists()


def test_load_demo_leaves_snippets_images_and_contact_details_as_staff_left_them():
    amenity = Amenity.objects.get(slug="wifi")
    amenity.label_en = "Wireless internet"
    amenity.save()
    image = get_image_model().objects.filter(title__contains="ảnh minh họa").first()
    image.title = "Ảnh do biên tập viên đặt tên"
    image.save()
    contact = ContactSettings.for_site(Site.objects.get(is_default_site=True))
    contact.phone = "0203 3878 888"
    contact.save()
    images = get_image_model().objects.count()
    call_command("load_demo", force=True, verbosity=0)
    assert Amenity.objects.get(slug="wifi").label_en == "Wireless internet"
    assert get_image_model().objects.get(pk=image.pk).title == "Ảnh do biên tập viên đặt tên"
    assert get_image_model().objects.count() == images
    assert ContactSettings.objects.get(pk=contact.pk).phone == "0203 3878 888"


def test_load_demo_reset_restores_the_edited_and_the_deleted_pages(edited_homestay):
    StandardPage.objects.get(slug_en="about").delete()
    call_command("load_demo", reset=True, force=True, verbosity=0)
    page = HomestayPage.objects.get(pk=edited_homestay.pk)
    assert page.title_vi == "Homestay Hương Hồi Quế"
    assert page.slug_en == "huong-hoi-que"
    assert page.price_min == 450000
    about = StandardPage.objects.get(slug_en="about")
    assert about.live and about.title_en == "About Bình Liêu"


@override_settings(DEBUG=False)
def test_load_demo_refuses_to_run_with_debug_off_without_force():
    pages = Page.objects.count()
    with pytest.raises(CommandError, match="--force"):
        call_command("load_demo", verbosity=0)
    assert Page.objects.count() == pages


def test_the_demo_database_counts_as_having_content_and_an_empty_one_does_not():
    assert has_content()
    Page.objects.filter(depth=2).delete()
    DemoRecord.objects.all().delete()
    assert not has_content()


def test_prepare_does_not_load_the_demo_into_a_database_with_content(monkeypatch):
    about = _edit_and_publish(StandardPage.objects.get(slug_en="about"), title_en="About us")
    StandardPage.objects.get(slug_en="contact").delete()
    monkeypatch.setattr("portal.management.commands.prepare.call_command", _only_load_demo)
    call_command("prepare", verbosity=0)
    assert StandardPage.objects.get(pk=about.pk).title_en == "About us"
    assert not StandardPage.objects.filter(slug_en="contact").exists()


def _only_load_demo(name, *args, **kwargs):
    """prepare's sub-commands, minus the slow ones that do not touch content."""
    if name == "load_demo":
        call_command(name, *args, force=True, reset=True, **kwargs)


# The fact sheet.

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
    texts = " ".join(
        str(getattr(p.specific, "body_en", "")) for p in Page.objects.live().specific()
    )
    assert "keep most of what" not in texts
