"""A third language by configuration alone, proven with Simplified Chinese (zh-hans).

The database always carries every supported language's columns; the `three_languages`
fixture switches zh-hans on for the public site the way `PORTAL_LANGUAGES=vi,en,zh-hans`
does, so these tests run in the two-language and in the three-language suite alike.
"""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import formats, translation
from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.snippets.models import get_snippet_models
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, streamfield

from portal import languages
from portal.i18n import fallback_chain, fallback_languages, page_url
from tests.factories import add_page, publish
from tests.languages import public_languages, supported_languages

pytestmark = pytest.mark.django_db

NOTICE_ZH = "本页尚未翻译成简体中文。"


@pytest.fixture
def three_languages(settings):
    """The public site with Simplified Chinese on, as the environment turns it on."""
    settings.LANGUAGES = [
        (code, languages.SUPPORTED[code].name) for code in languages.public_codes("vi,en,zh-hans")
    ]
    return [code for code, _name in settings.LANGUAGES]


def soup_of(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def notice_of(response):
    note = soup_of(response).select_one(".notice--fallback")
    return note.get_text(" ", strip=True) if note else ""


# --- configuration -----------------------------------------------------------------


def test_public_languages_come_from_the_environment_in_table_order():
    assert languages.public_codes(None) == ["vi", "en"]
    assert languages.public_codes("zh-hans, vi,en") == ["vi", "en", "zh-hans"]
    with pytest.raises(ValueError, match="fr"):
        languages.public_codes("vi,fr")
    with pytest.raises(ValueError, match="vi"):
        languages.public_codes("en,zh-hans")


def test_chinese_readers_fall_back_to_english_before_vietnamese():
    assert fallback_chain("zh-hans") == ["zh-hans", "en", "vi"]
    assert fallback_chain("en") == ["en", "vi"]
    assert fallback_chain("vi") == ["vi"]
    # Without English on the public site, Chinese falls back to Vietnamese only.
    assert languages.fallback_chains(["vi", "zh-hans"])["zh-hans"] == ("vi",)


def test_the_database_carries_every_supported_languages_columns():
    assert set(supported_languages()) == set(languages.SUPPORTED)
    assert set(public_languages()) <= set(supported_languages())
    for model in translator.get_registered_models():
        options = translator.get_options_for_model(model)
        for name in options.all_fields:
            for code in supported_languages():
                model._meta.get_field(build_localized_fieldname(name, code))
    assert Page._meta.get_field("url_path_zh_hans").column == "url_path_zh_hans"


def test_language_data_comes_from_one_table_with_a_neutral_default():
    assert [languages.info(c).og_locale for c in ("vi", "en", "zh-hans")] == [
        "vi_VN",
        "en_GB",
        "zh_CN",
    ]
    assert languages.info("zh-hans").hreflang == "zh-Hans"
    french = languages.info("fr")
    assert (french.og_locale, french.hreflang, french.fallbacks) == ("fr", "fr", ("vi",))
    assert languages.info("pt-br").og_locale == "pt_BR"


def test_chinese_dates_and_numbers_are_written_the_chinese_way():
    with translation.override("zh-hans"):
        assert formats.date_format(datetime.date(2027, 4, 22)) == "2027年4月22日"
        assert formats.number_format(1234.5, 1, use_l10n=True, force_grouping=True) == "1,234.5"
    with translation.override("vi"):
        assert formats.number_format(1234.5, 1, use_l10n=True, force_grouping=True) == "1.234,5"


# --- pages, notice, SEO --------------------------------------------------------------


def test_a_chinese_visitor_reads_english_where_chinese_is_missing_with_the_notice(
    client, home, three_languages
):
    page = add_page(
        home,
        title_vi="Chợ phiên Hoành Mô",
        title_en="Hoành Mô market",
        introduction_vi="Chợ họp mỗi tuần.",
        introduction_en="The market meets every week.",
    )
    response = client.get(page_url(page, "zh-hans"))
    soup = soup_of(response)
    assert soup.html["lang"] == "zh-hans"
    assert soup.h1.get_text(strip=True) == "Hoành Mô market"
    assert soup.select_one(".skip-link").get_text(strip=True) == "跳到主要内容"
    assert notice_of(response) == "本页尚未翻译成简体中文。您正在阅读英语版本。"


def test_the_notice_names_vietnamese_when_english_is_missing_too(client, home, three_languages):
    page = add_page(home, title_en="Test page", introduction_vi="Giới thiệu", introduction_en="")
    with translation.override("zh-hans"):
        assert fallback_languages(page) == ["en", "vi"]
    text = notice_of(client.get(page_url(page, "zh-hans")))
    assert text == "本页尚未翻译成简体中文。您正在阅读英语和越南语版本。"


def test_no_notice_on_a_page_whose_chinese_fields_are_filled(client, home, three_languages):
    page = add_page(
        home,
        title_zh_hans="Bình Liêu 简介",
        slug_zh_hans="jianjie",
        introduction_vi="Giới thiệu",
        introduction_en="Introduction",
        introduction_zh_hans="简介",
    )
    assert fallback_languages(page, "zh-hans") == []
    assert page_url(page, "zh-hans") == "/zh-hans/jianjie/"
    response = client.get(page_url(page, "zh-hans"))
    assert notice_of(response) == ""
    assert soup_of(response).h1.get_text(strip=True) == "Bình Liêu 简介"
    assert notice_of(client.get(page_url(page, "en"))) == ""


def test_pages_without_chinese_show_the_chinese_ui_english_content_and_the_notice(
    client, test_site, three_languages
):
    pages = {key: getattr(test_site, key) for key in ("home", "village", "festival", "route")}
    titles = {
        "village": "Cloud Hill Test Village",
        "festival": "Cloud Hill Test Singing Festival",
        "route": "Test Climb to Windy Peak",
    }  # tests/factories/site.py
    for key, page in pages.items():
        response = client.get(page_url(page, "zh-hans"))
        soup = soup_of(response)
        assert soup.html["lang"] == "zh-hans", key
        assert soup.select_one(".skip-link").get_text(strip=True) == "跳到主要内容", key
        assert NOTICE_ZH in notice_of(response), key
        if key != "home":
            assert soup.h1.get_text(strip=True) == titles[key], key


def test_hreflang_alternates_are_reciprocal_over_three_languages(
    client, test_site, three_languages
):
    about = test_site.about
    seen = [
        {
            link["hreflang"]: link["href"]
            for link in soup_of(client.get(page_url(about, code))).find_all(
                "link", rel="alternate", hreflang=True
            )
        }
        for code in three_languages
    ]
    assert set(seen[0]) == {"vi", "en", "zh-Hans", "x-default"}
    assert seen[0]["zh-Hans"] == "http://testserver" + page_url(about, "zh-hans")
    assert seen[0]["zh-Hans"].startswith("http://testserver/zh-hans/")
    assert all(alternates == seen[0] for alternates in seen)


@pytest.mark.parametrize(
    ("code", "og_locale"), [("vi", "vi_VN"), ("en", "en_GB"), ("zh-hans", "zh_CN")]
)
def test_og_locale_is_the_facebook_locale_of_the_page_language(
    client, test_site, three_languages, code, og_locale
):
    about = test_site.about
    soup = soup_of(client.get(page_url(about, code)))
    assert soup.find("meta", property="og:locale")["content"] == og_locale


# --- URLs, redirects, filters, admin --------------------------------------------------


def test_a_chinese_slug_change_redirects_the_old_chinese_url(client, test_site, three_languages):
    about = test_site.about
    about.slug_zh_hans = "guanyu"
    publish(about)
    assert client.get("/zh-hans/guanyu/").status_code == 200
    about.slug_zh_hans = "guanyu-binh-lieu"
    publish(about)
    response = client.get("/zh-hans/guanyu/")
    assert response.status_code == 301
    assert response["Location"] == "/zh-hans/guanyu-binh-lieu/"
    assert client.get(page_url(about, "en")).status_code == 200


def test_the_village_filter_answers_on_index_feeds_embed_and_api_in_every_language(
    client, test_site, three_languages
):
    village = test_site.village
    village.slug_zh_hans = "yun-shan-cun"
    publish(village)
    index = test_site.events
    for code in three_languages:
        for slug in ("ban-doi-may-thu", "cloud-hill-test-village", "yun-shan-cun"):
            urls = [
                f"{page_url(index, code)}?village={slug}",
                f"/feeds/events.ics?lang={code}&village={slug}",
                f"/embed/events/?lang={code}&village={slug}",
                f"/api/v2/events/?lang={code}&village={slug}",
            ]
            for url in urls:
                assert client.get(url).status_code == 200, url


def test_an_editor_can_publish_every_page_type(admin_client, three_languages):
    models = {}
    for page in Page.objects.live().filter(depth__gt=1).specific():
        models.setdefault(type(page), page)
    assert len(models) >= 10
    for model, page in models.items():
        url = reverse("wagtailadmin_pages:edit", args=[page.pk])
        form = querydict_from_html(admin_client.get(url).content.decode(), form_id="page-edit-form")
        for field in model._meta.get_fields():
            # Stream fields are drawn by JavaScript and all optional: post them empty.
            if isinstance(field, StreamField) and f"{field.name}-count" not in form:
                for key, item in nested_form_data({field.name: streamfield([])}).items():
                    form[key] = item
        form["action-publish"] = "action-publish"
        response = admin_client.post(url, dict(form.lists()))
        assert response.status_code == 302, (model.__name__, response.content[:3000])


def translated_snippets():
    return [model for model in get_snippet_models() if model in translator.get_registered_models()]


def test_every_translated_snippet_is_searchable_in_the_admin_by_its_names(admin_client):
    snippets = translated_snippets()
    assert {m.__name__ for m in snippets} >= {"EthnicGroup", "Commune", "Amenity", "EventCategory"}
    for model in snippets:
        name = "label" if "label" in translator.get_options_for_model(model).all_fields else "name"
        item = model.objects.first()
        setattr(item, build_localized_fieldname(name, "vi"), "Khènbầu")
        setattr(item, build_localized_fieldname(name, "en"), "Gourdpipe")
        item.save()
        listing = reverse(f"wagtailsnippets_{model._meta.app_label}_{model._meta.model_name}:list")
        for query in ("Khènbầu", "Gourdpipe"):
            response = admin_client.get(listing, {"q": query})
            assert response.status_code == 200, (model.__name__, query)
            assert [o.pk for o in response.context["object_list"]] == [item.pk], (model, query)


# --- search -----------------------------------------------------------------------------


def test_search_finds_a_page_by_its_title_in_each_language(client, home, three_languages):
    add_page(
        home,
        title_vi="Khèn lá Hoành Mô",
        title_en="Leafwhistle of Hoành Mô",
        title_zh_hans="口琴叶",
        slug_zh_hans="kouqinye",
    )
    for code, word in (("vi", "Khèn"), ("en", "Leafwhistle"), ("zh-hans", "口琴叶")):
        response = client.get(f"/{code}/search/", {"q": word})
        titles = [r.title for r in response.context["search_results"]]
        expected = {"vi": "Khèn lá Hoành Mô", "en": "Leafwhistle of Hoành Mô", "zh-hans": "口琴叶"}
        assert expected[code] in titles, (code, titles)


@pytest.mark.parametrize("word", ["None", "null", "none"])
def test_searching_for_none_finds_nothing_in_any_language(client, three_languages, word):
    for code in three_languages:
        response = client.get(f"/{code}/search/", {"q": word})
        assert response.status_code == 200
        assert list(response.context["search_results"]) == [], code
