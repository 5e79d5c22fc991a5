"""Every iCalendar feed read as raw text and by a second, independent parser.

- Every TEXT value is escaped as RFC 5545 §3.3.11 says (backslash, semicolon,
  comma, newline), the calendar-level NAME, X-WR-CALNAME and X-WR-CALDESC included.
- Every VEVENT whose DTSTART is a DATE-TIME has a DTEND or a DURATION.
- Mozilla's ical.js (npm, run with node) reads every feed without error and gets
  back the texts the portal meant.
"""

import datetime
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from icalendar import Calendar

from events.models import EventPage
from tests.external_tools import require

pytestmark = pytest.mark.django_db

TEXT_PROPERTIES = {
    "SUMMARY",
    "DESCRIPTION",
    "LOCATION",
    "COMMENT",
    "NAME",
    "X-WR-CALNAME",
    "X-WR-CALDESC",
}
ICALJS_SCRIPT = Path(__file__).with_name("icaljs_read.mjs")
# Anything but an escape sequence or a character that must be escaped.
ESCAPED_TEXT = re.compile(r"^(?:[^\\;,\n]|\\[\\;,nN])*$")


def rfc5545_escape(text):
    """The escaping RFC 5545 §3.3.11 prescribes, written out from the RFC."""
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def content_lines(raw):
    """Unfolded content lines (a CRLF followed by a space or tab continues a line)."""
    text = raw.decode("utf-8")
    return re.sub(r"\r\n[ \t]", "", text).split("\r\n")


def split_line(line):
    """(NAME, value) of a content line; parameters may hold quoted ':'."""
    in_quotes = False
    for index, char in enumerate(line):
        if char == '"':
            in_quotes = not in_quotes
        elif char == ":" and not in_quotes:
            return line[:index].split(";")[0].upper(), line[index + 1 :]
    return line.upper(), ""


def feed_paths():
    paths = [f"/feeds/events.ics?lang={lang}" for lang in ("vi", "en")]
    for event in EventPage.objects.live().public().order_by("pk"):
        paths += [f"/feeds/events/{event.pk}.ics?lang={lang}" for lang in ("vi", "en")]
    paths.append("/feeds/events.ics?lang=en&category=festival")
    return paths


@pytest.fixture
def text_events(calendar, make_event, test_site):
    """The calendar, plus an event whose titles hold commas and a semicolon and a timed
    event with no end time."""
    commas = make_event(
        title_vi="Hát, múa; và chợ thử",
        title_en="Songs, dances; and a test market",
        summary_vi="Dòng một,\nDòng hai; hết.",
        summary_en="Line one,\nline two; the end.",
        venue_name_vi="Sân, bãi thử",
        venue_name_en="Test yard, field",
        category=test_site.category("festival"),
    )
    open_ended = make_event(
        title_en="Test talk with no end time",
        start_time=datetime.time(9),
        category=test_site.category("ceremony"),
    )
    return commas, open_ended


@pytest.fixture
def feeds(client, text_events):
    found = {}
    for path in feed_paths():
        response = client.get(path)
        assert response.status_code == 200, path
        found[path] = response.content
    return found


def test_every_text_value_in_every_feed_is_escaped(feeds):
    checked = 0
    for path, raw in feeds.items():
        for line in content_lines(raw):
            name, value = split_line(line)
            if name in TEXT_PROPERTIES:
                assert ESCAPED_TEXT.match(value), (path, line)
                checked += 1
    assert checked > 100


def test_calendar_names_with_commas_are_escaped_like_the_rfc_says(client, text_events):
    event = text_events[0]
    raw = client.get(f"/feeds/events/{event.pk}.ics?lang=en").content
    values = dict(split_line(line) for line in content_lines(raw) if not line.startswith(" "))
    assert values["X-WR-CALNAME"] == rfc5545_escape(event.title_en)
    assert values["NAME"] == rfc5545_escape(event.title_en)
    assert values["X-WR-CALDESC"] == rfc5545_escape(event.summary_en)


def test_every_timed_event_in_every_feed_has_an_end(feeds):
    timed = 0
    for path, raw in feeds.items():
        for vevent in Calendar.from_ical(raw).walk("VEVENT"):
            if vevent["DTSTART"].params.get("VALUE") == "DATE":
                continue
            if hasattr(vevent.decoded("DTSTART"), "hour"):
                timed += 1
                assert "DTEND" in vevent or "DURATION" in vevent, (path, vevent["SUMMARY"])
    assert timed > 0


def test_a_timed_event_without_an_end_time_lasts_its_categorys_usual_length(client, text_events):
    event = text_events[1]
    event.category.default_duration_minutes = 90
    event.category.save()
    vevent = Calendar.from_ical(client.get(event.ics_path).content).walk("VEVENT")[0]
    start, end = vevent.decoded("DTSTART"), vevent.decoded("DTEND")
    assert (end - start).total_seconds() == 90 * 60
    event.duration_minutes = 45
    event.save_revision().publish()
    vevent = Calendar.from_ical(client.get(event.ics_path).content).walk("VEVENT")[0]
    assert (vevent.decoded("DTEND") - vevent.decoded("DTSTART")).total_seconds() == 45 * 60


def test_mozilla_ical_js_reads_every_feed(feeds, tmp_path, text_events):
    node = shutil.which("node")
    require(node, "node for Mozilla's ical.js: apt-get install nodejs npm")
    require((Path(settings.BASE_DIR) / "node_modules" / "ical.js").exists(), "run `npm ci`")
    files = []
    for n, raw in enumerate(feeds.values()):
        file = tmp_path / f"feed-{n}.ics"
        file.write_bytes(raw)
        files.append(str(file))
    done = subprocess.run(
        [node, str(ICALJS_SCRIPT), *files], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    results = json.loads(done.stdout)
    assert len(results) == len(files)
    assert [r for r in results if "error" in r] == []
    assert sum(r["events"] for r in results) > len(files)
    assert all(r["timedWithoutEnd"] == 0 for r in results)
    event = text_events[0]
    paths = list(feeds)
    read = results[paths.index(f"/feeds/events/{event.pk}.ics?lang=en")]
    assert event.title_en in read["summaries"]
    # ical.js keeps the raw text of X- properties it has no type for: escaped, as sent.
    assert read["calname"] == rfc5545_escape(event.title_en)
