"""Demo villages and attractions. Texts rest on shared/content/binh-lieu-facts.md.

Coordinates are approximations inside the district's box, so every page here is
flagged ``is_sample``; altitudes and distances the sources do not give are left out.
"""

from portal.demo.pages import stream


def p(*paragraphs):
    return "".join(f"<p>{text}</p>" for text in paragraphs)


def topic(kind, heading, *paragraphs):
    return (
        "culture_topic",
        {"topic": kind, "heading": heading, "text": p(*paragraphs), "image": None},
    )


def todo(title, text, season=""):
    return ("thing_to_do", {"title": title, "text": text, "season": season, "image": None})


VILLAGE_INDEX = {
    "title_vi": "Bản làng văn hóa",
    "title_en": "Cultural villages",
    "slug_vi": "ban-lang",
    "slug_en": "villages",
    "introduction_vi": "Ba bản đón khách theo mô hình du lịch cộng đồng: bản Sán Chỉ Lục Ngù, bản Dao Thanh Phán ở Sông Moóc – Khe Tiền và bản Tày Bản Cáu.",
    "introduction_en": "Three villages welcome guests through community tourism: the Sán Chỉ village of Lục Ngù, the Dao Thanh Phán village at Sông Moóc – Khe Tiền and the Tày village of Bản Cáu.",
}

LUC_NGU = {
    "key": "luc-ngu",
    "groups": ["san-chi"],
    "commune": "binh-lieu",
    "title_vi": "Bản Sán Chỉ Lục Ngù",
    "title_en": "Lục Ngù Sán Chỉ village",
    "slug_vi": "luc-ngu",
    "slug_en": "luc-ngu",
    "featured": True,
    "latitude": 21.5850,
    "longitude": 107.3450,
    "introduction_vi": (
        "Thôn Lục Ngù thuộc xã Húc Động cũ (nay trong địa bàn xã Bình Liêu) là bản của người Sán Chỉ. "
        "Nhà gỗ, tường đất, mái lợp ngói âm dương nằm dưới chân núi. Lục Ngù là một trong bốn thôn được "
        "tỉnh Quảng Ninh đầu tư làm du lịch cộng đồng theo Kế hoạch 161/KH-UBND (21/6/2023)."
    ),
    "introduction_en": (
        "Lục Ngù, in the former Húc Động commune (now within Bình Liêu commune), is a Sán Chỉ village of "
        "wooden and earth houses roofed with yin-yang tiles. It is one of four villages that Quảng Ninh "
        "province invests in for community tourism under plan 161/KH-UBND (21 June 2023)."
    ),
    "culture_vi": stream(
        [
            topic(
                "architecture",
                "Nhà đất, ngói âm dương",
                "Những ngôi nhà gỗ và đất lợp ngói âm dương: viên ngửa, viên úp đan vào nhau.",
            ),
            topic(
                "songs_dances",
                "Hát Soóng cọ",
                "Soóng cọ là lối hát đối đáp của người Sán Chỉ, được công nhận là di sản văn hóa phi vật thể quốc gia tháng 11/2023. Tục hát đến nhà (hát thăm nhà) được khôi phục năm 2023.",
            ),
            topic(
                "costume",
                "Trang phục",
                "Nghề may trang phục của người Sán Chỉ là di sản văn hóa phi vật thể quốc gia. Khách có thể xem các cô gái đá bóng trong váy xếp ly.",
            ),
            topic(
                "food",
                "Miến dong",
                "Miến dong Bình Liêu là sản phẩm OCOP có nhãn hiệu được bảo hộ; củ dong trồng từ tháng 3 đến tháng 11.",
            ),
        ]
    ),
    "culture_en": stream(
        [
            topic(
                "architecture",
                "Earth houses and yin-yang tiles",
                "Wooden and earth houses with yin-yang roof tiles, laid alternately face up and face down.",
            ),
            topic(
                "songs_dances",
                "Soóng cọ singing",
                "Soóng cọ, the call-and-answer singing of the Sán Chỉ, became national intangible heritage in November 2023. The custom of singing on house visits was revived in 2023.",
            ),
            topic(
                "costume",
                "Costume",
                "Sán Chỉ costume-making is national intangible heritage. Visitors may watch women play football in pleated skirts.",
            ),
            topic(
                "food",
                "Dong-root glass noodles",
                "Bình Liêu miến dong is an OCOP product with a protected trademark; dong root grows from March to November.",
            ),
        ]
    ),
    "things_to_do_vi": stream(
        [
            todo("Nghe hát Soóng cọ", "Nghe các nghệ nhân hát đối đáp bên bếp lửa."),
            todo("Xem làm miến dong", "Theo các gia đình làm miến từ củ dong."),
            todo("Lễ cầu may và lửa trại", "Dự lễ cầu may và đốt lửa trại cùng dân bản."),
        ]
    ),
    "things_to_do_en": stream(
        [
            todo("Hear Soóng cọ singing", "Listen to call-and-answer songs by the fire."),
            todo(
                "Watch glass noodles being made", "Follow a family making noodles from dong root."
            ),
            todo(
                "Luck-blessing rite and campfire",
                "Join the luck-blessing rite (cầu may) and a campfire with the villagers.",
            ),
        ]
    ),
    "getting_there_vi": "Từ trung tâm Bình Liêu đi về phía xã Húc Động cũ; hỏi đường tới thôn Lục Ngù. Khoảng cách và thời gian dưới đây là ước tính mẫu.",
    "getting_there_en": "From the centre of Bình Liêu head towards the former Húc Động commune and ask for Lục Ngù. The distance and time below are sample estimates.",
    "distance_from_centre": "12.0",
    "travel_time": 30,
}

