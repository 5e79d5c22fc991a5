"""Portal's own demo content: home page, about, sustainable tourism, partners, contact.

Texts rest on shared/content/binh-lieu-facts.md. Contact details are sample data.
"""

from wagtail.models import Page, Site

from portal.address import site_address
from portal.demo.images import demo_image
from portal.demo.pages import current_session, may_change, stream, upsert_page
from portal.models import ContactSettings, HomePage, StandardPage


def p(*paragraphs):
    return "".join(f"<p>{text}</p>" for text in paragraphs)


HOME = {
    "title_vi": "Du lịch Bình Liêu",
    "title_en": "Visit Bình Liêu",
    "slug_vi": "binh-lieu",
    "slug_en": "binh-lieu",
    "seo_title_vi": "Du lịch Bình Liêu, Quảng Ninh: bản làng, homestay, lễ hội",
    "seo_title_en": "Bình Liêu, Quảng Ninh: villages, homestays, festivals",
    "search_description_vi": (
        "Cổng thông tin du lịch và văn hóa dân tộc Bình Liêu: bản Sán Chỉ, Dao Thanh Phán, "
        "Tày, homestay, lễ hội theo lịch âm và cung đường biên giới."
    ),
    "search_description_en": (
        "Tourism and ethnic-culture portal of Bình Liêu: Sán Chỉ, Dao Thanh Phán and Tày "
        "villages, homestays, lunar-calendar festivals and border routes."
    ),
    "hero_text_vi": "Vùng núi biên giới của Quảng Ninh, nơi người Tày, Dao và Sán Chỉ đón khách",
    "hero_text_en": "Quảng Ninh's mountain border country, where Tày, Dao and Sán Chỉ families welcome guests",
    "introduction_vi": (
        "Bình Liêu nằm ở vùng núi phía bắc Quảng Ninh, giáp Quảng Tây (Trung Quốc), "
        "cách Hạ Long khoảng 105 km và Tiên Yên 28 km. Khoảng 96% cư dân là đồng bào dân tộc "
        "thiểu số: người Tày, người Dao Thanh Phán và người Sán Chỉ.\n\n"
        "Ở đây có đồi lau trên đường tuần tra biên giới, những cột mốc trên sống núi, "
        "tiếng hát Soóng cọ và các lễ hội theo lịch âm."
    ),
    "introduction_en": (
        "Bình Liêu lies in the mountains of northern Quảng Ninh, on the border with Guangxi, "
        "China, about 105 km from Hạ Long and 28 km from Tiên Yên. Some 96% of its people "
        "belong to ethnic minorities: Tày, Dao Thanh Phán and Sán Chỉ.\n\n"
        "Come for the reed hills along the border patrol road, the boundary markers on the "
        "ridges, Soóng cọ singing and festivals that follow the lunar calendar."
    ),
}

