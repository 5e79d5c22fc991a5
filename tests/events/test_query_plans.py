"""The agenda's queries read indexes, not every event, on SQLite and PostgreSQL (the
databases' own query plans, with 400 events and fresh planner statistics): at
10,000 events each full read cost the event index 7 ms on SQLite."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events import listing
from tests.events.test_query_counts_at_scale import INDEX, add_bench_events

pytestmark = pytest.mark.django_db


def _agenda_queries(client):
    client.get(INDEX)  # the first request draws renditions and caches the slices' ids
    with CaptureQueriesContext(connection) as captured:
        assert client.get(INDEX).status_code == 200
    return [q["sql"] for q in captured.captured_queries]


def _plan(sql, index_if_usable=False):
    """The database's plan for ``sql``; on PostgreSQL with ``index_if_usable``, the
    plan it makes when told to avoid full reads (at 400 events, a fifth of them
    weekly, reading them all is cheaper there, and chosen; the index must serve the
    query's shape for when it is not)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("ANALYZE")
            if index_if_usable:
                cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute("EXPLAIN " + sql)
        else:
            cursor.execute("EXPLAIN QUERY PLAN " + sql)
        return " ".join(str(row) for row in cursor.fetchall())


@pytest.fixture
def many_events(frozen_today, monkeypatch):
    monkeypatch.setattr(listing, "HORIZON_SECONDS", 3600)
    return add_bench_events(0, 400)


def test_the_weekly_box_reads_the_first_weekly_events_through_an_index(client, many_events):
    weekly = [
        sql
        for sql in _agenda_queries(client)
        if "\"schedule_kind\" = 'weekly'" in sql and "LIMIT" in sql and "EXISTS" not in sql
    ]
    assert len(weekly) == 1, weekly
    plan = _plan(weekly[0], index_if_usable=True)
    assert "events_kind_start_idx" in plan, plan
    assert "SCAN events_eventpage" not in plan  # SQLite: every event
    assert "Seq Scan on events_eventpage" not in plan  # PostgreSQL: every event


def test_an_agenda_page_reads_its_rows_without_listing_every_event_first(client, many_events):
    rows = [
        sql
        for sql in _agenda_queries(client)
        if 'FROM "events_eventoccurrence" INNER JOIN' in sql
        and '"events_eventoccurrence"."id" IN (' in sql
    ]
    assert len(rows) == 1, rows
    plan = _plan(rows[0])
    assert "LIST SUBQUERY" not in plan  # SQLite: the ids of every live event, first
    assert "SCAN U0" not in plan and "SCAN events_eventpage" not in plan
    assert "Seq Scan on events_eventpage" not in plan
