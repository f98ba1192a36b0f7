"""Tickets: FAQ matching, routing, state changes, response times, satisfaction."""

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from hotel.models import AuditEntry, FaqKind, Role, Ticket, TicketState
from hotel.services import faq, tickets
from hotel.services import today as today_service
from hotel.services.errors import DomainError, NotAllowed
from tests.factories import (
    make_booking_item,
    make_department,
    make_faq_entry,
    make_service,
    make_staff,
    make_stay,
    make_ticket_category,
)

VIENNA = ZoneInfo("Europe/Vienna")


@pytest.fixture
def faqs(db):
    """The pool's opening hours and the breakfast times, in English and Korean."""
    pool = make_faq_entry({
        "en": ("When is the pool open?", "The pool is open from 7:00 to 21:00.",
               "pool, swimming, swim"),
        "ko": ("수영장은 언제 여나요?", "수영장은 7시부터 21시까지 엽니다.", "수영장, 수영"),
    }, position=1)
    breakfast = make_faq_entry({
        "en": ("When is breakfast served?", "Breakfast is served from 7:00 to 10:30.",
               "breakfast, morning meal"),
    }, position=2)
    hidden = make_faq_entry({"en": ("Pool parties?", "No.", "pool")}, active=False)
    return {"pool": pool, "breakfast": breakfast, "hidden": hidden}


# ------------------------------------------------------------------ FAQ matching


def test_a_question_about_pool_hours_finds_the_pool_entry(faqs):
    matches = faq.match_faq("What are the pool hours?", "en")
    assert [m.entry for m in matches] == [faqs["pool"]]


def test_plural_and_capitals_still_match(faqs):
    assert [m.entry for m in faq.match_faq("POOLS open late?", "en")] == [faqs["pool"]]


def test_korean_text_finds_the_korean_entry(faqs):
    matches = faq.match_faq("수영장은 몇 시에 문을 열어요?", "ko")
    assert [m.entry for m in matches] == [faqs["pool"]]
    assert matches[0].entry.text("ko").description.startswith("수영장은 7시")


def test_the_default_language_is_searched_too(faqs):
    # A German guest writing an English word still finds the English entry.
    assert [m.entry for m in faq.match_faq("Frühstück? breakfast?", "de")] == [
        faqs["breakfast"]]


def test_unrelated_text_finds_nothing(faqs):
    assert faq.match_faq("The shower in room 204 is cold.", "en") == []
    assert faq.match_faq("", "en") == []


def test_inactive_entries_are_never_shown(faqs):
    assert faqs["hidden"] not in [m.entry for m in faq.match_faq("pool", "en")]


def test_scoring_counts_keywords_more_than_question_words():
    assert faq.score_text("pool", "When is the pool open?", "pool") == 4
    assert faq.score_text("when open", "When is the pool open?", "pool") == 1
    assert faq.score_text("the is when", "When is the pool open?", "") == 0
    assert faq.score_text("late checkout please", "Checking out", "late checkout") == 3


# ------------------------------------------------------------------ routing


@pytest.fixture
def world(db):
    wellness = make_department("wellness", "Wellness")
    housekeeping = make_department("housekeeping", "Housekeeping")
    kids = make_department("kids-club", "Kids club")
    pool_category = make_ticket_category("pool", "Pool", wellness, response_hours=4)
    room_category = make_ticket_category("room", "Room", housekeeping, response_hours=2)
    club = make_service("kids-club", department=kids)
    stay = make_stay("LP70001", children=[6])
    return {"wellness": wellness, "housekeeping": housekeeping, "kids": kids,
            "pool": pool_category, "room": room_category, "club": club, "stay": stay,
            "reception": make_staff("desk7", Role.RECEPTION),
            "kids_staff": make_staff("kids7", Role.STAFF, kids),
            "wellness_staff": make_staff("spa7", Role.STAFF, wellness)}


def _ticket(world, **fields) -> Ticket:
    values = {"kind": "complaint", "category_id": world["room"].id,
              "text": "The shower is cold.", "language": "en",
              "now": datetime(2026, 7, 1, 8, 0, tzinfo=UTC)}
    values.update(fields)
    return tickets.create_ticket(world["stay"], **values)


def test_a_ticket_goes_to_the_categorys_department_with_its_target(world):
    ticket = _ticket(world)
    assert ticket.department_id == world["housekeeping"].id
    assert ticket.state == TicketState.NEW
    assert ticket.due_at == datetime(2026, 7, 1, 10, 0, tzinfo=UTC)
    assert ticket.number.startswith("T-") and len(ticket.number) == 6


