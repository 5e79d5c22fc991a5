"""Demo pages for visitors getting ready: "Plan your trip" and the glossary of local words.

Every fact comes from shared/content/binh-lieu-facts.md, written in our own words.
Where the fact sheet says nothing (phone signal, cash machines, customs in the
villages) the pages say so, or say less, rather than guess. Both pages are flagged
``is_sample``: crossing hours and prices change and are to be checked by staff.
"""

from portal.demo.pages import may_change, stream, upsert_page
from portal.models import StandardPage


def p(*paragraphs):
    return "".join(f"<p>{text}</p>" for text in paragraphs)


def ul(*items):
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def h2(text):
    return ("heading", {"text": text, "level": "h2"})


# (term, Vietnamese explanation, English explanation)
GLOSSARY_TERMS = (
    (
        "Then",
        "Lối hát nghi lễ của người Tày, đệm bằng đàn tính; là di sản văn hóa phi vật thể "
        "quốc gia từ năm 2013 và thuộc hồ sơ Then được UNESCO ghi danh năm 2019. Các gia "
        "đình người Tày ở Bình Liêu vẫn làm lễ Then.",
        "The ritual singing of the Tày, accompanied by the đàn tính lute. It became national "
        "heritage in 2013 and is part of UNESCO's 2019 listing of Then. Tày families in "
        "Bình Liêu still hold Then rites.",
    ),
    (
        "Đàn tính",
        "Cây đàn đệm cho hát Then.",
        "The lute played with Then singing.",
    ),
    (
        "Còn",
        "Quả còn dùng trong trò ném còn, một trò chơi của lễ hội đình Lục Nà.",
        "The ball thrown in còn throwing, one of the games of the Lục Nà communal house festival.",
    ),
    (
        "Soóng cọ",
        "Lối hát của người Sán Chỉ; lễ hội hát Soóng cọ là di sản văn hóa phi vật thể quốc "
        "gia từ tháng 11/2023.",
        "The singing of the Sán Chỉ; their Soóng cọ singing festival has been national "
        "intangible heritage since November 2023.",
    ),
    (
        "Pả dung",
        "Lối hát của người Dao Thanh Phán, được trình diễn cho khách ở các bản Dao.",
        "A singing tradition of the Dao Thanh Phán, performed for guests in the Dao villages.",
    ),
    (
        "Cấp sắc",
        "Lễ trưởng thành của người Dao, kéo dài hai ngày một đêm.",
        "The Dao initiation rite, lasting two days and a night.",
    ),
    (
        "Bánh cooc mò",
        "Một món ăn của người Tày ở Bình Liêu.",
        "One of the Tày dishes of Bình Liêu.",
    ),
    (
        "Miến dong",
        "Miến làm từ củ dong (dong trồng từ tháng 3 đến tháng 11); là sản phẩm OCOP và nhãn "
        "hiệu được bảo hộ của Bình Liêu.",
        "Glass noodles made from dong root, which grows here from March to November; an "
        "OCOP product and a protected trademark of Bình Liêu.",
    ),
    (
        "OCOP",
        "Chương trình Mỗi xã một sản phẩm: nhãn công nhận sản phẩm đặc trưng của địa "
        "phương, như miến dong Bình Liêu.",
        "“One Commune One Product”: Vietnam's label for recognised local products, such as "
        "Bình Liêu's dong-root glass noodles.",
    ),
    (
        "Ngói âm dương",
        "Ngói “âm dương” lợp mái nhà gỗ và nhà đất của người Sán Chỉ ở Lục Ngù.",
        "“Yin-yang” roof tiles on the wooden and earth houses of the Sán Chỉ in Lục Ngù.",
    ),
    (
        "Nhà trình tường",
        "Nhà tường đất nện của người Dao.",
        "The rammed-earth houses of the Dao.",
    ),
    (
        "ÂL",
        "Viết tắt của âm lịch, lịch theo đó các lễ hội được tổ chức; ngày dương lịch của "
        "lễ hội thay đổi mỗi năm.",
        "The abbreviation Vietnamese dates use for the lunar calendar, which sets the "
        "festival dates; their solar dates move from year to year.",
    ),
    (
        "Zalo",
        "Ứng dụng nhắn tin và gọi điện; số Zalo của trung tâm thông tin du lịch ở chân trang.",
        "A chat and calling app; the tourist information centre's Zalo number is at the "
        "foot of every page.",
    ),
)


def _glossary_list(column):
    return (
        "<ul>"
        + "".join(f"<li><b>{row[0]}</b>: {row[column]}</li>" for row in GLOSSARY_TERMS)
        + "</ul>"
    )


