"""The bounded candidate plan (portal/search_backend.py) on SQLite and PostgreSQL:
when the first cut of best-ranked matches is all drafts, it widens until the
published pages are found, and never returns a draft."""

from portal.models import StandardPage
from portal.searching.results import searchable_pages
from tests.factories import add_page

FIRST_CUT = 30  # at least 30 candidates are read first (3 × the 5 asked for is less)


def test_a_published_page_ranked_below_a_whole_cut_of_drafts_is_still_found(home):
    for n in range(FIRST_CUT + 1):
        # the marker three times in the title: these drafts outrank the page below
        add_page(
            home,
            StandardPage,
            publish_it=False,
            title_vi=f"Nháp zqxwvs zqxwvs zqxwvs {n}",
            title_en=f"Draft zqxwvs zqxwvs zqxwvs {n}",
        )
    published = add_page(
        home, StandardPage, title_vi="Trang công khai về zqxwvs", title_en="Public zqxwvs page"
    )
    found = list(searchable_pages().search("zqxwvs")[:5])
    assert [page.pk for page in found] == [published.pk]