def test_a_ticket_about_a_booking_goes_to_the_services_department(world, db):
    item = make_booking_item(world["stay"], world["club"], start_on=date(2026, 7, 2))
    ticket = _ticket(world, booking_item_id=item.id)
    assert ticket.department_id == world["kids"].id
    assert ticket.booking_item_id == item.id


def test_another_guests_booking_is_refused(world, db):
    other = make_stay("LP70002")
    item = make_booking_item(other, world["club"], start_on=date(2026, 7, 2))
    with pytest.raises(DomainError) as error:
        _ticket(world, booking_item_id=item.id)
    assert error.value.field == "booking_item"
    assert db.session.query(Ticket).count() == 0


@pytest.mark.parametrize(("fields", "field"), [
    ({"kind": "praise"}, "kind"),
    ({"category_id": 999999}, "category"),
    ({"text": "   "}, "text"),
    ({"text": "x" * 4001}, "text"),
])
def test_bad_input_is_refused_with_the_field(world, db, fields, field):
    with pytest.raises(DomainError) as error:
        _ticket(world, **fields)
    assert error.value.field == field
    assert db.session.query(Ticket).count() == 0


def test_tracking_numbers_differ(world):
    numbers = {_ticket(world).number for _ in range(20)}
    assert len(numbers) == 20


def test_a_tracking_number_taken_at_the_same_moment_is_drawn_again(world, db, monkeypatch):
    first = _ticket(world)
    # As if another process had just taken the number this one drew.
    drawn = iter([first.number, first.number, "T-ZZZZ"])
    monkeypatch.setattr(tickets, "_new_number", lambda: next(drawn))
    assert _ticket(world).number == "T-ZZZZ"
    monkeypatch.setattr(tickets, "_new_number", lambda: first.number)
    with pytest.raises(DomainError):
        _ticket(world)
    assert db.session.query(Ticket).count() == 2


def test_creating_writes_an_audit_entry_for_the_guest(world, db):
    ticket = _ticket(world)
    entry = db.session.query(AuditEntry).filter_by(action="ticket.created").one()
    assert entry.object_id == str(ticket.id) and entry.stay_id == world["stay"].id


# ------------------------------------------------------------------ states


def test_the_normal_path_new_in_progress_answered_closed(world, db):
    ticket = _ticket(world)
    staff = world["reception"]
    tickets.change_state(ticket, "in_progress", staff)
    answered_at = datetime(2026, 7, 1, 9, 30, tzinfo=UTC)
    tickets.answer_ticket(ticket, "We sent a plumber.", "en", staff, now=answered_at)
    assert (ticket.state, ticket.answered_at, ticket.answered_by_id) == (
        TicketState.ANSWERED, answered_at, staff.id)
    tickets.change_state(ticket, "closed", staff, now=answered_at + timedelta(hours=1))
    assert ticket.state == TicketState.CLOSED
    assert ticket.closed_at == answered_at + timedelta(hours=1)
    actions = [e.action for e in db.session.query(AuditEntry).order_by(AuditEntry.id)]
    assert actions == ["ticket.created", "ticket.state", "ticket.answered", "ticket.state"]


def test_an_answered_ticket_can_be_reopened_and_keeps_its_first_answer_time(world):
    ticket = _ticket(world)
    first = datetime(2026, 7, 1, 9, 0, tzinfo=UTC)
    tickets.answer_ticket(ticket, "Done.", "en", world["reception"], now=first)
    tickets.change_state(ticket, "in_progress", world["reception"])
    assert ticket.state == TicketState.IN_PROGRESS
    tickets.answer_ticket(ticket, "Really done.", "en", world["reception"],
                          now=first + timedelta(hours=2))
    assert ticket.answered_at == first and ticket.answer == "Really done."


@pytest.mark.parametrize(("path", "refused"), [
    ([], "closed"),                       # closing before any answer
    ([], "answered"),                     # answering goes through answer_ticket
    (["in_progress"], "new"),             # no way back to new
    (["answer", "closed"], "in_progress"),  # closed is final
])
def test_refused_state_changes(world, db, path, refused):
    ticket = _ticket(world)
    for step in path:
        if step == "answer":
            tickets.answer_ticket(ticket, "Done.", "en", world["reception"])
        else:
            tickets.change_state(ticket, step, world["reception"])
    before = ticket.state
    with pytest.raises(NotAllowed):
        tickets.change_state(ticket, refused, world["reception"])
    db.session.refresh(ticket)
    assert ticket.state == before


