"""A village page's ethnic groups and commune (with its former names) come from a
cache while the content is unchanged (villages.models.queries.village_snippets): a
change shows at the next request, and a preview's unsaved choices never reach it."""

import pytest
from bs4 import BeautifulSoup
from django.test import RequestFactory

from portal.i18n import page_url
from villages.models.queries import village_snippets

pytestmark = pytest.mark.django_db


def facts(client, village, language="vi"):
    """{term: description} of the village page's facts list."""
    soup = BeautifulSoup(client.get(page_url(village, language)).content, "html.parser")
    box = soup.select_one("dl.facts")
    return {
        dt.get_text(strip=True): dt.find_next_sibling("dd").get_text(" ", strip=True)
        for dt in box.select("dt")
    }


def test_the_village_page_names_its_ethnic_group_and_its_commune_with_its_former_name(
    client, test_site
):
    shown = facts(client, test_site.village)
    assert shown["Dân tộc"] == "Sán Chỉ"
    assert shown["Xã"] == "xã Thử Bắc (trước đây là Thử Cũ)"


def test_a_renamed_commune_and_a_new_group_show_at_the_next_request(client, test_site):
    village = test_site.village
    facts(client, village)  # cached now
    commune = village.commune
    commune.name_vi = "xã Thử Đổi Tên"
    commune.save()
    village.ethnic_groups.add(test_site.group("tay"))
    village.save_revision().publish()
    shown = facts(client, test_site.village)
    assert shown["Xã"].startswith("xã Thử Đổi Tên")
    assert shown["Dân tộc"] == "Tày, Sán Chỉ"  # in the groups' own order


def test_a_previews_unsaved_groups_never_reach_the_public_page(client, test_site):
    village = test_site.village
    village.ethnic_groups = [test_site.group("dao-thanh-phan")]  # in the editor, unsaved
    request = RequestFactory().get("/")
    request.is_preview = True
    groups, commune = village_snippets(village, request)
    assert [g.name_vi for g in groups] == ["Dao Thanh Phán"]  # the preview shows them
    assert commune.name_vi == "xã Thử Bắc"
    shown = facts(client, test_site.village)
    assert shown["Dân tộc"] == "Sán Chỉ"
