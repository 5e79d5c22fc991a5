"""load_demo builds the site once; after that the content belongs to the staff."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings
from django.utils import translation
from wagtail.images import get_image_model
from wagtail.models import Page, Revision, Site

from portal.demo import has_content
from portal.models import ContactSettings, DemoRecord, HomePage, StandardPage
from villages.models import Amenity, HomestayPage, VillagePage

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
