"""Generated sample villages, homestays and routes for benchmarks (generate_bench_data).

Names and texts are combined from the fact sheet's vocabulary (shared/content/
binh-lieu-facts.md: hamlets, peoples, dishes, crafts) in Vietnamese and English, so
search and sorting meet realistic, varied words. Everything is flagged ``is_sample``
and says in its introduction that it is generated. The n-th page of a kind always
gets the same title and slug, so a second run finds it and adds nothing.
Coordinates stay inside the district's box (lat 21.45–21.65, lon 107.28–107.60).
"""

import random

from villages.models import Amenity, Commune, EthnicGroup, HomestayPage, VillagePage
from villages.routes.models import RoutePage

# Parts of hamlet names heard in Bình Liêu (fact sheet), combined.
NAME_STARTS = ["Nà", "Khe", "Pắc", "Cốc", "Ngàn", "Khau", "Nặm", "Pò", "Co", "Slán"]
NAME_ENDS = [
    "Cáu", "Tiền", "Moóc", "Ngù", "Chỉ", "Mô", "Văn", "Tâm", "Ngại", "Long",
    "Thanh", "Hồn", "Xiêm", "Sam", "Pò", "Mằn", "Ốc", "Ương", "Ảng", "Ếch",
]  # fmt: skip
FAMILY_NAMES = ["Hoàng", "Nông", "Lý", "Tằng", "Chìu", "Đặng", "Triệu", "Bàn", "Vi", "Sằn"]
GIVEN_NAMES = ["Văn Dào", "Thị Mai", "A Sáng", "Văn Sinh", "Thị Liên", "Quang Tiến", "Thị Ến"]
SIGHTS_VI = [
    "nhà trình tường lợp ngói âm dương",
    "ruộng bậc thang và rừng hồi",
    "suối trong và đồi lau biên giới",
    "làng nghề làm miến dong",
    "đồi chè và rừng cây sở",
]
SIGHTS_EN = [
    "rammed-earth houses under yin-yang tiles",
    "terraced fields and star-anise forest",
    "a clear stream and the border reed hills",
    "households making dong-root glass noodles",
    "tea hills and tea-oil camellia forest",
]
MEALS_VI = ["thịt lợn gừng", "miến dong", "gà đồi", "rau rừng", "bánh gio"]
MEALS_EN = ["pork with ginger", "glass noodles", "hill chicken", "forest greens", "ash cakes"]
SAMPLE_VI = "Trang mẫu sinh tự động để đo hiệu năng, không phải thông tin thật."
SAMPLE_EN = "Sample page generated for benchmarks, not real information."