ABOUT = {
    "title_vi": "Giới thiệu Bình Liêu",
    "title_en": "About Bình Liêu",
    "slug_vi": "gioi-thieu",
    "slug_en": "about",
    "introduction_vi": "Vùng đất biên giới rộng khoảng 470 km², nơi ba cộng đồng dân tộc cùng sinh sống.",
    "introduction_en": "A border area of about 470 km² where three ethnic communities live side by side.",
    "body_vi": stream(
        [
            ("heading", {"text": "Vùng đất và con người", "level": "h2"}),
            (
                "paragraph",
                p(
                    "Bình Liêu rộng khoảng 470,76 km², dân số khoảng 33.000 người (năm 2020). "
                    "Người Tày đông nhất, chiếm khoảng một nửa; tiếp đến là người Dao (phần lớn "
                    "là Dao Thanh Phán), người Sán Chỉ và người Kinh.",
                    "Đường biên giới với Trung Quốc dài hơn 43 km với 68 cột mốc, từ mốc 1300 "
                    "ở điểm ba biên giới đến mốc 1327 trên đỉnh Thanh Long Lĩnh.",
                ),
            ),
            ("heading", {"text": "Địa giới hành chính mới", "level": "h2"}),
            (
                "paragraph",
                p(
                    "Từ ngày 1/7/2025, Việt Nam không còn cấp huyện. Địa bàn huyện Bình Liêu cũ "
                    "nay gồm các xã Bình Liêu, Hoành Mô và Lục Hồn (một phần xã Vô Ngại cũ "
                    "thuộc xã Tiên Yên). Các tên cũ như Húc Động, Đồng Văn, Đồng Tâm, Vô Ngại, "
                    "Tình Húc vẫn được dùng hằng ngày và trong du lịch."
                ),
            ),
            ("heading", {"text": "Mùa nào đẹp", "level": "h2"}),
            (
                "paragraph",
                p(
                    "Hoa trẩu nở tháng 3–4; lúa chín cuối tháng 9–10; lau nở tháng 10–11; "
                    "hoa sở trắng rừng vào tháng 12. Mùa leo núi Cao Xiêm đẹp nhất từ tháng 11 "
                    "đến tháng 3."
                ),
            ),
            (
                "quote",
                {
                    "quote": "Năm 2020, Bình Liêu được công nhận là khu du lịch cấp tỉnh.",
                    "attribution": "Quảng Ninh",
                },
            ),
        ]
    ),
    "body_en": stream(
        [
            ("heading", {"text": "The land and its people", "level": "h2"}),
            (
                "paragraph",
                p(
                    "Bình Liêu covers about 470.76 km² and had some 33,000 inhabitants in 2020. "
                    "The Tày are the largest group, roughly half; then come the Dao (mostly "
                    "Dao Thanh Phán), the Sán Chỉ and the Kinh.",
                    "The border with China runs for more than 43 km with 68 markers, from "
                    "marker 1300 at the tri-junction to marker 1327 on Thanh Long Lĩnh peak.",
                ),
            ),
            ("heading", {"text": "New administrative boundaries", "level": "h2"}),
            (
                "paragraph",
                p(
                    "Since 1 July 2025 Vietnam has no district level. The former Bình Liêu "
                    "district now forms the communes of Bình Liêu, Hoành Mô and Lục Hồn (part "
                    "of the former Vô Ngại went to Tiên Yên commune). Older names such as Húc "
                    "Động, Đồng Văn, Đồng Tâm, Vô Ngại and Tình Húc are still used every day "
                    "and by travellers."
                ),
            ),
            ("heading", {"text": "When to come", "level": "h2"}),
            (
                "paragraph",
                p(
                    "Tung trees flower in March and April; rice ripens from late September "
                    "into October; reeds bloom in October and November; sở camellias whiten "
                    "the forest in December. Cao Xiêm is best climbed from November to March."
                ),
            ),
            (
                "quote",
                {
                    "quote": "In 2020 Bình Liêu was recognised as a provincial-level tourist area.",
                    "attribution": "Quảng Ninh",
                },
            ),
        ]
    ),
}

