"""The partners page: every address is built from the public address the site is
served on (PORTAL_BASE_URL)."""

import re

import pytest
from bs4 import BeautifulSoup

from portal.address import BASE_URL_SETTINGS
from tests.factories.pages import add_partners_page

pytestmark = pytest.mark.django_db

HOST = "du-lich.binhlieu.example:8081"


@pytest.fixture(autouse=True)
def other_host(settings):
    """The site published on another host and port than the test default."""
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "du-lich.binhlieu.example"]
    for name in BASE_URL_SETTINGS:
        setattr(settings, name, f"http://{HOST}")


@pytest.fixture(autouse=True)
def partners_page(home):
    """The partners page the tests read: /vi/doi-tac-thu/ and /en/test-partners/."""
    return add_partners_page(home)


def partners_section(client, path):
    response = client.get(path, HTTP_HOST=HOST)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    section = soup.select_one("section.partner-addresses")
    assert section is not None
    return soup, section


def addresses_in(section):
    """Every absolute address in links, frames, code, the snippet and data attributes."""
    found = [tag["href"] for tag in section.find_all(href=True)]
    found += [tag["src"] for tag in section.find_all(src=True)]
    found += [tag["data-base"] for tag in section.find_all(attrs={"data-base": True})]
    text = section.get_text(" ") + section.textarea.get_text()
    found += re.findall(r"(?:https?|webcal)://[^\s\"'<>]+", text)
    return [address for address in found if "://" in address]


@pytest.mark.parametrize("path", ["/vi/doi-tac-thu/", "/en/test-partners/"])
def test_every_address_on_the_partners_page_uses_the_host_it_is_served_on(client, path):
    _soup, section = partners_section(client, path)
    addresses = addresses_in(section)
    assert len(addresses) >= 10
    for address in addresses:
        assert address.split("://", 1)[1].startswith(HOST + "/"), address
    assert "127.0.0.1" not in str(section)


def test_the_page_lists_webcal_https_api_geojson_and_the_embed(client, test_site):
    _soup, section = partners_section(client, "/en/test-partners/")
    addresses = set(addresses_in(section))
    for expected in (
        f"webcal://{HOST}/feeds/events.ics?lang=en",
        f"http://{HOST}/feeds/events.ics?lang=en",
        f"http://{HOST}/feeds/events.rss?lang=en",
        f"http://{HOST}/api/v2/events/?lang=en",
        f"http://{HOST}/api/places.geojson?lang=en",
    ):
        assert expected in addresses
    snippet = section.textarea.get_text()
    assert snippet.startswith(f'<iframe src="http://{HOST}/embed/events/?lang=en')
    assert section.find("iframe", attrs={"data-partner-preview": True})
    villages = section.find("select", attrs={"name": "village"}).find_all("option")[1:]
    assert [option["value"] for option in villages] == [
        test_site.village.slug_en,
        test_site.village2.slug_en,
    ]


def test_the_embed_snippet_served_to_a_partner_works(client):
    _soup, section = partners_section(client, "/vi/doi-tac-thu/")
    src = re.search(r'src="([^"]+)"', section.textarea.get_text()).group(1)
    path = src.split(HOST, 1)[1]
    response = client.get(path, HTTP_HOST=HOST)
    assert response.status_code == 200


def test_the_picker_script_is_a_static_file_not_inline(client):
    soup, _section = partners_section(client, "/en/test-partners/")
    scripts = soup.find_all("script")
    assert any(s.get("src", "").endswith("portal/js/partners.js") for s in scripts)
    assert not [s for s in scripts if not s.get("src") and s.get("type") != "application/ld+json"]
