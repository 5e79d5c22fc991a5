"""Privacy sweep: a draft, a newer unpublished revision, a password-protected page, an
expired page and a page scheduled for next year never appear in any public output
(pages, search, sitemap, API list and detail, GeoJSON, feeds, embed, the partners
page's village picker). Each kind is tried as a standard page, a village, a homestay
and an event, all built here; a published control proves that the same sweep does
find what is public."""

import datetime

import pytest
from django.conf import settings
from django.utils import timezone, translation
from wagtail.models import Page, PageViewRestriction

from events.models import EventPage
from events.occurrences import Kind
from portal.i18n import page_url
from portal.models import HomePage, StandardPage
from tests.factories import add_page, publish, rolled_back
from tests.factories.pages import add_partners_page
from tests.factories.places import add_village
from tests.villages.helpers import make_homestay
from villages.models import HomestayPage, VillagePage

pytestmark = pytest.mark.django_db

KINDS = ["draft", "revision", "private", "expired", "scheduled", "published"]


def marker(kind):
    """In titles and summaries: never in a public output while the page is hidden."""
    return f"Zq{kind}Privacy"


def slug_marker(kind):
    """In slugs: never in a public output except the answer to the page's own URL."""
    return f"zq{kind}slug"


def _make(parent, model, kind, **fields):
    word, slug = marker(kind), slug_marker(kind)
    if kind == "revision":  # public under plain names; the marker only in a draft revision
        word, slug = "Public", "public"
    names = {
        "title_vi": f"{word} trang",
        "title_en": f"{word} page",
        "slug_vi": f"{slug}-{model.__name__.lower()}-vi",
        "slug_en": f"{slug}-{model.__name__.lower()}-en",
    }
    fields = {**names, **fields}
    if model is StandardPage:
        page = add_page(parent, model, publish_it=False, **fields)
    elif model is EventPage:
        event = {
            "schedule_kind": Kind.SINGLE,
            "start_date": timezone.localdate() + datetime.timedelta(days=10),
            "venue_name_vi": "Sân thử",
            "summary_vi": f"{word} tóm tắt",
        }
        page = add_page(parent, model, publish_it=False, **{**event, **fields})
    elif model is VillagePage:
        page = add_village(parent, publish_it=False, **fields)
    else:
        page = make_homestay(parent, publish_it=False, **fields)
    return _hide(page, kind)


def _hide(page, kind):
    word = marker(kind)
    with translation.override("vi"):
        if kind == "draft":
            return page
        if kind == "scheduled":
            page.go_live_at = timezone.now() + datetime.timedelta(days=366)
            page.save_revision().publish()
            page.refresh_from_db()
            assert not page.live
            return page
        publish(page)
        if kind == "revision":
            page.title_vi = f"{word} bản nháp"
            page.title_en = f"{word} draft"
            if isinstance(page, EventPage):
                page.summary_vi = f"{word} tóm tắt nháp"
            page.save_revision()
        elif kind == "private":
            PageViewRestriction.objects.create(
                page=page, restriction_type=PageViewRestriction.PASSWORD, password="bi-mat"
            )
        elif kind == "expired":  # published to expire, and the moment has passed
            type(page).objects.filter(pk=page.pk).update(
                expire_at=timezone.now() - datetime.timedelta(hours=1)
            )
            page.refresh_from_db()
    return page


def _plant():
    """{kind: [page id of a standard page, village, homestay, event]}, with the marker
    in their titles; the homestays in the test site's first village, which stays
    public."""
    from tests.factories.site import TestSite

    site = TestSite()
    home = HomePage.objects.get()
    add_partners_page(home)
    return {
        kind: [
            _make(home, StandardPage, kind).pk,
            _make(site.villages, VillagePage, kind).pk,
            _make(site.village, HomestayPage, kind).pk,
            _make(site.events, EventPage, kind).pk,
        ]
        for kind in KINDS
    }


@pytest.fixture(scope="module")
def planted_ids(django_db_setup, django_db_blocker):
    """The pages, built once for the module inside a transaction rolled back after
    it; each test nests in it, so what a test's requests change (the expired page is
    unpublished at the first request) is rolled back with the test."""
    with rolled_back(django_db_blocker), translation.override(settings.LANGUAGE_CODE):
        yield _plant()


