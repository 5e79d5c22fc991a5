"""The admin's main screens read in Vietnamese, even where Wagtail's own Vietnamese catalogue
is silent (the portal's catalogue, first in LOCALE_PATHS, supplies the missing strings)."""

from html.parser import HTMLParser

import pytest
from django.urls import reverse

from tests.factories import add_page

# English that these screens showed before the portal's catalogue supplied it (seen by hand
# in Wagtail 7.4 with Wagtail's own Vietnamese catalogue only).
ENGLISH_ON_THE_EXPLORER = [
    "Current page status",
    "Page 1 of 1",
    "minute ago",
    "Sort by",
    "Add child page",
    "Visit the live page",
    "minutes ago",
]
ENGLISH_ON_THE_DASHBOARD = [
    "created in",
    "Pages",
    "Images",
    "Documents",
    "Your most recent edits",
    "Log out",
    "Your version",
]
ENGLISH_ON_THE_USERS_LISTING = [
    "Select all users in listing",
    "Last login",
    "Access level",
    "Username",
]


class VisibleText(HTMLParser):
    """Collects the text a reader sees (no <script>, <style> or <template> contents)."""

    HIDDEN = {"script", "style", "template"}

    def __init__(self):
        super().__init__()
        self.parts, self.hidden = [], 0

    def handle_starttag(self, tag, attrs):
        self.hidden += tag in self.HIDDEN

    def handle_endtag(self, tag):
        self.hidden -= tag in self.HIDDEN and self.hidden > 0

    def handle_data(self, data):
        if not self.hidden and data.strip():
            self.parts.append(" ".join(data.split()))


def visible_text(response):
    parser = VisibleText()
    parser.feed(response.content.decode())
    return " | ".join(parser.parts)


def english_left(text, phrases):
    return [phrase for phrase in phrases if phrase in text]


@pytest.fixture
def english_browser(admin_client):
    """A superuser with no preferred admin language, whose browser asks for English."""
    admin_client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en-GB,en;q=0.9"
    return admin_client


def test_the_page_explorer_reads_in_vietnamese_to_an_english_browser(english_browser, home):
    from datetime import timedelta

    from django.utils import timezone
    from wagtail.models import Page

    add_page(home, title_vi="Chợ phiên thử", title_en="Test market")
    # One page edited a minute ago, one several minutes ago: both phrasings appear.
    old = add_page(home, title_vi="Trang cũ thử", title_en="Old test page")
    now = timezone.now()
    Page.objects.filter(pk=old.pk).update(
        latest_revision_created_at=now - timedelta(minutes=7),
        last_published_at=now - timedelta(minutes=7),
    )
    response = english_browser.get(reverse("wagtailadmin_explore", args=[home.pk]))
    assert response.status_code == 200
    text = visible_text(response)
    assert "Chợ phiên thử" in text
    assert english_left(text, ENGLISH_ON_THE_EXPLORER) == [], text


def test_the_dashboard_reads_in_vietnamese_to_an_english_browser(english_browser, home):
    add_page(home, title_vi="Thác thử", title_en="Test waterfall")
    response = english_browser.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    assert english_left(visible_text(response), ENGLISH_ON_THE_DASHBOARD) == []


def test_the_users_listing_reads_in_vietnamese_to_an_english_browser(english_browser):
    response = english_browser.get(reverse("wagtailusers_users:index"))
    assert response.status_code == 200
    assert english_left(visible_text(response), ENGLISH_ON_THE_USERS_LISTING) == []