SUSTAINABLE = {
    "title_vi": "Du lịch bền vững",
    "title_en": "Sustainable tourism",
    "slug_vi": "du-lich-ben-vung",
    "slug_en": "sustainable-tourism",
    "introduction_vi": "Du lịch ở Bình Liêu được phát triển để người dân bản địa có thêm thu nhập, giữ được văn hóa và cảnh quan.",
    "introduction_en": "Tourism in Bình Liêu is developed so that local families earn more while keeping their culture and landscape.",
    "body_vi": stream(
        [
            ("heading", {"text": "Nghị quyết về phát triển du lịch", "level": "h2"}),
            (
                "paragraph",
                p(
                    "Đảng bộ huyện đã có nghị quyết riêng về du lịch: Nghị quyết 01-NQ/HU "
                    "(31/7/2015) cho giai đoạn 2015–2020, và Nghị quyết 13-NQ/HU đến năm 2025, "
                    "tầm nhìn đến năm 2030. Nói ngắn gọn: coi du lịch là hướng đi kinh tế, dựa "
                    "trên cảnh quan biên giới và bản sắc các dân tộc."
                ),
            ),
            ("heading", {"text": "Du lịch gắn với giảm nghèo", "level": "h2"}),
            (
                "paragraph",
                p(
                    "Đề án “Phát triển du lịch bền vững gắn với giảm nghèo và phát triển kinh "
                    "tế – xã hội Bình Liêu đến năm 2030” gắn du lịch với giảm nghèo ở các bản.",
                    "Các dự án làng văn hóa dân tộc Sán Chỉ và Dao giữ gìn nhà cửa, trang phục, "
                    "lời hát và nghề thủ công, đồng thời đón khách theo mô hình du lịch cộng đồng. "
                    "Bản Lục Ngù là một trong bốn thôn được tỉnh đầu tư làm du lịch cộng đồng "
                    "(Kế hoạch 161/KH-UBND ngày 21/6/2023).",
                ),
            ),
            ("heading", {"text": "Bạn có thể góp phần", "level": "h2"}),
            (
                "paragraph",
                "<ul><li>Ở homestay của gia đình địa phương và ăn món ăn của bản.</li>"
                "<li>Thuê hướng dẫn viên trong bản, nhất là trên các cung đường biên giới.</li>"
                "<li>Mua sản phẩm OCOP như miến dong Bình Liêu ngay tại nơi làm ra.</li>"
                "<li>Xin phép trước khi chụp ảnh người và nghi lễ; mang rác về.</li></ul>",
            ),
        ]
    ),
    "body_en": stream(
        [
            ("heading", {"text": "A tourism resolution", "level": "h2"}),
            (
                "paragraph",
                p(
                    "The district Party committee adopted resolutions dedicated to tourism: "
                    "Resolution 01-NQ/HU (31 July 2015) for 2015–2020, and Resolution 13-NQ/HU "
                    "to 2025 with a vision to 2030. In plain words: tourism is treated as a way "
                    "forward for the economy, built on the border landscape and the identity of "
                    "each ethnic group."
                ),
            ),
            ("heading", {"text": "Tourism that reduces poverty", "level": "h2"}),
            (
                "paragraph",
                p(
                    "The project “sustainable tourism development linked to poverty reduction "
                    "and socio-economic development of Bình Liêu to 2030” ties tourism to the "
                    "fight against poverty in the villages.",
                    "The Sán Chỉ and Dao cultural village projects look after houses, costume, "
                    "songs and crafts while welcoming guests through community tourism. Lục Ngù "
                    "is one of four villages the province invests in for community tourism "
                    "(plan 161/KH-UBND of 21 June 2023).",
                ),
            ),
            ("heading", {"text": "How you can help", "level": "h2"}),
            (
                "paragraph",
                "<ul><li>Stay with a local family and eat what the village cooks.</li>"
                "<li>Hire a guide from the village, especially on the border routes.</li>"
                "<li>Buy OCOP products such as Bình Liêu dong-root noodles where they are made.</li>"
                "<li>Ask before photographing people and rites; take your rubbish home.</li></ul>",
            ),
        ]
    ),
}


PARTNERS = {
    "title_vi": "Dành cho đối tác",
    "title_en": "For partners",
    "slug_vi": "doi-tac",
    "slug_en": "partners",
    "introduction_vi": "Công ty lữ hành, cổng thông tin của tỉnh, khách sạn và ứng dụng lịch có thể dùng lại dữ liệu của cổng thông tin này.",
    "introduction_en": "Travel agencies, the provincial portal, hotels and calendar apps can reuse this portal's data.",
    # The addresses themselves come from the "partner_addresses" block, built from the
    # site's public address at request time (portal/partners.py).
    "body_vi": stream(
        [
            (
                "paragraph",
                "<p>Mọi trang công khai đều có trong API JSON và trong sơ đồ trang. "
                "Địa chỉ các trang có dạng <code>/vi/…</code> và <code>/en/…</code> và được giữ ổn định; "
                "khi một trang đổi địa chỉ, địa chỉ cũ chuyển hướng vĩnh viễn sang địa chỉ mới. "
                "Ngày dương lịch của các lễ hội theo lịch âm được tính sẵn; khi lịch thay đổi hay "
                "sự kiện bị hủy, lịch của bạn tự cập nhật. Các địa chỉ dưới đây mở cho mọi tên miền "
                "(CORS) và trả ETag để bạn kiểm tra thay đổi với chi phí thấp.</p>",
            ),
            ("partner_addresses", None),
            (
                "paragraph",
                "<p>Tham số của lịch nhúng: <code>lang</code> (vi, en), <code>village</code> (tên bản "
                "trong địa chỉ trang), <code>category</code> (loại sự kiện), <code>limit</code> (1–20).</p>",
            ),
        ]
    ),
    "body_en": stream(
        [
            (
                "paragraph",
                "<p>Every public page is in the JSON API and in the sitemap. Page addresses look "
                "like <code>/vi/…</code> and <code>/en/…</code> and stay stable; when a page moves, "
                "its old address redirects permanently to the new one. The solar dates of "
                "lunar-calendar festivals are worked out for you, and changes or cancellations "
                "reach your calendar by themselves. The addresses below are open to every origin "
                "(CORS) and send ETags, so polling for changes costs little.</p>",
            ),
            ("partner_addresses", None),
            (
                "paragraph",
                "<p>Parameters of the embedded calendar: <code>lang</code> (vi, en), "
                "<code>village</code> (the village's address name), <code>category</code> (the kind "
                "of event), <code>limit</code> (1–20).</p>",
            ),
        ]
    ),
}

