"""The test site every test database starts with, built by factories once per worker.

Made-up content, one or two pages of every type, in Vietnamese and English:

- home page (the default Site's root), an about page, a plan-your-trip page (the home
  page's ``trip_page``) and the tourism-in-numbers page;
- snippets: three ethnic groups, two communes (one with a former name), three
  amenities, three event categories;
- villages index with two villages, three homestays (two in the first village),
  attractions index with two attractions, the homestay finder and the map;
- events index with a yearly lunar festival, a weekly market and a one-off event
  held at the first village;
- routes index with one route (a straight 1.1 km climb) stopping at the first
  village and the first attraction.

Tests reach these through the ``test_site`` fixture (``test_site.village``, …), fresh
from the database in every test; tests that need more or other content add it with
the factories. Nothing here comes from the demo or the fact sheet.
"""

import datetime
from dataclasses import dataclass, field

from django.core.management import call_command
from django.utils import translation
from wagtail.models import Page, Site

from events.models import EventIndexPage
from events.occurrences import Kind, Weekday
from portal.address import site_address
from portal.models import ContactSettings, HomePage, NumbersPage
from villages.models import (
    AttractionIndexPage,
    AttractionKind,
    HomestayFinderPage,
    MapPage,
    VillageIndexPage,
)
from villages.routes.models import RouteIndexPage

from . import add_page, publish
from .events import add_category, add_event
from .images import make_image
from .places import (
    add_amenity,
    add_attraction,
    add_commune,
    add_ethnic_group,
    add_homestay,
    add_village,
)
from .routes import add_route

# The fields tests compare against: defined here, independent of the demo.
VILLAGE = {
    "title_vi": "Bản Đồi Mây Thử",
    "title_en": "Cloud Hill Test Village",
    "slug_vi": "ban-doi-may-thu",
    "slug_en": "cloud-hill-test-village",
    "latitude": 21.5600,
    "longitude": 107.3600,
    "altitude": 800,
    "featured": True,
    "introduction_vi": "Bản thử nghiệm trên đồi mây, nơi người Sán Chỉ đón khách.",
    "introduction_en": "A test village on a cloudy hill where Sán Chỉ families welcome guests.",
}
VILLAGE2 = {
    "title_vi": "Bản Suối Đá Thử",
    "title_en": "Stone Stream Test Village",
    "slug_vi": "ban-suoi-da-thu",
    "slug_en": "stone-stream-test-village",
    "latitude": 21.5100,
    "longitude": 107.4500,
    "altitude": 300,
    "featured": False,
    "introduction_vi": "Bản thử nghiệm bên suối đá của người Tày.",
    "introduction_en": "A Tày test village by a stony stream.",
}


@dataclass
class SiteKeys:
    """Primary keys of what ``build_site`` made, by name."""

    pages: dict = field(default_factory=dict)
    snippets: dict = field(default_factory=dict)


KEYS = SiteKeys()


def _site(home):
    hostname, port = site_address()
    site = Site.objects.filter(is_default_site=True).first()
    old_root = site.root_page if site else None
    if site is None:
        site = Site(is_default_site=True)
    site.root_page, site.site_name, site.hostname, site.port = home, "Thử nghiệm", hostname, port
    site.save()
    if old_root is not None and old_root.pk != home.pk and not old_root.get_children().exists():
        old_root.delete()  # Wagtail's welcome page
    contact = ContactSettings.for_site(site)
    contact.office_name = contact.office_name_vi = "Văn phòng thử nghiệm"
    contact.office_name_en = "Test office"
    contact.phone = "0200000000"
    contact.email = "office@example.test"
    contact.save()
    return site


def _snippets():
    groups = {
        slug: add_ethnic_group(slug, name, sort_order=order)
        for order, (slug, name) in enumerate(
            [("tay", "Tày"), ("dao-thanh-phan", "Dao Thanh Phán"), ("san-chi", "Sán Chỉ")]
        )
    }
    communes = {
        "north": add_commune("xa-thu-bac", "xã Thử Bắc", "Test North commune", ["Thử Cũ"]),
        "south": add_commune("xa-thu-nam", "xã Thử Nam", "Test South commune"),
    }
    amenities = {
        slug: add_amenity(slug, vi, en, icon=slug, sort_order=order)
        for order, (slug, vi, en) in enumerate(
            [
                ("hot-water", "Nước nóng", "Hot water"),
                ("meals", "Có bữa ăn", "Meals"),
                ("wifi", "Wi-Fi", "Wi-Fi"),
            ]
        )
    }
    categories = {
        slug: add_category(slug, vi, en, schema, order)
        for order, (slug, vi, en, schema) in enumerate(
            [
                ("festival", "Lễ hội", "Festival", "Festival"),
                ("market", "Chợ phiên", "Market", "SaleEvent"),
                ("ceremony", "Nghi lễ", "Ceremony", "Event"),
            ]
        )
    }
    return groups, communes, amenities, categories


