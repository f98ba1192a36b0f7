"""Demo ticket categories, FAQ and policies, and a few guests' tickets; loading it again
changes nothing.
"""

from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select

from hotel.clock import hotel_now, local_to_utc
from hotel.demo.feedback_faq import FAQ_ENTRIES
from hotel.extensions import db
from hotel.models import (
    Department,
    FaqEntry,
    FaqKind,
    FaqText,
    StaffUser,
    Stay,
    Ticket,
    TicketCategory,
    TicketCategoryText,
    TicketKind,
    TicketNote,
    TicketState,
)

TICKET_CATEGORIES = [
    {"slug": "general", "department": "reception", "response_hours": 4,
     "names": {"en": "General question", "ko": "일반 문의", "ja": "一般的なお問い合わせ",
               "zh": "一般咨询", "vi": "Câu hỏi chung", "ru": "Общий вопрос",
               "de": "Allgemeine Frage", "fr": "Question générale", "es": "Consulta general",
               "ar": "سؤال عام"}},
    {"slug": "room", "department": "housekeeping", "response_hours": 2,
     "names": {"en": "Room and housekeeping", "ko": "객실·하우스키핑", "ja": "客室・清掃",
               "zh": "客房与清洁", "vi": "Phòng và buồng phòng", "ru": "Номер и уборка",
               "de": "Zimmer und Housekeeping", "fr": "Chambre et ménage",
               "es": "Habitación y limpieza", "ar": "الغرفة والتنظيف"}},
    {"slug": "kids", "department": "kids-club", "response_hours": 4,
     "names": {"en": "Kids club and children", "ko": "키즈 클럽·어린이", "ja": "キッズクラブ・お子様",
               "zh": "儿童俱乐部与儿童", "vi": "Câu lạc bộ trẻ em", "ru": "Детский клуб и дети",
               "de": "Kinderclub und Kinder", "fr": "Club enfants", "es": "Club infantil y niños",
               "ar": "نادي الأطفال والأطفال"}},
    {"slug": "food", "department": "restaurant", "response_hours": 6,
     "names": {"en": "Restaurant and food", "ko": "레스토랑·식사", "ja": "レストラン・お食事",
               "zh": "餐厅与餐饮", "vi": "Nhà hàng và ăn uống", "ru": "Ресторан и питание",
               "de": "Restaurant und Essen", "fr": "Restaurant et repas",
               "es": "Restaurante y comida", "ar": "المطعم والطعام"}},
    {"slug": "transport", "department": "transport", "response_hours": 8,
     "names": {"en": "Transfers and transport", "ko": "픽업·교통", "ja": "送迎・交通",
               "zh": "接送与交通", "vi": "Đưa đón và đi lại", "ru": "Трансфер и транспорт",
               "de": "Transfers und Transport", "fr": "Transferts et transport",
               "es": "Traslados y transporte", "ar": "النقل والمواصلات"}},
    {"slug": "wellness", "department": "wellness", "response_hours": 4,
     "names": {"en": "Pool, sauna and wellness", "ko": "수영장·사우나·웰니스",
               "ja": "プール・サウナ・ウェルネス", "zh": "泳池、桑拿与水疗",
               "vi": "Hồ bơi, xông hơi và spa", "ru": "Бассейн, сауна и спа",
               "de": "Schwimmbad, Sauna und Wellness", "fr": "Piscine, sauna et bien-être",
               "es": "Piscina, sauna y bienestar", "ar": "المسبح والساونا والعافية"}},
]

# Fixed tracking numbers, so that loading again finds them; hours are before now.
DEMO_TICKETS = [
    {"number": "T-DEM2", "stay": "LP24017", "category": "room", "kind": "complaint",
     "language": "ko", "text": "객실 샤워기에서 찬물만 나와요. 아이들을 씻겨야 해서 급합니다.",
     "hours_ago": 5, "state": "new"},
    {"number": "T-DEM3", "stay": "LP24023", "category": "kids", "kind": "request",
     "language": "de", "text": "Kann Lena (9) morgen eine halbe Stunde früher in den "
     "Kinderclub kommen? Wir haben um 9 Uhr einen Ausflug.",
     "hours_ago": 1, "state": "in_progress", "note": "Asked the kids club team."},
    {"number": "T-DEM4", "stay": "LP24031", "category": "food", "kind": "question",
     "language": "en", "text": "Does the restaurant have gluten-free bread for breakfast?",
     "hours_ago": 20, "state": "answered", "answered_after": 2,
     "answer": "Yes: ask the breakfast team and they bring it fresh from the kitchen."},
    {"number": "T-DEM5", "stay": "LP23981", "category": "room", "kind": "complaint",
     "language": "fr", "text": "Le climatiseur de la chambre fait beaucoup de bruit la nuit.",
     "hours_ago": 40, "state": "closed", "answered_after": 1, "satisfaction": 4,
     "answer": "Nous avons réparé le climatiseur ce matin. Merci de votre patience !",
     "satisfaction_comment": "Réparé vite, merci."},
]