CONTACT = {
    "title_vi": "Liên hệ",
    "title_en": "Contact",
    "slug_vi": "lien-he",
    "slug_en": "contact",
    "introduction_vi": "Hỏi đường, đặt homestay, tìm hướng dẫn viên hay kiểm tra giờ qua cửa khẩu: hãy liên hệ trung tâm thông tin du lịch.",
    "introduction_en": "Directions, homestay bookings, guides, border-gate hours: ask the tourist information centre.",
    "body_vi": stream(
        [
            (
                "paragraph",
                p(
                    "Số điện thoại, thư điện tử và Zalo ở chân trang. Các thông tin liên hệ hiện "
                    "là dữ liệu mẫu.",
                    "Cặp cửa khẩu Hoành Mô – Động Trung mở chính thức ngày 25/6/2024. Giờ qua lại "
                    "cho khách du lịch thay đổi theo thời gian: hãy hỏi trước khi đi.",
                ),
            ),
        ]
    ),
    "body_en": stream(
        [
            (
                "paragraph",
                p(
                    "Phone, e-mail and Zalo are in the footer. The contact details in this demo "
                    "are sample data.",
                    "The Hoành Mô – Động Trung border-gate pair officially opened on 25 June 2024. "
                    "Crossing hours for tourists change over time: check before you travel.",
                ),
            ),
        ]
    ),
}

CONTACT_SETTINGS = {
    "office_name_vi": "Trung tâm Thông tin Du lịch Bình Liêu (mẫu)",
    "office_name_en": "Bình Liêu Tourist Information Centre (sample)",
    "address_vi": "Quảng trường 25/12, xã Bình Liêu\nTỉnh Quảng Ninh, Việt Nam",
    "address_en": "25/12 Square, Bình Liêu commune\nQuảng Ninh province, Vietnam",
    "opening_hours_vi": "Thứ Hai – Thứ Sáu, 7:30–17:00",
    "opening_hours_en": "Monday – Friday, 7:30–17:00",
    "phone": "0203 3878 000",
    "email": "dulich@example.org",
    "zalo": "0912 000 000",
    "facebook": "https://www.facebook.com/example",
    "is_sample": True,
}


def _home_page():
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    root = Page.get_first_root_node()
    hero = demo_image("home-hero", "Đồi lau trên đường biên giới (ảnh minh họa)", "reed")
    home = upsert_page(root, HomePage, {**HOME, "hero_image": hero, "show_in_menus": False})
    if home is None or (site is not None and not may_change(home)):
        return home, site  # the site record belongs to staff once the demo made it
    if site is None:
        site = Site(is_default_site=True, root_page=home)
    old_root = site.root_page if site.pk and site.root_page_id != home.pk else None
    # The Site record names the public address (settings.PORTAL_BASE_URL).
    hostname, port = site_address()
    wanted = {"root_page_id": home.pk, "site_name": "Bình Liêu", "hostname": hostname, "port": port}
    if any(getattr(site, name) != value for name, value in wanted.items()):
        for name, value in wanted.items():
            setattr(site, name, value)
        site.save()
    if (
        old_root is not None
        and not isinstance(old_root.specific, HomePage)
        and not old_root.get_children().exists()
    ):
        old_root.delete()  # Wagtail's "Welcome" placeholder page
    return home, site


def _contact_settings(site):
    if site is None:
        return
    existed = ContactSettings.objects.filter(site=site).exists()
    contact = ContactSettings.for_site(site)
    if existed and not current_session().reset:
        return
    changed = False
    for name, value in CONTACT_SETTINGS.items():
        if getattr(contact, name) != value:
            setattr(contact, name, value)
            changed = True
    if changed:
        contact.save()


def load(context):
    home, site = _home_page()
    context.home = home
    context.site = site
    _contact_settings(site)
    images = {
        "about": demo_image("about", "Bản làng trong sương (ảnh minh họa)", "mist"),
        "sustainable": demo_image(
            "sustainable", "Ruộng bậc thang mùa lúa (ảnh minh họa)", "forest"
        ),
    }
    for fields, image in (
        (ABOUT, images["about"]),
        (SUSTAINABLE, images["sustainable"]),
        (PARTNERS, None),
        (CONTACT, None),
    ):
        page = upsert_page(home, StandardPage, {**fields, "image": image, "show_in_menus": True})
        context.pages[fields["slug_en"]] = page