def _index(home, model, vi, en, slug_vi, slug_en):
    return add_page(
        home,
        model,
        title_vi=vi,
        title_en=en,
        slug_vi=slug_vi,
        slug_en=slug_en,
        introduction_vi=f"Giới thiệu {vi.lower()}.",
        introduction_en=f"About the {en.lower()}.",
        show_in_menus=True,
    )


def _places(home, groups, communes, amenities):
    index = _index(
        home, VillageIndexPage, "Bản làng thử", "Test villages", "ban-lang-thu", "test-villages"
    )
    village = add_village(
        index, commune=communes["north"], ethnic_groups=[groups["san-chi"]], **VILLAGE
    )
    village2 = add_village(
        index, commune=communes["south"], ethnic_groups=[groups["tay"]], **VILLAGE2
    )
    homestays = [
        add_homestay(
            village,
            title_vi="Nhà nghỉ Hoa Đào Thử",
            title_en="Peach Blossom Test Homestay",
            slug_vi="nha-nghi-hoa-dao-thu",
            slug_en="peach-blossom-test-homestay",
            capacity=6,
            price_min=250_000,
            price_max=350_000,
            host_ethnic_group=groups["san-chi"],
            local_minority_household=True,
            amenities=[amenities["hot-water"], amenities["meals"]],
        ),
        add_homestay(
            village,
            title_vi="Nhà nghỉ Sương Sớm Thử",
            title_en="Early Mist Test Homestay",
            slug_vi="nha-nghi-suong-som-thu",
            slug_en="early-mist-test-homestay",
            capacity=2,
            price_min=500_000,
            price_max=700_000,
            amenities=[amenities["wifi"]],
        ),
        add_homestay(
            village2,
            title_vi="Nhà nghỉ Bên Suối Thử",
            title_en="Streamside Test Homestay",
            slug_vi="nha-nghi-ben-suoi-thu",
            slug_en="streamside-test-homestay",
            capacity=10,
            price_min=150_000,
            price_max=200_000,
            host_ethnic_group=groups["tay"],
            local_minority_household=True,
            amenities=[amenities["hot-water"], amenities["wifi"]],
        ),
    ]
    attractions = _index(
        home, AttractionIndexPage, "Điểm đến thử", "Test sights", "diem-den-thu", "test-sights"
    )
    peak = add_attraction(
        attractions,
        kind=AttractionKind.PEAK,
        title_vi="Đỉnh Gió Thử",
        title_en="Windy Test Peak",
        slug_vi="dinh-gio-thu",
        slug_en="windy-test-peak",
        elevation=1200,
        latitude=21.5900,
        longitude=107.3800,
        best_months=[9, 10, 11],
    )
    market_place = add_attraction(
        attractions,
        kind=AttractionKind.MARKET,
        title_vi="Chợ Thử",
        title_en="Test Market Square",
        slug_vi="cho-thu",
        slug_en="test-market-square",
        village=village2,
        latitude=21.5150,
        longitude=107.4550,
    )
    finder = add_page(
        home,
        HomestayFinderPage,
        title_vi="Tìm homestay thử",
        title_en="Find a test homestay",
        slug_vi="tim-homestay-thu",
        slug_en="find-a-test-homestay",
        show_in_menus=True,
    )
    map_page = add_page(
        home,
        MapPage,
        title_vi="Bản đồ thử",
        title_en="Test map",
        slug_vi="ban-do-thu",
        slug_en="test-map",
        show_in_menus=True,
    )
    return {
        "villages": index,
        "village": village,
        "village2": village2,
        "homestay": homestays[0],
        "homestay2": homestays[1],
        "homestay3": homestays[2],
        "attractions": attractions,
        "peak": peak,
        "market_place": market_place,
        "finder": finder,
        "map": map_page,
    }


def _events(home, categories, groups, village):
    index = _index(
        home, EventIndexPage, "Lễ hội thử", "Test festivals", "le-hoi-thu", "test-festivals"
    )
    festival = add_event(
        index,
        category=categories["festival"],
        ethnic_groups=[groups["san-chi"]],
        title_vi="Hội Hát Đồi Mây Thử",
        title_en="Cloud Hill Test Singing Festival",
        slug_vi="hoi-hat-doi-may-thu",
        slug_en="cloud-hill-test-singing-festival",
        schedule_kind=Kind.YEARLY_LUNAR,
        start_date=datetime.date(2020, 1, 1),
        rule_month=3,
        rule_day=16,
        venue=village,
    )
    market = add_event(
        index,
        category=categories["market"],
        title_vi="Phiên chợ Thử",
        title_en="Test Sunday Market",
        slug_vi="phien-cho-thu",
        slug_en="test-sunday-market",
        schedule_kind=Kind.WEEKLY,
        start_date=datetime.date(2020, 1, 5),
        weekday=Weekday.SUNDAY,
        start_time=datetime.time(6),
        end_time=datetime.time(11),
    )
    one_off = add_event(
        index,
        category=categories["ceremony"],
        title_vi="Lễ Mở Cửa Rừng Thử",
        title_en="Test Forest Opening Rite",
        slug_vi="le-mo-cua-rung-thu",
        slug_en="test-forest-opening-rite",
        venue=village,
    )
    return {"events": index, "festival": festival, "market": market, "event": one_off}


