"""The demo events, in both languages, from shared/content/binh-lieu-facts.md."""

import datetime

from events.occurrences import Kind, Weekday
from events.status import Status
from portal.demo.pages import stream
from villages.models import AttractionPage, VillagePage

CATEGORIES = [
    ("festival", "Lễ hội", "Festival", "Festival"),
    ("ceremony", "Nghi lễ", "Ceremony", "Event"),
    ("market", "Chợ phiên", "Market", "Event"),
    ("sport", "Thể thao", "Sport", "SportsEvent"),
    ("culture-week", "Tuần văn hóa", "Culture week", "Festival"),
    ("cross-border", "Giao lưu biên giới", "Cross-border", "Event"),
]

INDEX = {
    "title_vi": "Lễ hội và sự kiện",
    "title_en": "Festivals and events",
    "slug_vi": "le-hoi",
    "slug_en": "festivals",
    "introduction_vi": (
        "Phần lớn lễ hội ở Bình Liêu theo lịch âm: ngày dương lịch thay đổi hằng năm và "
        "được tính sẵn ở đây. Hãy hỏi lại ban tổ chức trước khi đi."
    ),
    "introduction_en": (
        "Most Bình Liêu festivals follow the lunar calendar, so their solar dates move from "
        "year to year: they are worked out for you here. Check with the organisers before "
        "you travel."
    ),
}


def p(*paragraphs):
    return "".join(f"<p>{text}</p>" for text in paragraphs)


def body(*paragraphs):
    return stream([("paragraph", p(*paragraphs))])