@pytest.fixture
def planted(planted_ids):
    """{kind: [standard page, village, homestay, event]}, read fresh for each test."""
    return {
        kind: [Page.objects.get(pk=pk).specific for pk in ids] for kind, ids in planted_ids.items()
    }


def public_outputs(client, kind, pages):
    """Every public output that could show the pages, as {what: text}."""
    from tests.factories.site import TestSite

    site = TestSite()
    word = marker(kind)
    village = site.village
    out = {}
    for language in ("vi", "en"):
        with translation.override(language):
            out[f"home {language}"] = client.get(f"/{language}/")
            out[f"village {language}"] = client.get(village.get_url())
            out[f"search {language}"] = client.get(f"/{language}/search/", {"q": word})
            for page in pages:
                url = page.get_url() if page.url_path else None
                if url:
                    out[f"{page.pk} own page {language}"] = client.get(url)
    for language in ("vi", "en"):
        out[f"events {language}"] = client.get(page_url(site.events, language))
        out[f"villages {language}"] = client.get(page_url(site.villages, language))
        out[f"map {language}"] = client.get(page_url(site.map, language))
        out[f"partners {language}"] = client.get(f"/{language}/{_partners_slug(language)}/")
    out["finder"] = client.get(page_url(site.finder, "en"), {"village": village.pk})
    out["sitemap"] = client.get("/sitemap.xml")
    for offset in range(0, 120, 20):
        out[f"api pages {offset}"] = client.get("/api/v2/pages/", {"offset": offset})
    out["api pages search"] = client.get("/api/v2/pages/", {"search": word})
    out["api places"] = client.get("/api/v2/places/", {"type": "homestay", "village": village.pk})
    out["api events"] = client.get("/api/v2/events/")
    out["api events search"] = client.get("/api/v2/events/", {"search": word})
    out["geojson"] = client.get("/api/places.geojson")
    out["ics"] = client.get("/feeds/events.ics")
    out["rss"] = client.get("/feeds/events.rss")
    out["embed"] = client.get("/embed/events/", {"limit": 20})
    for page in pages:
        out[f"{page.pk} api detail"] = client.get(f"/api/v2/pages/{page.pk}/")
        if isinstance(page.specific, EventPage):
            out[f"{page.pk} event api"] = client.get(f"/api/v2/events/{page.pk}/")
            out[f"{page.pk} event ics"] = client.get(f"/feeds/events/{page.pk}.ics")
    return {what: r.content.decode("utf-8", "replace") for what, r in out.items()}


def _partners_slug(language):
    return {"vi": "doi-tac-thu", "en": "test-partners"}[language]


def leaks(client, kind, pages):
    """The outputs that show a hidden page: its title or summary anywhere (but on the
    search page, which echoes the query: there its URL), its slug anywhere but the
    answer to its own URL (a 404 page links to the path it was asked)."""
    paths = []
    for page in pages:
        for language in ("vi", "en"):
            with translation.override(language):
                paths.append(page.get_url())
    found = []
    for what, text in public_outputs(client, kind, pages).items():
        if what.startswith("search"):
            shown = any(f'href="{path}"' in text for path in paths)
        else:
            shown = marker(kind) in text
            shown = shown or ("own page" not in what and slug_marker(kind) in text)
        if shown:
            found.append(what)
    return sorted(found)


HIDDEN = [
    "draft",
    "revision",
    "private",
    "expired",
    "scheduled",
]


@pytest.mark.parametrize("kind", HIDDEN)
def test_hidden_pages_appear_in_no_public_output(client, planted, kind):
    found = leaks(client, kind, planted[kind])
    assert not found, found


def test_the_sweep_finds_a_published_page_everywhere_it_should(client, planted):
    found = set(leaks(client, "published", planted["published"]))
    expected = {
        "sitemap",
        "search vi",
        "search en",
        "api pages search",
        "api places",
        "geojson",
        "ics",
        "rss",
        "embed",
        "api events",
        "events vi",
        "events en",
        "finder",
        "villages vi",
        "villages en",
        "partners vi",
        "partners en",
    }
    assert expected <= found, expected - found
