"""Demo stays at Lakeside Pines Resort, with arrival dates relative to today."""

DEMO_STAYS = [
    # ---------------------------------------------------------- arriving today
    {
        "reference": "LP24017", "room": "204", "first_name": "Minji", "last_name": "Kim",
        "arrival_offset": 0, "nights": 5, "language": "ko",
        "email": "minji.kim@example.com",
        "adults": [
            {"first_name": "Minji", "last_name": "Kim"},
            {"first_name": "Junho", "last_name": "Kim"},
        ],
        "children": [{"first_name": "Seoyeon", "age": 6}, {"first_name": "Jiho", "age": 2}],
    },
    {
        "reference": "LP24023", "room": "112", "first_name": "Katrin", "last_name": "Müller",
        "arrival_offset": 0, "nights": 7, "language": "de",
        "email": "katrin.mueller@example.net",
        "adults": [
            {"first_name": "Katrin", "last_name": "Müller"},
            {"first_name": "Stefan", "last_name": "Müller"},
        ],
        "children": [{"first_name": "Lena", "age": 9}, {"first_name": "Paul", "age": 4}],
    },
    {
        "reference": "LP24031", "room": "308", "first_name": "Siobhan", "last_name": "O'Brien",
        "arrival_offset": 0, "nights": 6, "language": "en",
        "email": "siobhan.obrien@example.org",
        "adults": [
            {"first_name": "Siobhan", "last_name": "O'Brien"},
            {"first_name": "Declan", "last_name": "O'Brien"},
        ],
        "children": [
            {"first_name": "Aoife", "age": 14},
            {"first_name": "Liam", "age": 10},
            {"first_name": "Niamh", "age": 7},
            {"first_name": "Cian", "age": 1},
        ],
    },
    {
        "reference": "LP24036", "room": "215", "first_name": "Haruto", "last_name": "Sato",
        "arrival_offset": 0, "nights": 3, "language": "ja",
        "email": "haruto.sato@example.com",
        "adults": [
            {"first_name": "Haruto", "last_name": "Sato"},
            {"first_name": "Yui", "last_name": "Sato"},
        ],
        "children": [],
    },
    {
        "reference": "LP24042", "room": "402", "first_name": "Dmitri", "last_name": "Sokolov",
        "arrival_offset": 0, "nights": 2, "language": "ru",
        "email": "d.sokolov@example.net",
        "adults": [{"first_name": "Dmitri", "last_name": "Sokolov"}],
        "children": [],
    },
    {
        "reference": "LP24048", "room": "117", "first_name": "María", "last_name": "Núñez",
        "arrival_offset": 0, "nights": 8, "language": "es",
        "email": "maria.nunez@example.com",
        "adults": [
            {"first_name": "María", "last_name": "Núñez"},
            {"first_name": "Álvaro", "last_name": "Núñez"},
        ],
        "children": [
            {"first_name": "Sofía", "age": 11},
            {"first_name": "Mateo", "age": 8},
            {"first_name": "Lucía", "age": 5},
        ],
    },
    # ---------------------------------------------------------- leaving today
    {
        "reference": "LP23981", "room": "103", "first_name": "Hélène", "last_name": "Lefèvre",
        "arrival_offset": -4, "nights": 4, "language": "fr",
        "email": "helene.lefevre@example.org",
        "adults": [
            {"first_name": "Hélène", "last_name": "Lefèvre"},
            {"first_name": "Julien", "last_name": "Lefèvre"},
        ],
        "children": [{"first_name": "Chloé", "age": 3}, {"first_name": "Léo", "age": 0}],
    },
    {
        "reference": "LP23974", "room": "221", "first_name": "Fang", "last_name": "Wang",
        "arrival_offset": -7, "nights": 7, "language": "zh",
        "email": "fang.wang@example.com",
        "adults": [
            {"first_name": "Fang", "last_name": "Wang"},
            {"first_name": "Wei", "last_name": "Zhang"},
        ],
        "children": [{"first_name": "Haoran", "age": 12}],
    },
    {
        "reference": "LP23990", "room": "310", "first_name": "Lan", "last_name": "Nguyen",
        "arrival_offset": -3, "nights": 3, "language": "vi",
        "email": "lan.nguyen@example.net",
        "adults": [
            {"first_name": "Lan", "last_name": "Nguyen"},
            {"first_name": "Minh", "last_name": "Tran"},
        ],
        "children": [],
    },
    {
        "reference": "LP23968", "room": "406", "first_name": "Omar", "last_name": "Haddad",
        "arrival_offset": -10, "nights": 10, "language": "ar",
        "email": "omar.haddad@example.com",
        "adults": [
            {"first_name": "Omar", "last_name": "Haddad"},
            {"first_name": "Layla", "last_name": "Haddad"},
        ],
        "children": [{"first_name": "Yusuf", "age": 15}, {"first_name": "Mariam", "age": 13}],
    },
    {
        "reference": "LP23995", "room": "120", "first_name": "Thanh", "last_name": "Hoang",
        "arrival_offset": -2, "nights": 2, "language": "vi",
        "email": "thanh.hoang@example.org",
        "adults": [{"first_name": "Thanh", "last_name": "Hoang"}],
        "children": [],
    },
    # ---------------------------------------------------------- arriving soon
    {
        "reference": "LP24055", "room": "207", "first_name": "Jonas",
        "last_name": "Fischer-Brandt",
        "arrival_offset": 1, "nights": 4, "language": "de",
        "email": "jonas.fischer-brandt@example.com",
        "adults": [
            {"first_name": "Jonas", "last_name": "Fischer-Brandt"},
            {"first_name": "Anja", "last_name": "Fischer-Brandt"},
        ],
        "children": [],
    },
    {
        "reference": "LP24061", "room": "114", "first_name": "Seojun", "last_name": "Park",
        "arrival_offset": 2, "nights": 6, "language": "ko",
        "email": "seojun.park@example.net",
        "adults": [
            {"first_name": "Seojun", "last_name": "Park"},
            {"first_name": "Hana", "last_name": "Lee"},
        ],
        "children": [{"first_name": "Yuna", "age": 0}, {"first_name": "Doyun", "age": 4}],
    },
    {
        "reference": "LP24066", "room": "319", "first_name": "Camille", "last_name": "Dubois",
        "arrival_offset": 3, "nights": 5, "language": "fr",
        "email": "camille.dubois@example.com",
        "adults": [{"first_name": "Camille", "last_name": "Dubois"}],
        "children": [{"first_name": "Noé", "age": 9}, {"first_name": "Inès", "age": 13}],
    },
    {
        "reference": "LP24072", "room": "411", "first_name": "Aiko", "last_name": "Tanaka",
        "arrival_offset": 5, "nights": 7, "language": "ja",
        "email": "aiko.tanaka@example.org",
        "adults": [
            {"first_name": "Aiko", "last_name": "Tanaka"},
            {"first_name": "Kenji", "last_name": "Tanaka"},
        ],
        "children": [{"first_name": "Sota", "age": 10}, {"first_name": "Hina", "age": 7}],
    },
    {
        "reference": "LP24079", "room": "222", "first_name": "Javier", "last_name": "Ibáñez",
        "arrival_offset": 7, "nights": 3, "language": "es",
        "email": "javier.ibanez@example.net",
        "adults": [
            {"first_name": "Javier", "last_name": "Ibáñez"},
            {"first_name": "Carmen", "last_name": "Ortega"},
        ],
        "children": [],
    },
    {
        "reference": "LP24084", "room": "105", "first_name": "Khalid", "last_name": "Al-Hassan",
        "arrival_offset": 10, "nights": 9, "language": "ar",
        "email": "khalid.alhassan@example.com",
        "adults": [
            {"first_name": "Khalid", "last_name": "Al-Hassan"},
            {"first_name": "Noura", "last_name": "Al-Hassan"},
        ],
        "children": [
            {"first_name": "Ahmed", "age": 16},
            {"first_name": "Sara", "age": 12},
            {"first_name": "Ali", "age": 8},
            {"first_name": "Huda", "age": 2},
        ],
    },
    # ---------------------------------------------------------- in house
    {
        "reference": "LP23950", "room": "101", "first_name": "Emily", "last_name": "Hughes",
        "arrival_offset": -3, "nights": 7, "language": "en",
        "email": "emily.hughes@example.com",
        "adults": [
            {"first_name": "Emily", "last_name": "Hughes"},
            {"first_name": "Daniel", "last_name": "Hughes"},
        ],
        "children": [{"first_name": "Oliver", "age": 5}, {"first_name": "Grace", "age": 2}],
    },
    {
        "reference": "LP23952", "room": "102", "first_name": "Anna", "last_name": "Ivanova",
        "arrival_offset": -2, "nights": 6, "language": "ru",
        "email": "anna.ivanova@example.org",
        "adults": [
            {"first_name": "Anna", "last_name": "Ivanova"},
            {"first_name": "Sergei", "last_name": "Ivanov"},
        ],
        "children": [{"first_name": "Mariya", "age": 8}, {"first_name": "Artyom", "age": 13}],
    },
    {
        "reference": "LP23957", "room": "104", "first_name": "Jing", "last_name": "Li",
        "arrival_offset": -1, "nights": 4, "language": "zh",
        "email": "jing.li@example.net",
        "adults": [
            {"first_name": "Jing", "last_name": "Li"},
            {"first_name": "Hao", "last_name": "Chen"},
        ],
        "children": [],
    },
    {
        "reference": "LP23960", "room": "106", "first_name": "Duc", "last_name": "Pham",
        "arrival_offset": -5, "nights": 8, "language": "vi",
        "email": "duc.pham@example.com",
        "adults": [
            {"first_name": "Duc", "last_name": "Pham"},
            {"first_name": "Thu", "last_name": "Le"},
        ],
        "children": [{"first_name": "Bao", "age": 6}, {"first_name": "An", "age": 1}],
    },
    {
        "reference": "LP23963", "room": "108", "first_name": "Sabine", "last_name": "Weiß",
        "arrival_offset": -1, "nights": 3, "language": "de",
        "email": "sabine.weiss@example.org",
        "adults": [{"first_name": "Sabine", "last_name": "Weiß"}],
        "children": [],
    },
    {
        "reference": "LP23965", "room": "111", "first_name": "Jiwoo", "last_name": "Choi",
        "arrival_offset": -4, "nights": 9, "language": "ko",
        "email": "jiwoo.choi@example.com",
        "adults": [
            {"first_name": "Jiwoo", "last_name": "Choi"},
            {"first_name": "Taeyang", "last_name": "Jung"},
        ],
        "children": [{"first_name": "Haeun", "age": 11}, {"first_name": "Siwoo", "age": 9}],
    },
    {
        "reference": "LP23970", "room": "116", "first_name": "Antoine", "last_name": "Moreau",
        "arrival_offset": -2, "nights": 5, "language": "fr",
        "email": "antoine.moreau@example.net",
        "adults": [
            {"first_name": "Antoine", "last_name": "Moreau"},
            {"first_name": "Élodie", "last_name": "Moreau"},
        ],
        "children": [],
    },
    {
        "reference": "LP23972", "room": "119", "first_name": "Elena", "last_name": "García",
        "arrival_offset": -1, "nights": 7, "language": "es",
        "email": "elena.garcia@example.com",
        "adults": [
            {"first_name": "Elena", "last_name": "García"},
            {"first_name": "Pablo", "last_name": "Martín"},
        ],
        "children": [{"first_name": "Diego", "age": 14}, {"first_name": "Valeria", "age": 4}],
    },
    {
        "reference": "LP23977", "room": "201", "first_name": "Fatima", "last_name": "El-Sayed",
        "arrival_offset": -3, "nights": 6, "language": "ar",
        "email": "fatima.elsayed@example.org",
        "adults": [
            {"first_name": "Fatima", "last_name": "El-Sayed"},
            {"first_name": "Karim", "last_name": "El-Sayed"},
        ],
        "children": [{"first_name": "Zainab", "age": 5}, {"first_name": "Adam", "age": 0}],
    },
    {
        "reference": "LP23979", "room": "203", "first_name": "Yuki", "last_name": "Nakamura",
        "arrival_offset": -6, "nights": 8, "language": "ja",
        "email": "yuki.nakamura@example.net",
        "adults": [
            {"first_name": "Yuki", "last_name": "Nakamura"},
            {"first_name": "Daisuke", "last_name": "Nakamura"},
        ],
        "children": [],
    },
    {
        "reference": "LP23983", "room": "205", "first_name": "Priya", "last_name": "Patel",
        "arrival_offset": -2, "nights": 9, "language": "en",
        "email": "priya.patel@example.com",
        "adults": [
            {"first_name": "Priya", "last_name": "Patel"},
            {"first_name": "Rohan", "last_name": "Patel"},
        ],
        "children": [{"first_name": "Anika", "age": 16}, {"first_name": "Dev", "age": 12}],
    },
    {
        "reference": "LP23985", "room": "209", "first_name": "Olga", "last_name": "Kuznetsova",
        "arrival_offset": -1, "nights": 5, "language": "ru",
        "email": "olga.kuznetsova@example.org",
        "adults": [
            {"first_name": "Olga", "last_name": "Kuznetsova"},
            {"first_name": "Pavel", "last_name": "Kuznetsov"},
        ],
        "children": [],
    },
    {
        "reference": "LP23987", "room": "211", "first_name": "Xiaoming", "last_name": "Chen",
        "arrival_offset": -5, "nights": 6, "language": "zh",
        "email": "xiaoming.chen@example.com",
        "adults": [
            {"first_name": "Xiaoming", "last_name": "Chen"},
            {"first_name": "Mei", "last_name": "Lin"},
        ],
        "children": [{"first_name": "Yutong", "age": 3}, {"first_name": "Zihan", "age": 9}],
    },
    {
        "reference": "LP23989", "room": "213", "first_name": "Hoa", "last_name": "Tran",
        "arrival_offset": -2, "nights": 4, "language": "vi",
        "email": "hoa.tran@example.net",
        "adults": [
            {"first_name": "Hoa", "last_name": "Tran"},
            {"first_name": "Linh", "last_name": "Tran"},
            {"first_name": "Quang", "last_name": "Vo"},
        ],
        "children": [],
    },
    {
        "reference": "LP23992", "room": "217", "first_name": "Thomas", "last_name": "Bauer",
        "arrival_offset": -4, "nights": 7, "language": "de",
        "email": "thomas.bauer@example.com",
        "adults": [
            {"first_name": "Thomas", "last_name": "Bauer"},
            {"first_name": "Julia", "last_name": "Bauer"},
        ],
        "children": [{"first_name": "Felix", "age": 17}, {"first_name": "Marie", "age": 15}],
    },
    {
        "reference": "LP23994", "room": "302", "first_name": "Eunji", "last_name": "Jung",
        "arrival_offset": -1, "nights": 3, "language": "ko",
        "email": "eunji.jung@example.org",
        "adults": [
            {"first_name": "Eunji", "last_name": "Jung"},
            {"first_name": "Dohyun", "last_name": "Han"},
        ],
        "children": [],
    },
    {
        "reference": "LP23996", "room": "304", "first_name": "Mathieu", "last_name": "Girard",
        "arrival_offset": -5, "nights": 7, "language": "fr",
        "email": "mathieu.girard@example.com",
        "adults": [
            {"first_name": "Mathieu", "last_name": "Girard"},
            {"first_name": "Aurélie", "last_name": "D'Almeida"},
        ],
        "children": [{"first_name": "Zoé", "age": 7}, {"first_name": "Gabriel", "age": 2}],
    },
    {
        "reference": "LP23998", "room": "306", "first_name": "Marta", "last_name": "Ramírez",
        "arrival_offset": -3, "nights": 5, "language": "es",
        "email": "marta.ramirez@example.net",
        "adults": [
            {"first_name": "Marta", "last_name": "Ramírez"},
            {"first_name": "Jorge", "last_name": "Ramírez"},
            {"first_name": "Inés", "last_name": "Ramírez"},
        ],
        "children": [],
    },
    {
        "reference": "LP24002", "room": "312", "first_name": "Youssef", "last_name": "Mansour",
        "arrival_offset": -2, "nights": 4, "language": "ar",
        "email": "youssef.mansour@example.com",
        "adults": [
            {"first_name": "Youssef", "last_name": "Mansour"},
            {"first_name": "Rania", "last_name": "Mansour"},
        ],
        "children": [],
    },
    {
        "reference": "LP24004", "room": "314", "first_name": "Kenta", "last_name": "Suzuki",
        "arrival_offset": -3, "nights": 6, "language": "ja",
        "email": "kenta.suzuki@example.org",
        "adults": [
            {"first_name": "Kenta", "last_name": "Suzuki"},
            {"first_name": "Mai", "last_name": "Suzuki"},
        ],
        "children": [{"first_name": "Riko", "age": 4}, {"first_name": "Yuto", "age": 1}],
    },
    {
        "reference": "LP24007", "room": "316", "first_name": "Rachel",
        "last_name": "Carter-Lewis",
        "arrival_offset": -1, "nights": 4, "language": "en",
        "email": "rachel.carter-lewis@example.net",
        "adults": [
            {"first_name": "Rachel", "last_name": "Carter-Lewis"},
            {"first_name": "Tom", "last_name": "Lewis"},
            {"first_name": "Margaret", "last_name": "Carter"},
        ],
        "children": [],
    },
    {
        "reference": "LP24010", "room": "401", "first_name": "Nikolai", "last_name": "Petrov",
        "arrival_offset": -6, "nights": 9, "language": "ru",
        "email": "nikolai.petrov@example.com",
        "adults": [
            {"first_name": "Nikolai", "last_name": "Petrov"},
            {"first_name": "Elena", "last_name": "Petrova"},
        ],
        "children": [{"first_name": "Sofia", "age": 10}, {"first_name": "Ivan", "age": 3}],
    },
    {
        "reference": "LP24013", "room": "404", "first_name": "Wei", "last_name": "Liu",
        "arrival_offset": -4, "nights": 5, "language": "zh",
        "email": "wei.liu@example.org",
        "adults": [{"first_name": "Wei", "last_name": "Liu"}],
        "children": [],
    },
]