EVENTS = [
    {
        "key": "soong-co",
        "category": "festival",
        "groups": ["san-chi"],
        "palette": "dawn",
        "venue_name_vi": "Húc Động",
        "venue_name_en": "Húc Động",
        "venue_address_vi": "xã Húc Động (cũ)",
        "venue_address_en": "former Húc Động commune",
        "venue_latitude": 21.5800,
        "venue_longitude": 107.3500,
        "title_vi": "Lễ hội Soóng cọ (Slằn nhịp hội)",
        "title_en": "Soóng cọ singing festival (Slằn nhịp hội)",
        "slug_vi": "le-hoi-soong-co",
        "slug_en": "soong-co-singing-festival",
        "schedule_kind": Kind.YEARLY_LUNAR,
        "start_date": datetime.date(2020, 1, 1),
        "rule_day": 16,
        "rule_month": 3,
        "summary_vi": "Hội hát Soóng cọ của người Sán Chỉ vào ngày 16 tháng 3 âm lịch, di sản văn hóa phi vật thể quốc gia.",
        "summary_en": "The Sán Chỉ people's Soóng cọ singing festival on the 16th day of the 3rd lunar month, national intangible heritage.",
        "description_vi": body(
            "Hội tháng Ba của người Sán Chỉ ở Húc Động, với những làn điệu hát Soóng cọ. "
            "Soóng cọ được công nhận là di sản văn hóa phi vật thể quốc gia từ tháng 11/2023. "
            "Tọa độ trên bản đồ là ước lượng.",
            "Một số nguồn ghi lễ hội kéo dài 15–16 tháng 3 âm lịch: hãy hỏi lại trước khi đi.",
        ),
        "description_en": body(
            "The Sán Chỉ third-month festival in Húc Động, with Soóng cọ singing. Soóng cọ "
            "singing has been national intangible heritage since November 2023. The map "
            "position is an approximation.",
            "Some sources give the 15th–16th of the 3rd lunar month: check before you travel.",
        ),
    },
    {
        "key": "kieng-gio",
        "category": "ceremony",
        "groups": ["dao-thanh-phan"],
        "venue": (AttractionPage, "cho-dong-van"),
        "palette": "forest",
        "title_vi": "Ngày Kiêng gió của người Dao Thanh Phán",
        "title_en": "Kiêng gió, the Dao Thanh Phán wind-avoiding day",
        "slug_vi": "kieng-gio",
        "slug_en": "kieng-gio-wind-avoiding-day",
        "schedule_kind": Kind.YEARLY_LUNAR,
        "start_date": datetime.date(2020, 1, 1),
        "rule_day": 4,
        "rule_month": 4,
        "summary_vi": "Ngày Kiêng gió của người Dao Thanh Phán, mùng 4 tháng Tư âm lịch, ở chợ Đồng Văn.",
        "summary_en": "The Dao Thanh Phán wind-avoiding day, on the 4th day of the 4th lunar month, at Đồng Văn market.",
        "description_vi": body(
            "Tập quán Kiêng gió là di sản văn hóa phi vật thể quốc gia. Ngày hội diễn ra ở chợ "
            "Đồng Văn. Hãy hỏi ban tổ chức về chương trình từng năm.",
            "Năm 2025, chương trình kéo dài từ 30/4 đến 4/5 dương lịch.",
        ),
        "description_en": body(
            "The Kiêng gió custom is national intangible heritage. The day is held at Đồng Văn "
            "market. Ask the organisers about each year's programme.",
            "In 2025 the programme ran from 30 April to 4 May (solar calendar).",
        ),
    },
    {
        "key": "luc-na",
        "category": "festival",
        "groups": ["tay", "dao-thanh-phan", "san-chi"],
        "venue": (AttractionPage, "dinh-luc-na"),
        "palette": "reed",
        "title_vi": "Lễ hội đình Lục Nà",
        "title_en": "Lục Nà communal house festival",
        "slug_vi": "le-hoi-dinh-luc-na",
        "slug_en": "luc-na-communal-house-festival",
        "schedule_kind": Kind.YEARLY_LUNAR,
        "start_date": datetime.date(2020, 1, 1),
        "rule_day": 15,
        "rule_month": 1,
        "rule_end_day": 17,
        "rule_end_month": 1,
        "duration_days": 1,
        "summary_vi": "Từ 15 đến 17 tháng Giêng âm lịch (chính hội ngày 16) ở thôn Bản Cáu, Lục Hồn.",
        "summary_en": "From the 15th to the 17th of the 1st lunar month (main day the 16th) at Bản Cáu, Lục Hồn.",
        "description_vi": body(
            "Lễ hội do người Tày chủ trì, mọi dân tộc cùng dự, tưởng nhớ anh hùng địa phương "
            "Hoàng Cần. Đình được trùng tu năm 2006. Có hát Then, đàn tính, tung còn, đẩy gậy."
        ),
        "description_en": body(
            "Led by the Tày and attended by every group, the festival honours the local hero "
            "Hoàng Cần. The communal house was restored in 2006. Expect Then singing with the "
            "đàn tính lute, còn throwing and stick pushing."
        ),
    },
    {
        "key": "vo-ngai",
        "category": "festival",
        "groups": [],
        "palette": "mist",
        "venue_name_vi": "Đình Vô Ngại",
        "venue_name_en": "Vô Ngại communal house",
        "venue_address_vi": "Vô Ngại (cũ)",
        "venue_address_en": "former Vô Ngại commune",
        "venue_latitude": 21.4750,
        "venue_longitude": 107.4350,
        "title_vi": "Lễ hội đình Vô Ngại",
        "title_en": "Vô Ngại communal house festival",
        "slug_vi": "le-hoi-dinh-vo-ngai",
        "slug_en": "vo-ngai-communal-house-festival",
        "schedule_kind": Kind.YEARLY_LUNAR,
        "start_date": datetime.date(2025, 1, 1),
        "rule_day": 5,
        "rule_month": 1,
        "rule_end_day": 6,
        "rule_end_month": 1,
        "duration_days": 1,
        "summary_vi": "Mùng 5–6 tháng Giêng âm lịch; lễ hội được khôi phục năm 2025.",
        "summary_en": "5th–6th of the 1st lunar month; the festival was revived in 2025.",
        "description_vi": body(
            "Lễ hội đình Vô Ngại vào mùng 5–6 tháng Giêng âm lịch, được khôi phục từ năm 2025. "
            "Tọa độ trên bản đồ là ước lượng."
        ),
        "description_en": body(
            "The Vô Ngại communal house festival, on the 5th–6th of the 1st lunar month, "
            "revived in 2025. The map position is an approximation."
        ),
    },
    {
        "key": "hoa-so",
        "category": "festival",
        "groups": [],
        "palette": "mist",
        "venue_name_vi": "Rừng sở thôn Đồng Long",
        "venue_name_en": "Sở forest, Đồng Long",
        "venue_address_vi": "thôn Đồng Long, xã Đồng Tâm (cũ)",
        "venue_address_en": "Đồng Long hamlet, former Đồng Tâm commune",
        "venue_latitude": 21.5400,
        "venue_longitude": 107.4600,
        "title_vi": "Hội hoa sở",
        "title_en": "Sở flower festival",
        "slug_vi": "hoi-hoa-so",
        "slug_en": "so-flower-festival",
        "schedule_kind": Kind.YEARLY_SOLAR,
        "start_date": datetime.date(2015, 12, 1),
        "rule_day": 15,
        "rule_month": 12,
        "duration_days": 3,
        "summary_vi": "Giữa tháng 12, khi hoa sở (trà dầu) trắng rừng Đồng Long; tổ chức hằng năm từ 2015.",
        "summary_en": "Mid-December, when the tea-oil camellias whiten the Đồng Long forest; held every year since 2015.",
        "description_vi": body(
            "Năm 2017 và 2023 hội diễn ra từ 15 đến 17/12; ngày cụ thể mỗi năm cần kiểm tra. "
            "Đã có đoàn nghệ thuật từ Phòng Thành (Trung Quốc) tham gia giao lưu.",
        ),
        "description_en": body(
            "In 2017 and 2023 it ran from 15 to 17 December; check each year's exact dates. "
            "Troupes from Phòng Thành (China) have joined in.",
        ),
    },
    {
        "key": "mua-vang-2023",
        "category": "culture-week",
        "groups": [],
        "palette": "reed",
        "venue_name_vi": "Quảng trường 25/12",
        "venue_name_en": "25/12 Square",
        "venue_address_vi": "trung tâm xã Bình Liêu",
        "venue_address_en": "Bình Liêu commune centre",
        "venue_latitude": 21.5259,
        "venue_longitude": 107.4003,
        "title_vi": "Khai mạc Tuần Văn hóa – Du lịch và Hội Mùa Vàng 2023",
        "title_en": "Opening of the 2023 Culture–Tourism Week and Golden Season festival",
        "slug_vi": "hoi-mua-vang-2023",
        "slug_en": "golden-season-2023",
        "schedule_kind": Kind.SINGLE,
        "start_date": datetime.date(2023, 10, 21),
        "start_time": datetime.time(20, 0),
        "summary_vi": "Đêm khai mạc lúc 20:00 ngày 21/10/2023 tại Quảng trường 25/12.",
        "summary_en": "Opening night at 20:00 on 21 October 2023 on 25/12 Square.",
        "description_vi": body(
            "Tuần Văn hóa – Du lịch gắn với Hội Mùa Vàng được tổ chức hằng năm từ 2020, "
            "trong khoảng tháng 10 đến tháng 12, quảng bá mùa lau trên đường tuần tra biên giới."
        ),
        "description_en": body(
            "The Culture–Tourism Week with the Golden Season festival has been held every year "
            "since 2020, between October and December, and promotes the reed season on the "
            "border patrol road."
        ),
    },
    {
        "key": "tet-dao",
        "category": "ceremony",
        "groups": ["dao-thanh-phan"],
        "venue": (VillagePage, "song-mooc-khe-tien"),
        "palette": "dusk",
        "title_vi": "Mùa Tết của người Dao",
        "title_en": "The Dao Tết season",
        "slug_vi": "mua-tet-nguoi-dao",
        "slug_en": "dao-tet-season",
        "schedule_kind": Kind.YEARLY_LUNAR,
        "start_date": datetime.date(2020, 1, 1),
        "rule_day": 15,
        "rule_month": 12,
        "rule_end_day": 15,
        "rule_end_month": 1,
        "duration_days": 1,
        "summary_vi": "Từ 15 tháng Chạp đến 15 tháng Giêng âm lịch, từng gia đình người Dao lần lượt ăn Tết.",
        "summary_en": "From the 15th of the 12th to the 15th of the 1st lunar month, Dao households celebrate Tết one after another.",
        "description_vi": body(
            "Không có một ngày hội chung: mỗi nhà chọn ngày riêng. Hãy hỏi chủ homestay để được "
            "mời đúng lúc. Người Tày trong vùng tổ chức các nghi lễ Then dịp này."
        ),
        "description_en": body(
            "There is no single festival day: each household picks its own. Ask your homestay "
            "host to be invited at the right time. Tày families hold Then rites in this season."
        ),
    },
    {
        "key": "cho-dong-van",
        "category": "market",
        "groups": ["dao-thanh-phan"],
        "venue": (AttractionPage, "cho-dong-van"),
        "palette": "forest",
        "title_vi": "Chợ phiên Đồng Văn",
        "title_en": "Đồng Văn weekly market",
        "slug_vi": "cho-phien-dong-van",
        "slug_en": "dong-van-weekly-market",
        "schedule_kind": Kind.WEEKLY,
        "start_date": datetime.date(2024, 1, 1),
        "weekday": Weekday.SATURDAY,
        "summary_vi": "Một nguồn ghi chợ họp thứ Bảy: hãy hỏi lại trước khi đi.",
        "summary_en": "One source gives Saturday as market day: check before you go.",
        "description_vi": body("Ngày họp chợ chưa được xác nhận: hãy hỏi lại trước khi đi."),
        "description_en": body("The market day is not confirmed: check before you go."),
    },
    {
        "key": "cho-binh-lieu",
        "category": "market",
        "groups": [],
        "palette": "dawn",
        "venue_name_vi": "Chợ Bình Liêu",
        "venue_name_en": "Bình Liêu market",
        "venue_address_vi": "trung tâm xã Bình Liêu",
        "venue_address_en": "Bình Liêu commune centre",
        "venue_latitude": 21.5270,
        "venue_longitude": 107.3990,
        "title_vi": "Chợ phiên Bình Liêu",
        "title_en": "Bình Liêu weekly market",
        "slug_vi": "cho-phien-binh-lieu",
        "slug_en": "binh-lieu-weekly-market",
        "schedule_kind": Kind.WEEKLY,
        "start_date": datetime.date(2024, 1, 1),
        "weekday": Weekday.SUNDAY,
        "summary_vi": "Một nguồn ghi chợ họp Chủ nhật: hãy hỏi lại trước khi đi.",
        "summary_en": "One source gives Sunday as market day: check before you go.",
        "description_vi": body("Ngày họp chợ chưa được xác nhận: hãy hỏi lại trước khi đi."),
        "description_en": body("The market day is not confirmed: check before you go."),
    },
    {
        "key": "giai-phong-75",
        "category": "ceremony",
        "groups": [],
        "palette": "dusk",
        "venue_name_vi": "Quảng trường 25/12",
        "venue_name_en": "25/12 Square",
        "venue_address_vi": "trung tâm xã Bình Liêu",
        "venue_address_en": "Bình Liêu commune centre",
        "venue_latitude": 21.5259,
        "venue_longitude": 107.4003,
        "title_vi": "Kỷ niệm 75 năm Ngày giải phóng Bình Liêu",
        "title_en": "75th anniversary of the liberation of Bình Liêu",
        "slug_vi": "75-nam-giai-phong-binh-lieu",
        "slug_en": "75th-anniversary-of-liberation",
        "schedule_kind": Kind.SINGLE,
        "start_date": datetime.date(2025, 12, 25),
        "summary_vi": "25/12/1950 – 25/12/2025.",
        "summary_en": "25 December 1950 – 25 December 2025.",
        "description_vi": body("Lễ kỷ niệm 75 năm Ngày giải phóng Bình Liêu (25/12/1950)."),
        "description_en": body(
            "The 75th anniversary of the liberation of Bình Liêu (25 December 1950)."
        ),
    },
]