def build_site():
    """Build the test site in an empty database (after migrate); returns ``KEYS``."""
    call_command("update_translation_fields", "wagtailcore", "page", verbosity=0)
    with translation.override("vi"):
        root = Page.get_first_root_node()
        home = add_page(
            root,
            HomePage,
            title_vi="Trang chủ thử",
            title_en="Test home",
            slug_vi="trang-chu-thu",
            slug_en="test-home",
            hero_text_vi="Chào mừng đến trang thử",
            hero_text_en="Welcome to the test site",
            hero_image=make_image("Ảnh trang chủ thử"),
            introduction_vi="Trang chủ của site thử nghiệm.",
            introduction_en="The home page of the test site.",
        )
        _site(home)
        groups, communes, amenities, categories = _snippets()
        pages = {"home": home}
        pages["about"] = add_page(
            home,
            title_vi="Giới thiệu thử",
            title_en="About the test site",
            slug_vi="gioi-thieu-thu",
            slug_en="about-test",
            show_in_menus=True,
        )
        pages["trip"] = add_page(
            home,
            title_vi="Chuẩn bị chuyến đi thử",
            title_en="Plan a test trip",
            slug_vi="chuan-bi-thu",
            slug_en="plan-a-test-trip",
            show_in_menus=True,
        )
        pages["numbers"] = add_page(
            home,
            NumbersPage,
            title_vi="Con số thử",
            title_en="Test numbers",
            slug_vi="con-so-thu",
            slug_en="test-numbers",
        )
        pages.update(_places(home, groups, communes, amenities))
        pages.update(_events(home, categories, groups, pages["village"]))
        pages["routes"] = _index(
            home, RouteIndexPage, "Cung đường thử", "Test routes", "cung-duong-thu", "test-routes"
        )
        pages["route"] = add_route(
            pages["routes"],
            stops=[pages["village"], pages["peak"]],
            title_vi="Đường lên Đỉnh Gió Thử",
            title_en="Test Climb to Windy Peak",
            slug_vi="duong-len-dinh-gio-thu",
            slug_en="test-climb-to-windy-peak",
        )
        home.trip_page = pages["trip"]
        publish(home)
    KEYS.pages = {name: page.pk for name, page in pages.items()}
    KEYS.snippets = {
        **{f"group:{k}": v.pk for k, v in groups.items()},
        **{f"commune:{k}": v.pk for k, v in communes.items()},
        **{f"amenity:{k}": v.pk for k, v in amenities.items()},
        **{f"category:{k}": v.pk for k, v in categories.items()},
    }
    return KEYS


class TestSite:
    """What ``build_site`` made, read fresh: ``test_site.village`` is the VillagePage."""

    __test__ = False  # not a test class for pytest

    def __getattr__(self, name):
        try:
            pk = KEYS.pages[name]
        except KeyError:
            raise AttributeError(name) from None
        return Page.objects.get(pk=pk).specific

    @property
    def homestays(self):
        return [self.homestay, self.homestay2, self.homestay3]

    def group(self, slug):
        from villages.models import EthnicGroup

        return EthnicGroup.objects.get(pk=KEYS.snippets[f"group:{slug}"])

    def commune(self, key):
        from villages.models import Commune

        return Commune.objects.get(pk=KEYS.snippets[f"commune:{key}"])

    def amenity(self, slug):
        from villages.models import Amenity

        return Amenity.objects.get(pk=KEYS.snippets[f"amenity:{slug}"])

    def category(self, slug):
        from events.models import EventCategory

        return EventCategory.objects.get(pk=KEYS.snippets[f"category:{slug}"])


def page_urls():
    """{name: {language: path}} of every page ``build_site`` made, e.g.
    ``{"village": {"vi": "/vi/ban-lang-thu/ban-doi-may-thu/", "en": "/en/…"}}``."""
    from django.conf import settings

    urls = {}
    for name, pk in KEYS.pages.items():
        page = Page.objects.get(pk=pk).specific
        urls[name] = {}
        for code, _label in settings.LANGUAGES:
            with translation.override(code):
                urls[name][code] = page.get_url()
    return urls
