"""Demo catalogue of Lakeside Pines Resort: departments, bookable services and packages."""

DEPARTMENTS = [
    {"slug": "reception", "names": {"en": "Reception", "ko": "리셉션"}},
    {"slug": "housekeeping", "names": {"en": "Housekeeping", "ko": "하우스키핑"}},
    {"slug": "kids-club", "names": {"en": "Kids club", "ko": "키즈 클럽"}},
    {"slug": "restaurant", "names": {"en": "Restaurant", "ko": "레스토랑"}},
    {"slug": "excursions", "names": {"en": "Excursions desk", "ko": "투어 데스크"}},
    {"slug": "transport", "names": {"en": "Transport", "ko": "교통 서비스"}},
    {"slug": "wellness", "names": {"en": "Wellness and pools", "ko": "웰니스·수영장"}},
    {"slug": "stables", "names": {"en": "Stables and farm", "ko": "마구간·농장"}},
    {"slug": "boat-house", "names": {"en": "Boat house", "ko": "보트하우스"}},
    {"slug": "sports", "names": {"en": "Sports", "ko": "스포츠"}},
    {"slug": "entertainment", "names": {"en": "Entertainment", "ko": "엔터테인먼트"}},
]

SERVICES = [
    # ------------------------------------------------------------------ family
    {
        "slug": "crib",
        "category": "family",
        "kind": "rental",
        "pricing_unit": "per_unit_night",
        "price": "6.00",
        "age_bands": [],
        "department": "housekeeping",
        "min_age": None,
        "max_age": None,
        "requires_approval": False,
        "cutoff_hours": 24,
        "stock": 6,
        "delivered_on_arrival": True,
        "max_quantity": 2,
        "capacity_unit": "units",
        "duration_minutes": None,
        "slot_rules": [],
        "request_fields": [],
        "texts": {
            "en": {
                "name": "Crib in your room",
                "description": (
                    "A wooden baby crib with a fresh mattress, fitted sheet and light blanket, "
                    "set up by housekeeping before you reach your room on arrival day. "
                    "It suits babies up to about two years, and we are happy to move it to "
                    "another corner of the room if you prefer."
                ),
            },
            "ko": {
                "name": "객실 아기 침대",
                "description": (
                    "새 매트리스와 시트, 얇은 이불을 갖춘 원목 아기 침대를 도착일 입실 전에 "
                    "하우스키핑 팀이 객실에 설치해 드립니다. 만 2세 정도까지의 아기에게 알맞으며, "
                    "원하시는 자리로 옮겨 드릴 수 있으니 편하게 말씀해 주세요."
                ),
            },
        },
    },
    {
        "slug": "stroller",
        "category": "family",
        "kind": "rental",
        "pricing_unit": "per_unit_day",
        "price": "7.00",
        "age_bands": [],
        "department": "reception",
        "min_age": None,
        "max_age": None,
        "requires_approval": False,
        "cutoff_hours": 12,
        "stock": 8,
        "delivered_on_arrival": False,
        "max_quantity": 2,
        "capacity_unit": "units",
        "duration_minutes": None,
        "slot_rules": [],
        "request_fields": [],
        "texts": {
            "en": {
                "name": "Stroller rental",
                "description": (
                    "An all-terrain stroller with sun canopy, rain cover and a basket underneath, "
                    "sturdy enough for the gravel paths around the lake. Collect it at reception "
                    "from 8:00 and return it there by 20:00 on the last day you booked. "
                    "Suitable for children from six months to about four years."
                ),
            },
            "ko": {
                "name": "유모차 대여",
                "description": (
                    "햇빛 가리개와 레인 커버, 하단 바구니가 달린 전지형 유모차로 호숫가 "
                    "자갈길에서도 안정적으로 밀 수 있습니다. 오전 8시부터 리셉션에서 받아 가시고, "
                    "예약하신 마지막 날 오후 8시까지 리셉션에 반납해 주세요. 생후 6개월부터 만 4세 "
                    "정도의 아이에게 알맞습니다."
                ),
            },
        },
    },
    {
        "slug": "kids-animation",
        "category": "family",
        "kind": "activity",
        "pricing_unit": "per_person",
        "price": "12.00",
        "age_bands": [
            {"min_age": 3, "max_age": 5, "price": "8.00"},
        ],
        "department": "kids-club",
        "min_age": 3,
        "max_age": 12,
        "requires_approval": False,
        "cutoff_hours": 4,
        "stock": None,
        "delivered_on_arrival": False,
        "max_quantity": 6,
        "capacity_unit": "persons",
        "duration_minutes": 120,
        "slot_rules": [
            {"weekdays": [0, 1, 2, 3, 4, 5, 6], "times": ["10:00", "15:00"], "capacity": 16},
        ],
        "request_fields": [],
        "texts": {
            "en": {
                "name": "Kids animation",
                "description": (
                    "Our animators run two hours of games, crafts, treasure hunts and face "
                    "painting on the lawn behind the kids club, moving indoors if it rains. "
                    "Children play in groups by age, and parents may drop them off or stay and "
                    "watch. Please pack a sun hat and a water bottle."
                ),
            },
            "ko": {
                "name": "키즈 애니메이션",
                "description": (
                    "애니메이션 팀이 키즈 클럽 뒤편 잔디밭에서 두 시간 동안 게임, 만들기, "
                    "보물찾기, 페이스 페인팅을 진행하며, 비가 오면 실내에서 진행합니다. 아이들은 "
                    "나이별로 그룹을 나누어 놀고, 부모님은 아이를 맡기셔도 되고 곁에서 지켜보셔도 "
                    "됩니다. 모자와 물병을 챙겨 보내 주세요."
                ),
            },
        },
    },
    {
        "slug": "kids-party",
        "category": "family",
        "kind": "activity",
        "pricing_unit": "per_person",
        "price": "15.00",
        "age_bands": [],
        "department": "kids-club",
        "min_age": 3,
        "max_age": 12,
        "requires_approval": False,
        "cutoff_hours": 24,
        "stock": None,
        "delivered_on_arrival": False,
        "max_quantity": 6,
        "capacity_unit": "persons",
        "duration_minutes": 120,
        "slot_rules": [
            {"weekdays": [2, 5], "times": ["16:00"], "capacity": 24},
        ],
        "request_fields": [],
        "texts": {
            "en": {
                "name": "Children's party",
                "description": (
                    "Every Wednesday and Saturday afternoon the kids club throws a themed party "
                    "(pirates, forest animals or circus) with music, games, a short show and "
                    "cake, all led by our animators while parents relax on the terrace next "
                    "door. If your child has a birthday during the stay, tell us in advance and "
                    "we will add a song and a small present."
                ),
            },
            "ko": {
                "name": "어린이 파티",
                "description": (
                    "매주 수요일과 토요일 오후, 키즈 클럽에서 해적, 숲속 동물, 서커스 등 매번 다른 "
                    "주제로 음악과 게임, 짧은 공연, 케이크가 있는 파티를 엽니다. 진행은 모두 "
                    "애니메이터가 맡으니 부모님은 옆 테라스에서 편히 쉬셔도 됩니다. 머무시는 동안 "
                    "생일을 맞는 아이가 있다면 미리 알려 주세요. 노래와 작은 선물을 준비해 "
                    "드립니다."
                ),
            },
        },
    },
    {
        "slug": "children-pool",
        "category": "family",
        "kind": "activity",
        "pricing_unit": "per_person",
        "price": "5.00",
        "age_bands": [
            {"min_age": 0, "max_age": 2, "price": "0.00"},
        ],
        "department": "wellness",
        "min_age": None,
        "max_age": 12,
        "requires_approval": False,
        "cutoff_hours": 2,
        "stock": None,
        "delivered_on_arrival": False,
        "max_quantity": 6,
        "capacity_unit": "persons",
        "duration_minutes": 60,
        "slot_rules": [
            {
                "weekdays": [0, 1, 2, 3, 4, 5, 6],
                "times": ["09:00", "10:30", "14:00", "16:00"],
                "capacity": 10,
            },
        ],
        "request_fields": [],
        "texts": {
            "en": {
                "name": "Heated children's pool session",
                "description": (
                    "One hour in the shallow indoor pool, kept at 32 °C, with floats, water toys "
                    "and a lifeguard at the edge the whole time. Children under six need an "
                    "adult with them in the water; swim nappies are available at the pool desk. "
                    "We keep the groups small so the little ones have room to splash."
                ),
            },
            "ko": {
                "name": "온수 어린이 수영장",
                "description": (
                    "수온 32°C로 유지되는 얕은 실내 수영장에서 튜브와 물놀이 장난감으로 한 시간 "
                    "동안 놀 수 있으며, 안전요원이 내내 곁을 지킵니다. 만 6세 미만 어린이는 보호자 "
                    "한 분이 물속에 함께 계셔야 하고, 수영용 기저귀는 수영장 데스크에서 받으실 수 "
                    "있습니다. 아이들이 여유롭게 놀 수 있도록 회차별 인원을 적게 운영합니다."
                ),
            },
        },
    },
    {
        "slug": "kids-club",
        "category": "family",
        "kind": "activity",
        "pricing_unit": "per_person",
        "price": "18.00",
        "age_bands": [],
        "department": "kids-club",
        "min_age": 4,
        "max_age": 12,
        "requires_approval": False,
        "cutoff_hours": 12,
        "stock": None,
        "delivered_on_arrival": False,
        "max_quantity": 6,
        "capacity_unit": "persons",
        "duration_minutes": 180,
        "slot_rules": [
            {"weekdays": [0, 1, 2, 3, 4, 5], "times": ["09:00", "14:00"], "capacity": 15},
        ],
        "request_fields": [],
        "texts": {
            "en": {
                "name": "Kids club supervised session",
                "description": (
                    "Three hours at the kids club with qualified carers: the playground, a "
                    "beginners' climbing wall, building blocks and a story corner for quieter "
                    "moments. A healthy snack and drinks are included, so please tell the team "
                    "about any allergies when you drop your child off."
                ),
            },
            "ko": {
                "name": "키즈 클럽 돌봄 세션",
                "description": (
                    "자격을 갖춘 돌봄 교사와 함께 놀이터, 초보자용 클라이밍 벽, 블록 놀이, 조용히 "
                    "쉴 수 있는 동화 코너에서 세 시간을 보냅니다. 건강한 간식과 음료가 포함되어 "
                    "있으니, 알레르기가 있다면 아이를 맡기실 때 꼭 알려 주세요."
                ),
            },
        },
    },
    {
        "slug": "babysitting",
        "category": "family",
        "kind": "on_request",
        "pricing_unit": "per_hour",
        "price": "15.00",
        "age_bands": [],
        "department": "kids-club",
        "min_age": None,
        "max_age": 12,
        "requires_approval": True,
        "cutoff_hours": 24,
        "stock": None,
        "delivered_on_arrival": False,
        "max_quantity": 1,
        "capacity_unit": "units",
        "duration_minutes": 180,
        "slot_rules": [],
        "request_fields": ["hours"],
        "texts": {
            "en": {
                "name": "Babysitting",
                "description": (
                    "One of our vetted babysitters looks after your children in your room while "
                    "you enjoy dinner or an evening on your own. Tell us the date, start time and "
                    "how many hours you need, and reception confirms once a sitter is assigned. "
                    "The hourly rate covers up to three children of one family."
                ),
            },
            "ko": {
                "name": "베이비시팅",
                "description": (
                    "신원이 확인된 호텔 베이비시터가 객실에서 아이들을 돌봐 드리니, 저녁 식사나 "
                    "두 분만의 시간을 편하게 즐기세요. 날짜와 시작 시간, 필요한 시간을 알려 주시면 "
                    "시터를 배정한 뒤 리셉션에서 확정해 드립니다. 시간당 요금은 한 가족의 자녀 "
                    "세 명까지 적용됩니다."
                ),
            },
        },
    },
    {
        "slug": "paediatrician",
        "category": "family",
        "kind": "on_request",
        "pricing_unit": "per_booking",
        "price": "95.00",
        "age_bands": [],
        "department": "reception",
        "min_age": None,
        "max_age": 17,
        "requires_approval": True,
        "cutoff_hours": 2,
        "stock": None,
        "delivered_on_arrival": False,
        "max_quantity": 1,
        "capacity_unit": "units",
        "duration_minutes": 45,
        "slot_rules": [],
        "request_fields": ["reason"],
        "texts": {
            "en": {
                "name": "Paediatrician visit",
                "description": (
                    "If your child feels unwell, reception arranges a visit from the village "
                    "paediatrician, either in your room or at the practice ten minutes away by "
                    "car. Describe the symptoms briefly so the doctor can prepare; the fee covers "
                    "the consultation, and medicines are paid at the pharmacy. In an emergency, "
                    "call reception on 9 or dial 112 straight away."
                ),
            },
            "ko": {
                "name": "소아과 진료",
                "description": (
                    "아이가 아플 때 리셉션에서 마을 소아과 의사의 객실 왕진 또는 차로 10분 거리 "
                    "병원 진료를 주선해 드립니다. 의사가 미리 준비할 수 있도록 증상을 간단히 적어 "
                    "주세요. 요금에는 진료비만 포함되며 약값은 약국에서 따로 결제하십니다. "
                    "응급 상황에는 바로 리셉션(내선 9번)이나 112로 연락해 주세요."
                ),
            },
        },
    },
    {
        "slug": "childrens-menu",
        "category": "family",
        "kind": "on_request",
        "pricing_unit": "per_person_day",
        "price": "16.00",
        "age_bands": [
            {"min_age": 0, "max_age": 2, "price": "0.00"},
            {"min_age": 3, "max_age": 6, "price": "11.00"},
        ],
        "department": "restaurant",
        "min_age": 0,
        "max_age": 12,
        "requires_approval": False,
        "cutoff_hours": 12,
        "stock": None,
        "delivered_on_arrival": False,
        "max_quantity": 6,
        "capacity_unit": "units",
        "duration_minutes": None,
        "slot_rules": [],
        "request_fields": [],
        "texts": {
            "en": {
                "name": "Children's menu",
                "description": (
                    "Child-sized lunch and dinner from our children's menu, such as pasta with "
                    "tomato sauce, fish fingers with potatoes or the vegetable soup of the day, "
                    "each followed by a dessert. A highchair and crayons wait at your table. "
                    "Babies up to two eat free; please tell your waiter about any allergies."
                ),
            },
            "ko": {
                "name": "어린이 메뉴",
                "description": (
                    "토마토 파스타, 감자를 곁들인 생선 스틱, 오늘의 채소 수프처럼 아이 입맛에 맞춘 "
                    "점심과 저녁을 디저트와 함께 제공합니다. 테이블에는 유아용 의자와 색연필이 "
                    "준비되어 있습니다. 만 2세까지는 무료이며, 알레르기가 있으면 담당 직원에게 "
                    "알려 주세요."
                ),
            },
        },
    },
    {
        "slug": "family-excursion",
        "category": "family",
        "kind": "activity",
        "pricing_unit": "per_person",
        "price": "28.00",
        "age_bands": [
            {"min_age": 0, "max_age": 2, "price": "0.00"},
            {"min_age": 3, "max_age": 11, "price": "14.00"},
        ],
        "department": "excursions",
        "min_age": None,
        "max_age": None,
        "requires_approval": False,
        "cutoff_hours": 24,
        "stock": None,
        "delivered_on_arrival": False,
        "max_quantity": 8,
        "capacity_unit": "persons",
        "duration_minutes": 240,
        "slot_rules": [
            {"weekdays": [1, 3, 5], "times": ["09:30"], "capacity": 24},
        ],
        "request_fields": [],
        "texts": {
            "en": {
                "name": "Family excursion",
                "description": (
                    "A half-day minibus outing to a working dairy in the next valley, where "
                    "children help feed the calves and everyone tastes fresh cheese, followed by "
                    "an easy walk to a waterfall. A hotel guide leads the group and the path is "
                    "fine for strollers. Bring sturdy shoes and rain jackets."
                ),
            },
            "ko": {
                "name": "가족 나들이 투어",
                "description": (
                    "미니버스로 이웃 계곡의 목장을 찾아가 아이들은 송아지에게 먹이를 주고 다 함께 "
                    "갓 만든 치즈를 맛본 뒤, 폭포까지 가볍게 걷는 반나절 일정입니다. 호텔 가이드가 "
                    "인솔하며 유모차로도 다닐 수 있는 길입니다. 편한 신발과 우비를 챙겨 주세요."
                ),
            },
        },
    },
    {
        "slug": "sports-equipment",
        "category": "family",
        "kind": "rental",
        "pricing_unit": "per_unit_day",
        "price": "24.00",
        "age_bands": [],
        "department": "sports",
        "min_age": None,
        "max_age": None,
        "requires_approval": False,
        "cutoff_hours": 12,
        "stock": 12,
        "delivered_on_arrival": False,
        "max_quantity": 4,
        "capacity_unit": "units",
        "duration_minutes": None,
        "slot_rules": [],
        "request_fields": [],
        "texts": {
            "en": {
                "name": "Sports equipment: mountain bike",
                "description": (
                    "A freshly serviced mountain bike with helmet, lock and a map of the marked "
                    "trails around the lake and up to the pine ridge. Pick it up at the sports "
                    "hut by the tennis courts, where the team adjusts the saddle and suggests a "
                    "route. Frames fit riders from about 1.45 m tall."
                ),
            },
            "ko": {
                "name": "스포츠 장비: 산악자전거",
                "description": (
                    "잘 정비된 산악자전거에 헬멧과 자물쇠, 호수 주변과 소나무 능선까지 이어지는 "
                    "코스 지도를 함께 빌려 드립니다. 테니스 코트 옆 스포츠 하우스에서 받아 가시면 "
                    "직원이 안장 높이를 맞춰 드리고 코스도 추천해 드립니다. 키 145cm 정도부터 탈 "
                    "수 있습니다."
                ),
            },
        },
    },
    {
        "slug": "kids-equipment",
        "category": "family",
        "kind": "rental",
        "pricing_unit": "per_unit_day",
        "price": "5.00",
        "age_bands": [],
        "department": "housekeeping",
        "min_age": None,
        "max_age": None,
        "requires_approval": False,
        "cutoff_hours": 24,
        "stock": 12,
        "delivered_on_arrival": False,
        "max_quantity": 1,
        "capacity_unit": "units",
        "duration_minutes": None,
        "slot_rules": [],
        "request_fields": [],
        "texts": {
            "en": {
                "name": "Children's equipment set",
                "description": (
                    "A set for babies and toddlers: bottle warmer, baby bath, changing mat, bed "
                    "rail and baby monitor. Housekeeping brings it to your room on the first day "
                    "you book and collects it after the last, so you can travel light."
                ),
            },
            "ko": {
                "name": "유아 용품 세트",
                "description": (
                    "젖병 워머, 아기 욕조, 기저귀 교환 매트, 침대 안전 가드, 베이비 모니터로 "
                    "구성된 영유아용 세트입니다. 예약하신 첫날 하우스키핑 팀이 객실로 가져다 "
                    "드리고 마지막 날이 지나면 회수하니, 짐을 가볍게 챙겨 오셔도 됩니다."
                ),
            },
        },
    },
    # ----------------------------------------------------------------- outdoor
    {
        "slug": "transfer",
        "category": "outdoor",
        "kind": "on_request",
        "pricing_unit": "per_booking",
        "price": "85.00",
        "age_bands": [],
        "department": "transport",
        "min_age": None,
        "max_age": None,
        "requires_approval": True,
        "cutoff_hours": 24,
        "stock": None,
        "delivered_on_arrival": False,
        "max_quantity": 1,
        "capacity_unit": "units",
        "duration_minutes": 75,
        "slot_rules": [],
        "request_fields": ["pickup_place", "destination", "flight_number", "passengers"],
        "texts": {
            "en": {
                "name": "Private transfer",
                "description": (
                    "Our driver meets you at the airport or railway station with a name sign and "
                    "drives you in a roomy van with space for luggage and strollers; child seats "
                    "are fitted free of charge. Give us the pickup place, destination, flight or "
                    "train number and number of passengers, and reception confirms the pickup "
                    "time. The price is for one trip for up to seven people."
                ),
            },
            "ko": {
                "name": "전용 차량 픽업·샌딩",
                "description": (
                    "공항이나 기차역에서 기사가 이름표를 들고 기다리다가 짐과 유모차를 넉넉히 실을 "
                    "수 있는 승합차로 모셔다 드리며, 카시트는 무료로 설치해 드립니다. 출발지와 "
                    "목적지, 항공편 또는 열차 번호, 탑승 인원을 알려 주시면 리셉션에서 픽업 시간을 "
                    "확정해 드립니다. 요금은 최대 7인까지 편도 1회 기준입니다."
                ),
            },
        },
    },
    {
        "slug": "group-excursion",
        "category": "outdoor",
        "kind": "activity",
        "pricing_unit": "per_person",
        "price": "59.00",
        "age_bands": [
            {"min_age": 0, "max_age": 2, "price": "0.00"},
            {"min_age": 3, "max_age": 11, "price": "32.00"},
        ],
        "department": "excursions",
        "min_age": None,
        "max_age": None,
        "requires_approval": False,
        "cutoff_hours": 24,
        "stock": None,
        "delivered_on_arrival": False,
        "max_quantity": 8,
        "capacity_unit": "persons",
        "duration_minutes": 540,
        "slot_rules": [
            {"weekdays": [0, 2, 4], "times": ["08:30"], "capacity": 30},
        ],
        "request_fields": [],
        "texts": {
            "en": {
                "name": "Group day excursion",
                "description": (
                    "A full day by coach with a guide: the old town by the river in the morning, "
                    "lunch at a family-run inn, and a cable car up to the viewpoint in the "
                    "afternoon. Lunch and cable car tickets are included, and the coach leaves "
                    "the main entrance at 8:30 sharp. Wear comfortable shoes and bring a warm "
                    "layer for the top."
                ),
            },
            "ko": {
                "name": "단체 당일 투어",
                "description": (
                    "가이드와 함께 버스로 떠나는 하루 일정으로, 오전에는 강변 구시가지를 둘러보고 "
                    "가족이 운영하는 식당에서 점심을 먹은 뒤 오후에는 케이블카로 전망대에 "
                    "오릅니다. 점심과 케이블카 요금이 포함되어 있으며, 버스는 정문에서 오전 8시 "
                    "30분 정각에 출발합니다. 편한 신발과 정상에서 입을 겉옷을 챙겨 주세요."
                ),
            },
        },
    },
    {
        "slug": "private-tour",
        "category": "outdoor",
        "kind": "on_request",
        "pricing_unit": "per_booking",
        "price": "260.00",
        "age_bands": [],
        "department": "excursions",
        "min_age": None,
        "max_age": None,
        "requires_approval": True,
        "cutoff_hours": 48,
        "stock": None,
        "delivered_on_arrival": False,
        "max_quantity": 1,
        "capacity_unit": "units",
        "duration_minutes": 240,
        "slot_rules": [],
        "request_fields": ["pickup_place", "passengers", "interests"],
        "texts": {
            "en": {
                "name": "Private guided tour",
                "description": (
                    "Half a day with your own guide and car, planned around what you enjoy: "
                    "castles, wine cellars, hiking, photography or local crafts. Tell us your "
                    "interests, how many you are and where to pick you up, and the excursions "
                    "desk sends you a route to confirm. The price is for the whole party of up "
                    "to six."
                ),
            },
            "ko": {
                "name": "프라이빗 가이드 투어",
                "description": (
                    "전용 가이드와 차량으로 반나절 동안 성, 와인 저장고, 하이킹, 사진 촬영, 지역 "
                    "공예 등 원하시는 주제에 맞춰 다니는 투어입니다. 관심사와 인원, 픽업 장소를 "
                    "알려 주시면 투어 데스크에서 일정을 짜서 확인해 드립니다. 요금은 최대 6인 일행 "
                    "전체 기준입니다."
                ),
            },
        },
    },
    {
        "slug": "disco-night",
        "category": "outdoor",
        "kind": "activity",
        "pricing_unit": "per_person",
        "price": "10.00",
        "age_bands": [],
        "department": "entertainment",
        "min_age": 16,
        "max_age": None,
        "requires_approval": False,
        "cutoff_hours": 2,
        "stock": None,
        "delivered_on_arrival": False,
        "max_quantity": 6,
        "capacity_unit": "persons",
        "duration_minutes": 240,
        "slot_rules": [
            {"weekdays": [4, 5], "times": ["21:00"], "capacity": 60},
        ],
        "request_fields": [],
        "texts": {
            "en": {
                "name": "Disco night",
                "description": (
                    "On Friday and Saturday nights the cellar bar becomes a dance floor with a DJ, "
                    "lights and a mix of current hits and classics until 1:00. Entry includes one "
                    "drink of your choice. Guests must be 16 or older, so please bring an ID."
                ),
            },
            "ko": {
                "name": "디스코 나이트",
                "description": (
                    "금요일과 토요일 밤이면 지하 바가 DJ와 조명을 갖춘 댄스 플로어로 바뀌어, 최신 "
                    "히트곡과 추억의 명곡이 새벽 1시까지 이어집니다. 입장료에는 원하시는 음료 한 "
                    "잔이 포함됩니다. 만 16세 이상만 입장할 수 있으니 신분증을 지참해 주세요."
                ),
            },
        },
    },
    {
        "slug": "event-tickets",
        "category": "outdoor",
        "kind": "on_request",
        "pricing_unit": "per_person",
        "price": "35.00",
        "age_bands": [
            {"min_age": 0, "max_age": 5, "price": "0.00"},
            {"min_age": 6, "max_age": 14, "price": "18.00"},
        ],
        "department": "reception",
        "min_age": None,
        "max_age": None,
        "requires_approval": True,
        "cutoff_hours": 48,
        "stock": None,
        "delivered_on_arrival": False,
        "max_quantity": 8,
        "capacity_unit": "units",
        "duration_minutes": 150,
        "slot_rules": [],
        "request_fields": ["event_name"],
        "texts": {
            "en": {
                "name": "Tickets for local events",
                "description": (
                    "Reception buys tickets for you for concerts, summer festivals, the open-air "
                    "theatre by the lake and matches in the nearby town. Name the event and date, "
                    "and we check seats and confirm before anything is charged to your room. "
                    "The price shown is for a standard seat; if your event costs more or less, "
                    "we tell you before booking."
                ),
            },
            "ko": {
                "name": "지역 행사 티켓",
                "description": (
                    "콘서트, 여름 축제, 호숫가 야외 극장 공연, 인근 도시의 경기 티켓을 리셉션에서 "
                    "대신 구매해 드립니다. 행사 이름과 날짜를 알려 주시면 좌석을 확인해 확정해 "
                    "드리며, 그 전에는 객실로 요금이 청구되지 않습니다. 표시된 가격은 일반석 "
                    "기준이며, 실제 가격이 다르면 예매 전에 미리 안내해 드립니다."
                ),
            },
        },
    },
    {
        "slug": "car-rental",
        "category": "outdoor",
        "kind": "rental",
        "pricing_unit": "per_unit_day",
        "price": "65.00",
        "age_bands": [],
        "department": "transport",
        "min_age": None,
        "max_age": None,
        "requires_approval": False,
        "cutoff_hours": 24,
        "stock": 4,
        "delivered_on_arrival": False,
        "max_quantity": 1,
        "capacity_unit": "units",
        "duration_minutes": None,
        "slot_rules": [],
        "request_fields": [],
        "texts": {
            "en": {
                "name": "Car rental",
                "description": (
                    "A compact five-seat car with automatic gearbox, a full tank and unlimited "
                    "kilometres in the region, parked for you in front of the hotel. The driver "
                    "needs a licence held for at least one year and a credit card for the "
                    "deposit; child seats and a roof box are available on request."
                ),
            },
            "ko": {
                "name": "렌터카",
                "description": (
                    "자동변속기에 연료를 가득 채운 5인승 소형차를 지역 내 주행거리 제한 없이 "
                    "이용하실 수 있도록 호텔 앞에 준비해 드립니다. 운전하실 분은 취득 후 1년 이상 "
                    "된 운전면허증과 보증금용 신용카드가 필요하며, 카시트와 루프 박스는 요청하시면 "
                    "준비해 드립니다."
                ),
            },
        },
    },
    {
        "slug": "scooter-rental",
        "category": "outdoor",
        "kind": "rental",
        "pricing_unit": "per_unit_day",
        "price": "35.00",
        "age_bands": [],
        "department": "transport",
        "min_age": None,
        "max_age": None,
        "requires_approval": False,
        "cutoff_hours": 24,
        "stock": 10,
        "delivered_on_arrival": False,
        "max_quantity": 2,
        "capacity_unit": "units",
        "duration_minutes": None,
        "slot_rules": [],
        "request_fields": [],
        "texts": {
            "en": {
                "name": "Scooter rental",
                "description": (
                    "A 125 cc scooter with two helmets, a top case and a map of quiet country "
                    "roads, ready at the transport desk from 9:00. You need a licence that covers "
                    "motorbikes up to 125 cc. The first tank of fuel is included; please return "
                    "the key by 19:00."
                ),
            },
            "ko": {
                "name": "스쿠터 대여",
                "description": (
                    "헬멧 두 개와 트렁크 박스, 한적한 시골길 지도를 갖춘 125cc 스쿠터를 오전 "
                    "9시부터 교통 데스크에서 대여해 드립니다. 125cc 이하 이륜차를 운전할 수 있는 "
                    "면허가 필요합니다. 처음 채워 드린 연료는 요금에 포함되어 있으며, 오후 7시까지 "
                    "열쇠를 반납해 주세요."
                ),
            },
        },
    },
    # ------------------------------------------------------------------ nature
    {
        "slug": "fishing-trip",
        "category": "nature",
        "kind": "activity",
        "pricing_unit": "per_person",
        "price": "38.00",
        "age_bands": [
            {"min_age": 6, "max_age": 11, "price": "19.00"},
        ],
        "department": "boat-house",
        "min_age": 6,
        "max_age": None,
        "requires_approval": False,
        "cutoff_hours": 12,
        "stock": None,
        "delivered_on_arrival": False,
        "max_quantity": 4,
        "capacity_unit": "persons",
        "duration_minutes": 180,
        "slot_rules": [
            {"weekdays": [1, 3, 5, 6], "times": ["06:00"], "capacity": 6},
        ],
        "request_fields": [],
        "texts": {
            "en": {
                "name": "Guided fishing trip",
                "description": (
                    "Head out at dawn with our boat-house keeper to his favourite spots for "
                    "perch, pike and trout. Rods, bait, the day licence and a hot drink are "
                    "included, and the kitchen will grill your catch for dinner if you like. "
                    "Dress warmly: early mornings on the water are cool."
                ),
            },
            "ko": {
                "name": "가이드 동반 낚시",
                "description": (
                    "새벽에 보트하우스 관리인과 함께 호수로 나가 퍼치, 강꼬치고기, 송어가 잘 "
                    "잡히는 그의 단골 포인트를 찾아갑니다. 낚싯대와 미끼, 1일 낚시 허가증, 따뜻한 "
                    "음료가 포함되어 있고, 원하시면 잡은 물고기를 저녁에 주방에서 구워 드립니다. "
                    "물 위의 이른 아침은 쌀쌀하니 따뜻하게 입고 오세요."
                ),
            },
        },
    },
    {
        "slug": "horse-riding",
        "category": "nature",
        "kind": "activity",
        "pricing_unit": "per_person",
        "price": "45.00",
        "age_bands": [
            {"min_age": 8, "max_age": 13, "price": "36.00"},
        ],
        "department": "stables",
        "min_age": 8,
        "max_age": None,
        "requires_approval": False,
        "cutoff_hours": 24,
        "stock": None,
        "delivered_on_arrival": False,
        "max_quantity": 4,
        "capacity_unit": "persons",
        "duration_minutes": 90,
        "slot_rules": [
            {"weekdays": [0, 1, 2, 3, 4, 5], "times": ["09:00", "11:00", "15:00"], "capacity": 6},
        ],
        "request_fields": [],
        "texts": {
            "en": {
                "name": "Horse riding",
                "description": (
                    "A ninety-minute ride on calm horses along forest tracks and the lake shore, "
                    "led by an instructor from our stables. Beginners first get a short lesson in "
                    "the paddock, and helmets and safety vests are provided. Wear long trousers "
                    "and closed shoes; riders must be at least 8 and weigh under 95 kg."
                ),
            },
            "ko": {
                "name": "승마",
                "description": (
                    "온순한 말을 타고 숲길과 호숫가를 따라 90분 동안 산책하는 프로그램으로, 호텔 "
                    "마구간의 강사가 앞에서 이끕니다. 처음 타시는 분은 먼저 마장에서 간단히 기초를 "
                    "배우며, 헬멧과 안전 조끼는 제공됩니다. 긴 바지와 발을 덮는 신발을 착용해 "
                    "주시고, 만 8세 이상, 체중 95kg 미만인 분만 참여할 수 있습니다."
                ),
            },
        },
    },
    {
        "slug": "pony-ride",
        "category": "nature",
        "kind": "activity",
        "pricing_unit": "per_person",
        "price": "12.00",
        "age_bands": [],
        "department": "stables",
        "min_age": 3,
        "max_age": 8,
        "requires_approval": False,
        "cutoff_hours": 4,
        "stock": None,
        "delivered_on_arrival": False,
        "max_quantity": 4,
        "capacity_unit": "persons",
        "duration_minutes": 30,
        "slot_rules": [
            {"weekdays": [0, 1, 2, 3, 4, 5, 6], "times": ["10:00", "16:30"], "capacity": 8},
        ],
        "request_fields": [],
        "texts": {
            "en": {
                "name": "Pony ride for little ones",
                "description": (
                    "Small riders sit on one of our gentle ponies while a groom leads it around "
                    "the orchard, with a parent walking alongside. Afterwards the children brush "
                    "their pony and give it a carrot. Helmets in small sizes are provided."
                ),
            },
            "ko": {
                "name": "어린이 조랑말 타기",
                "description": (
                    "아이가 온순한 조랑말에 오르면 마부가 고삐를 잡고 과수원을 한 바퀴 돌며, "
                    "부모님도 옆에서 함께 걸으실 수 있습니다. 다 타고 나면 조랑말을 빗질해 주고 "
                    "당근도 먹여 볼 수 있습니다. 어린이용 작은 헬멧을 준비해 두었습니다."
                ),
            },
        },
    },
    {
        "slug": "boat-trip",
        "category": "nature",
        "kind": "activity",
        "pricing_unit": "per_person",
        "price": "22.00",
        "age_bands": [
            {"min_age": 0, "max_age": 2, "price": "0.00"},
            {"min_age": 3, "max_age": 11, "price": "11.00"},
        ],
        "department": "boat-house",
        "min_age": None,
        "max_age": None,
        "requires_approval": False,
        "cutoff_hours": 4,
        "stock": None,
        "delivered_on_arrival": False,
        "max_quantity": 8,
        "capacity_unit": "persons",
        "duration_minutes": 60,
        "slot_rules": [
            {
                "weekdays": [0, 1, 2, 3, 4, 5, 6],
                "times": ["10:00", "13:00", "16:00"],
                "capacity": 20,
            },
        ],
        "request_fields": [],
        "texts": {
            "en": {
                "name": "Boat trip on the lake",
                "description": (
                    "An hour on our quiet electric boat, across to the far bay and back, while "
                    "the skipper tells you about the lake, its islands and the birds that nest "
                    "there. Blankets are on board for cooler days and there is room for a folded "
                    "stroller. Please be at the hotel jetty ten minutes before departure."
                ),
            },
            "ko": {
                "name": "호수 보트 투어",
                "description": (
                    "조용한 전기 보트를 타고 한 시간 동안 건너편 만까지 다녀오며, 선장이 호수와 "
                    "섬, 그곳에 둥지를 트는 새들에 대해 들려 드립니다. 쌀쌀한 날을 위해 담요가 "
                    "준비되어 있고, 접은 유모차도 실을 수 있습니다. 출발 10분 전까지 호텔 "
                    "선착장으로 와 주세요."
                ),
            },
        },
    },
    {
        "slug": "boat-rental",
        "category": "nature",
        "kind": "activity",
        "pricing_unit": "per_hour",
        "price": "25.00",
        "age_bands": [],
        "department": "boat-house",
        "min_age": None,
        "max_age": None,
        "requires_approval": False,
        "cutoff_hours": 2,
        "stock": None,
        "delivered_on_arrival": False,
        "max_quantity": 2,
        "capacity_unit": "units",
        "duration_minutes": 60,
        "slot_rules": [
            {
                "weekdays": [0, 1, 2, 3, 4, 5, 6],
                "times": [
                    "09:00", "10:00", "11:00", "12:00", "13:00",
                    "14:00", "15:00", "16:00", "17:00",
                ],
                "capacity": 4,
            },
        ],
        "request_fields": [],
        "texts": {
            "en": {
                "name": "Rowing boat rental",
                "description": (
                    "Take one of our four rowing boats out for an hour and explore the reed beds "
                    "and the little island at your own pace. Each boat seats up to four, with "
                    "life jackets for adults and children, and the boat-house team shows you the "
                    "safe area before you push off. Children under 14 go out only with an adult."
                ),
            },
            "ko": {
                "name": "노 젓는 보트 대여",
                "description": (
                    "보트 네 척 중 한 척을 한 시간 동안 빌려 갈대밭과 작은 섬 주변을 자유롭게 "
                    "둘러보세요. 한 척에 최대 네 명까지 탈 수 있고 성인용과 어린이용 구명조끼가 "
                    "비치되어 있으며, 출발 전에 보트하우스 직원이 안전 구역을 안내해 드립니다. 만 "
                    "14세 미만 어린이는 반드시 성인과 함께 타야 합니다."
                ),
            },
        },
    },
    {
        "slug": "sauna",
        "category": "nature",
        "kind": "activity",
        "pricing_unit": "per_person",
        "price": "18.00",
        "age_bands": [],
        "department": "wellness",
        "min_age": 16,
        "max_age": None,
        "requires_approval": False,
        "cutoff_hours": 4,
        "stock": None,
        "delivered_on_arrival": False,
        "max_quantity": 4,
        "capacity_unit": "persons",
        "duration_minutes": 120,
        "slot_rules": [
            {
                "weekdays": [0, 1, 2, 3, 4, 5, 6],
                "times": ["10:00", "15:00", "17:30", "20:00"],
                "capacity": 8,
            },
        ],
        "request_fields": [],
        "texts": {
            "en": {
                "name": "Sauna session",
                "description": (
                    "Two hours in the lakeside sauna house, with a Finnish sauna, a steam room, "
                    "a cold plunge and a quiet room looking out over the water. Towels, bathrobes "
                    "and herbal tea are provided. Open to guests aged 16 and over; please sit on "
                    "your towel in the sauna."
                ),
            },
            "ko": {
                "name": "사우나",
                "description": (
                    "호숫가 사우나 하우스에서 핀란드식 사우나, 스팀룸, 냉탕, 호수가 보이는 "
                    "휴게실을 두 시간 동안 이용하실 수 있습니다. 수건과 가운, 허브차가 제공됩니다. "
                    "만 16세 이상만 이용할 수 있으며, 사우나 안에서는 수건을 깔고 앉아 주세요."
                ),
            },
        },
    },
    {
        "slug": "bath-house",
        "category": "nature",
        "kind": "activity",
        "pricing_unit": "per_booking",
        "price": "75.00",
        "age_bands": [],
        "department": "wellness",
        "min_age": None,
        "max_age": None,
        "requires_approval": False,
        "cutoff_hours": 12,
        "stock": None,
        "delivered_on_arrival": False,
        "max_quantity": 1,
        "capacity_unit": "units",
        "duration_minutes": 90,
        "slot_rules": [
            {
                "weekdays": [0, 1, 2, 3, 4, 5, 6],
                "times": ["16:00", "18:00", "20:00"],
                "capacity": 1,
            },
        ],
        "request_fields": [],
        "texts": {
            "en": {
                "name": "Private bath house",
                "description": (
                    "The wooden bath house on the shore, just for your party: a wood-fired hot "
                    "tub at about 38 °C, a small sauna and a terrace over the water. The wellness "
                    "team lights the fire beforehand and leaves towels and a jug of cold water. "
                    "The price is per session for up to six people, and children are welcome "
                    "with their parents."
                ),
            },
            "ko": {
                "name": "프라이빗 배스 하우스",
                "description": (
                    "호숫가의 목조 배스 하우스를 일행끼리만 이용하실 수 있으며, 약 38°C의 장작 "
                    "온수 욕조와 작은 사우나, 물 위로 이어진 테라스가 있습니다. 웰니스 팀이 미리 "
                    "불을 지펴 두고 수건과 시원한 물을 준비해 드립니다. 요금은 최대 6인 기준 1회 "
                    "이용료이며, 아이들도 부모님과 함께 이용할 수 있습니다."
                ),
            },
        },
    },
    {
        "slug": "paintball",
        "category": "nature",
        "kind": "activity",
        "pricing_unit": "per_person",
        "price": "32.00",
        "age_bands": [],
        "department": "sports",
        "min_age": 14,
        "max_age": None,
        "requires_approval": False,
        "cutoff_hours": 24,
        "stock": None,
        "delivered_on_arrival": False,
        "max_quantity": 8,
        "capacity_unit": "persons",
        "duration_minutes": 120,
        "slot_rules": [
            {"weekdays": [2, 5], "times": ["14:00"], "capacity": 16},
        ],
        "request_fields": [],
        "texts": {
            "en": {
                "name": "Paintball in the forest",
                "description": (
                    "Two teams play capture the flag in a fenced, marked part of the pine forest, "
                    "with a referee from our sports team explaining the rules and keeping an eye "
                    "on safety. Markers, masks, overalls and 200 paintballs per player are "
                    "included. Players must be 14 or older, and under-18s need a parent to sign "
                    "the waiver."
                ),
            },
            "ko": {
                "name": "숲속 페인트볼",
                "description": (
                    "소나무 숲 안에 울타리와 표지로 구분된 구역에서 두 팀으로 나뉘어 깃발 뺏기 "
                    "게임을 하며, 스포츠 팀 심판이 규칙을 설명하고 안전을 살핍니다. 마커, 마스크, "
                    "보호복, 1인당 페인트볼 200발이 포함되어 있습니다. 만 14세 이상만 참여할 수 "
                    "있고, 18세 미만은 보호자의 동의서 서명이 필요합니다."
                ),
            },
        },
    },
    {
        "slug": "petting-zoo",
        "category": "nature",
        "kind": "activity",
        "pricing_unit": "per_person",
        "price": "4.00",
        "age_bands": [
            {"min_age": 0, "max_age": 2, "price": "0.00"},
            {"min_age": 3, "max_age": 11, "price": "3.00"},
        ],
        "department": "stables",
        "min_age": None,
        "max_age": None,
        "requires_approval": False,
        "cutoff_hours": 2,
        "stock": None,
        "delivered_on_arrival": False,
        "max_quantity": 8,
        "capacity_unit": "persons",
        "duration_minutes": 60,
        "slot_rules": [
            {"weekdays": [0, 1, 2, 3, 4, 5, 6], "times": ["10:00", "15:00"], "capacity": 20},
        ],
        "request_fields": [],
        "texts": {
            "en": {
                "name": "Petting zoo visit",
                "description": (
                    "Meet the goats, rabbits, sheep and our two donkeys in the petting zoo beside "
                    "the stables, with a keeper who tells the children each animal's name and "
                    "story. Bags of suitable feed are handed out at the gate. Wear shoes that can "
                    "get muddy."
                ),
            },
            "ko": {
                "name": "미니 동물원 방문",
                "description": (
                    "마구간 옆 미니 동물원에서 염소, 토끼, 양, 그리고 당나귀 두 마리를 만나 "
                    "보세요. 사육사가 아이들에게 동물마다 이름과 사연을 들려줍니다. 입구에서 "
                    "동물에게 맞는 먹이 봉투를 나눠 드리니, 흙이 묻어도 괜찮은 신발을 신고 오세요."
                ),
            },
        },
    },
    {
        "slug": "mini-farm",
        "category": "nature",
        "kind": "activity",
        "pricing_unit": "per_person",
        "price": "9.00",
        "age_bands": [
            {"min_age": 0, "max_age": 2, "price": "0.00"},
            {"min_age": 3, "max_age": 11, "price": "6.00"},
        ],
        "department": "stables",
        "min_age": None,
        "max_age": None,
        "requires_approval": False,
        "cutoff_hours": 12,
        "stock": None,
        "delivered_on_arrival": False,
        "max_quantity": 6,
        "capacity_unit": "persons",
        "duration_minutes": 90,
        "slot_rules": [
            {"weekdays": [0, 1, 2, 3, 4, 5, 6], "times": ["07:30"], "capacity": 12},
        ],
        "request_fields": [],
        "texts": {
            "en": {
                "name": "Morning on the mini farm",
                "description": (
                    "Join the farmer on the morning round: collect eggs from the hens, try milking "
                    "a goat and pick vegetables in the kitchen garden that the restaurant cooks "
                    "the same day. Children of every age take part with their parents, and rubber "
                    "boots in many sizes are waiting in the barn."
                ),
            },
            "ko": {
                "name": "미니 농장의 아침",
                "description": (
                    "농부와 함께 아침 일과를 돌며 닭장에서 달걀을 모으고, 염소 젖을 짜 보고, 그날 "
                    "레스토랑에서 요리할 채소를 텃밭에서 직접 수확합니다. 아이들은 나이와 관계없이 "
                    "부모님과 함께 참여할 수 있으며, 헛간에 여러 사이즈의 장화가 준비되어 있습니다."
                ),
            },
        },
    },
]

