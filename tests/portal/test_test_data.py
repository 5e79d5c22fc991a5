"""The suite owns its data: outside tests/demo/, no demo content exists."""

from wagtail.models import Page

from portal.models import DemoRecord


def test_the_test_database_holds_no_demo_page_only_the_factory_built_site(test_site):
    assert not DemoRecord.objects.exists()
    assert not Page.objects.filter(slug_vi__in=["le-hoi", "ban-lang", "binh-lieu"]).exists()
    assert test_site.home.get_children().count() == 9  # about, trip, numbers, 6 sections
    assert test_site.village.title == "Bản Đồi Mây Thử"