GLOSSARY = {
    "title_vi": "Từ ngữ địa phương",
    "title_en": "Local words explained",
    "slug_vi": "tu-ngu-dia-phuong",
    "slug_en": "glossary",
    "introduction_vi": "Giải thích ngắn những từ ngữ văn hóa và địa phương dùng trên cổng thông tin.",
    "introduction_en": (
        "Short explanations of the Vietnamese and local words you will meet on this portal."
    ),
    "body_vi": stream([("paragraph", _glossary_list(1))]),
    "body_en": stream([("paragraph", _glossary_list(2))]),
}


def _trip_body_vi(glossary_link):
    blocks = [
        h2("Đường đến Bình Liêu"),
        (
            "paragraph",
            p(
                "Bình Liêu ở vùng núi phía bắc tỉnh Quảng Ninh, giáp Quảng Tây (Trung Quốc). "
                "Đi đường bộ, Bình Liêu cách Hà Nội khoảng 258–270 km, cách Hạ Long khoảng "
                "103–108 km và cách Tiên Yên 28 km (các nguồn cho số liệu hơi khác nhau).",
                "Các điểm tham quan cách xa nhau: cột mốc 1305 mất khoảng 1 giờ đi xe máy từ "
                "trung tâm, thác Khe Tiền khoảng 30 km. Giá thuê xe máy khoảng 200.000–300.000 "
                "đồng/ngày (năm 2025, cần kiểm tra lại).",
            ),
        ),
        h2("Cửa khẩu Hoành Mô – Động Trung"),
        (
            "paragraph",
            p(
                "Cặp cửa khẩu Hoành Mô (Việt Nam) – Động Trung (Trung Quốc) chính thức mở ngày "
                "25/6/2024. Khoảng năm 2025, khách du lịch và cư dân biên giới được qua lại từ "
                "thứ Hai đến thứ Sáu, 8:00–9:00 và 15:00–16:00 giờ Hà Nội. Giờ mở cửa có thể "
                "thay đổi: hãy hỏi lại trước khi đi."
            ),
        ),
        h2("Đi mùa nào"),
        (
            "paragraph",
            ul(
                "Tháng 3–4: hoa trẩu nở.",
                "Tháng 5–8: thác Khe Vằn đẹp nhất.",
                "Cuối tháng 9–tháng 10: lúa chín.",
                "Cuối tháng 10–tháng 11: đồi lau trên đường tuần tra biên giới.",
                "Tháng 12: hoa sở nở, lễ hội hoa sở vào giữa tháng.",
                "Tháng 11–tháng 3: mùa leo đỉnh Cao Xiêm.",
                "Các lễ hội chính theo âm lịch, nên ngày dương lịch thay đổi mỗi năm: xem "
                "lịch lễ hội trước khi đi.",
            ),
        ),
        h2("Nên mang theo"),
        (
            "paragraph",
            p(
                "Giày đi bộ tốt cho khoảng 2.000 bậc lên cột mốc 1305 và đường mòn khoảng 7 km "
                "lên đỉnh Cao Xiêm (1.429 m). Áo ấm khi lên cao: dãy Cao Ly mát hơn trung tâm "
                "khoảng 4 °C."
            ),
        ),
        h2("Sóng điện thoại"),
        (
            "paragraph",
            p(
                "Chúng tôi chưa có thông tin đáng tin cậy về sóng điện thoại trên các cung "
                "đường. Trước khi đi, hãy lưu trang cung đường để xem khi không có mạng (nút "
                "“Lưu để xem ngoại tuyến” trên trang cung đường)."
            ),
        ),
        h2("Chi phí"),
        (
            "paragraph",
            p(
                "Khoảng năm 2024, Bình Liêu có khoảng 40 cơ sở lưu trú (3 khách sạn, 24 nhà "
                "nghỉ, 13 homestay). Giá tham khảo: nhà nghỉ 200.000–350.000 đồng/đêm, homestay "
                "khoảng 100.000 đồng/người (năm 2018); tour hai ngày 1,5–2 triệu đồng (năm "
                "2025). Giá thay đổi: hãy hỏi khi đặt chỗ.",
            ),
        ),
        h2("Ứng xử khi đến bản"),
        (
            "paragraph",
            p(
                "Bản làng là nơi người dân sinh sống. Nhiều nghi lễ như lễ Then của người Tày "
                "hay Tết của người Dao diễn ra trong từng gia đình: hãy hỏi chủ nhà trước khi "
                "vào nhà, chụp ảnh hay quay phim, và làm theo hướng dẫn của chủ nhà."
            ),
        ),
    ]
    if glossary_link:
        blocks.append(
            (
                "paragraph",
                p(f"Các từ như Then, còn, Pả dung được giải thích ở trang {glossary_link}."),
            )
        )
    return stream(blocks)