SONG_MOOC = {
    "key": "song-mooc",
    "groups": ["dao-thanh-phan"],
    # Former xã Đồng Văn: the fact sheet does not say which commune it belongs to now.
    "commune": None,
    "title_vi": "Bản Dao Sông Moóc – Khe Tiền",
    "title_en": "Sông Moóc – Khe Tiền Dao village",
    "slug_vi": "song-mooc-khe-tien",
    "slug_en": "song-mooc-khe-tien",
    "featured": True,
    "latitude": 21.6020,
    "longitude": 107.5350,
    "introduction_vi": (
        "Sông Moóc và Khe Tiền là hai thôn của người Dao Thanh Phán ở xã Đồng Văn cũ, cách trung tâm "
        "khoảng 30 km, ở độ cao 300–700 m. Sông Moóc có mô hình du lịch cộng đồng; Khe Tiền được quy "
        "hoạch thành làng du lịch người Dao với hơn 30 homestay."
    ),
    "introduction_en": (
        "Sông Moóc and Khe Tiền are Dao Thanh Phán hamlets of the former Đồng Văn commune, about 30 km from "
        "the centre at 300–700 m. Sông Moóc runs a community-tourism model; Khe Tiền is planned as a Dao "
        "tourism village with more than 30 homestays."
    ),
    "culture_vi": stream(
        [
            topic(
                "architecture",
                "Nhà trình tường",
                "Người Dao ở đây dựng nhà trình tường: tường đất nện dày, giữ ấm mùa đông, mát mùa hè.",
            ),
            topic(
                "costume",
                "Trang phục đỏ",
                "Trang phục màu đỏ; phụ nữ đã có chồng đội mũ vuông đỏ cao khoảng 30 cm, ghép từ 110–120 mảnh vải.",
            ),
            topic(
                "songs_dances",
                "Hát Pả dung và lễ cấp sắc",
                "Khách có thể nghe hát Pả dung, xem trích đoạn lễ cấp sắc và tái hiện đám cưới người Dao.",
            ),
            topic(
                "food",
                "Thịt lợn gừng và ngâm chân lá thuốc",
                "Món thịt lợn nấu gừng; sau bữa tối là chậu lá thuốc ngâm chân.",
            ),
        ]
    ),
    "culture_en": stream(
        [
            topic(
                "architecture",
                "Rammed-earth houses",
                "Dao families here build rammed-earth houses (nhà trình tường) with thick walls, warm in winter and cool in summer.",
            ),
            topic(
                "costume",
                "The red costume",
                "The costume is red; married women wear a square red hat about 30 cm tall, sewn from 110–120 pieces of cloth.",
            ),
            topic(
                "songs_dances",
                "Pả dung songs and the cấp sắc rite",
                "Visitors can hear Pả dung singing, watch an excerpt of the cấp sắc initiation and a re-enacted Dao wedding.",
            ),
            topic(
                "food",
                "Pork with ginger, herbal foot baths",
                "Pork cooked with ginger; after dinner, a basin of herbal leaves for your feet.",
            ),
        ]
    ),
    "things_to_do_vi": stream(
        [
            todo("Ngâm chân lá thuốc", "Lá thuốc của người Dao, sau một ngày đi bộ."),
            todo("Học thêu", "Xem và thử những đường thêu trên trang phục Dao."),
            todo("Đi bộ tới thác Khe Tiền", "Thác cao khoảng 20 m, gần bản."),
        ]
    ),
    "things_to_do_en": stream(
        [
            todo("Herbal foot bath", "Dao herbal leaves after a day's walk."),
            todo("Try embroidery", "Watch, then try, the stitches of Dao costume."),
            todo(
                "Walk to Khe Tiền waterfall", "A waterfall about 20 m high, close to the village."
            ),
        ]
    ),
    "getting_there_vi": "Khoảng 30 km từ trung tâm, đi về phía Đồng Văn, mất chừng 1 giờ.",
    "getting_there_en": "About 30 km from the centre towards Đồng Văn, roughly an hour's drive.",
    "distance_from_centre": "30.0",
    "travel_time": 60,
}

