"""load_demo builds the site once; running it again changes nothing."""

import pytest
from django.core.management import call_command
from wagtail.images import get_image_model
from wagtail.models import Page, Revision, Site

from portal.models import ContactSettings, HomePage, StandardPage

pytestmark = pytest.mark.django_db


def snapshot():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "images": get_image_model().objects.count(),
        "sites": Site.objects.count(),
    }


def test_running_load_demo_twice_leaves_the_same_pages_revisions_and_images():
    before = snapshot()
    call_command("load_demo", verbosity=0)
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


def test_load_demo_restores_a_page_an_editor_changed():
    about = StandardPage.objects.get(slug_en="about")
    about.introduction_en = "Changed"
    about.save_revision().publish()
    call_command("load_demo", verbosity=0)
    about.refresh_from_db()
    assert about.introduction_en != "Changed"
