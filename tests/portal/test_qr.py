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


def test_a_draft_page_has_no_qr_code(admin_client, home):
    from tests.factories import add_page

    draft = add_page(home, publish_it=False)
    assert admin_client.get(f"/admin/pages/{draft.pk}/qr/vi.png").status_code == 404


def test_the_page_editor_offers_the_qr_sign(admin_client, test_site):
    page = test_site.village
    html = admin_client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert f"/admin/pages/{page.pk}/qr/sign/" in html
