"""``generate_bench_data`` adds sample pages that behave like staff-made ones: they
render in both languages, search finds them by their title typed without accents,
they are flagged as sample content, and a second run adds nothing."""

import unicodedata

import pytest
from bs4 import BeautifulSoup
from django.core.management import CommandError, call_command
from django.utils import translation
from wagtail.models import Page

from tests.languages import public_languages

pytestmark = pytest.mark.django_db

TINY = {"villages": 2, "homestays": 5, "events": 5, "routes": 2}


def without_accents(text):
    """How a visitor types on a phone without Vietnamese input: no marks, đ as d."""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@pytest.fixture
def generated(db):
    before = set(Page.objects.values_list("pk", flat=True))
    call_command("generate_bench_data", force=True, **TINY)
    pages = Page.objects.exclude(pk__in=before).specific()
    return list(pages)


def test_a_tiny_run_adds_the_pages_asked_for_all_flagged_as_sample_content(generated):
    kinds = sorted(type(page).__name__ for page in generated)
    assert kinds == sorted(
        ["VillagePage"] * 2 + ["HomestayPage"] * 5 + ["EventPage"] * 5 + ["RoutePage"] * 2
    )
    assert all(page.is_sample and page.live for page in generated)


def test_the_pages_go_under_the_sites_own_index_pages(generated, test_site):
    parents = {type(page).__name__: set() for page in generated}
    for page in generated:
        parents[type(page).__name__].add(page.get_parent().pk)
    villages = {page.pk for page in generated if type(page).__name__ == "VillagePage"}
    assert parents == {
        "VillagePage": {test_site.villages.pk},
        "HomestayPage": villages,
        "EventPage": {test_site.events.pk},
        "RoutePage": {test_site.routes.pk},
    }


def test_every_generated_page_answers_in_both_languages(client, generated):
    for page in generated:
        for code in public_languages():
            with translation.override(code):
                url = page.get_url()
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)
            assert f'lang="{code}"' in response.content.decode()


def test_every_generated_page_is_found_by_its_title_typed_without_accents(client, generated):
    for page in generated:
        for code, title in (("vi", page.title_vi), ("en", page.title_en)):
            response = client.get(f"/{code}/search/", {"q": without_accents(title)})
            assert response.status_code == 200
            soup = BeautifulSoup(response.content, "html.parser")
            titles = [a.get_text(strip=True) for a in soup.select(".search-title")]
            assert title in titles, (code, title, titles)


def test_every_generated_page_has_english_and_vietnamese_texts(generated):
    for page in generated:
        assert page.title_vi and page.title_en and page.title_vi != page.title_en
        assert page.slug_vi.isascii() and page.slug_en.isascii()


def test_a_second_run_adds_nothing(generated):
    pages = Page.objects.count()
    call_command("generate_bench_data", force=True, **TINY)
    assert Page.objects.count() == pages


def test_the_generator_refuses_to_run_on_a_production_site_without_force():
    pages = Page.objects.count()
    with pytest.raises(CommandError, match="DEBUG is off"):
        call_command("generate_bench_data", **TINY)
    assert Page.objects.count() == pages
