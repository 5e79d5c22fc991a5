"""The demo's places: inside the district, flagged as samples, true to the fact sheet."""

import pytest

from tests.villages.helpers import attraction, homestay
from villages.conf import region_box
from villages.models import AttractionPage, HomestayPage, VillagePage

pytestmark = pytest.mark.django_db


def test_demo_content_has_enough_places_all_inside_the_district_box(vietnamese):
    box = region_box()
    assert HomestayPage.objects.live().count() >= 8
    assert AttractionPage.objects.live().count() >= 8
    for model in (VillagePage, HomestayPage, AttractionPage):
        for page in model.objects.all():
            assert box["min_lat"] <= page.latitude <= box["max_lat"], page.title
            assert box["min_lon"] <= page.longitude <= box["max_lon"], page.title
            assert page.is_sample, f"{page.title}: approximate coordinates must be flagged"


def test_demo_homestays_from_the_fact_sheet_keep_their_facts(vietnamese):
    a_dao = homestay("homestay-a-dao")
    assert a_dao.host_name == "Tằng Văn Dào" and a_dao.capacity == 30
    huong_hoi_que = homestay("huong-hoi-que")
    assert huong_hoi_que.host_name == "Dương Phúc Thim" and huong_hoi_que.capacity == 10
    assert "en-suite" in set(huong_hoi_que.amenities.values_list("slug", flat=True))
    assert homestay("song-moc-house").room_notes_en == "8 en-suite rooms and a dormitory."
    assert attraction("cao-xiem").elevation == 1429
