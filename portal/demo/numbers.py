"""Demo: the "Tourism in numbers" page under the home page, created only if missing."""

from portal.demo.pages import upsert_page
from portal.models import NumbersPage

NUMBERS = {
    "title_vi": "Du lịch qua những con số",
    "title_en": "Tourism in numbers",
    "slug_vi": "du-lich-qua-con-so",
    "slug_en": "tourism-in-numbers",
    "introduction_vi": "Số homestay, lễ hội, cung đường và mức độ dịch sang tiếng Anh, tính trực tiếp từ nội dung của cổng thông tin.",
    "introduction_en": "Homestays, festivals, routes and how much of the site is in English, counted from the portal's own content.",
}


def load(context):
    if context.home is None or NumbersPage.objects.exists():
        return
    context.pages["numbers"] = upsert_page(
        context.home, NumbersPage, {**NUMBERS, "show_in_menus": False}
    )
