"""Demo snippets: ethnic groups, communes (with former names) and amenities."""

ETHNIC_GROUPS = [
    {
        "slug": "tay",
        "sort_order": 1,
        "name_vi": "Tày",
        "name_en": "Tày",
        "description_vi": "Dân tộc đông nhất ở Bình Liêu, khoảng một nửa dân số; quê hương của hát Then và đàn tính.",
        "description_en": "The largest group in Bình Liêu, roughly half the population; home of Then singing and the đàn tính lute.",
    },
    {
        "slug": "dao-thanh-phan",
        "sort_order": 2,
        "name_vi": "Dao Thanh Phán",
        "name_en": "Dao Thanh Phán",
        "description_vi": "Nhóm Dao chính ở Bình Liêu, sống nhiều ở vùng Đồng Văn; nổi bật với trang phục đỏ và nhà trình tường.",
        "description_en": "The main Dao group in Bình Liêu, many living around Đồng Văn; known for red costume and rammed-earth houses.",
    },
    {
        "slug": "san-chi",
        "sort_order": 3,
        "name_vi": "Sán Chỉ",
        "name_en": "Sán Chỉ",
        "description_vi": "Khoảng 15% dân số; giữ lối hát Soóng cọ, di sản văn hóa phi vật thể quốc gia.",
        "description_en": "About 15% of the population; keepers of Soóng cọ singing, a national intangible heritage.",
    },
    {
        "slug": "kinh",
        "sort_order": 4,
        "name_vi": "Kinh",
        "name_en": "Kinh",
        "description_vi": "Người Việt, sống chủ yếu ở trung tâm và dọc các trục đường.",
        "description_en": "Ethnic Vietnamese, living mostly in the centre and along the main roads.",
    },
]

COMMUNE_NOTE_VI = "Từ 1/7/2025 không còn cấp huyện. Tên cũ chỉ để tham khảo: hãy đối chiếu với Nghị quyết 1679/NQ-UBTVQH15."
COMMUNE_NOTE_EN = "There is no district level since 1 July 2025. Former names are for reference: check them against Resolution 1679/NQ-UBTVQH15."

COMMUNES = [
    {
        "slug": "binh-lieu",
        "name_vi": "xã Bình Liêu",
        "name_en": "Bình Liêu commune",
        "note_vi": COMMUNE_NOTE_VI,
        "note_en": COMMUNE_NOTE_EN,
        # The fact sheet places Lục Ngù, former xã Húc Động, in today's xã Bình Liêu.
        "aliases": ["Húc Động"],
    },
    {
        "slug": "hoanh-mo",
        "name_vi": "xã Hoành Mô",
        "name_en": "Hoành Mô commune",
        "note_vi": COMMUNE_NOTE_VI,
        "note_en": COMMUNE_NOTE_EN,
        # The fact sheet maps no former commune here.
        "aliases": [],
    },
    {
        "slug": "luc-hon",
        "name_vi": "xã Lục Hồn",
        "name_en": "Lục Hồn commune",
        "note_vi": COMMUNE_NOTE_VI + " Một phần xã Vô Ngại cũ nay thuộc xã Tiên Yên.",
        "note_en": COMMUNE_NOTE_EN
        + " Part of the former Vô Ngại commune now belongs to Tiên Yên commune.",
        "aliases": [],
    },
]

AMENITIES = [
    ("hot-water", "hot-water", "Nước nóng", "Hot water"),
    ("meals", "meals", "Có bữa ăn", "Meals"),
    ("wifi", "wifi", "Wi-Fi", "Wi-Fi"),
    ("parking", "parking", "Chỗ đỗ xe", "Parking"),
    ("motorbike-hire", "motorbike", "Thuê xe máy", "Motorbike hire"),
    ("guide", "guide", "Hướng dẫn viên", "Guide"),
    ("herbal-bath", "herbal-bath", "Tắm lá thuốc", "Herbal bath"),
    ("en-suite", "en-suite", "Phòng khép kín", "En-suite rooms"),
    ("air-conditioning", "air-conditioning", "Điều hòa", "Air conditioning"),
    ("campfire", "campfire", "Lửa trại", "Campfire"),
]
