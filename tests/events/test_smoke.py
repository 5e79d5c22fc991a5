import pytest

pytestmark = pytest.mark.django_db


def test_demo_event_pages_render_in_both_languages(client, frozen_today):
    for path in ("/vi/le-hoi/le-hoi-soong-co/", "/en/festivals/soong-co-singing-festival/"):
        response = client.get(path)
        assert response.status_code == 200, path


def test_the_events_index_renders(client, frozen_today):
    assert client.get("/vi/le-hoi/").status_code == 200
    assert client.get("/en/festivals/?view=month").status_code == 200
    assert client.get("/feeds/events.ics").status_code == 200
    assert client.get("/feeds/events.rss?lang=en").status_code == 200
    assert client.get("/embed/events/?lang=en").status_code == 200
    assert client.get("/api/v2/events/?lang=en").status_code == 200
    assert client.get("/vi/").status_code == 200
