"""Slugs are readable ASCII in every language, from that language's title."""

import json
import re

import pytest
from django.utils import translation

from portal.models import StandardPage
from portal.slugs import VietnameseSlugInput, ascii_slug
from tests.factories import add_page

# Every Vietnamese vowel with each of the six tones, and đ/Đ, by the letter a reader
# expects (Vietnamese alphabet: a ă â e ê i o ô ơ u ư y; tones: ngang, huyền, sắc,
# hỏi, ngã, nặng).
VOWELS = {
    "a": "a à á ả ã ạ ă ằ ắ ẳ ẵ ặ â ầ ấ ẩ ẫ ậ",
    "e": "e è é ẻ ẽ ẹ ê ề ế ể ễ ệ",
    "i": "i ì í ỉ ĩ ị",
    "o": "o ò ó ỏ õ ọ ô ồ ố ổ ỗ ộ ơ ờ ớ ở ỡ ợ",
    "u": "u ù ú ủ ũ ụ ư ừ ứ ử ữ ự",
    "y": "y ỳ ý ỷ ỹ ỵ",
    "d": "đ",
}


@pytest.mark.parametrize("letter", sorted(VOWELS))
def test_every_vietnamese_letter_form_becomes_its_plain_letter(letter):
    forms = VOWELS[letter].split()
    lower = ascii_slug(" ".join(forms))
    upper = ascii_slug(" ".join(form.upper() for form in forms))
    assert lower == upper == "-".join([letter] * len(forms))


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Đồng Vân Thử xưa", "dong-van-thu-xua"),
        ("Đồng Vân Thử of old", "dong-van-thu-of-old"),
        ("Nhà Thử Nghiệm Phục Mù", "nha-thu-nghiem-phuc-mu"),
        ("ĐÈO MÂY PẮT THỬ", "deo-may-pat-thu"),
        ("Lễ hội Hoóng thử (Slằn nhịp thử)", "le-hoi-hoong-thu-slan-nhip-thu"),
    ],
)
def test_titles_become_readable_ascii_slugs(title, slug):
    assert ascii_slug(title) == slug


def test_decomposed_input_gives_the_same_slug_as_composed_input():
    import unicodedata

    assert ascii_slug(unicodedata.normalize("NFD", "Đồng Vân Thử xưa")) == "dong-van-thu-xua"


@pytest.mark.django_db
def test_a_page_saved_without_slugs_gets_ascii_slugs_from_each_languages_title(home):
    with translation.override("vi"):
        page = StandardPage(
            title="Đồng Vân Thử xưa", title_vi="Đồng Vân Thử xưa", title_en="Đồng Vân Thử of old"
        )
        home.add_child(instance=page)
    page.refresh_from_db()
    assert (page.slug_vi, page.slug_en) == ("dong-van-thu-xua", "dong-van-thu-of-old")


@pytest.mark.django_db
def test_a_unicode_slug_is_transliterated_and_the_old_address_redirects(client, home):
    page = add_page(home, title_vi="Nhà Thử Nghiệm", slug_vi="nhà-thử-nghiệm", slug_en="test-house")
    page.refresh_from_db()
    assert page.slug_vi == "nha-thu-nghiem"
    assert client.get("/vi/nha-thu-nghiem/").status_code == 200


@pytest.mark.django_db
def test_a_second_page_with_the_same_title_gets_a_numbered_slug(home):
    with translation.override("vi"):
        for _ in range(2):
            home.add_child(
                instance=StandardPage(
                    title="Bản Pắc Pình", title_vi="Bản Pắc Pình", title_en="Pac Pinh"
                )
            )
    slugs = set(
        StandardPage.objects.filter(title_vi="Bản Pắc Pình").values_list("slug_vi", flat=True)
    )
    assert slugs == {"ban-pac-pinh", "ban-pac-pinh-2"}


def proposed_by_the_admin(title):
    """What Wagtail 7.4's slug controller proposes for ``title`` with our widget: the
    widget's formatters, then urlify's steps (wagtail/admin/static/.../core.js):
    lowercase, drop what is not an ASCII word character, hyphens for spaces."""
    attrs = VietnameseSlugInput().attrs
    value = title.strip()
    for (pattern, _flags), replacement in json.loads(attrs["data-w-slug-formatters-value"]):
        value = re.sub(pattern, replacement, value)
    value = re.sub(r"[^-\w\s]", "", value.lower(), flags=re.ASCII)
    return re.sub(r"[-\s]+", "-", value)[:255].rstrip("-")


@pytest.mark.parametrize(
    "title",
    [
        "Đồng Vân Thử xưa",
        "Đồng Vân Thử of old",
        "Nhà Thử Nghiệm Phục Mù",
        "ĐÈO MÂY PẮT THỬ",
        *VOWELS.values(),
    ],
)
def test_the_slug_the_admin_proposes_equals_the_one_the_server_makes(title):
    assert proposed_by_the_admin(title) == ascii_slug(title)


@pytest.mark.django_db
def test_the_page_editor_uses_the_vietnamese_slug_widget_for_both_languages(admin_client, home):
    response = admin_client.get(f"/admin/pages/add/portal/standardpage/{home.pk}/")
    html = response.content.decode()
    for name in ("slug_vi", "slug_en"):
        tag = re.search(rf'<input[^>]*name="{name}"[^>]*>', html).group(0)
        assert "data-w-slug-formatters-value" in tag, name