BAN_CAU = {
    "key": "ban-cau",
    "groups": ["tay"],
    "commune": "luc-hon",
    "title_vi": "Bản Tày Bản Cáu",
    "title_en": "Bản Cáu Tày village",
    "slug_vi": "ban-cau",
    "slug_en": "ban-cau",
    "featured": True,
    "latitude": 21.5060,
    "longitude": 107.3760,
    "introduction_vi": (
        "Thôn Bản Cáu, xã Lục Hồn, là bản của người Tày, nơi có đình Lục Nà. Quy hoạch 1/500 đã xong; "
        "trong 83 ngôi nhà chỉ còn 4 nhà sàn truyền thống."
    ),
    "introduction_en": (
        "Bản Cáu, in Lục Hồn commune, is a Tày village and the home of Lục Nà communal house. Its 1/500 plan "
        "is done; of its 83 houses only 4 are still traditional stilt houses."
    ),
    "culture_vi": stream(
        [
            topic(
                "songs_dances",
                "Hát Then, đàn tính",
                "Then và đàn tính là di sản quốc gia (2013), thuộc hồ sơ Then được UNESCO ghi danh năm 2019.",
            ),
            topic(
                "architecture",
                "Nhà sàn",
                "Bốn nhà sàn truyền thống còn lại là những ngôi nhà đáng ghé thăm nhất.",
            ),
            topic(
                "food", "Xôi lá gừng, khâu nhục", "Món Tày: xôi lá gừng, khâu nhục, bánh cooc mò."
            ),
        ]
    ),
    "culture_en": stream(
        [
            topic(
                "songs_dances",
                "Then singing and the đàn tính",
                "Then and the đàn tính lute are national heritage (2013) and part of UNESCO's 2019 listing of Then.",
            ),
            topic(
                "architecture",
                "Stilt houses",
                "The four traditional stilt houses left are the ones to visit.",
            ),
            topic(
                "food",
                "Ginger-leaf sticky rice, khâu nhục",
                "Tày dishes: sticky rice with ginger leaves, khâu nhục braised pork, bánh cooc mò.",
            ),
        ]
    ),
    "things_to_do_vi": stream(
        [
            todo(
                "Lễ hội đình Lục Nà",
                "Ném còn, đẩy gậy, hát Then.",
                "Ngày 15–17 tháng Giêng âm lịch",
            ),
            todo("Nghe đàn tính", "Nghe hát Then trong nhà sàn."),
        ]
    ),
    "things_to_do_en": stream(
        [
            todo(
                "Lục Nà communal house festival",
                "Còn throwing, stick pushing, Then singing.",
                "15th–17th of the 1st lunar month",
            ),
            todo("Listen to the đàn tính", "Then songs in a stilt house."),
        ]
    ),
    "getting_there_vi": "Bản Cáu gần trung tâm; khoảng cách và thời gian dưới đây là ước tính mẫu.",
    "getting_there_en": "Bản Cáu is close to the centre; the distance and time below are sample estimates.",
    "distance_from_centre": "5.0",
    "travel_time": 15,
}

VILLAGES = [LUC_NGU, SONG_MOOC, BAN_CAU]

