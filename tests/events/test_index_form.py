"""The events index's filters are its form's fields: what the visitor picked stays
picked, and the choices read in the visitor's alphabetical order."""

from bs4 import BeautifulSoup

from events.models import EventCategory

INDEX = "/vi/le-hoi-thu/"  # the test site's events index (tests/factories/site.py)


def options(response, name):
    soup = BeautifulSoup(response.content, "html.parser")
    select = soup.select_one(f"form.event-filters select[name={name}]")
    return [
        (o.get("value"), o.get_text(strip=True), o.has_attr("selected")) for o in select("option")
    ]


def test_categories_are_offered_in_vietnamese_alphabetical_order(client, db):
    # The Vietnamese alphabet puts Đ between D and E (code points put it after Z).
    for name, slug in [("Em thử", "em-thu"), ("Đêm thử", "dem-thu"), ("Dân thử", "dan-thu")]:
        EventCategory.objects.create(name=name, slug=slug)
    names = [text for value, text, _ in options(client.get(INDEX), "category")]
    ours = [n for n in names if n.endswith("thử")]
    assert ours == ["Dân thử", "Đêm thử", "Em thử"]
    assert names[0] == "Tất cả các loại"  # the empty choice first, in Vietnamese


def test_the_category_and_view_a_visitor_chose_stay_selected(client, db):
    EventCategory.objects.create(name="Đêm thử", slug="dem-thu")
    response = client.get(INDEX, {"category": "dem-thu", "view": "month"})
    assert response.status_code == 200
    assert [v for v, _, chosen in options(response, "category") if chosen] == ["dem-thu"]
    assert [v for v, _, chosen in options(response, "view") if chosen] == ["month"]


def test_an_unknown_view_shows_the_list(client, db):
    response = client.get(INDEX, {"view": "grid"})
    assert response.status_code == 200
    assert response.context["view"] == "agenda"
    assert [v for v, _, chosen in options(response, "view") if chosen] == []  # first: the list
    assert options(response, "view")[0][0] == "agenda"


def test_the_dates_chosen_are_shown_back_in_the_date_fields(client, db):
    response = client.get(INDEX, {"from": "2027-02-01", "to": "2027-03-01"})
    soup = BeautifulSoup(response.content, "html.parser")
    form = soup.select_one("form.event-filters")
    assert form.select_one("input[name=from]")["value"] == "2027-02-01"
    assert form.select_one("input[name=to]")["type"] == "date"
    assert form.select_one("input[name=month]")["type"] == "month"
    # No maxlength on the selects (the fields are CharFields): valid HTML.
    assert not form.select("select[maxlength]")
