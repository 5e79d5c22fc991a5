"""QR codes for village signs: the decoded code is the page's URL in its language."""

import io

import pytest
import zxingcpp
from bs4 import BeautifulSoup
from PIL import Image

from portal.address import BASE_URL_SETTINGS
from tests.factories.site import VILLAGE

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def public_host(settings):
    """The site published on another host and port than the test default."""
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "binhlieu.example"]
    for name in BASE_URL_SETTINGS:
        setattr(settings, name, "http://binhlieu.example:8443")


def decode_png(data):
    results = zxingcpp.read_barcodes(Image.open(io.BytesIO(data)))
    assert len(results) == 1
    return results[0].text


@pytest.mark.parametrize(
    ("language", "path"),
    [
        ("vi", f"/vi/ban-lang-thu/{VILLAGE['slug_vi']}/"),
        ("en", f"/en/test-villages/{VILLAGE['slug_en']}/"),
    ],
)
def test_the_png_scans_to_the_village_page_in_its_language(admin_client, test_site, language, path):
    page = test_site.village
    response = admin_client.get(
        f"/admin/pages/{page.pk}/qr/{language}.png", HTTP_HOST="binhlieu.example:8443"
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert decode_png(response.content) == f"http://binhlieu.example:8443{path}"


def test_the_svg_download_is_an_svg_image(admin_client, test_site):
    page = test_site.village
    response = admin_client.get(f"/admin/pages/{page.pk}/qr/en.svg")
    assert response["Content-Type"] == "image/svg+xml"
    assert b"<svg" in response.content
    assert "attachment" in response["Content-Disposition"]


def test_the_a5_sign_shows_the_title_and_code_in_both_languages(admin_client, test_site):
    page = test_site.village
    soup = BeautifulSoup(
        admin_client.get(f"/admin/pages/{page.pk}/qr/sign/").content, "html.parser"
    )
    panels = {section["lang"]: section for section in soup.select("section.qr-sign__panel")}
    assert panels["vi"].h1.get_text(strip=True) == page.title_vi
    assert panels["en"].h1.get_text(strip=True) == page.title_en
    assert all(panel.find("svg") for panel in panels.values())
    assert soup.find("link", rel="stylesheet")["href"].endswith("qr-sign.css")
    assert not soup.find("style") and not soup.find(attrs={"style": True})


def hidden_village(index, kind, monkeypatch):
    """A village the public cannot see: a draft, password-protected, expired (published
    to expire in a minute, and the clock moved two minutes on) or scheduled for next
    year."""
    import datetime

    from django.utils import timezone, translation
    from wagtail.models import PageViewRestriction

    from portal import expiry
    from tests.factories import publish
    from tests.factories.places import add_village

    page = add_village(index, publish_it=kind in ("private", "expired"))
    if kind == "private":
        PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.PASSWORD, password="bi-mat"
        )
    elif kind == "expired":
        page.expire_at = timezone.now() + datetime.timedelta(minutes=1)
        page = publish(page)
        later = timezone.now() + datetime.timedelta(minutes=2)
        monkeypatch.setattr(expiry, "now", lambda: later)
    elif kind == "scheduled":
        with translation.override("vi"):
            page.go_live_at = timezone.now() + datetime.timedelta(days=366)
            page.save_revision().publish()
        page.refresh_from_db()
        assert not page.live
    return page


@pytest.mark.parametrize("kind", ["draft", "private", "expired", "scheduled"])
def test_a_page_the_public_cannot_see_has_no_qr_code_or_sign(
    admin_client, test_site, monkeypatch, kind
):
    page = hidden_village(test_site.villages, kind, monkeypatch)
    for path in ("vi.png", "en.svg", "sign/"):
        response = admin_client.get(f"/admin/pages/{page.pk}/qr/{path}")
        assert response.status_code == 404, path
    html = admin_client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert f"/admin/pages/{page.pk}/qr/sign/" not in html


def test_the_page_editor_offers_the_qr_sign(admin_client, test_site):
    page = test_site.village
    html = admin_client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert f"/admin/pages/{page.pk}/qr/sign/" in html
