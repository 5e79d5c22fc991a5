"""Generated sample events for benchmarks (generate_bench_data), in both languages.

Kinds of event and their words come from the fact sheet (festivals, markets, Then
singing, còn throwing…); schedules mix given dates, yearly solar and lunar rules and
weekly markets, so the calendars do the work real content asks of them. Every event
is held at a generated village, flagged ``is_sample``, and the n-th event always has
the same title and slug (a second run adds nothing).
"""

import datetime
import random

from events.models import EventCategory, EventPage
from events.occurrences import Kind

# (Vietnamese name, English name, category slug or None)
KINDS = [
    ("Hội hát Soóng cọ", "Soóng cọ singing gathering", "festival"),
    ("Chợ phiên", "Market day", None),
    ("Hát Then đàn tính", "Then singing with the tính lute", None),
    ("Hội ném còn", "Còn throwing games", "festival"),
    ("Thi đẩy gậy", "Stick-pushing contest", None),
    ("Đêm lửa trại", "Campfire night", None),
    ("Lễ cầu may", "Luck-blessing rite", "ceremony"),
    ("Hội hoa sở", "Tea-oil camellia flower fair", "festival"),
    ("Ngày hội làm miến dong", "Glass-noodle making day", None),
    ("Giải bóng đá nữ váy xòe", "Women's football in pleated skirts", None),
]
SUMMARY_VI = (
    "{what} ở {where}: hát giao duyên, ẩm thực và trò chơi dân gian. "
    "Sự kiện mẫu sinh tự động để đo hiệu năng."
)
SUMMARY_EN = (
    "{what} in {where}: courting songs, food and folk games. Sample event generated for benchmarks."
)


def event_pages(numbers, villages, images):
    """Unsaved EventPages for ``numbers``, their venues among ``villages`` (saved)."""
    categories = {c.slug: c for c in EventCategory.objects.all()}
    pages = []
    for n in numbers:
        rng = random.Random(f"event-{n}")
        name_vi, name_en, category = KINDS[n % len(KINDS)]
        village = villages[n % len(villages)]
        page = EventPage(
            title_vi=f"{name_vi} {village.title_vi} {n + 1}",
            title_en=f"{name_en}, {village.title_en} {n + 1}",
            summary_vi=SUMMARY_VI.format(what=name_vi, where=village.title_vi),
            summary_en=SUMMARY_EN.format(what=name_en, where=village.title_en),
            category=categories.get(category),
            venue=village,
            image=images[n % len(images)] if images else None,
            start_date=datetime.date(2026, 1, 1) + datetime.timedelta(days=rng.randrange(730)),
            is_sample=True,
        )
        schedule(page, n, rng)
        pages.append(page)
    return pages


def schedule(page, n, rng):
    """Half the events on given dates, the rest yearly (solar, lunar) or weekly."""
    kind = [Kind.SINGLE, Kind.SINGLE, Kind.YEARLY_LUNAR, Kind.YEARLY_SOLAR, Kind.WEEKLY][n % 5]
    page.schedule_kind = kind
    if kind == Kind.SINGLE:
        page.end_date = page.start_date + datetime.timedelta(days=rng.randrange(3))
        page.start_time = datetime.time(rng.choice([8, 9, 14, 19]), 0)
    elif kind in (Kind.YEARLY_LUNAR, Kind.YEARLY_SOLAR):
        page.start_date = datetime.date(2020, 1, 1)
        page.rule_month = rng.randrange(1, 13)
        page.rule_day = rng.randrange(1, 29)
    else:
        page.weekday = rng.randrange(7)
        page.start_time = datetime.time(7, 0)
        page.duration_minutes = 240
