"""``manage.py generate_bench_data``: a province's worth of sample pages, fast.

    manage.py generate_bench_data --villages 50 --homestays 5000 --events 10000 --routes 300

Adds generated villages, homestays (in those villages), events (held there) and
routes, in Vietnamese and English, all flagged as sample content (``is_sample``),
sharing the demo's images and the demo's first route track. Idempotent: the n-th page
of each kind always has the same slug, and pages already there are skipped, so a
second run adds nothing (a larger number adds only the missing ones). Pages are
inserted in bulk (portal.bulk_pages) in one transaction and indexed with the search
backend's ``add_bulk``. Needs the demo's index pages (run ``load_demo`` first).
Development and benchmarks only: refuses to run with DEBUG off unless ``--force``.
Lives in the events app because it fills both apps (events may import villages).
"""

import sys

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import translation
from modeltranslation.utils import build_localized_fieldname
from wagtail.images import get_image_model

from events.bench_data import event_pages
from events.models import EventIndexPage, EventPage
from events.models.occurrence import current_horizon, fill
from portal.bulk_pages import create_children, index_pages, write_many_to_many
from portal.slugs import ascii_slug
from villages.bench_data import homestay_pages, route_pages, village_pages
from villages.models import HomestayPage, VillageIndexPage, VillagePage
from villages.routes.models import RouteIndexPage, RoutePage

SLUG = build_localized_fieldname("slug", "vi")


class Progress:
    """A one-line text progress bar on stderr: ``[#####-----] 1200/30600 homestays``."""

    WIDTH = 30

    def __init__(self, total, stream=sys.stderr):
        self.total, self.done, self.stream, self.shown = max(total, 1), 0, stream, -1

    def __call__(self, count, label=""):
        self.done += count
        share = min(self.done / self.total, 1.0)
        if int(share * 100) == self.shown and self.done < self.total:
            return
        self.shown = int(share * 100)
        filled = int(share * self.WIDTH)
        bar = "#" * filled + "-" * (self.WIDTH - filled)
        self.stream.write(f"\r[{bar}] {self.done}/{self.total} {label:<12}")
        self.stream.flush()

    def finish(self):
        self.stream.write("\n")


def missing(pages, model):
    """The planned ``pages`` whose Vietnamese slug no page of ``model`` has yet."""
    taken = set(model.objects.values_list(SLUG, flat=True))
    return [page for page in pages if ascii_slug(page.title_vi) not in taken]


def planned_slugs(pages):
    return [ascii_slug(page.title_vi) for page in pages]


def generated_villages(slugs):
    """The generated villages in plan order, with what their index entry reads."""
    found = (
        VillagePage.objects.filter(**{f"{SLUG}__in": slugs})
        .select_related("commune")
        .prefetch_related("commune__aliases", "ethnic_groups")
    )
    by_slug = {getattr(page, SLUG): page for page in found}
    return [by_slug[slug] for slug in slugs if slug in by_slug]


def index_page(model):
    page = model.objects.first()
    if page is None:
        raise CommandError(
            f"No {model._meta.verbose_name} in the site: run load_demo before generate_bench_data."
        )
    return page


class Command(BaseCommand):
    help = (
        "Add generated sample villages, homestays, events and routes (both languages, "
        "flagged as sample content) in bulk for benchmarks; a second run adds nothing. "
        "Development only unless --force."
    )

    def add_arguments(self, parser):
        for name, default in (("villages", 50), ("homestays", 5000), ("events", 10000)):
            parser.add_argument(f"--{name}", type=int, default=default)
        parser.add_argument("--routes", type=int, default=300)
        parser.add_argument(
            "--force", action="store_true", help="Run even though DEBUG is off (production)."
        )

    def handle(self, *args, **options):
        if not settings.DEBUG and not options["force"]:
            raise CommandError(
                "generate_bench_data adds sample pages for benchmarks (DEBUG is off). "
                "Add --force to add them to this database anyway."
            )
        counts = {name: max(0, options[name]) for name in ("villages", "homestays", "events")}
        counts["routes"] = max(0, options["routes"])
        if counts["villages"] == 0 and any(counts.values()):
            raise CommandError("Homestays, events and routes need at least one village.")
        with translation.override("vi"), transaction.atomic():
            made = generate(counts)
        self.stdout.write(
            self.style.SUCCESS(
                "Sample data ready: "
                + ", ".join(f"{made[name]} new {name}" for name in counts)
                + " (pages already there were kept)."
            )
        )


def generate(counts):
    """Create the missing pages of ``counts`` ({kind: number}); returns {kind: created}."""
    images = list(get_image_model().objects.order_by("pk")[:8])
    progress = Progress(2 * sum(counts.values()))
    made = dict.fromkeys(counts, 0)
    plan = village_pages(range(counts["villages"]), images)
    new = missing(plan, VillagePage)
    if new:
        create_children(index_page(VillageIndexPage), new)
        write_many_to_many(new, "ethnic_groups")
    progress(counts["villages"], "villages")
    villages = generated_villages(planned_slugs(plan))  # with what their index reads
    new_slugs = set(planned_slugs(new))
    index_pages(VillagePage, [v for v in villages if getattr(v, SLUG) in new_slugs])
    progress(counts["villages"], "index")
    made["villages"] = len(new)
    if not villages:
        return made
    made["homestays"] = add_homestays(counts["homestays"], villages, images, progress)
    for name, model, build, parent in (
        ("events", EventPage, event_pages, EventIndexPage),
        ("routes", RoutePage, route_pages, RouteIndexPage),
    ):
        new = missing(build(range(counts[name]), villages, images), model)
        if new:
            create_children(index_page(parent), new)
            if model is EventPage:  # their stored occurrences (events.models.occurrence)
                fill(new, current_horizon())
        progress(counts[name], name)
        index_pages(model, new, lambda n: progress(n, "index"))
        progress(counts[name] - len(new), "index")
        made[name] = len(new)
    progress.finish()
    return made


def add_homestays(count, villages, images, progress):
    """The missing homestays among the first ``count``, each under its village."""
    pairs = homestay_pages(range(count), villages, images)
    new = missing([page for _village, page in pairs], HomestayPage)
    new_ids = {id(page) for page in new}
    by_village = {}
    for village, page in pairs:
        if id(page) in new_ids:
            by_village.setdefault(village.pk, (village, []))[1].append(page)
    for village, pages in by_village.values():
        create_children(village, pages)
        progress(len(pages), "homestays")
    write_many_to_many(new, "amenities")
    progress(count - len(new), "homestays")
    index_pages(HomestayPage, new, lambda n: progress(n, "index"))
    progress(count - len(new), "index")
    return len(new)