def test_a_closed_ticket_cannot_be_answered_or_reassigned(world):
    ticket = _ticket(world)
    tickets.answer_ticket(ticket, "Done.", "en", world["reception"])
    tickets.change_state(ticket, "closed", world["reception"])
    with pytest.raises(NotAllowed):
        tickets.answer_ticket(ticket, "Again.", "en", world["reception"])
    with pytest.raises(NotAllowed):
        tickets.reassign_ticket(ticket, world["pool"].id, None, world["reception"])


def test_staff_of_another_department_may_not_act(world):
    ticket = _ticket(world)
    with pytest.raises(NotAllowed):
        tickets.change_state(ticket, "in_progress", world["kids_staff"])
    with pytest.raises(NotAllowed):
        tickets.add_note(ticket, "Mine now.", world["kids_staff"])


def test_reassigning_moves_department_and_target(world, db):
    ticket = _ticket(world)
    tickets.reassign_ticket(ticket, world["pool"].id, None, world["reception"])
    assert ticket.department_id == world["wellness"].id
    assert ticket.due_at == ticket.created_at + timedelta(hours=4)
    tickets.reassign_ticket(ticket, world["pool"].id, world["kids"].id, world["reception"])
    assert ticket.department_id == world["kids"].id
    assert db.session.query(AuditEntry).filter_by(action="ticket.reassigned").count() == 2


def test_notes_are_kept_in_order(world):
    ticket = _ticket(world)
    tickets.add_note(ticket, "Called the plumber.", world["reception"])
    tickets.add_note(ticket, "Plumber comes at 10.", world["reception"])
    assert [n.text for n in ticket.notes] == ["Called the plumber.", "Plumber comes at 10."]
    with pytest.raises(DomainError):
        tickets.add_note(ticket, " ", world["reception"])


# ------------------------------------------------------------------ times


def test_response_time_is_elapsed_time_across_the_clock_change(world):
    # Vienna springs forward at 02:00 on 29 March 2026: 01:30 to 03:30 on the wall clock
    # is one hour of waiting, not two.
    created = datetime(2026, 3, 29, 1, 30, tzinfo=VIENNA)
    ticket = _ticket(world, now=created)
    tickets.answer_ticket(ticket, "Done.", "en", world["reception"],
                          now=datetime(2026, 3, 29, 3, 30, tzinfo=VIENNA))
    assert tickets.response_time(ticket) == timedelta(hours=1)
    assert ticket.due_at.astimezone(VIENNA) == datetime(2026, 3, 29, 4, 30, tzinfo=VIENNA)


def test_no_response_time_before_an_answer(world):
    assert tickets.response_time(_ticket(world)) is None


def test_overdue_is_an_open_ticket_past_its_target(world):
    created = datetime(2026, 7, 1, 22, 0, tzinfo=VIENNA)  # answer due at midnight
    ticket = _ticket(world, now=created)
    assert not tickets.is_overdue(ticket, datetime(2026, 7, 1, 23, 59, tzinfo=VIENNA))
    assert tickets.is_overdue(ticket, datetime(2026, 7, 2, 0, 1, tzinfo=VIENNA))
    tickets.answer_ticket(ticket, "Done.", "en", world["reception"],
                          now=datetime(2026, 7, 2, 1, 0, tzinfo=VIENNA))
    assert not tickets.is_overdue(ticket, datetime(2026, 7, 2, 2, 0, tzinfo=VIENNA))


def test_the_today_page_query_finds_overdue_tickets_of_a_department(world):
    now = datetime(2026, 7, 1, 12, 0, tzinfo=UTC)
    late = _ticket(world, now=now - timedelta(hours=3))           # room: 2 h target
    _ticket(world, now=now - timedelta(hours=1))                  # still in time
    pool = _ticket(world, category_id=world["pool"].id, now=now - timedelta(hours=6))
    answered = _ticket(world, now=now - timedelta(hours=9))
    tickets.answer_ticket(answered, "Done.", "en", world["reception"], now=now)
    assert today_service.overdue_tickets(None, now) == [pool, late]
    assert today_service.overdue_tickets(world["housekeeping"].id, now) == [late]


# ------------------------------------------------------------------ satisfaction


def _closed(world) -> Ticket:
    ticket = _ticket(world)
    tickets.answer_ticket(ticket, "Done.", "en", world["reception"])
    tickets.change_state(ticket, "closed", world["reception"])
    return ticket


