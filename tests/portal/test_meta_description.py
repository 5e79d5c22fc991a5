"""Every page type has a meta description in its own language, a favicon and a
touch icon."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.staticfiles import finders
from modeltranslation.utils import build_localized_fieldname
from wagtail.models import get_page_models

from portal.i18n import page_url
from tests.factories import publish

PROJECT_APPS = {"portal", "villages", "routes", "events"}


def project_page_models():
    return [m for m in get_page_models() if m._meta.app_label in PROJECT_APPS]


def head(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return BeautifulSoup(response.content, "html.parser").head


# The test-site page (tests/factories/site.py) of each page type.
PAGE_OF_TYPE = {
    "HomePage": "home",
    "StandardPage": "about",
    "NumbersPage": "numbers",
    "VillageIndexPage": "villages",
    "VillagePage": "village",
    "HomestayPage": "homestay",
    "AttractionIndexPage": "attractions",
    "AttractionPage": "peak",
    "HomestayFinderPage": "finder",
    "MapPage": "map",
    "EventIndexPage": "events",
    "EventPage": "event",
    "RouteIndexPage": "routes",
    "RoutePage": "route",
}
# Texts longer than a description, different in each language.
LONG_TEXT = {
    "vi": (
        "Trang thử nghiệm giới thiệu bằng tiếng Việt, đủ dài để phải cắt ngắn: những bản "
        "làng trên đồi mây, các nhà nghỉ ấm cúng, phiên chợ sáng chủ nhật và con đường "
        "lên đỉnh gió giữa mùa lau trắng."
    ),
    "en": (
        "A test page introduced in English, long enough to be shortened: villages on "
        "cloudy hills, warm homestays, the Sunday morning market and the path up the "
        "windy peak when the reeds turn white."
    ),
}


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["vi", "en"])
@pytest.mark.parametrize("model", project_page_models(), ids=lambda m: m.__name__)
def test_every_page_type_describes_itself_in_the_visitors_language(
    client, test_site, model, language
):
    page = getattr(test_site, PAGE_OF_TYPE[model.__name__])
    assert type(page) is model
    source = "summary" if model.__name__ == "EventPage" else "introduction"
    for code, text in LONG_TEXT.items():
        setattr(page, build_localized_fieldname(source, code), text)
        setattr(page, build_localized_fieldname("search_description", code), "")
    publish(page)
    metas = head(client, page_url(page, language)).select('meta[name="description"]')
    assert len(metas) == 1
    text = metas[0]["content"]
    assert 50 <= len(text) <= 160, text
    # The page's own text in that language, shortened.
    assert text.endswith("…"), text
    assert LONG_TEXT[language].startswith(text.removesuffix("…").rstrip()), text


@pytest.mark.django_db
def test_an_english_page_without_english_text_is_not_described_in_vietnamese(client, home):
    from tests.factories import add_page

    page = add_page(home, introduction_vi="Giới thiệu chỉ có tiếng Việt về bản làng.")
    vi = head(client, page_url(page, "vi")).select_one('meta[name="description"]')["content"]
    en = head(client, page_url(page, "en")).select_one('meta[name="description"]')["content"]
    assert vi == "Giới thiệu chỉ có tiếng Việt về bản làng."
    assert "Bình Liêu" in en and "tiếng Việt" not in en


@pytest.mark.django_db
def test_the_favicon_answers_at_the_site_root_and_pages_link_their_icons(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert (
        b"".join(response.streaming_content if response.streaming else [response.content])[:4]
        == b"\x00\x00\x01\x00"
    )  # the ICO file signature
    links = head(client, "/en/")
    touch = links.select_one('link[rel="apple-touch-icon"]')["href"]
    assert touch.startswith("/static/")
    assert finders.find(touch.removeprefix("/static/"))
    assert links.select_one('link[rel="icon"]')["href"] == "/favicon.ico"
