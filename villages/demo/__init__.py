"""Demo content of the places app: snippets, villages, homestays, attractions, tools.

Called by portal's ``load_demo`` with Vietnamese active; idempotent.
"""

from django.utils import translation

from portal.demo.images import demo_image
from portal.demo.pages import ensure_object, may_change, upsert_page
from villages.models import (
    Amenity,
    AttractionIndexPage,
    AttractionPage,
    Commune,
    CommuneAlias,
    EthnicGroup,
    HomestayFinderPage,
    HomestayPage,
    MapPage,
    VillageGalleryImage,
    VillageIndexPage,
    VillagePage,
)

from .homestays import CHECK_IN, CHECK_OUT, HOMESTAYS
from .places import ATTRACTION_INDEX, ATTRACTIONS, VILLAGE_INDEX, VILLAGES
from .snippets import AMENITIES, COMMUNES, ETHNIC_GROUPS

PALETTES = ["mist", "dawn", "forest", "reed", "dusk"]

FINDER = {
    "title_vi": "Tìm homestay",
    "title_en": "Find a homestay",
    "slug_vi": "tim-homestay",
    "slug_en": "homestay-finder",
    "introduction_vi": "Chọn bản, số khách, giá tối đa và tiện nghi bạn cần.",
    "introduction_en": "Choose a village, the number of guests, your budget and the amenities you need.",
}

MAP = {
    "title_vi": "Bản đồ",
    "title_en": "Map",
    "slug_vi": "ban-do",
    "slug_en": "map",
    "introduction_vi": "Bản làng, homestay và điểm đến của Bình Liêu trên một bản đồ.",
    "introduction_en": "Bình Liêu's villages, homestays and attractions on one map.",
}


_upsert = ensure_object


def load_snippets():
    groups = {
        row["slug"]: _upsert(
            EthnicGroup, {"slug": row["slug"]}, {k: v for k, v in row.items() if k != "slug"}
        )
        for row in ETHNIC_GROUPS
    }
    communes = {}
    for row in COMMUNES:
        fields = {k: v for k, v in row.items() if k not in ("slug", "aliases")}
        commune = _upsert(Commune, {"slug": row["slug"]}, {**fields, "name": fields["name_vi"]})
        if may_change(commune) and commune.former_names != row["aliases"]:
            commune.aliases.all().delete()
            for order, name in enumerate(row["aliases"]):
                CommuneAlias.objects.create(commune=commune, name=name, sort_order=order)
        communes[row["slug"]] = commune
    amenities = {
        slug: _upsert(
            Amenity,
            {"slug": slug},
            {"icon": icon, "label": vi, "label_vi": vi, "label_en": en, "sort_order": order},
        )
        for order, (slug, icon, vi, en) in enumerate(AMENITIES)
    }
    return groups, communes, amenities


def sync_m2m(page, name, objects):
    """Set a ParentalManyToManyField and publish, only when it differs."""
    if not may_change(page):
        return page
    wanted = {obj.pk for obj in objects}
    if set(getattr(page, name).values_list("pk", flat=True)) != wanted:
        setattr(page, name, objects)
        with translation.override("vi"):
            page.save_revision().publish()
        page.refresh_from_db()
    return page


def page_fields(row, skip):
    return {k: v for k, v in row.items() if k not in skip}


def load_villages(home, groups, communes):
    index = upsert_page(home, VillageIndexPage, {**VILLAGE_INDEX, "show_in_menus": True})
    villages = {}
    for n, row in enumerate(VILLAGES):
        image = demo_image(
            f"village-{row['key']}", f"{row['title_vi']} (ảnh minh họa)", PALETTES[n]
        )
        fields = page_fields(row, {"key", "groups", "commune"})
        fields.update({"image": image, "commune": communes.get(row["commune"]), "is_sample": True})
        village = upsert_page(index, VillagePage, fields)
        villages[row["key"]] = sync_m2m(
            village, "ethnic_groups", [groups[slug] for slug in row["groups"]]
        )
    _gallery(villages["luc-ngu"])
    return index, villages


def _gallery(village):
    if not may_change(village) or village.gallery_images.exists():
        return
    for order, (key, vi, en) in enumerate(
        [
            (
                "luc-ngu-roofs",
                "Mái ngói âm dương (ảnh minh họa)",
                "Yin-yang roof tiles (illustration)",
            ),
            (
                "luc-ngu-fields",
                "Ruộng quanh bản (ảnh minh họa)",
                "Fields around the village (illustration)",
            ),
        ]
    ):
        VillageGalleryImage.objects.create(
            page=village,
            image=demo_image(key, vi, PALETTES[order + 2]),
            caption_vi=vi,
            caption_en=en,
            sort_order=order,
        )


def load_homestays(villages, groups, amenities):
    homestays = []
    for n, row in enumerate(HOMESTAYS):
        fields = page_fields(row, {"village", "group", "minority", "amenities"})
        fields.update(
            {
                "host_ethnic_group": groups.get(row.get("group")),
                "local_minority_household": row.get("minority", False),
                "check_in_time": CHECK_IN,
                "check_out_time": CHECK_OUT,
                "is_sample": True,
                "image": demo_image(
                    f"homestay-{row['slug_en']}",
                    f"{row['title_vi']} (ảnh minh họa)",
                    PALETTES[n % 5],
                ),
            }
        )
        homestay = upsert_page(villages[row["village"]], HomestayPage, fields)
        homestays.append(
            sync_m2m(homestay, "amenities", [amenities[slug] for slug in row["amenities"]])
        )
    return homestays


def load_attractions(home, villages):
    index = upsert_page(home, AttractionIndexPage, {**ATTRACTION_INDEX, "show_in_menus": True})
    attractions = {}
    for n, row in enumerate(ATTRACTIONS):
        fields = page_fields(row, {"key", "village"})
        fields.update(
            {
                "village": villages.get(row.get("village")),
                "is_sample": True,
                "image": demo_image(
                    f"attraction-{row['key']}", f"{row['title_vi']} (ảnh minh họa)", PALETTES[n % 5]
                ),
            }
        )
        attractions[row["key"]] = upsert_page(index, AttractionPage, fields)
    return index, attractions


def load(context):
    groups, communes, amenities = load_snippets()
    village_index, villages = load_villages(context.home, groups, communes)
    load_homestays(villages, groups, amenities)
    attraction_index, attractions = load_attractions(context.home, villages)
    finder = upsert_page(context.home, HomestayFinderPage, {**FINDER, "show_in_menus": True})
    map_page = upsert_page(context.home, MapPage, {**MAP, "show_in_menus": True})
    context.pages.update(
        {
            "villages": village_index,
            "attractions": attraction_index,
            "homestay-finder": finder,
            "map": map_page,
            **{f"village:{key}": page for key, page in villages.items()},
            **{f"attraction:{key}": page for key, page in attractions.items()},
        }
    )
