"""Demo FAQ entries and policies of Lakeside Pines Resort in all ten languages.

Each entry: kind, category slug (or None), and per language (question, answer, keywords).
"""

FAQ_ENTRIES = [
    {
        "kind": "faq", "category": "wellness",
        "texts": {
            "en": ("When is the pool open?",
                   "The indoor pool is open every day from 7:00 to 21:00; the heated "
                   "children's pool from 9:00 to 18:00.",
                   "pool, swimming, swim, opening hours, open"),
            "ko": ("수영장은 언제 이용할 수 있나요?",
                   "실내 수영장은 매일 오전 7시부터 오후 9시까지, 온수 어린이 수영장은 "
                   "오전 9시부터 오후 6시까지 이용하실 수 있습니다.",
                   "수영장, 수영, 운영 시간, 이용 시간"),
            "ja": ("プールの営業時間は？",
                   "屋内プールは毎日7:00〜21:00、温水キッズプールは9:00〜18:00です。",
                   "プール, 水泳, 営業時間, 何時"),
            "zh": ("泳池几点开放？",
                   "室内泳池每天7:00至21:00开放，儿童温水泳池9:00至18:00开放。",
                   "泳池, 游泳, 开放时间, 几点"),
            "vi": ("Hồ bơi mở cửa lúc mấy giờ?",
                   "Hồ bơi trong nhà mở cửa hằng ngày từ 7:00 đến 21:00; hồ bơi nước ấm cho "
                   "trẻ em từ 9:00 đến 18:00.",
                   "hồ bơi, bơi, giờ mở cửa"),
            "ru": ("Когда открыт бассейн?",
                   "Крытый бассейн открыт ежедневно с 7:00 до 21:00, детский бассейн "
                   "с подогревом — с 9:00 до 18:00.",
                   "бассейн, плавание, часы работы, открыт"),
            "de": ("Wann ist das Schwimmbad geöffnet?",
                   "Das Hallenbad ist täglich von 7:00 bis 21:00 Uhr geöffnet, das beheizte "
                   "Kinderbecken von 9:00 bis 18:00 Uhr.",
                   "schwimmbad, pool, hallenbad, schwimmen, öffnungszeiten"),
            "fr": ("Quand la piscine est-elle ouverte ?",
                   "La piscine intérieure est ouverte tous les jours de 7 h à 21 h ; "
                   "la piscine chauffée pour enfants de 9 h à 18 h.",
                   "piscine, nager, baignade, horaires"),
            "es": ("¿Cuándo abre la piscina?",
                   "La piscina cubierta abre todos los días de 7:00 a 21:00; la piscina "
                   "climatizada infantil, de 9:00 a 18:00.",
                   "piscina, nadar, horario, abre"),
            "ar": ("متى يفتح المسبح؟",
                   "يفتح المسبح الداخلي يوميًا من 7:00 حتى 21:00، ومسبح الأطفال المُدفأ "
                   "من 9:00 حتى 18:00.",
                   "المسبح, مسبح, سباحة, مواعيد"),
        },
    },
    {
        "kind": "faq", "category": "food",
        "texts": {
            "en": ("When and where is breakfast served?",
                   "Breakfast is served in the Lakeside restaurant from 7:00 to 10:30 "
                   "(weekends until 11:00). High chairs and a children's corner are ready.",
                   "breakfast, morning, restaurant, buffet"),
            "ko": ("조식은 언제, 어디에서 제공되나요?",
                   "조식은 레이크사이드 레스토랑에서 오전 7시부터 10시 30분까지(주말은 11시까지) "
                   "제공됩니다. 유아용 의자와 어린이 코너도 준비되어 있습니다.",
                   "조식, 아침, 아침 식사, 레스토랑, 뷔페"),
            "ja": ("朝食の時間と場所は？",
                   "朝食はレイクサイド・レストランで7:00〜10:30（週末は11:00まで）です。"
                   "ベビーチェアとキッズコーナーもございます。",
                   "朝食, 朝ごはん, レストラン, ビュッフェ"),
            "zh": ("早餐在何时何地供应？",
                   "早餐在湖畔餐厅供应，时间为7:00至10:30（周末至11:00），"
                   "备有儿童餐椅和儿童角。",
                   "早餐, 早饭, 餐厅, 自助餐"),
            "vi": ("Bữa sáng được phục vụ khi nào và ở đâu?",
                   "Bữa sáng được phục vụ tại nhà hàng Lakeside từ 7:00 đến 10:30 (cuối tuần "
                   "đến 11:00). Có sẵn ghế ăn cho bé và góc trẻ em.",
                   "bữa sáng, ăn sáng, nhà hàng, buffet"),
            "ru": ("Когда и где подают завтрак?",
                   "Завтрак подают в ресторане «Лейксайд» с 7:00 до 10:30 (в выходные до "
                   "11:00). Есть детские стульчики и детский уголок.",
                   "завтрак, утром, ресторан, шведский стол"),
            "de": ("Wann und wo gibt es Frühstück?",
                   "Frühstück gibt es im Restaurant Lakeside von 7:00 bis 10:30 Uhr (am "
                   "Wochenende bis 11:00 Uhr). Hochstühle und eine Kinderecke stehen bereit.",
                   "frühstück, morgens, restaurant, buffet"),
            "fr": ("Quand et où est servi le petit-déjeuner ?",
                   "Le petit-déjeuner est servi au restaurant Lakeside de 7 h à 10 h 30 "
                   "(le week-end jusqu'à 11 h). Chaises hautes et coin enfants à disposition.",
                   "petit-déjeuner, petit déjeuner, matin, restaurant, buffet"),
            "es": ("¿Cuándo y dónde se sirve el desayuno?",
                   "El desayuno se sirve en el restaurante Lakeside de 7:00 a 10:30 (fines "
                   "de semana hasta las 11:00). Hay tronas y un rincón infantil.",
                   "desayuno, mañana, restaurante, bufé"),
            "ar": ("متى وأين يُقدَّم الإفطار؟",
                   "يُقدَّم الإفطار في مطعم ليكسايد من 7:00 حتى 10:30 (وفي عطلة نهاية "
                   "الأسبوع حتى 11:00)، مع كراسٍ عالية للأطفال وركن خاص بهم.",
                   "الإفطار, فطور, المطعم, بوفيه"),
        },
    },
    {
        "kind": "faq", "category": "general",
        "texts": {
            "en": ("How do I connect to the wifi?",
                   "Choose the network \"LakesidePines-Guest\" and sign in with your room "
                   "number and last name. It is free in the whole hotel and the garden.",
                   "wifi, wi-fi, internet, password, network"),
            "ko": ("와이파이는 어떻게 연결하나요?",
                   "\"LakesidePines-Guest\" 네트워크를 선택한 뒤 객실 번호와 성으로 로그인하세요. "
                   "호텔 전역과 정원에서 무료로 이용하실 수 있습니다.",
                   "와이파이, 인터넷, 비밀번호, 무선"),
            "ja": ("Wi-Fiの接続方法は？",
                   "ネットワーク「LakesidePines-Guest」を選び、部屋番号と姓でログインして"
                   "ください。館内と庭園で無料でご利用いただけます。",
                   "wifi, ワイファイ, インターネット, パスワード"),
            "zh": ("如何连接无线网络？",
                   "请选择\"LakesidePines-Guest\"网络，并用房间号和姓氏登录。"
                   "酒店及花园内均可免费使用。",
                   "wifi, 无线, 网络, 密码, 上网"),
            "vi": ("Tôi kết nối wifi như thế nào?",
                   "Chọn mạng \"LakesidePines-Guest\" và đăng nhập bằng số phòng và họ của "
                   "bạn. Wifi miễn phí trong toàn khách sạn và khu vườn.",
                   "wifi, internet, mật khẩu, mạng"),
            "ru": ("Как подключиться к Wi-Fi?",
                   "Выберите сеть «LakesidePines-Guest» и войдите, указав номер комнаты и "
                   "фамилию. Wi-Fi бесплатный во всём отеле и в саду.",
                   "wifi, вайфай, интернет, пароль"),
            "de": ("Wie verbinde ich mich mit dem WLAN?",
                   "Wählen Sie das Netz „LakesidePines-Guest“ und melden Sie sich mit "
                   "Zimmernummer und Nachnamen an. Es ist im ganzen Hotel und im Garten "
                   "kostenlos.",
                   "wlan, wifi, internet, passwort"),
            "fr": ("Comment me connecter au wifi ?",
                   "Choisissez le réseau « LakesidePines-Guest » et connectez-vous avec votre "
                   "numéro de chambre et votre nom. Il est gratuit dans tout l'hôtel et le "
                   "jardin.",
                   "wifi, internet, mot de passe, réseau"),
            "es": ("¿Cómo me conecto al wifi?",
                   "Elija la red «LakesidePines-Guest» e inicie sesión con su número de "
                   "habitación y su apellido. Es gratuito en todo el hotel y el jardín.",
                   "wifi, internet, contraseña, red"),
            "ar": ("كيف أتصل بشبكة الواي فاي؟",
                   "اختر شبكة \"LakesidePines-Guest\" وسجّل الدخول برقم غرفتك واسم عائلتك. "
                   "الخدمة مجانية في الفندق كله وفي الحديقة.",
                   "واي فاي, الإنترنت, كلمة المرور, شبكة"),
        },
    },
    {
        "kind": "faq", "category": "general",
        "texts": {
            "en": ("Can I check out late?",
                   "Check-out is until 11:00. A late check-out until 14:00 is often possible "
                   "for €30; please ask reception the day before.",
                   "late checkout, late check-out, check-out, checkout, leave, departure"),
            "ko": ("늦게 체크아웃할 수 있나요?",
                   "체크아웃은 오전 11시까지입니다. 30유로에 오후 2시까지 레이트 체크아웃이 "
                   "가능한 경우가 많으니 전날 리셉션에 문의해 주세요.",
                   "체크아웃, 레이트 체크아웃, 퇴실, 늦게"),
            "ja": ("レイトチェックアウトはできますか？",
                   "チェックアウトは11:00です。30ユーロで14:00までのレイトチェックアウトが"
                   "可能な場合が多いので、前日にフロントへお尋ねください。",
                   "チェックアウト, レイトチェックアウト, 延長"),
            "zh": ("可以延迟退房吗？",
                   "退房时间为11:00。通常可付30欧元延迟至14:00退房，请提前一天询问前台。",
                   "退房, 延迟退房, 晚退房"),
            "vi": ("Tôi có thể trả phòng muộn không?",
                   "Giờ trả phòng là 11:00. Thường có thể trả phòng muộn đến 14:00 với giá "
                   "30 €; vui lòng hỏi lễ tân trước một ngày.",
                   "trả phòng, trả phòng muộn, check-out"),
            "ru": ("Можно ли выехать позже?",
                   "Выезд до 11:00. Поздний выезд до 14:00 часто возможен за 30 €; "
                   "пожалуйста, спросите на ресепшене накануне.",
                   "выезд, поздний выезд, чекаут"),
            "de": ("Kann ich später auschecken?",
                   "Check-out ist bis 11:00 Uhr. Ein später Check-out bis 14:00 Uhr ist oft "
                   "für 30 € möglich; bitte fragen Sie am Vortag an der Rezeption.",
                   "auschecken, check-out, späterer check-out, abreise"),
            "fr": ("Puis-je libérer la chambre plus tard ?",
                   "Le départ se fait jusqu'à 11 h. Un départ tardif jusqu'à 14 h est souvent "
                   "possible pour 30 € ; demandez à la réception la veille.",
                   "départ tardif, check-out, départ, libérer la chambre"),
            "es": ("¿Puedo dejar la habitación más tarde?",
                   "La salida es hasta las 11:00. Una salida tardía hasta las 14:00 suele ser "
                   "posible por 30 €; consulte en recepción el día anterior.",
                   "salida tardía, check-out, salida"),
            "ar": ("هل يمكنني تأخير موعد المغادرة؟",
                   "موعد المغادرة حتى 11:00. كثيرًا ما يمكن تأخيره حتى 14:00 مقابل 30 يورو؛ "
                   "يُرجى السؤال في الاستقبال قبل يوم.",
                   "المغادرة, مغادرة متأخرة, تسجيل الخروج"),
        },
    },
    {
        "kind": "faq", "category": "kids",
        "texts": {
            "en": ("How does drop-off at the kids club work?",
                   "Bring your child to the kids club house 10 minutes before the session "
                   "starts. Please sign the list, leave a phone number and tell us about "
                   "allergies. Children from 4 to 12 years.",
                   "kids club, drop-off, drop off, children, child, pick up"),
            "ko": ("키즈 클럽에 아이를 어떻게 맡기나요?",
                   "프로그램 시작 10분 전까지 키즈 클럽 하우스로 와 주세요. 명단에 서명하시고 "
                   "연락처와 알레르기 정보를 알려 주세요. 만 4세부터 12세까지 이용할 수 있습니다.",
                   "키즈 클럽, 키즈클럽, 아이, 맡기기, 픽업"),
            "ja": ("キッズクラブへの預け方は？",
                   "開始10分前までにキッズクラブハウスへお越しください。名簿にご署名のうえ、"
                   "連絡先とアレルギーをお知らせください。対象は4〜12歳です。",
                   "キッズクラブ, 子ども, 預け, お迎え"),
            "zh": ("儿童俱乐部如何托管孩子？",
                   "请在活动开始前10分钟带孩子到儿童俱乐部小屋，签名登记、留下电话并告知过敏"
                   "情况。适合4至12岁儿童。",
                   "儿童俱乐部, 孩子, 托管, 接送"),
            "vi": ("Gửi trẻ ở câu lạc bộ trẻ em như thế nào?",
                   "Hãy đưa bé đến nhà câu lạc bộ trẻ em 10 phút trước giờ bắt đầu, ký tên, "
                   "để lại số điện thoại và cho chúng tôi biết về dị ứng. Dành cho trẻ 4–12 tuổi.",
                   "câu lạc bộ trẻ em, gửi trẻ, trẻ em, đón"),
            "ru": ("Как оставить ребёнка в детском клубе?",
                   "Приведите ребёнка в домик детского клуба за 10 минут до начала, "
                   "распишитесь в списке, оставьте телефон и расскажите об аллергиях. "
                   "Для детей от 4 до 12 лет.",
                   "детский клуб, ребёнок, дети, оставить, забрать"),
            "de": ("Wie funktioniert die Abgabe im Kinderclub?",
                   "Bringen Sie Ihr Kind 10 Minuten vor Beginn ins Kinderclub-Haus, "
                   "unterschreiben Sie die Liste, hinterlassen Sie eine Telefonnummer und "
                   "nennen Sie Allergien. Für Kinder von 4 bis 12 Jahren.",
                   "kinderclub, kinder, kind, abgeben, abholen"),
            "fr": ("Comment déposer mon enfant au club enfants ?",
                   "Amenez votre enfant à la maison du club 10 minutes avant le début, signez "
                   "la liste, laissez un numéro de téléphone et signalez les allergies. "
                   "Pour les enfants de 4 à 12 ans.",
                   "club enfants, enfant, déposer, récupérer"),
            "es": ("¿Cómo dejo a mi hijo en el club infantil?",
                   "Traiga a su hijo a la casa del club 10 minutos antes del inicio, firme la "
                   "lista, deje un teléfono e infórmenos de alergias. Para niños de 4 a 12 años.",
                   "club infantil, niños, niño, dejar, recoger"),
            "ar": ("كيف أترك طفلي في نادي الأطفال؟",
                   "أحضر طفلك إلى بيت نادي الأطفال قبل بدء الجلسة بعشر دقائق، ووقّع في "
                   "القائمة، واترك رقم هاتف، وأخبرنا عن أي حساسية. للأطفال من 4 إلى 12 سنة.",
                   "نادي الأطفال, طفل, الأطفال, استلام"),
        },
    },
    {
        "kind": "faq", "category": "general",
        "texts": {
            "en": ("What are the opening hours of reception and the shop?",
                   "Reception is open day and night. The hotel shop is open from 8:00 to "
                   "20:00, the bar from 16:00 to midnight.",
                   "opening hours, reception, shop, bar, open"),
            "ko": ("리셉션과 상점 운영 시간은 어떻게 되나요?",
                   "리셉션은 24시간 운영합니다. 호텔 상점은 오전 8시부터 오후 8시까지, 바는 "
                   "오후 4시부터 자정까지 운영합니다.",
                   "운영 시간, 리셉션, 상점, 바"),
            "ja": ("フロントとショップの営業時間は？",
                   "フロントは24時間対応です。ショップは8:00〜20:00、バーは16:00〜24:00です。",
                   "営業時間, フロント, ショップ, バー"),
            "zh": ("前台和商店的营业时间？",
                   "前台24小时服务。酒店商店8:00至20:00营业，酒吧16:00至午夜营业。",
                   "营业时间, 前台, 商店, 酒吧"),
            "vi": ("Lễ tân và cửa hàng mở cửa giờ nào?",
                   "Lễ tân phục vụ suốt ngày đêm. Cửa hàng mở từ 8:00 đến 20:00, quầy bar "
                   "từ 16:00 đến nửa đêm.",
                   "giờ mở cửa, lễ tân, cửa hàng, quầy bar"),
            "ru": ("Когда работают ресепшен и магазин?",
                   "Ресепшен работает круглосуточно. Магазин отеля открыт с 8:00 до 20:00, "
                   "бар — с 16:00 до полуночи.",
                   "часы работы, ресепшен, магазин, бар"),
            "de": ("Wann sind Rezeption und Shop geöffnet?",
                   "Die Rezeption ist rund um die Uhr besetzt. Der Hotelshop ist von 8:00 bis "
                   "20:00 Uhr geöffnet, die Bar von 16:00 bis Mitternacht.",
                   "öffnungszeiten, rezeption, shop, bar"),
            "fr": ("Quels sont les horaires de la réception et de la boutique ?",
                   "La réception est ouverte jour et nuit. La boutique est ouverte de 8 h à "
                   "20 h, le bar de 16 h à minuit.",
                   "horaires, réception, boutique, bar"),
            "es": ("¿Cuál es el horario de la recepción y la tienda?",
                   "La recepción está abierta día y noche. La tienda abre de 8:00 a 20:00 y "
                   "el bar de 16:00 a medianoche.",
                   "horario, recepción, tienda, bar"),
            "ar": ("ما مواعيد عمل الاستقبال والمتجر؟",
                   "الاستقبال مفتوح ليلًا ونهارًا. يفتح متجر الفندق من 8:00 حتى 20:00، "
                   "والبار من 16:00 حتى منتصف الليل.",
                   "مواعيد العمل, الاستقبال, المتجر, البار"),
        },
    },
    {
        "kind": "faq", "category": "wellness",
        "texts": {
            "en": ("When can I use the sauna?",
                   "The sauna and steam bath are open from 15:00 to 21:00 for guests over "
                   "16. Book a time slot on the sauna page.",
                   "sauna, steam bath, bath house, spa, wellness"),
            "ko": ("사우나는 언제 이용할 수 있나요?",
                   "사우나와 증기탕은 오후 3시부터 9시까지 만 16세 이상 고객이 이용할 수 "
                   "있습니다. 사우나 페이지에서 시간을 예약해 주세요.",
                   "사우나, 증기탕, 스파, 웰니스"),
            "ja": ("サウナはいつ利用できますか？",
                   "サウナとスチームバスは15:00〜21:00、16歳以上の方がご利用いただけます。"
                   "サウナのページから時間帯をご予約ください。",
                   "サウナ, スチームバス, スパ"),
            "zh": ("桑拿什么时候可以使用？",
                   "桑拿和蒸汽浴15:00至21:00开放，限16岁以上客人。请在桑拿页面预约时段。",
                   "桑拿, 蒸汽浴, 水疗"),
            "vi": ("Khi nào tôi có thể dùng phòng xông hơi?",
                   "Phòng xông hơi khô và ướt mở từ 15:00 đến 21:00 cho khách trên 16 tuổi. "
                   "Hãy đặt khung giờ trên trang xông hơi.",
                   "xông hơi, sauna, spa"),
            "ru": ("Когда можно пользоваться сауной?",
                   "Сауна и паровая баня открыты с 15:00 до 21:00 для гостей старше 16 лет. "
                   "Забронируйте время на странице сауны.",
                   "сауна, баня, парная, спа"),
            "de": ("Wann kann ich die Sauna nutzen?",
                   "Sauna und Dampfbad sind von 15:00 bis 21:00 Uhr für Gäste ab 16 Jahren "
                   "geöffnet. Buchen Sie ein Zeitfenster auf der Sauna-Seite.",
                   "sauna, dampfbad, badehaus, wellness"),
            "fr": ("Quand puis-je utiliser le sauna ?",
                   "Le sauna et le hammam sont ouverts de 15 h à 21 h aux plus de 16 ans. "
                   "Réservez un créneau sur la page du sauna.",
                   "sauna, hammam, spa, bien-être"),
            "es": ("¿Cuándo puedo usar la sauna?",
                   "La sauna y el baño de vapor abren de 15:00 a 21:00 para mayores de 16 "
                   "años. Reserve un horario en la página de la sauna.",
                   "sauna, baño de vapor, spa"),
            "ar": ("متى يمكنني استخدام الساونا؟",
                   "الساونا وحمام البخار مفتوحان من 15:00 حتى 21:00 للضيوف فوق 16 سنة. "
                   "احجز موعدًا من صفحة الساونا.",
                   "الساونا, ساونا, حمام البخار, سبا"),
        },
    },
    {
        "kind": "faq", "category": "room",
        "texts": {
            "en": ("Can I get a crib or a bottle warmer in the room?",
                   "Yes. Book the crib on its page and housekeeping sets it up before you "
                   "arrive; bottle warmers and baby baths are free, just ask housekeeping.",
                   "crib, cot, baby, bottle warmer, baby bath"),
            "ko": ("객실에 아기 침대나 젖병 워머를 받을 수 있나요?",
                   "네. 아기 침대는 해당 페이지에서 예약하시면 도착 전에 설치해 드립니다. 젖병 "
                   "워머와 아기 욕조는 무료이니 하우스키핑에 요청해 주세요.",
                   "아기 침대, 아기, 젖병, 워머, 욕조"),
            "ja": ("ベビーベッドや哺乳瓶ウォーマーは借りられますか？",
                   "はい。ベビーベッドは専用ページでご予約いただければ到着前に設置します。"
                   "哺乳瓶ウォーマーとベビーバスは無料です。ハウスキーピングにお申し付けください。",
                   "ベビーベッド, 赤ちゃん, 哺乳瓶, ベビーバス"),
            "zh": ("房间可以提供婴儿床或温奶器吗？",
                   "可以。在婴儿床页面预订后，客房部会在您到达前安装好；温奶器和婴儿浴盆免费，"
                   "请联系客房部。",
                   "婴儿床, 婴儿, 温奶器, 浴盆"),
            "vi": ("Tôi có thể có nôi hoặc máy hâm sữa trong phòng không?",
                   "Có. Đặt nôi trên trang của nôi, bộ phận buồng phòng sẽ lắp trước khi bạn "
                   "đến; máy hâm sữa và chậu tắm em bé miễn phí, chỉ cần yêu cầu.",
                   "nôi, em bé, máy hâm sữa, chậu tắm"),
            "ru": ("Можно ли получить детскую кроватку или подогреватель бутылочек?",
                   "Да. Забронируйте кроватку на её странице — её поставят до вашего приезда; "
                   "подогреватель и детская ванночка бесплатны, просто попросите горничных.",
                   "кроватка, ребёнок, подогреватель, ванночка"),
            "de": ("Bekomme ich ein Babybett oder einen Fläschchenwärmer ins Zimmer?",
                   "Ja. Buchen Sie das Babybett auf seiner Seite, das Housekeeping stellt es "
                   "vor Ihrer Ankunft auf; Fläschchenwärmer und Babybadewanne sind kostenlos.",
                   "babybett, kinderbett, baby, fläschchenwärmer, badewanne"),
            "fr": ("Puis-je avoir un lit bébé ou un chauffe-biberon ?",
                   "Oui. Réservez le lit bébé sur sa page, il sera installé avant votre "
                   "arrivée ; chauffe-biberon et baignoire bébé sont gratuits sur demande.",
                   "lit bébé, bébé, chauffe-biberon, baignoire"),
            "es": ("¿Puedo tener una cuna o un calientabiberones en la habitación?",
                   "Sí. Reserve la cuna en su página y la instalamos antes de su llegada; el "
                   "calientabiberones y la bañera de bebé son gratuitos, pídalos.",
                   "cuna, bebé, calientabiberones, bañera"),
            "ar": ("هل يمكنني الحصول على سرير أطفال أو مُدفئ رضّاعات في الغرفة؟",
                   "نعم. احجز سرير الأطفال من صفحته وسنجهّزه قبل وصولك؛ ومُدفئ الرضّاعات "
                   "وحوض استحمام الرضيع مجانيان عند الطلب.",
                   "سرير أطفال, رضيع, مدفئ, حوض"),
        },
    },
    {
        "kind": "faq", "category": "general",
        "texts": {
            "en": ("Is there parking at the hotel?",
                   "Yes, the car park next to the main entrance is free for guests, with "
                   "four charging points for electric cars.",
                   "parking, car park, car, charging, electric"),
            "ko": ("호텔에 주차장이 있나요?",
                   "네, 정문 옆 주차장은 투숙객에게 무료이며 전기차 충전기 4대가 있습니다.",
                   "주차, 주차장, 자동차, 충전"),
            "ja": ("駐車場はありますか？",
                   "はい、正面玄関横の駐車場は宿泊者無料で、電気自動車の充電器が4台あります。",
                   "駐車場, 駐車, 車, 充電"),
            "zh": ("酒店有停车场吗？",
                   "有，正门旁的停车场对住客免费，并设有4个电动车充电桩。",
                   "停车, 停车场, 汽车, 充电"),
            "vi": ("Khách sạn có chỗ đậu xe không?",
                   "Có, bãi đậu xe cạnh lối vào chính miễn phí cho khách, có bốn trạm sạc "
                   "xe điện.",
                   "đậu xe, bãi đậu xe, ô tô, sạc"),
            "ru": ("Есть ли при отеле парковка?",
                   "Да, парковка у главного входа бесплатна для гостей, есть четыре зарядки "
                   "для электромобилей.",
                   "парковка, стоянка, машина, зарядка"),
            "de": ("Gibt es Parkplätze am Hotel?",
                   "Ja, der Parkplatz neben dem Haupteingang ist für Gäste kostenlos, mit "
                   "vier Ladestationen für Elektroautos.",
                   "parkplatz, parken, auto, ladestation"),
            "fr": ("Y a-t-il un parking à l'hôtel ?",
                   "Oui, le parking près de l'entrée principale est gratuit pour les clients, "
                   "avec quatre bornes de recharge.",
                   "parking, voiture, recharge, stationnement"),
            "es": ("¿Hay aparcamiento en el hotel?",
                   "Sí, el aparcamiento junto a la entrada principal es gratuito para los "
                   "huéspedes y tiene cuatro puntos de carga para coches eléctricos.",
                   "aparcamiento, parking, coche, carga"),
            "ar": ("هل يوجد موقف سيارات في الفندق؟",
                   "نعم، موقف السيارات بجوار المدخل الرئيسي مجاني للضيوف، وفيه أربع نقاط "
                   "لشحن السيارات الكهربائية.",
                   "موقف, موقف سيارات, سيارة, شحن"),
        },
    },
    {
        "kind": "faq", "category": "wellness",
        "texts": {
            "en": ("Do I need to bring towels to the pool or the lake?",
                   "No. Pool and beach towels are at the pool entrance; please leave them "
                   "in the basket there after use.",
                   "towel, towels, beach towel, lake"),
            "ko": ("수영장이나 호수에 수건을 가져가야 하나요?",
                   "아니요. 수영장 입구에 수영장·비치 타월이 준비되어 있습니다. 사용 후 그곳 "
                   "바구니에 넣어 주세요.",
                   "수건, 타월, 비치 타월, 호수"),
            "ja": ("プールや湖にタオルを持参する必要はありますか？",
                   "いいえ。プール入口にプール用・ビーチタオルがございます。"
                   "ご使用後は入口のかごにお戻しください。",
                   "タオル, ビーチタオル, 湖"),
            "zh": ("去泳池或湖边需要自带毛巾吗？",
                   "不需要。泳池入口备有泳池和沙滩毛巾，用后请放回那里的篮子。",
                   "毛巾, 浴巾, 沙滩巾, 湖"),
            "vi": ("Tôi có cần mang khăn ra hồ bơi hoặc hồ nước không?",
                   "Không. Khăn hồ bơi và khăn đi biển có sẵn ở lối vào hồ bơi; vui lòng để "
                   "lại vào giỏ sau khi dùng.",
                   "khăn, khăn tắm, hồ"),
            "ru": ("Нужно ли брать полотенца в бассейн или на озеро?",
                   "Нет. Полотенца для бассейна и пляжа лежат у входа в бассейн; после "
                   "использования оставьте их в корзине там же.",
                   "полотенце, полотенца, пляжное, озеро"),
            "de": ("Muss ich Handtücher ins Bad oder an den See mitbringen?",
                   "Nein. Bade- und Strandtücher liegen am Eingang des Schwimmbads; bitte "
                   "legen Sie sie nach Gebrauch dort in den Korb.",
                   "handtuch, handtücher, badetuch, strandtuch, see"),
            "fr": ("Dois-je apporter des serviettes à la piscine ou au lac ?",
                   "Non. Des serviettes de piscine et de plage sont à l'entrée de la piscine ; "
                   "déposez-les dans le panier après usage.",
                   "serviette, serviettes, lac, plage"),
            "es": ("¿Tengo que llevar toallas a la piscina o al lago?",
                   "No. Hay toallas de piscina y de playa en la entrada de la piscina; "
                   "déjelas en la cesta después de usarlas.",
                   "toalla, toallas, lago, playa"),
            "ar": ("هل أحتاج إلى إحضار مناشف إلى المسبح أو البحيرة؟",
                   "لا. مناشف المسبح والشاطئ متوفرة عند مدخل المسبح؛ يُرجى تركها في السلة "
                   "هناك بعد الاستعمال.",
                   "منشفة, مناشف, البحيرة, الشاطئ"),
        },
    },
    # ------------------------------------------------------------------ policies
    {
        "kind": "policy", "category": "wellness",
        "texts": {
            "en": ("Pool rules",
                   "Children under 12 swim with an adult in the water. Please shower before "
                   "swimming, no glass by the pool, and no diving in the shallow end.",
                   "pool rules, pool, children, diving, rules"),
            "ko": ("수영장 이용 규칙",
                   "만 12세 미만 어린이는 보호자와 함께 입수해야 합니다. 입수 전 샤워해 주시고, "
                   "수영장 주변에 유리 제품은 반입할 수 없으며 얕은 곳에서는 다이빙을 금합니다.",
                   "수영장 규칙, 수영장, 어린이, 다이빙"),
            "ja": ("プールのご利用規則",
                   "12歳未満のお子様は大人と一緒に入水してください。入水前にシャワーを浴び、"
                   "ガラス製品の持ち込みと浅い場所での飛び込みはご遠慮ください。",
                   "プール, 規則, ルール, 子ども, 飛び込み"),
            "zh": ("泳池规定",
                   "12岁以下儿童须有成人陪同下水。游泳前请淋浴，泳池边禁止玻璃制品，"
                   "浅水区禁止跳水。",
                   "泳池规定, 泳池, 儿童, 跳水"),
            "vi": ("Nội quy hồ bơi",
                   "Trẻ dưới 12 tuổi phải bơi cùng người lớn. Vui lòng tắm tráng trước khi "
                   "bơi, không mang đồ thủy tinh và không nhảy cắm đầu ở chỗ nông.",
                   "nội quy hồ bơi, hồ bơi, trẻ em, nhảy"),
            "ru": ("Правила бассейна",
                   "Дети до 12 лет плавают только со взрослым в воде. Примите душ перед "
                   "плаванием; стекло у бассейна запрещено, нырять на мелководье нельзя.",
                   "правила бассейна, бассейн, дети, нырять"),
            "de": ("Baderegeln",
                   "Kinder unter 12 Jahren schwimmen mit einem Erwachsenen im Wasser. Bitte "
                   "vor dem Schwimmen duschen, kein Glas am Becken, kein Springen im "
                   "Nichtschwimmerbereich.",
                   "baderegeln, schwimmbad, pool, kinder, springen"),
            "fr": ("Règlement de la piscine",
                   "Les enfants de moins de 12 ans nagent avec un adulte dans l'eau. Douche "
                   "obligatoire, pas de verre autour du bassin, pas de plongeon dans le petit "
                   "bain.",
                   "règlement piscine, piscine, enfants, plongeon"),
            "es": ("Normas de la piscina",
                   "Los menores de 12 años nadan con un adulto en el agua. Dúchese antes de "
                   "nadar; no se permite vidrio junto a la piscina ni tirarse en la zona poco "
                   "profunda.",
                   "normas piscina, piscina, niños, tirarse"),
            "ar": ("قواعد المسبح",
                   "يسبح الأطفال دون 12 سنة برفقة شخص بالغ في الماء. يُرجى الاستحمام قبل "
                   "السباحة، ويُمنع الزجاج حول المسبح والقفز في الجزء الضحل.",
                   "قواعد المسبح, المسبح, الأطفال, القفز"),
        },
    },
    {
        "kind": "policy", "category": "general",
        "texts": {
            "en": ("Cancelling booked services",
                   "You can cancel a booked service on \"My bookings\" free of charge until "
                   "its cut-off, usually 24 hours before it starts. Later cancellations and "
                   "no-shows are charged in full.",
                   "cancel, cancellation, refund, no-show"),
            "ko": ("예약한 서비스 취소",
                   "예약한 서비스는 마감 시간(보통 시작 24시간 전)까지 '내 예약'에서 무료로 "
                   "취소할 수 있습니다. 이후 취소나 노쇼는 전액 청구됩니다.",
                   "취소, 환불, 노쇼, 예약 취소"),
            "ja": ("予約したサービスのキャンセル",
                   "予約したサービスは締め切り（通常は開始24時間前）まで「マイ予約」から無料で"
                   "キャンセルできます。それ以降のキャンセルや無断不参加は全額請求となります。",
                   "キャンセル, 取消, 返金"),
            "zh": ("取消已预订的服务",
                   "在截止时间（通常为开始前24小时）之前，可在\"我的预订\"中免费取消。"
                   "之后取消或未到场将全额收费。",
                   "取消, 退款, 未到场"),
            "vi": ("Hủy dịch vụ đã đặt",
                   "Bạn có thể hủy miễn phí trong \"Đặt chỗ của tôi\" trước hạn chót, thường "
                   "là 24 giờ trước khi bắt đầu. Hủy muộn hoặc vắng mặt sẽ bị tính toàn bộ phí.",
                   "hủy, hoàn tiền, vắng mặt"),
            "ru": ("Отмена забронированных услуг",
                   "Отменить услугу можно бесплатно в разделе «Мои бронирования» до срока "
                   "отмены, обычно за 24 часа до начала. Поздняя отмена и неявка оплачиваются "
                   "полностью.",
                   "отмена, отменить, возврат, неявка"),
            "de": ("Stornierung gebuchter Leistungen",
                   "Sie können eine gebuchte Leistung unter „Meine Buchungen“ bis zur Frist, "
                   "meist 24 Stunden vor Beginn, kostenlos stornieren. Spätere Stornierungen "
                   "und Nichterscheinen werden voll berechnet.",
                   "stornieren, stornierung, absagen, erstattung"),
            "fr": ("Annulation des services réservés",
                   "Vous pouvez annuler gratuitement dans « Mes réservations » jusqu'au délai "
                   "limite, en général 24 heures avant le début. Au-delà, ou en cas "
                   "d'absence, le service est facturé en entier.",
                   "annuler, annulation, remboursement"),
            "es": ("Cancelación de servicios reservados",
                   "Puede cancelar gratis en «Mis reservas» hasta el plazo límite, normalmente "
                   "24 horas antes del inicio. Las cancelaciones tardías y las ausencias se "
                   "cobran íntegramente.",
                   "cancelar, cancelación, reembolso"),
            "ar": ("إلغاء الخدمات المحجوزة",
                   "يمكنك إلغاء الخدمة مجانًا من \"حجوزاتي\" حتى الموعد النهائي، وهو عادةً "
                   "قبل 24 ساعة من بدئها. يُحتسب الإلغاء المتأخر أو عدم الحضور بالكامل.",
                   "إلغاء, الإلغاء, استرداد"),
        },
    },
    {
        "kind": "policy", "category": "transport",
        "texts": {
            "en": ("Airport and station transfers",
                   "Request a transfer at least 24 hours ahead with your flight or train "
                   "number. The driver waits up to 60 minutes after landing at no extra cost.",
                   "transfer, airport, station, taxi, shuttle, pickup"),
            "ko": ("공항·기차역 픽업",
                   "픽업은 최소 24시간 전에 항공편 또는 열차 번호와 함께 신청해 주세요. 기사는 "
                   "도착 후 60분까지 추가 요금 없이 기다립니다.",
                   "픽업, 공항, 기차역, 택시, 셔틀, 이동"),
            "ja": ("空港・駅への送迎",
                   "送迎は便名または列車番号を添えて24時間前までにお申し込みください。"
                   "到着後60分まで追加料金なしでお待ちします。",
                   "送迎, 空港, 駅, タクシー, シャトル"),
            "zh": ("机场和车站接送",
                   "请至少提前24小时提交接送申请并提供航班号或车次。"
                   "司机在到达后免费等候最多60分钟。",
                   "接送, 机场, 车站, 出租车, 班车"),
            "vi": ("Đưa đón sân bay và nhà ga",
                   "Vui lòng yêu cầu đưa đón trước ít nhất 24 giờ kèm số hiệu chuyến bay "
                   "hoặc tàu. Tài xế chờ tối đa 60 phút sau khi hạ cánh, không tính thêm phí.",
                   "đưa đón, sân bay, nhà ga, taxi"),
            "ru": ("Трансфер из аэропорта и с вокзала",
                   "Закажите трансфер минимум за 24 часа, указав номер рейса или поезда. "
                   "Водитель бесплатно ждёт до 60 минут после прилёта.",
                   "трансфер, аэропорт, вокзал, такси"),
            "de": ("Transfers vom Flughafen und Bahnhof",
                   "Fragen Sie den Transfer mindestens 24 Stunden vorher mit Flug- oder "
                   "Zugnummer an. Der Fahrer wartet ohne Aufpreis bis zu 60 Minuten nach der "
                   "Landung.",
                   "transfer, flughafen, bahnhof, taxi, abholung"),
            "fr": ("Transferts aéroport et gare",
                   "Demandez le transfert au moins 24 heures à l'avance avec votre numéro de "
                   "vol ou de train. Le chauffeur attend jusqu'à 60 minutes sans frais.",
                   "transfert, aéroport, gare, taxi, navette"),
            "es": ("Traslados al aeropuerto y la estación",
                   "Solicite el traslado con al menos 24 horas de antelación e indique su "
                   "número de vuelo o tren. El conductor espera hasta 60 minutos sin coste.",
                   "traslado, aeropuerto, estación, taxi"),
            "ar": ("النقل من المطار ومحطة القطار",
                   "اطلب خدمة النقل قبل 24 ساعة على الأقل مع رقم الرحلة أو القطار. ينتظر "
                   "السائق حتى 60 دقيقة بعد الهبوط دون تكلفة إضافية.",
                   "النقل, المطار, المحطة, تاكسي"),
        },
    },
    {
        "kind": "policy", "category": "room",
        "texts": {
            "en": ("Pets",
                   "Well-behaved dogs are welcome in the ground-floor garden rooms for €15 "
                   "per night. Dogs stay on a lead in the garden and are not allowed at the "
                   "pool or in the restaurant.",
                   "pets, pet, dog, dogs, cat"),
            "ko": ("반려동물",
                   "얌전한 반려견은 1층 가든룸에서 1박 15유로에 함께 투숙할 수 있습니다. 정원에서는 "
                   "목줄을 해 주시고, 수영장과 레스토랑에는 출입할 수 없습니다.",
                   "반려동물, 반려견, 강아지, 개, 고양이"),
            "ja": ("ペット",
                   "しつけの良い犬は1階のガーデンルームで1泊15ユーロでお泊まりいただけます。"
                   "庭ではリードをつけ、プールとレストランには入れません。",
                   "ペット, 犬, 猫"),
            "zh": ("宠物",
                   "一楼花园房欢迎温顺的狗入住，每晚15欧元。狗在花园中须系牵引绳，"
                   "不得进入泳池和餐厅。",
                   "宠物, 狗, 猫"),
            "vi": ("Thú cưng",
                   "Chó ngoan được chào đón ở các phòng sân vườn tầng trệt với giá 15 € mỗi "
                   "đêm. Chó phải đeo dây trong vườn và không được vào hồ bơi hay nhà hàng.",
                   "thú cưng, chó, mèo"),
            "ru": ("Домашние животные",
                   "Воспитанные собаки могут жить в садовых номерах на первом этаже за 15 € "
                   "в сутки. В саду — на поводке; в бассейн и ресторан с собаками нельзя.",
                   "животные, собака, собаки, кошка"),
            "de": ("Haustiere",
                   "Gut erzogene Hunde sind in den Gartenzimmern im Erdgeschoss für 15 € pro "
                   "Nacht willkommen. Im Garten an der Leine; Schwimmbad und Restaurant sind "
                   "für Hunde tabu.",
                   "haustiere, haustier, hund, hunde, katze"),
            "fr": ("Animaux",
                   "Les chiens bien élevés sont les bienvenus dans les chambres jardin du "
                   "rez-de-chaussée pour 15 € par nuit, en laisse dans le jardin, mais pas à "
                   "la piscine ni au restaurant.",
                   "animaux, animal, chien, chiens, chat"),
            "es": ("Mascotas",
                   "Los perros educados son bienvenidos en las habitaciones jardín de la "
                   "planta baja por 15 € la noche. Con correa en el jardín; no pueden entrar "
                   "en la piscina ni en el restaurante.",
                   "mascotas, mascota, perro, perros, gato"),
            "ar": ("الحيوانات الأليفة",
                   "نرحّب بالكلاب المهذّبة في غرف الحديقة بالطابق الأرضي مقابل 15 يورو لليلة. "
                   "تبقى الكلاب مربوطة في الحديقة ولا يُسمح بها في المسبح أو المطعم.",
                   "حيوانات أليفة, كلب, الكلاب, قطة"),
        },
    },
]
