"""Every page type has a meta description in its own language, a favicon and a
touch icon."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.staticfiles import finders
from django.utils.html import strip_tags
from modeltranslation.utils import build_localized_fieldname
from wagtail.models import get_page_models

from portal.i18n import page_url

PROJECT_APPS = {"portal", "villages", "routes", "events"}
SOURCES = ("search_description", "introduction", "summary")


def project_page_models():
    return [m for m in get_page_models() if m._meta.app_label in PROJECT_APPS]


def plain(value):
    return " ".join(strip_tags(str(value or "")).split())


def head(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return BeautifulSoup(response.content, "html.parser").head


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["vi", "en"])
@pytest.mark.parametrize("model", project_page_models(), ids=lambda m: m.__name__)
def test_every_page_type_describes_itself_in_the_visitors_language(client, model, language):
    page = model.objects.live().public().order_by("pk").first()
    metas = head(client, page_url(page, language)).select('meta[name="description"]')
    assert len(metas) == 1
    text = metas[0]["content"]
    assert 50 <= len(text) <= 160, text
    own = [plain(getattr(page, build_localized_fieldname(name, language), "")) for name in SOURCES]
    own = [value for value in own if value]
    other = "en" if language == "vi" else "vi"
    if own:
        # The first of the page's own texts in that language, shortened at a word.
        assert own[0].startswith(text.removesuffix("…").rstrip()), (text, own[0])
    else:
        theirs = [
            plain(getattr(page, build_localized_fieldname(name, other), "")) for name in SOURCES
        ]
        assert not any(t and t.startswith(text.removesuffix("…")) for t in theirs)


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