def _load_categories() -> dict[str, TicketCategory]:
    departments = {d.slug: d for d in db.session.scalars(select(Department))}
    categories = {c.slug: c for c in db.session.scalars(select(TicketCategory))}
    for position, spec in enumerate(TICKET_CATEGORIES):
        category = categories.get(spec["slug"])
        if category is None:
            category = TicketCategory(slug=spec["slug"])
            db.session.add(category)
            categories[spec["slug"]] = category
        category.department = departments[spec["department"]]
        category.response_hours = spec["response_hours"]
        category.position = position
        current = {t.locale: t for t in category.texts}
        for locale, name in spec["names"].items():
            if locale in current:
                current[locale].name = name
            else:
                category.texts.append(TicketCategoryText(locale=locale, name=name))
    db.session.flush()
    return categories


def _load_faq(categories: dict[str, TicketCategory]) -> None:
    # An entry is known by its English question.
    known = {text.name: text.entry for text in db.session.scalars(
        select(FaqText).where(FaqText.locale == "en"))}
    for position, spec in enumerate(FAQ_ENTRIES):
        entry = known.get(spec["texts"]["en"][0])
        if entry is None:
            entry = FaqEntry()
            db.session.add(entry)
        entry.kind = FaqKind(spec["kind"])
        entry.category = categories.get(spec["category"])
        entry.position = position
        entry.active = True
        current = {t.locale: t for t in entry.texts}
        for locale, (question, answer, keywords) in spec["texts"].items():
            text = current.get(locale)
            if text is None:
                entry.texts.append(FaqText(locale=locale, name=question, description=answer,
                                           keywords=keywords))
            else:
                text.name, text.description, text.keywords = question, answer, keywords


def _load_tickets(categories: dict[str, TicketCategory], today: date) -> None:
    numbers = [spec["number"] for spec in DEMO_TICKETS]
    existing = set(db.session.scalars(select(Ticket.number).where(Ticket.number.in_(numbers))))
    stays = {s.reference: s for s in db.session.scalars(
        select(Stay).where(Stay.reference.in_([spec["stay"] for spec in DEMO_TICKETS])))}
    reception = db.session.scalar(select(StaffUser).where(StaffUser.username == "reception"))
    # Times count back from this moment of ``today`` at the hotel: the first one is overdue.
    now = local_to_utc(today, hotel_now().time().replace(tzinfo=None)).astimezone(UTC)
    for spec in DEMO_TICKETS:
        stay = stays.get(spec["stay"])
        if spec["number"] in existing or stay is None:
            continue
        category = categories[spec["category"]]
        created = now - timedelta(hours=spec["hours_ago"])
        ticket = Ticket(
            number=spec["number"], stay=stay, kind=TicketKind(spec["kind"]),
            category=category, department_id=category.department.id, text=spec["text"],
            language=spec["language"], state=TicketState(spec["state"]), created_at=created,
            due_at=created + timedelta(hours=category.response_hours))
        _handled(ticket, spec, reception, created)
        db.session.add(ticket)


def _handled(ticket: Ticket, spec: dict, reception: StaffUser | None,
             created: datetime) -> None:
    """Fill in the answer, closing, rating and note a demo ticket has had."""
    if "answered_after" in spec:
        ticket.answered_at = created + timedelta(hours=spec["answered_after"])
        ticket.answer, ticket.answer_language = spec["answer"], spec["language"]
        ticket.answered_by = reception
    if spec["state"] == "closed":
        ticket.closed_at = ticket.answered_at + timedelta(hours=1)
        ticket.satisfaction = spec.get("satisfaction")
        ticket.satisfaction_comment = spec.get("satisfaction_comment", "")
    if spec.get("note") and reception is not None:
        ticket.notes.append(TicketNote(staff=reception, text=spec["note"],
                                       created_at=created + timedelta(minutes=20)))


def load_demo_feedback(today: date) -> int:
    """Create or update the demo ticket categories, FAQ and policies, and add the demo
    tickets that are not there yet; return the number of FAQ entries. The caller commits.
    """
    categories = _load_categories()
    _load_faq(categories)
    _load_tickets(categories, today)
    db.session.flush()
    return len(FAQ_ENTRIES)