def test_the_guest_rates_a_closed_ticket_once(world):
    ticket = _closed(world)
    tickets.rate_handling(ticket, world["stay"], "4", "Quick, thank you.")
    assert (ticket.satisfaction, ticket.satisfaction_comment) == (4, "Quick, thank you.")
    with pytest.raises(NotAllowed):
        tickets.rate_handling(ticket, world["stay"], 5)
    assert ticket.satisfaction == 4


def test_no_rating_before_closing(world):
    ticket = _ticket(world)
    tickets.answer_ticket(ticket, "Done.", "en", world["reception"])
    with pytest.raises(NotAllowed):
        tickets.rate_handling(ticket, world["stay"], 5)
    assert ticket.satisfaction is None


@pytest.mark.parametrize("score", [0, 6, "x", None])
def test_ratings_are_from_1_to_5(world, score):
    ticket = _closed(world)
    with pytest.raises(DomainError) as error:
        tickets.rate_handling(ticket, world["stay"], score)
    assert error.value.field == "score"


def test_only_the_guest_who_sent_it_may_rate(world):
    ticket = _closed(world)
    with pytest.raises(NotAllowed):
        tickets.rate_handling(ticket, make_stay("LP70009"), 5)


# ------------------------------------------------------------------ FAQ editing


def test_a_manager_writes_an_entry_in_two_languages(world, db):
    manager = make_staff("boss7", Role.MANAGER)
    entry = faq.save_faq_entry(None, {
        "kind": "policy", "position": 3, "active": True, "category_id": world["pool"].id,
        "texts": {"en": {"name": "Pets", "description": "Dogs are welcome.",
                         "keywords": "dog,  pets ,"},
                  "ko": {"name": "반려동물", "description": "반려견 동반 가능합니다.",
                         "keywords": "강아지"}}}, manager)
    assert entry.kind == FaqKind.POLICY and entry.category_id == world["pool"].id
    assert entry.text("en").keywords == "dog, pets"
    assert entry.text("ko").name == "반려동물"
    assert db.session.query(AuditEntry).filter_by(action="faq.created").count() == 1


@pytest.mark.parametrize(("texts", "field"), [
    ({"ko": {"name": "반려동물", "description": "네"}}, "name_en"),
    ({"en": {"name": "Pets", "description": ""}}, "description_en"),
    ({"en": {"name": "Pets", "description": "Yes"},
      "de": {"name": "", "description": "Ja"}}, "name_de"),
])
def test_bad_faq_texts_are_refused(world, texts, field):
    with pytest.raises(DomainError) as error:
        faq.save_faq_entry(None, {"texts": texts}, world["reception"])
    assert error.value.field == field


def test_a_category_is_saved_and_its_slug_kept_unique(world):
    manager = make_staff("boss8", Role.MANAGER)
    category = faq.save_ticket_category(None, {
        "slug": "noise", "department_id": world["housekeeping"].id, "response_hours": 1,
        "texts": {"en": "Noise", "ko": "소음"}}, manager)
    assert category.text("ko").name == "소음" and category.response_hours == 1
    with pytest.raises(DomainError) as error:
        faq.save_ticket_category(None, {
            "slug": "noise", "department_id": world["housekeeping"].id,
            "response_hours": 1, "texts": {"en": "Noise"}}, manager)
    assert error.value.field == "slug"
    with pytest.raises(DomainError) as error:
        faq.save_ticket_category(category, {
            "slug": "noise", "department_id": world["housekeeping"].id,
            "response_hours": 0, "texts": {"en": "Noise"}}, manager)
    assert error.value.field == "response_hours"


# ------------------------------------------------------------------ demo data


def test_demo_feedback_is_complete_in_every_language_and_loads_twice_the_same(app, db):
    from hotel.demo.feedback import load_demo_feedback, ticket_categories
    from hotel.models import FaqEntry, TicketCategory

    for slug in {spec["department"] for spec in ticket_categories()}:
        make_department(slug, slug)
    for _ in range(2):
        load_demo_feedback(datetime.now(UTC).date())
        db.session.commit()
    entries = db.session.query(FaqEntry).all()
    assert len(entries) >= 14
    assert sum(entry.kind == FaqKind.POLICY for entry in entries) == 4
    languages = list(app.config["LANGUAGES"])
    for entry in entries:
        assert entry.missing_locales(languages) == []
        assert all(text.keywords and text.description for text in entry.texts)
    for category in db.session.query(TicketCategory):
        assert category.missing_locales(languages) == []