def _trip_body_en(glossary_link):
    blocks = [
        h2("Getting here"),
        (
            "paragraph",
            p(
                "Bình Liêu lies in the mountains of northern Quảng Ninh province, on the "
                "border with Guangxi, China. By road it is about 258–270 km from Hà Nội, "
                "about 103–108 km from Hạ Long and 28 km from Tiên Yên (sources differ a little).",
                "The sights are spread out: border marker 1305 is about an hour from the "
                "centre by motorbike, Khe Tiền waterfall about 30 km. Motorbike hire costs "
                "about 200,000–300,000 VND a day (2025; to be checked).",
            ),
        ),
        h2("The Hoành Mô – Động Trung border gate"),
        (
            "paragraph",
            p(
                "The Hoành Mô (Vietnam) – Động Trung (China) border-gate pair officially "
                "opened on 25 June 2024. Around 2025, tourists and border residents could "
                "cross Monday to Friday, 08:00–09:00 and 15:00–16:00 Hà Nội time. Hours "
                "change: check before you travel."
            ),
        ),
        h2("When to come"),
        (
            "paragraph",
            ul(
                "March–April: tung (trẩu) trees in flower.",
                "May–August: Khe Vằn waterfall at its best.",
                "Late September–October: ripe rice.",
                "Late October–November: reed hills on the border patrol road.",
                "December: sở (tea-oil camellia) flowers, with their festival in mid-December.",
                "November–March: the season for climbing Cao Xiêm.",
                "The main festivals follow the lunar calendar, so their solar dates move "
                "every year: see the festival calendar before you go.",
            ),
        ),
        h2("What to bring"),
        (
            "paragraph",
            p(
                "Good walking shoes for the roughly 2,000 steps up to marker 1305 and the "
                "7 km trail to Cao Xiêm (1,429 m). A warm layer for the heights: the Cao Ly "
                "range is about 4 °C cooler than the centre."
            ),
        ),
        h2("Phone signal"),
        (
            "paragraph",
            p(
                "We do not yet have reliable information on phone coverage along the "
                "routes. Before you set out, save the route pages you need for offline use "
                "(the “Save for offline” button on each route page)."
            ),
        ),
        h2("Money"),
        (
            "paragraph",
            p(
                "Around 2024 Bình Liêu had some 40 places to stay (3 hotels, 24 guesthouses, "
                "13 homestays). As a guide: guesthouses 200,000–350,000 VND a night, "
                "homestays about 100,000 VND per person (2018); a two-day tour 1.5–2 million "
                "VND (2025). Prices change: ask when you book."
            ),
        ),
        h2("In the villages"),
        (
            "paragraph",
            p(
                "The villages are people's homes. Many rites, such as the Then rites of Tày "
                "families and the Dao New Year, are held household by household: ask your "
                "host before you enter a house, take photos or film, and follow their lead."
            ),
        ),
    ]
    if glossary_link:
        blocks.append(
            (
                "paragraph",
                p(f"Words such as Then, còn and Pả dung are explained in {glossary_link}."),
            )
        )
    return stream(blocks)


def trip_fields(glossary=None):
    """The plan-your-trip page's fields; it links the glossary page when there is one."""
    link_vi = link_en = ""
    if glossary is not None:
        link_vi = f'<a linktype="page" id="{glossary.pk}">Từ ngữ địa phương</a>'
        link_en = f'<a linktype="page" id="{glossary.pk}">Local words explained</a>'
    return {
        "title_vi": "Chuẩn bị chuyến đi",
        "title_en": "Plan your trip",
        "slug_vi": "chuan-bi-chuyen-di",
        "slug_en": "plan-your-trip",
        "introduction_vi": (
            "Đường đến Bình Liêu, cửa khẩu, mùa đẹp, những thứ nên mang, chi phí và cách "
            "ứng xử khi đến bản."
        ),
        "introduction_en": (
            "Getting to Bình Liêu, the border gate, the seasons, what to bring, money and "
            "how to behave in the villages."
        ),
        "body_vi": _trip_body_vi(link_vi),
        "body_en": _trip_body_en(link_en),
        "is_sample": True,
    }


def load(context):
    """Creates the glossary and the trip page (in the menu) when missing; the home page
    offers the trip page among its first links when the demo made the home page."""
    home = context.home
    glossary = upsert_page(home, StandardPage, {**GLOSSARY, "show_in_menus": False})
    trip = upsert_page(home, StandardPage, {**trip_fields(glossary), "show_in_menus": True})
    context.pages["glossary"] = glossary
    context.pages["plan-your-trip"] = trip
    if home is not None and trip is not None and may_change(home) and home.trip_page_id != trip.pk:
        home.trip_page = trip
        home.save_revision().publish()
