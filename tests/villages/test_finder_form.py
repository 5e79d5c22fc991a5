"""Valid finder filters give what they always gave, on homestays built here: each
filter alone and combined, each sort order, with the expected list worked out in the
test from the homestays' own values (every search asks for more guests than any other
homestay takes, so only these can match)."""

import math

import pytest
from bs4 import BeautifulSoup
from django.db.models import Max

from tests.factories.places import add_listing_homestay as make_homestay
from villages.models import HomestayPage

pytestmark = pytest.mark.django_db

# The test site's finder page (tests/factories/site.py).
FINDER_EN = "/en/find-a-test-homestay/"


def shown(response):
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert not soup.select(".notice--warning li, .notice--error li")
    return [a.get_text(strip=True) for a in soup.select(".homestay-card h3 a")]


@pytest.fixture
def built(test_site):
    """Six homestays in the test site's two villages (of two communes), bigger than any
    other one."""
    first, second = test_site.village, test_site.village2
    assert first.commune_id != second.commune_id
    wifi, meals = test_site.amenity("wifi"), test_site.amenity("meals")
    group = test_site.group("dao-thanh-phan")
    largest = HomestayPage.objects.aggregate(m=Max("capacity"))["m"] or 0
    base = largest + 5
    specs = [
        # (village, capacity, price_min, amenities, host group, latitude offset)
        (first, base, 300_000, [wifi, meals], group, 0.010),
        (first, base + 2, 150_000, [wifi], None, 0.030),
        (first, base, 450_000, [meals], group, 0.020),
        (second, base + 1, 160_000, [wifi, meals], None, 0.005),
        (second, base + 3, 90_000, [], group, 0.040),
        (second, base, 600_000, [wifi], None, 0.001),
    ]
    homes = []
    for n, (village, capacity, price, amenities, host, offset) in enumerate(specs):
        home = make_homestay(
            village,
            amenities=[a.slug for a in amenities],
            title_en=f"Finder form house {n}",
            capacity=capacity,
            price_min=price,
            price_max=price + 50_000,
            host_ethnic_group=host,
            latitude=float(second.latitude) + offset,
            longitude=float(second.longitude),
        )
        home.spec = {
            "village": village,
            "capacity": capacity,
            "price": price,
            "amenities": set(amenities),
            "host": host,
        }
        homes.append(home)
    return {
        "homes": homes,
        "base": base,
        "first": first,
        "second": second,
        "wifi": wifi,
        "meals": meals,
        "group": group,
    }


def by_price(homes):
    return [h.title_en for h in sorted(homes, key=lambda h: (h.price_min, h.price_max))]


def test_each_filter_alone_and_together_finds_the_homestays_built_for_it(client, built):
    homes, base = built["homes"], built["base"]
    wifi, meals, group = built["wifi"], built["meals"], built["group"]
    first, second = built["first"], built["second"]
    cases = [
        ({}, homes),
        ({"guests": base + 2}, [h for h in homes if h.spec["capacity"] >= base + 2]),
        ({"amenity": wifi.slug}, [h for h in homes if wifi in h.spec["amenities"]]),
        (
            {"amenity": [wifi.slug, meals.slug]},
            [h for h in homes if {wifi, meals} <= h.spec["amenities"]],
        ),
        ({"max_price": "300.000"}, [h for h in homes if h.spec["price"] <= 300_000]),
        ({"village": first.pk}, [h for h in homes if h.spec["village"] == first]),
        ({"commune": second.commune.slug}, [h for h in homes if h.spec["village"] == second]),
        ({"ethnic_group": group.slug}, [h for h in homes if h.spec["host"] == group]),
        (
            {"village": first.pk, "amenity": meals.slug, "max_price": 400000},
            [
                h
                for h in homes
                if h.spec["village"] == first
                and meals in h.spec["amenities"]
                and h.spec["price"] <= 400_000
            ],
        ),
    ]
    for params, expected in cases:
        params = {"guests": base, **params}
        assert expected, params  # every case finds something
        assert shown(client.get(FINDER_EN, params)) == by_price(expected), params


def test_sorting_by_capacity_and_by_distance_orders_the_homestays_built(client, built):
    homes, base, second = built["homes"], built["base"], built["second"]
    by_capacity = sorted(homes, key=lambda h: (-h.capacity, h.price_min))
    response = client.get(FINDER_EN, {"guests": base, "sort": "capacity"})
    assert shown(response) == [h.title_en for h in by_capacity]

    def distance(home):  # equirectangular, in degrees²: enough to order by distance
        lat, lon = float(second.latitude), float(second.longitude)
        scale = math.cos(math.radians(lat))
        return (float(home.latitude) - lat) ** 2 + ((float(home.longitude) - lon) * scale) ** 2

    nearest = sorted(homes, key=distance)
    response = client.get(FINDER_EN, {"guests": base, "sort": "distance", "near": second.pk})
    assert shown(response) == [h.title_en for h in nearest]
    # Sorting by distance from the chosen village when no other village is given.
    in_second = [h for h in nearest if h.spec["village"] == second]
    response = client.get(FINDER_EN, {"guests": base, "sort": "distance", "village": second.pk})
    assert shown(response) == [h.title_en for h in in_second]


def test_the_chips_link_to_the_same_search_without_that_filter(client, built):
    base, wifi = built["base"], built["wifi"]
    response = client.get(FINDER_EN, {"guests": base, "amenity": wifi.slug, "sort": "capacity"})
    soup = BeautifulSoup(response.content, "html.parser")
    links = [a["href"] for a in soup.select(".finder-chips a.chip:not(.chip--clear)")]
    assert links == [
        f"{FINDER_EN}?amenity={wifi.slug}&sort=capacity",
        f"{FINDER_EN}?guests={base}&sort=capacity",
    ]
