"""Figures of the places app for the "Tourism in numbers" page (portal.numbers hook):
homestays, rooms and guests per village and per commune, the share run by local
ethnic-minority households, and routes by difficulty and by mode."""

from collections import Counter, defaultdict

from django.apps import apps
from django.db.models import Count, Q, Sum
from django.db.models.functions import Coalesce, Length, Substr
from django.utils.translation import gettext as _

from portal.cache import cached_for_query
from portal.numbers import Chart, Figure, NumbersSection, percent
from villages.models import HomestayPage, VillagePage
from villages.models.queries import live_public


def homestay_rows(home_page):
    """[(village, homestays, rooms, guests, minority-run)] for live villages in tree
    order. The homestays are summed in SQL per parent page, once per content version
    (summing 5,000 rows in Python on every request was most of the page's time)."""
    villages = list(
        live_public(VillagePage.objects.descendant_of(home_page))
        .select_related("commune")
        .order_by("path")
    )
    parent_path = Substr("path", 1, Length("path") - HomestayPage.steplen)
    sums = (
        live_public(HomestayPage.objects.descendant_of(home_page))
        .annotate(parent_path=parent_path)
        .values("parent_path")
        .annotate(
            homestays=Count("pk"),
            rooms_sum=Coalesce(Sum("rooms"), 0),
            guests=Coalesce(Sum("capacity"), 0),
            minority=Count("pk", filter=Q(local_minority_household=True)),
        )
        .order_by()
    )
    totals = cached_for_query(
        "numbers:homestays",
        sums,
        lambda: {
            row["parent_path"]: (row["homestays"], row["rooms_sum"], row["guests"], row["minority"])
            for row in sums
        },
    )
    return [(village, *totals.get(village.path, (0, 0, 0, 0))) for village in villages]


def homestay_section(home_page):
    rows = homestay_rows(home_page)
    columns = [_("Homestays"), _("Rooms"), _("Guests")]
    by_commune = defaultdict(lambda: [0, 0, 0])
    for village, count, rooms, guests, _minority in rows:
        name = village.commune.name if village.commune else _("No commune")
        for index, value in enumerate((count, rooms, guests)):
            by_commune[name][index] += value
    total = sum(row[1] for row in rows)
    minority = sum(row[4] for row in rows)
    return NumbersSection(
        "homestays",
        _("Homestays"),
        order=10,
        figures=[
            Figure(_("Homestays"), str(total)),
            Figure(_("Rooms"), str(sum(row[2] for row in rows))),
            Figure(_("Guests a night"), str(sum(row[3] for row in rows))),
            Figure(
                _("Run by local ethnic-minority households"),
                _("%(count)s of %(total)s (%(percent)s %%)")
                % {"count": minority, "total": total, "percent": percent(minority, total)},
            ),
        ],
        charts=[
            Chart(
                "homestays-by-village",
                _("Homestays per village"),
                _("Number of homestays, rooms and guest beds in each village."),
                columns,
                [
                    (village.title, [count, rooms, guests])
                    for village, count, rooms, guests, _m in rows
                ],
            ),
            Chart(
                "homestays-by-commune",
                _("Homestays per commune"),
                _("Number of homestays, rooms and guest beds in each commune."),
                columns,
                [(name, values) for name, values in by_commune.items()],
            ),
        ],
    )


def route_section(home_page):
    RoutePage = apps.get_model("routes", "RoutePage")
    from villages.routes.models.choices import Difficulty, Mode

    pairs = live_public(RoutePage.objects.descendant_of(home_page)).values_list(
        "difficulty", "mode"
    )
    routes = cached_for_query("numbers:routes", pairs, lambda: list(pairs))
    difficulties = Counter(difficulty for difficulty, _mode in routes)
    modes = Counter(mode for _difficulty, mode in routes)
    return NumbersSection(
        "routes",
        _("Routes"),
        order=30,
        figures=[Figure(_("Routes"), str(len(routes)))],
        charts=[
            Chart(
                "routes-by-difficulty",
                _("Routes by difficulty"),
                _("Number of published routes of each difficulty."),
                [_("Routes")],
                [(str(choice.label), [difficulties[choice.value]]) for choice in Difficulty],
            ),
            Chart(
                "routes-by-mode",
                _("Routes by mode"),
                _("Number of published routes for walking, motorbike and bicycle."),
                [_("Routes")],
                [(str(choice.label), [modes[choice.value]]) for choice in Mode],
            ),
        ],
    )


def sections(home_page):
    return [homestay_section(home_page), route_section(home_page)]