def place_name(n):
    """A hamlet name for the n-th generated village, unique for every n."""
    start = NAME_STARTS[n % len(NAME_STARTS)]
    end = NAME_ENDS[(n // len(NAME_STARTS)) % len(NAME_ENDS)]
    rounds = n // (len(NAME_STARTS) * len(NAME_ENDS))
    return f"{start} {end}" + (f" {rounds + 1}" if rounds else "")


def coordinates(rng):
    return round(rng.uniform(21.46, 21.64), 5), round(rng.uniform(107.29, 107.59), 5)


def village_pages(numbers, images):
    """Unsaved VillagePages for the given numbers, their peoples kept in memory."""
    communes = list(Commune.objects.prefetch_related("aliases").order_by("pk")) or [None]
    groups = list(EthnicGroup.objects.order_by("pk"))
    pages = []
    for n in numbers:
        rng = random.Random(f"village-{n}")
        name = place_name(n)
        lat, lon = coordinates(rng)
        sight = rng.randrange(len(SIGHTS_VI))
        page = VillagePage(
            title_vi=f"Thôn {name}",
            title_en=f"{name} hamlet",
            introduction_vi=f"Thôn {name} có {SIGHTS_VI[sight]}. {SAMPLE_VI}",
            introduction_en=f"{name} hamlet has {SIGHTS_EN[sight]}. {SAMPLE_EN}",
            latitude=lat,
            longitude=lon,
            altitude=rng.randrange(300, 1100),
            commune=communes[n % len(communes)],
            image=images[n % len(images)] if images else None,
            is_sample=True,
        )
        page.ethnic_groups = rng.sample(groups, k=min(2, len(groups)))
        pages.append(page)
    return pages


def homestay_pages(numbers, villages, images):
    """Unsaved HomestayPages, one per number, in ``villages`` (saved, round robin);
    returns [(village, page)]."""
    groups = list(EthnicGroup.objects.order_by("pk")) or [None]
    amenities = list(Amenity.objects.order_by("pk"))
    made = []
    for n in numbers:
        rng = random.Random(f"homestay-{n}")
        village = villages[n % len(villages)]
        host = f"{FAMILY_NAMES[n % len(FAMILY_NAMES)]} {rng.choice(GIVEN_NAMES)}"
        meal = rng.randrange(len(MEALS_VI))
        low = rng.randrange(15, 40) * 10_000
        page = HomestayPage(
            title_vi=f"Homestay {host} {n + 1}",
            title_en=f"{host}'s homestay {n + 1}",
            introduction_vi=(
                f"Nhà của gia đình {host} ở {village.title_vi}, có bữa {MEALS_VI[meal]}"
                f" và nước nóng. {SAMPLE_VI}"
            ),
            introduction_en=(
                f"The {host} family's house in {village.title_en}, with {MEALS_EN[meal]}"
                f" and hot water. {SAMPLE_EN}"
            ),
            host_name_vi=host,
            host_name_en=host,
            host_ethnic_group=groups[n % len(groups)],
            capacity=rng.randrange(2, 20),
            rooms=rng.randrange(1, 6),
            price_min=low,
            price_max=low + rng.randrange(0, 30) * 10_000,
            latitude=village.latitude,
            longitude=village.longitude,
            image=images[n % len(images)] if images else None,
            is_sample=True,
        )
        page.amenities = rng.sample(amenities, k=min(3, len(amenities)))
        page._cached_parent_obj = village  # what the search index reads (search_about)
        made.append((village, page))
    return made


# What a route shares with the demo's first route: its track and what was computed
# from it (no GPX is parsed for bench data).
TRACK_FIELDS = [
    "gpx_filename", "track", "distance_m", "ascent_m", "descent_m", "min_elevation_m",
    "max_elevation_m", "duration_minutes", "start_latitude", "start_longitude",
    "end_latitude", "end_longitude", "bbox", "profile", "line", "pieces",
]  # fmt: skip
MODES = [("walk", "Đi bộ", "Walk"), ("bicycle", "Đạp xe", "Cycle"), ("motorbike", "Xe máy", "Ride")]


def route_pages(numbers, villages, images):
    template = RoutePage.objects.order_by("pk").first()
    pages = []
    for n in numbers:
        rng = random.Random(f"route-{n}")
        start = villages[n % len(villages)]
        end = villages[(n * 7 + 3) % len(villages)]
        mode, verb_vi, verb_en = MODES[n % len(MODES)]
        sight = rng.randrange(len(SIGHTS_VI))
        page = RoutePage(
            title_vi=f"{verb_vi} {start.title_vi} – {end.title_vi} {n + 1}",
            title_en=f"{verb_en} {start.title_en} to {end.title_en} {n + 1}",
            introduction_vi=f"Cung đường qua {SIGHTS_VI[sight]}. {SAMPLE_VI}",
            introduction_en=f"A route past {SIGHTS_EN[sight]}. {SAMPLE_EN}",
            mode=mode,
            difficulty=rng.choice(["easy", "moderate", "hard"]),
            best_months=sorted(rng.sample(range(1, 13), k=3)),
            image=images[n % len(images)] if images else None,
            is_sample=True,
        )
        for name in TRACK_FIELDS if template else []:
            setattr(page, name, getattr(template, name))
        pages.append(page)
    return pages