ATTRACTION_INDEX = {
    "title_vi": "Điểm đến",
    "title_en": "Attractions",
    "slug_vi": "diem-den",
    "slug_en": "attractions",
    "introduction_vi": "Đỉnh núi, thác nước, cột mốc biên giới, chợ phiên và đình làng của Bình Liêu.",
    "introduction_en": "Peaks, waterfalls, border markers, markets and communal houses of Bình Liêu.",
}

BORDER_SAFETY_VI = "Khu vực biên giới: mang theo giấy tờ tùy thân, hỏi đồn biên phòng hoặc chủ nhà trước khi đi, không vượt qua cột mốc."
BORDER_SAFETY_EN = "Border zone: carry your ID, ask the border guard post or your host before you go, and do not cross the markers."

ATTRACTIONS = [
    {
        "key": "moc-1305",
        "kind": "border_marker",
        "title_vi": "Cột mốc 1305 và sống lưng khủng long",
        "title_en": "Marker 1305 and the dinosaur's spine",
        "slug_vi": "cot-moc-1305",
        "slug_en": "marker-1305",
        "latitude": 21.6170,
        "longitude": 107.4550,
        "border_zone": True,
        "best_months": [10, 11],
        "introduction_vi": "Cột mốc cao nhất tỉnh Quảng Ninh, ở xã Hoành Mô, trên dải núi được gọi là sống lưng khủng long.",
        "introduction_en": "The highest border marker in Quảng Ninh, in Hoành Mô, on the ridge known as the dinosaur's spine.",
        "access_notes_vi": "Khoảng 1 giờ đi xe máy từ trung tâm, rồi khoảng 2 km với chừng 2.000 bậc trên đường bê tông có xích bám (hoàn thành năm 2018).",
        "access_notes_en": "About an hour by motorbike from the centre, then about 2 km and some 2,000 steps on a concrete path with chain rails (finished 2018).",
        "safety_notes_vi": BORDER_SAFETY_VI,
        "safety_notes_en": BORDER_SAFETY_EN,
    },
    {
        "key": "cao-xiem",
        "kind": "peak",
        "title_vi": "Đỉnh Cao Xiêm",
        "title_en": "Cao Xiêm peak",
        "slug_vi": "cao-xiem",
        "slug_en": "cao-xiem",
        "latitude": 21.6050,
        "longitude": 107.3300,
        "elevation": 1429,
        "border_zone": True,
        "best_months": [11, 12, 1, 2, 3],
        "introduction_vi": "Cao Xiêm (còn gọi Khau Khoang), 1.429 m, là đỉnh núi cao nhất Quảng Ninh.",
        "introduction_en": "Cao Xiêm (also Khau Khoang), 1,429 m, is the highest peak of Quảng Ninh.",
        "access_notes_vi": "Đường mòn khoảng 7 km. Nên đi cùng hướng dẫn viên địa phương.",
        "access_notes_en": "A trail of about 7 km. Go with a local guide.",
        "safety_notes_vi": BORDER_SAFETY_VI,
        "safety_notes_en": BORDER_SAFETY_EN,
    },
    {
        "key": "cao-ly",
        "kind": "forest",
        "title_vi": "Dãy Cao Ly",
        "title_en": "The Cao Ly range",
        "slug_vi": "day-cao-ly",
        "slug_en": "cao-ly-range",
        "latitude": 21.5650,
        "longitude": 107.3150,
        "introduction_vi": "Rộng hơn 40 km², tám đỉnh cao trên 1.000 m, mát hơn trung tâm khoảng 4 °C.",
        "introduction_en": "Over 40 km² with eight peaks above 1,000 m, about 4 °C cooler than the centre.",
    },
    {
        "key": "khe-van",
        "kind": "waterfall",
        "village": "luc-ngu",
        "title_vi": "Thác Khe Vằn",
        "title_en": "Khe Vằn waterfall",
        "slug_vi": "thac-khe-van",
        "slug_en": "khe-van-waterfall",
        "latitude": 21.5700,
        "longitude": 107.3700,
        "best_months": [5, 6, 7, 8],
        "introduction_vi": "Thác cao khoảng 100 m, ba tầng, ở Húc Động, cách trung tâm 10–15 km.",
        "introduction_en": "A waterfall of about 100 m in three tiers, in Húc Động, 10–15 km from the centre.",
        "safety_notes_vi": "Đá trơn sau mưa; không tắm khi nước lớn.",
        "safety_notes_en": "Rocks are slippery after rain; do not swim when the water is high.",
    },
    {
        "key": "khe-tien",
        "kind": "waterfall",
        "village": "song-mooc",
        "title_vi": "Thác Khe Tiền",
        "title_en": "Khe Tiền waterfall",
        "slug_vi": "thac-khe-tien",
        "slug_en": "khe-tien-waterfall",
        "latitude": 21.6080,
        "longitude": 107.5450,
        "introduction_vi": "Thác cao khoảng 20 m, cách trung tâm khoảng 30 km (1 giờ đi đường).",
        "introduction_en": "A waterfall about 20 m high, some 30 km (an hour) from the centre.",
    },
    {
        "key": "moc-1300",
        "kind": "border_marker",
        "title_vi": "Cột mốc 1300",
        "title_en": "Marker 1300",
        "slug_vi": "cot-moc-1300",
        "slug_en": "marker-1300",
        "latitude": 21.6150,
        "longitude": 107.3000,
        "border_zone": True,
        "introduction_vi": "Điểm ngã ba Lạng Sơn – Quảng Ninh – Quảng Tây, cách trung tâm khoảng 14 km.",
        "introduction_en": "The tri-junction of Lạng Sơn, Quảng Ninh and Guangxi, about 14 km from the centre.",
        "safety_notes_vi": BORDER_SAFETY_VI,
        "safety_notes_en": BORDER_SAFETY_EN,
    },
    {
        "key": "cho-dong-van",
        "kind": "market",
        "village": "song-mooc",
        "title_vi": "Chợ Đồng Văn",
        "title_en": "Đồng Văn market",
        "slug_vi": "cho-dong-van",
        "slug_en": "dong-van-market",
        "latitude": 21.5950,
        "longitude": 107.5250,
        "introduction_vi": "Chợ phiên của người Dao vùng Đồng Văn, nơi diễn ra ngày Kiêng gió (mùng 4 tháng 4 âm lịch). Một nguồn ghi chợ họp thứ Bảy: hãy hỏi trước.",
        "introduction_en": "The market of the Dao around Đồng Văn, where the Kiêng gió day (4th of the 4th lunar month) is held. One source gives Saturday as market day: check before you go.",
    },
    {
        "key": "dinh-luc-na",
        "kind": "communal_house",
        "village": "ban-cau",
        "title_vi": "Đình Lục Nà",
        "title_en": "Lục Nà communal house",
        "slug_vi": "dinh-luc-na",
        "slug_en": "luc-na-communal-house",
        "latitude": 21.5075,
        "longitude": 107.3720,
        "best_months": [1, 2],
        "introduction_vi": "Đình ở thôn Bản Cáu, xã Lục Hồn, thờ anh hùng địa phương Hoàng Cần, được trùng tu năm 2006. Lễ hội ngày 15–17 tháng Giêng âm lịch.",
        "introduction_en": "The communal house of Bản Cáu, Lục Hồn, honours the local hero Hoàng Cần and was restored in 2006. Its festival runs from the 15th to the 17th of the 1st lunar month.",
    },
    {
        "key": "doi-lau",
        "kind": "reed_hill",
        "title_vi": "Đồi lau đường tuần tra biên giới",
        "title_en": "Reed hills on the border patrol road",
        "slug_vi": "doi-lau",
        "slug_en": "reed-hills",
        "latitude": 21.6200,
        "longitude": 107.4300,
        "border_zone": True,
        "best_months": [10, 11],
        "introduction_vi": "Ở độ cao khoảng 700 m, lau nở trắng đồi từ cuối tháng 10 đến tháng 11.",
        "introduction_en": "At about 700 m, reeds whiten the hills from late October into November.",
        "safety_notes_vi": BORDER_SAFETY_VI,
        "safety_notes_en": BORDER_SAFETY_EN,
    },
    {
        "key": "cao-ba-lanh",
        "kind": "peak",
        "village": "song-mooc",
        "title_vi": "Cao Ba Lanh",
        "title_en": "Cao Ba Lanh",
        "slug_vi": "cao-ba-lanh",
        "slug_en": "cao-ba-lanh",
        "latitude": 21.5800,
        "longitude": 107.5000,
        "elevation": 1050,
        "introduction_vi": "Đỉnh cao 1.050 m ở Đồng Văn; rượu Cao Ba Lanh ủ bằng men lá.",
        "introduction_en": "A 1,050 m peak in Đồng Văn; Cao Ba Lanh rice wine is made with leaf yeast.",
    },
]