PACKAGES = [
    {
        "slug": "family",
        "category": "family",
        "discount_percent": 10,
        "services": [
            "crib",
            "stroller",
            "kids-animation",
            "kids-party",
            "children-pool",
            "kids-club",
            "babysitting",
            "paediatrician",
            "childrens-menu",
            "family-excursion",
            "sports-equipment",
            "kids-equipment",
            "transfer",
        ],
        "texts": {
            "en": {
                "name": "Family package",
                "description": (
                    "Everything a family needs for an easy stay, from a crib that is ready when "
                    "you arrive to kids club sessions, babysitting and the children's menu. "
                    "Services booked as part of the package come at a reduced price."
                ),
            },
            "ko": {
                "name": "가족 패키지",
                "description": (
                    "도착하시면 바로 준비되어 있는 아기 침대부터 키즈 클럽, 베이비시팅, 어린이 "
                    "메뉴까지 가족 여행에 필요한 것을 모두 담았습니다. 패키지로 예약하신 서비스는 "
                    "할인된 가격으로 이용하실 수 있습니다."
                ),
            },
        },
    },
    {
        "slug": "outdoor",
        "category": "outdoor",
        "discount_percent": 8,
        "services": [
            "transfer",
            "group-excursion",
            "private-tour",
            "disco-night",
            "event-tickets",
            "car-rental",
            "scooter-rental",
        ],
        "texts": {
            "en": {
                "name": "Outdoor activity package",
                "description": (
                    "For guests who want to get out and see the region: transfers, group day "
                    "trips and private tours, a car or scooter of your own, disco nights and "
                    "tickets for local events. Book them as a package and save on each one."
                ),
            },
            "ko": {
                "name": "아웃도어 액티비티 패키지",
                "description": (
                    "지역 곳곳을 둘러보고 싶은 분들을 위해 픽업·샌딩, 단체 투어와 프라이빗 투어, "
                    "렌터카와 스쿠터, 디스코 나이트, 지역 행사 티켓을 모았습니다. 패키지로 "
                    "예약하시면 서비스마다 할인 혜택을 받으실 수 있습니다."
                ),
            },
        },
    },
    {
        "slug": "nature",
        "category": "nature",
        "discount_percent": 10,
        "services": [
            "fishing-trip",
            "horse-riding",
            "pony-ride",
            "boat-trip",
            "boat-rental",
            "sauna",
            "bath-house",
            "paintball",
            "petting-zoo",
            "mini-farm",
        ],
        "texts": {
            "en": {
                "name": "Nature extras",
                "description": (
                    "The lake, the forest and the farm start right outside the door: fishing at "
                    "dawn, riding and rowing, sauna evenings, paintball among the pines and "
                    "mornings with the animals. Combine them as a package for a lower price."
                ),
            },
            "ko": {
                "name": "자연 체험 엑스트라",
                "description": (
                    "호수와 숲, 농장이 바로 문 앞에 펼쳐져 있습니다. 새벽 낚시, 승마와 보트, 저녁 "
                    "사우나, 소나무 숲 페인트볼, 동물과 함께하는 아침을 패키지로 묶어 더 저렴하게 "
                    "즐겨 보세요."
                ),
            },
        },
    },
]
