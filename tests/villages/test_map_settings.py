"""The tile server behind every map is a setting (environment or settings), and its
attribution follows it; without one, OpenStreetMap's tiles and credit."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db

# The test site's map page (tests/factories/site.py).
MAP_EN = "/en/test-map/"
OWN_TILES = "https://tiles.binhlieu.example/{z}/{x}/{y}.png"
OWN_CREDIT = "© Bình Liêu district tiles"


def map_options(client, url):
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    return json.loads(soup.select_one("[data-places-map]")["data-places-map"])


def test_by_default_maps_use_openstreetmap_with_its_credit(client):
    options = map_options(client, MAP_EN)
    assert options["tiles"] == "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
    assert "OpenStreetMap" in options["attribution"]


def test_a_district_tile_server_and_its_credit_replace_the_default(client, settings):
    settings.PORTAL_MAP_TILES_URL = OWN_TILES
    settings.PORTAL_MAP_TILES_ATTRIBUTION = OWN_CREDIT
    options = map_options(client, MAP_EN)
    assert options["tiles"] == OWN_TILES
    assert options["attribution"] == OWN_CREDIT


def test_the_tile_server_can_be_set_from_the_environment():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.test",
        "PORTAL_MAP_TILES_URL": OWN_TILES,
        "PORTAL_MAP_TILES_ATTRIBUTION": OWN_CREDIT,
    }
    code = (
        "import django; django.setup(); from villages import conf; "
        "print(conf.tile_url()); print(conf.tile_attribution())"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        cwd=Path(__file__).resolve().parents[2],
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.splitlines() == [OWN_TILES, OWN_CREDIT]