def _next_saturday(day):
    return day + datetime.timedelta(days=(Weekday.SATURDAY - day.weekday()) % 7)


def status_samples(today):
    """A rescheduled and a cancelled sample event, a few weeks after ``today``."""
    football = _next_saturday(today + datetime.timedelta(days=21))
    campfire = _next_saturday(today + datetime.timedelta(days=10))
    return [
        {
            "key": "bong-da-nu",
            "organiser_vi": "Ban phát triển du lịch cộng đồng bản Lục Ngù (mẫu)",
            "organiser_en": "Lục Ngù community tourism group (sample)",
            "category": "sport",
            "groups": ["san-chi"],
            "venue": (VillagePage, "luc-ngu"),
            "palette": "forest",
            "title_vi": "Giải bóng đá nữ mặc váy xếp ly Sán Chỉ (mẫu)",
            "title_en": "Sán Chỉ women's football in pleated skirts (sample)",
            "slug_vi": "bong-da-nu-vay-xoe",  # kept: the demo loader finds pages by slug
            "slug_en": "womens-football-in-pleated-skirts",
            "schedule_kind": Kind.SINGLE,
            "start_date": football,
            "start_time": datetime.time(14, 0),
            "end_time": datetime.time(17, 0),
            "status": Status.RESCHEDULED,
            "previous_start_date": football - datetime.timedelta(days=7),
            "previous_start_time": datetime.time(14, 0),
            "summary_vi": "Sự kiện mẫu: dời lịch một tuần vì mưa lớn.",
            "summary_en": "Sample event: moved back a week because of heavy rain.",
            "description_vi": body(
                "Phụ nữ Sán Chỉ đá bóng trong trang phục váy xếp ly truyền thống. Đây là sự kiện mẫu, không có thật."
            ),
            "description_en": body(
                "Sán Chỉ women play football in their traditional pleated skirts. This is a sample event of the demo."
            ),
        },
        {
            "key": "lua-trai",
            "organiser_vi": "Ban phát triển du lịch cộng đồng bản Lục Ngù (mẫu)",
            "organiser_en": "Lục Ngù community tourism group (sample)",
            "category": "culture-week",
            "groups": ["san-chi"],
            "venue": (VillagePage, "luc-ngu"),
            "palette": "dusk",
            "title_vi": "Đêm lửa trại giao lưu ở Lục Ngù (mẫu)",
            "title_en": "Campfire evening at Lục Ngù (sample)",
            "slug_vi": "dem-lua-trai-luc-ngu",
            "slug_en": "campfire-evening-luc-ngu",
            "schedule_kind": Kind.SINGLE,
            "start_date": campfire,
            "start_time": datetime.time(19, 30),
            "end_time": datetime.time(22, 0),
            "is_free": False,
            "price_vnd": 50000,
            "price_note_vi": "gồm nước chè và khoai nướng",
            "price_note_en": "tea and roasted sweet potatoes included",
            "status": Status.CANCELLED,
            "summary_vi": "Sự kiện mẫu: đã hủy.",
            "summary_en": "Sample event: cancelled.",
            "description_vi": body(
                "Hát Soóng cọ quanh lửa trại cùng người Sán Chỉ. Đây là sự kiện mẫu, không có thật."
            ),
            "description_en": body(
                "Soóng cọ singing around a campfire with Sán Chỉ hosts. This is a sample event of the demo."
            ),
        },
    ]
