"""Hypothesis over every page form: whatever is sent, no 5xx; a refusal says why, writes nothing.

The forms are read from the pages as each person who reaches them gets them: nobody signed
in (the sign-in pages), a guest, a member of a department's staff, reception and a
manager; a crawl over each person's pages checks that no form is left out. Each example
sends one form back with some of its fields bent: any text, control characters, NUL, very
long strings, numbers no column holds, NaN, infinities, dates out of range, ids of other
objects or of none, a field repeated or left out. The answer must not be a 5xx; a 4xx,
or a POST answered by the form shown again, must carry a message; and after a 4xx the
database must be as it was.
"""

import csv
import io
import re
from collections import deque
from dataclasses import dataclass
from datetime import time, timedelta
from io import BytesIO
from urllib.parse import urlencode

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import select, text
from werkzeug.datastructures import MultiDict
from werkzeug.exceptions import HTTPException

from config import LANGUAGES
from hotel.clock import hotel_today
from hotel.models import ItemState, Kind, PricingUnit, RentalUnit, Role, TicketState
from hotel.models.types import utcnow
from tests.conftest import empty_database, record_cases
from tests.factories import (
    add_slot,
    check_in_all,
    make_booking_item,
    make_department,
    make_faq_entry,
    make_hand_out,
    make_out_of_service,
    make_package,
    make_rule,
    make_service,
    make_slot,
    make_staff,
    make_stay,
    make_ticket,
    make_ticket_category,
)
from tests.helpers import snapshot
from tests.page_forms import forms_on, links_on, messages_on

PERSONAS = {"anonymous": None, "guest": None, "staff": "kids", "reception": "desk",
            "manager": "boss"}
START_PAGES = {"anonymous": ["/", "/sign-in", "/desk/login"],
               "guest": ["/", "/basket", "/my-bookings", "/help", "/help/tickets"],
               "staff": ["/desk/"], "reception": ["/desk/", "/desk/book?q=LP20001"],
               "manager": ["/desk/", "/desk/book?q=LP20001"]}
# Links the crawl does not follow: downloads, another language, signing in again.
NOT_CRAWLED = (".csv", ".ics", "/static/", "lang=", "next=")
PAGES_PER_ENDPOINT = 3


def build_world(db) -> dict:
    """Make a hotel with every kind of object a form can be about, and a second guest's."""
    today = hotel_today()
    kids = make_department("kids-club", "Kids club")
    transport = make_department("transport", "Transport")
    club = make_service("kids-club", department=kids, min_age=4, max_age=12, cutoff_hours=0,
                        age_bands=[(4, 11, "7.50")])
    crib = make_service("crib", kind=Kind.RENTAL, pricing_unit=PricingUnit.PER_UNIT_NIGHT,
                        stock=3, max_quantity=2, department=kids)
    transfer = make_service("transfer", kind=Kind.ON_REQUEST, department=transport,
                            pricing_unit=PricingUnit.PER_BOOKING, requires_approval=True,
                            request_fields=["pickup_place", "passengers", "flight_number"])
    sitting = make_service("babysitting", kind=Kind.ON_REQUEST, department=kids,
                           pricing_unit=PricingUnit.PER_PERSON_DAY, requires_approval=True,
                           max_age=12, request_fields=["hours"])
    slot = make_slot(club, utcnow() + timedelta(days=2), capacity=5)
    make_rule(club, today)
    stay = make_stay("LP20001", arrival_on=today, children=[6, 9])
    other = make_stay("LP20002", last_name="Brown", arrival_on=today, children=[5])
    check_in_all(make_booking_item(other, club, slot=slot, participants=other.children[:1]))
    make_booking_item(stay, club, slot=slot, participants=stay.children[:1])
    # Several of each thing a form takes away (a slot closed, an item cancelled, a period
    # ended, a request answered), so that the examples seldom run out of them.
    for days in range(1, 5):
        open_slot = add_slot(club, today + timedelta(days=days), capacity=8)
        add_slot(club, today + timedelta(days=days), time(15, 0), closed=True)
        add_slot(club, today + timedelta(days=days), time(17, 0), capacity=8)  # nobody booked:
        # closed from its row (a booked slot is closed from its closure page)
        make_out_of_service(crib, today + timedelta(days=days))
        booked = make_booking_item(stay, club, slot=open_slot, participants=stay.children)
        make_booking_item(stay, transfer if days % 2 else sitting, state=ItemState.REQUESTED,
                          starts_at=utcnow() + timedelta(days=days),
                          start_on=today + timedelta(days=days),
                          participants=[] if days % 2 else stay.children,
                          details={"pickup_place": "Airport", "passengers": 2} if days % 2
                          else {"hours": 3})
    done = make_booking_item(stay, club, state=ItemState.COMPLETED, start_on=today,
                             participants=stay.children)
    # A crib to hand out, one handed out, and a unit being repaired.
    to_hand_out = make_booking_item(stay, crib, start_on=today, end_on=today + timedelta(1),
                                    quantity=2, participants=[])
    handed = make_booking_item(other, crib, start_on=today, end_on=today, quantity=1,
                               participants=[])
    make_hand_out(handed, unit_number=1)
    make_out_of_service(crib, today, today + timedelta(days=30)).unit_id = db.session.scalar(
        select(RentalUnit.id).where(RentalUnit.service_id == crib.id, RentalUnit.number == 3))
    category = make_ticket_category("room", department=kids)
    open_ticket = make_ticket(stay, category)
    closed = make_ticket(stay, category, state=TicketState.CLOSED, answered_at=utcnow())
    make_ticket(other, category)
    entry = make_faq_entry({"en": ("Is there a crib?", "Yes.", "crib")}, category=category)
    make_package([club, crib], slug="family")
    staff = make_staff("kids", Role.STAFF, kids)
    make_staff("driver", Role.STAFF, transport)
    make_staff("desk", Role.RECEPTION)
    make_staff("boss", Role.MANAGER)
    db.session.commit()
    return {"stay": stay, "slot": slot, "paths": {
        "reference": stay.reference, "open_ticket": open_ticket.number,
        "closed_ticket": closed.number, "completed_item": done.id, "faq_entry": entry.id,
        "category": category.id, "staff": staff.id, "slot": slot.id,
        "rental_item": to_hand_out.id, "handed_item": handed.id, "booked_item": booked.id}}


@pytest.fixture
def world(db):
    """The hotel of ``build_world``."""
    return build_world(db)


def sign_in(client, auth, world, persona: str) -> None:
    """Sign the persona in; a guest also gets a line of each kind in the basket."""
    if persona == "guest":
        auth.guest_login(world["stay"])
        fill_basket(client, world)
    elif PERSONAS[persona]:
        auth.staff_login(username=PERSONAS[persona])


def fill_basket(client, world) -> None:
    """Put an activity, a rental and a request in the guest's basket."""
    today = hotel_today()
    line = {"quantity": 1, "slot_id": None, "start_on": None, "end_on": None,
            "starts_at": None, "participants": [], "details": {}, "note": ""}
    children = [member.id for member in world["stay"].children]
    with client.session_transaction() as session:
        session["basket"] = [
            {**line, "service": "kids-club", "slot_id": world["slot"].id,
             "participants": children[:1]},
            {**line, "service": "crib", "start_on": str(today), "end_on": str(today)},
            {**line, "service": "transfer",
             "starts_at": (utcnow() + timedelta(days=2)).isoformat(),
             "details": {"pickup_place": "Airport", "passengers": 2}}]


def endpoint_of(app, form) -> str:
    """Return the endpoint a form is sent to."""
    adapter = app.url_map.bind("localhost")
    return adapter.match(form.action.split("?")[0], method=form.method.upper())[0]


def endpoint_at(app, path: str) -> str | None:
    """Return the endpoint a GET of the path reaches, or None if it reaches none."""
    try:
        return app.url_map.bind("localhost").match(path.split("?")[0])[0]
    except HTTPException:  # not found, another method, or a redirect
        return None


def crawl(app, client, persona: str) -> dict[tuple, str]:
    """Open every page the persona can reach by links; return each kind of form found
    (its endpoint and fields) with a page that shows it."""
    seen, found = set(), {}
    per_endpoint: dict[str, int] = {}
    todo = deque(START_PAGES[persona])
    while todo:
        path = todo.popleft()
        if path in seen or any(part in path for part in NOT_CRAWLED):
            continue
        seen.add(path)
        endpoint = endpoint_at(app, path)
        if endpoint is None:
            continue
        per_endpoint[endpoint] = per_endpoint.get(endpoint, 0) + 1
        if per_endpoint[endpoint] > PAGES_PER_ENDPOINT:
            continue
        response = client.get(path)
        if response.status_code != 200 or response.mimetype != "text/html":
            continue
        for form in forms_on(response.text, path):
            found.setdefault(form_kind(app, form), path)
            if form.method == "get":  # a filter, sent as it is shown
                todo.append(f"{form.action}?{urlencode(form.values, doseq=True)}")
        todo.extend(links_on(response.text, path))
    return found


def form_kind(app, form) -> tuple:
    """Return what tells forms apart: where they go and the fields they send."""
    return endpoint_of(app, form), form.method, frozenset(form.kinds) | frozenset(form.files)


# Each form fuzzed, as (person, endpoint the form is sent to, a page that shows it).
DESK_FORMS = [
    ("desk.logout", "/desk/"),
    ("desk.requests_list", "/desk/requests"),
    ("desk.requests_action", "/desk/requests"),
    ("desk.run_sheet", "/desk/schedule"),
    ("desk.tickets", "/desk/tickets"),
    ("desk.ticket_answer", "/desk/tickets/{open_ticket}"),
    ("desk.ticket_note", "/desk/tickets/{open_ticket}"),
    ("desk.ticket_reassign", "/desk/tickets/{open_ticket}"),
    ("desk.ticket_state", "/desk/tickets/{open_ticket}"),
    ("desk.attendance_check_in", "/desk/schedule/slots/{slot}/attendance"),
    ("desk.attendance_check_out", "/desk/schedule/slots/{slot}/attendance"),
    ("desk.attendance_finish", "/desk/schedule/slots/{slot}/attendance"),
    ("desk.hand_out_unit", "/desk/rentals/items/{rental_item}"),
    ("desk.return_unit", "/desk/rentals/items/{handed_item}"),
]
RECEPTION_FORMS = [
    ("desk.stays", "/desk/stays"),
    ("desk.stay_new", "/desk/stays/new"),
    ("desk.stay_edit", "/desk/stays/{reference}/edit"),
    ("desk.stay_party", "/desk/stays/{reference}/party"),
    ("desk.stay_party", "/desk/stays/LP20002/party"),  # a party of another size
    ("desk.stays_import", "/desk/stays/import"),
    ("desk.book_for_guest", "/desk/book"),
    ("desk.book_service", "/desk/book/{reference}/kids-club"),
    ("desk.book_service", "/desk/book/{reference}/crib"),
    ("desk.book_service", "/desk/book/{reference}/transfer"),
    ("desk.book_service", "/desk/book/{reference}/babysitting"),
    ("desk.book_choose_service", "/desk/book/{reference}"),
    ("desk.book_package_for_guest", "/desk/book/{reference}/packages/family"),
    ("desk.inventory_add_slot", "/desk/inventory/services/kids-club"),
    ("desk.inventory_add_rule", "/desk/inventory/services/kids-club"),
    ("desk.inventory_slot_capacity", "/desk/inventory/services/kids-club"),
    ("desk.inventory_close_slot", "/desk/inventory/services/kids-club"),
    ("desk.inventory_close_slot", "/desk/inventory/slots/{slot}/closure"),
    ("desk.inventory_reopen_slot", "/desk/inventory/services/kids-club"),
    ("desk.inventory_stock", "/desk/inventory/services/crib"),
    ("desk.inventory_out_of_service", "/desk/inventory/services/crib"),
    ("desk.inventory_end_out_of_service", "/desk/inventory/services/crib"),
    ("desk.message_log", "/desk/messages"),
    ("desk.unit_repaired", "/desk/inventory/services/crib"),
    ("desk.stay_bill", "/desk/stays/{reference}/bill"),
]
MANAGER_FORMS = [
    ("desk.audit_log", "/desk/audit"),
    ("desk.upload_photo", "/desk/catalogue/services/kids-club/photo"),
    ("desk.reports", "/desk/reports"),
    ("desk.revenue", "/desk/reports/revenue"),
    ("desk.webhook_log_page", "/desk/webhooks"),
    ("desk.webhook_address", "/desk/webhooks"),
    ("desk.run_sheet_week", "/desk/schedule/week"),
    ("desk.new_service", "/desk/catalogue/services/new"),
    ("desk.edit_service", "/desk/catalogue/services/kids-club"),
    ("desk.edit_service", "/desk/catalogue/services/crib"),
    ("desk.new_package", "/desk/catalogue/packages/new"),
    ("desk.edit_package", "/desk/catalogue/packages/family"),
    ("desk.new_faq_entry", "/desk/faq/new"),
    ("desk.edit_faq_entry", "/desk/faq/{faq_entry}"),
    ("desk.new_ticket_category", "/desk/faq/categories/new"),
    ("desk.edit_ticket_category", "/desk/faq/categories/{category}"),
    ("desk.new_staff_account", "/desk/staff/new"),
    ("desk.edit_staff_account", "/desk/staff/{staff}"),
    ("desk.reset_staff_password", "/desk/staff/{staff}"),
    ("desk.set_staff_active", "/desk/staff/{staff}"),
    ("desk.new_reason", "/desk/reasons/new"),
    ("desk.unit_label", "/desk/inventory/services/crib"),
    ("desk.vouchers", "/desk/vouchers"),
]
FORMS = [
    ("anonymous", "guest.sign_in", "/sign-in"),
    ("anonymous", "desk.login", "/desk/login"),
    *[("guest", endpoint, page) for endpoint, page in [
        ("guest.add_to_basket", "/services/kids-club"),
        ("guest.add_to_basket", "/services/crib"),
        ("guest.add_to_basket", "/services/transfer"),
        ("guest.add_to_basket", "/services/babysitting"),
        ("guest.book_package", "/packages/family/book"),
        ("guest.remove_from_basket", "/basket"),
        ("guest.checkout", "/basket"),
        ("guest.cancel_item", "/my-bookings/items/{booked_item}/cancel"),
        ("guest.save_my_party", "/my-party"),
        ("guest.rate_item_submit", "/my-bookings/items/{completed_item}/rate"),
        ("guest.help_ask", "/help/ask"),
        ("guest.help_rate", "/help/tickets/{closed_ticket}"),
        ("guest.sign_out", "/"),
    ]],
    *[("staff", endpoint, page) for endpoint, page in DESK_FORMS],
    *[("reception", endpoint, page) for endpoint, page in DESK_FORMS + RECEPTION_FORMS],
    *[("manager", endpoint, page)
      for endpoint, page in DESK_FORMS + RECEPTION_FORMS + MANAGER_FORMS],
]
# What a person types into the forms that are empty when shown, so that a form sent
# with one field bent and the rest as filled reaches the service behind it.
FILLED = {
    "guest.sign_in": {"identifier": "LP20001", "last_name": "Kim"},
    "desk.login": {"username": "desk", "password": "correct-horse"},
    "guest.help_ask": {"text": "Is the pool open?"},
    "desk.new_service": {"slug": "fuzz-service", "name_en": "Fuzz service", "price": "10.00",
                         "stock": "3"},
    "desk.new_package": {"slug": "fuzz-package", "name_en": "Fuzz package"},
    "desk.new_faq_entry": {"name_en": "Is there a pool?", "description_en": "Yes."},
    "desk.new_ticket_category": {"slug": "fuzz-category", "name_en": "Pool",
                                 "response_hours": "4"},
    "desk.new_staff_account": {"username": "fuzzer", "password": "long-enough-1"},
    "desk.vouchers": {"code": "FUZZ-10", "value": "10", "max_uses": "5"},
    "desk.reset_staff_password": {"password": "long-enough-2"},
    "desk.stay_new": {"reference": "FUZZ-1", "room": "999", "first_name": "Ada",
                      "last_name": "Lovelace", "arrival_date": "{today}",
                      "departure_date": "{in_three_days}"},
    "desk.ticket_answer": {"answer": "Yes, it is."},
    "desk.ticket_note": {"note": "Called the guest."},
    "desk.inventory_add_slot": {"start_time": "13:00"},
    "desk.inventory_close_slot": {"reason": "Storm"},
    "desk.inventory_out_of_service": {"reason": "Broken"},
    "desk.new_reason": {"code": "fuzz-reason", "text_en": "A storm is coming."},
}
# The sign-in forms are fuzzed for nobody signed in, the people they are for.
SIGN_IN_FORMS = {"guest.sign_in", "desk.login"}


@pytest.mark.parametrize("persona", sorted(PERSONAS))
def test_every_form_a_person_reaches_is_fuzzed(app, client, auth, world, persona):
    sign_in(client, auth, world, persona)
    fuzzed = set()
    for who, _endpoint, page in FORMS:
        if who == persona:
            path = page.format(**world["paths"])
            fuzzed |= {form_kind(app, form) for form in forms_on(client.get(path).text, path)}
    found = crawl(app, client, persona)
    missing = {kind: page for kind, page in found.items()
               if kind not in fuzzed and (persona == "anonymous" or kind[0] not in SIGN_IN_FORMS)}
    assert missing == {}
    assert len(found) >= 2


# Values a field may be sent: text of every sort, numbers no column holds, dates no
# calendar has, and what a browser would never send.
ODD_TEXT = ["", " ", "\t", "\n", "\r\n", "\x00", "Nul\x00l", "\x01", "\x1b[31m", "\x7f",
            "\x85", "\u200b", "\u202e", "\u2066x", "\ufeff", "\ufffe", "\U0010ffff", "😀",
            "ǅ", "İ", "ß", "<script>alert(1)</script>", "' OR 1=1 --", "%s%n", "{{7*7}}",
            "../../etc/passwd", "y", "on", "true", "None", "null", "[]", "{}"]
ODD_NUMBERS = ["0", "-0", "-1", "1", "+7", " 7 ", "7.0", "0.5", "1,5", "1e3", "0x10",
               "1_000", "٣", "１２", str(2**31 - 1), str(2**31), str(-(2**31) - 1),
               str(2**63 - 1), str(2**63), str(2**64), "9" * 400, "-" + "9" * 400,
               "1" + "0" * 4300, "NaN", "nan", "-NaN", "sNaN", "inf", "-inf", "Infinity",
               "1e309", "-1e309", "1e-400", "9999999999.995", "12345678901234567890.12"]
ODD_DATES = ["0001-01-01", "0000-00-00", "1899-12-31", "1970-01-01", "2038-01-19",
             "2999-12-31", "3000-01-01", "9999-12-31", "10000-01-01", "-2030-01-01",
             "2030-02-30", "2030-13-01", "2030-1-1", "01.07.2030", "2030-07-01T10:00",
             "00:00", "23:59", "24:00", "25:61", "-1:00", "12:00:00", "noon"]
LONG_TEXT = st.builds(lambda piece, times: piece * times,
                      st.sampled_from(["x", "é", "😀", "9", " ", "\x00", "ab\n"]),
                      st.sampled_from([81, 501, 5_000, 20_000]))
HUGE_NUMBERS = [str(2**31), str(2**31 - 1), str(-(2**31) - 1), str(2**63), str(2**64),
                "9" * 400, "-" + "9" * 400, "1" + "0" * 4300, "-1", "0"]
NOT_ANY_ID = [0, 999_999, 2**31 - 1, 2**31, 2**63 - 1, 2**63, 2**64]
EXTRA_FIELDS = ["page", "back", "next", "lang", "id", "stay_id", "confirm_now", "x"]
# What a person types into freely; other fields take a choice, number, date or hidden value.
TYPED_INTO = {"text", "search", "email", "password", "url", "tel", "textarea"}
IN_A_LANGUAGE = re.compile(f"_(?:{'|'.join(LANGUAGES)})$")
ROW = re.compile(r"-\d+-")
# Examples drawn per form, after the edge plans: the fewest, one more per group of fields,
# at most the most (the edge plans are tried first, and on top).
FEWEST_EXAMPLES, MOST_EXAMPLES = 4, 14
EDGES = {"date": ["0001-01-01", "9999-12-31"], "time": ["24:00"]}
FUZZ = settings(deadline=None, derandomize=True, database=None,
                suppress_health_check=list(HealthCheck))


def values_of_the_world(db) -> list[str]:
    """Return the ids, slugs, references and names of every row, and ids of none."""
    found = {str(number) for number in NOT_ANY_ID}
    for table in db.metadata.sorted_tables:
        for name in ("id", "slug", "reference", "number", "username", "room"):
            if name in table.columns:
                found |= {str(value) for value in db.session.scalars(
                    select(table.columns[name]))}
    return sorted(found)


@dataclass(frozen=True)
class Known:
    """A value of the world, or of another field of the form: the n-th, whichever is there."""

    number: int


@dataclass(frozen=True)
class Bend:
    """What is done to one field, named by number: the n-th group of fields of a kind (one
    that takes a choice, number, date or hidden value, or one typed into), its m-th field."""

    typed_into: bool
    group: int
    member: int
    way: str  # "replace", "leave out", "repeat", or "add" (one more value)
    values: tuple


@dataclass(frozen=True)
class EveryField:
    """Every field gets one of these values, in turn."""

    values: tuple


@dataclass(frozen=True)
class Plan:
    """How to bend a form. It names fields and known values by number only, so that it is
    drawn the same whatever the form and the world have become since."""

    form: int
    change: tuple[Bend, ...] | EveryField
    extra: tuple | None = None  # a field the form does not have, and its value
    token: tuple = ()  # kept; ("left out",) or ("wrong", value)
    file: tuple | None = None  # the file sent, and its name, by a form with a file field


def odd_values():
    """Return a strategy for text, numbers and dates of every sort."""
    return st.one_of(
        st.sampled_from(ODD_TEXT), st.sampled_from(ODD_NUMBERS), st.sampled_from(ODD_DATES),
        st.text(max_size=30), st.integers().map(str), st.floats().map(str),
        st.dates().map(str), LONG_TEXT)


def field_values():
    """Return a strategy for what may be sent for a field: ids beyond any column's reach
    (often: they get past a choice's coercion), odd values, or values of the world."""
    huge = st.sampled_from(HUGE_NUMBERS)
    known = st.builds(Known, st.integers(0, 2**16))
    return st.one_of(huge, huge, odd_values(), known, known)


def plans(with_file: bool):
    """Return a strategy for plans to bend a form: mostly one field, at times a few or all."""
    values = field_values()
    bend = st.builds(Bend, st.sampled_from([False, False, True]), st.integers(0, 2**16),
                     st.integers(0, 2**16),
                     st.sampled_from(["replace", "replace", "replace", "leave out", "repeat",
                                      "add"]),
                     st.lists(values, min_size=1, max_size=3).map(tuple))
    return st.builds(
        Plan, form=st.integers(0, 2**16),
        change=st.one_of(*[st.tuples(bend)] * 4, st.lists(bend, min_size=2,
                                                           max_size=3).map(tuple),
                         st.builds(EveryField, st.lists(values, min_size=1,
                                                        max_size=3).map(tuple))),
        extra=st.one_of(*[st.none()] * 8, st.tuples(st.sampled_from(EXTRA_FIELDS), values)),
        token=st.one_of(*[st.just(())] * 18, st.just(("left out",)),
                        st.tuples(st.just("wrong"), values)),
        file=files_sent() if with_file else st.none())


def files_sent():
    """Return a strategy for a file and its name, for a form with a file field."""
    return st.tuples(csv_files(odd_values()),
                     st.sampled_from(["stays.csv", "stays.txt", "stays.png", "", "ü.csv"]))


def edge_plans(form) -> list[Plan]:
    """Return the plans tried first: each field that takes a choice, number or hidden value
    gets a number no column holds; each date field the first and the last day there is."""
    found = []
    for index, group in enumerate(field_groups(form)[0]):
        kind = form.kinds.get(group[0])
        for value in EDGES.get(kind, [str(2**63)]):
            found.append(Plan(0, (Bend(False, index, 0, "replace", (value,)),)))
    return found


def field_groups(form) -> tuple[list[list[str]], list[list[str]]]:
    """Return the form's fields (but the token) in groups that behave alike (one text in
    every language, one column of a table's rows): those that take a choice, number,
    date, hidden value or file, and those typed into."""
    groups: dict[str, list[str]] = {}
    for name in [*form.kinds, *form.files]:
        if name != "csrf_token":
            groups.setdefault(ROW.sub("-n-", IN_A_LANGUAGE.sub("", name)), []).append(name)
    typed = [names for names in groups.values()
             if form.kinds.get(names[0]) in TYPED_INTO]
    return [names for names in groups.values() if names not in typed], typed


def examples_for(form) -> int:
    """Return how many examples to draw for a form: more for more kinds of field."""
    chosen, typed = field_groups(form)
    return min(MOST_EXAMPLES, FEWEST_EXAMPLES + len(chosen) + len(typed))


def bent_form(plan: Plan, form, known: list[str]) -> tuple[MultiDict, dict]:
    """Return what a form sends when bent as the plan says, and the files it sends."""
    chosen, typed = field_groups(form)
    names = [name for names in chosen + typed for name in names]
    defaults = [value for values in form.values.values() for value in values]
    pool = known + defaults

    def value(drawn) -> str:
        return pool[drawn.number % len(pool)] if isinstance(drawn, Known) else drawn

    sent = {name: list(values) for name, values in form.values.items()}
    sent |= {name: [None] for name in form.files}
    if isinstance(plan.change, EveryField):
        for index, name in enumerate(names):
            sent[name] = [value(plan.change.values[index % len(plan.change.values)])]
    else:
        for bend in plan.change:
            groups = (typed if bend.typed_into else chosen) or chosen or typed
            if not groups:
                break
            group = groups[bend.group % len(groups)]
            name = group[bend.member % len(group)]
            drawn = [value(one) for one in bend.values]
            sent[name] = {"replace": drawn[:1], "leave out": [], "repeat": drawn,
                          "add": [*sent[name], *drawn[:1]]}[bend.way]
    if plan.token:
        sent["csrf_token"] = [value(plan.token[1])] if plan.token[0] == "wrong" else []
    data, files = MultiDict(), {}
    for name, values in sent.items():
        if name in form.files:
            if values and plan.file:  # a file field sends its file, whatever text was meant
                files[name] = (BytesIO(plan.file[0]), plan.file[1])
            continue
        for one in values:
            data.add(name, one)
    if plan.extra is not None:
        data.add(plan.extra[0], value(plan.extra[1]))
    return data, files


IMPORT_HEADER = ["reference", "room", "first_name", "last_name", "arrival", "departure",
                 "language", "email", "adults", "children", "birth_date"]


@st.composite
def csv_files(draw, values):
    """Return a file as the stay import may get it: a CSV export with odd cells, or bytes."""
    if draw(st.integers(0, 4)) == 0:
        return draw(st.binary(max_size=200))
    today = hotel_today()
    good = ["WALK-1", "310", "Sofia", "Rossi", str(today), str(today + timedelta(days=3)),
            "it", "", "2", "5", ""]
    rows = [IMPORT_HEADER]
    for _row in range(draw(st.integers(1, 3))):
        rows.append([draw(values) if draw(st.booleans()) else cell for cell in good])
    text = io.StringIO()
    csv.writer(text, delimiter=draw(st.sampled_from([",", ";", "\t"]))).writerows(rows)
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "latin-1"]))
    return text.getvalue().encode(encoding, errors="replace")


def filled(endpoint: str) -> dict[str, list[str]]:
    """Return what a person types into a form that is empty when shown."""
    today = hotel_today()
    days = {"today": today, "in_three_days": today + timedelta(days=3)}
    return {name: [value.format(**days)] for name, value in FILLED.get(endpoint, {}).items()}


def send(client, form, data: MultiDict, files: dict):
    """Send a form's data as a browser would, with its method (and files, if it has any)."""
    if form.method == "get":
        return client.get(form.action, query_string=data)
    for name, file in files.items():
        data.add(name, file)
    return client.post(form.action, data=data)


def messages_of(response) -> list[str]:
    """Return the messages an answer shows: on its page, or its plain text."""
    if response.mimetype == "text/html":
        return messages_on(response.text)
    return [response.text.strip()] if response.text.strip() else []


class FormBench:
    """One form under fuzzing: its person signed in, its page read again whenever the last
    example may have changed it, and the rows of the database before each example."""

    def __init__(self, app, client, auth, db, persona: str, endpoint: str, page: str):
        self.app, self.client, self.auth, self.db = app, client, auth, db
        self.persona, self.endpoint, self.page = persona, endpoint, page
        # Failed sign-ins are counted before the answer is given, as they must be.
        self.unwatched = {"sign_in_failure"} if endpoint in SIGN_IN_FORMS else set()
        self._forms, self.rows = [], None
        self.start()
        # Known once: the values a plan's numbers stand for stay the same after a reset.
        self.known = values_of_the_world(db)

    def start(self) -> None:
        """Make the hotel and sign the person in (again, after a reset)."""
        self.world = build_world(self.db)
        sign_in(self.client, self.auth, self.world, self.persona)

    def forms(self) -> list:
        """Return the page's forms that are sent to the endpoint, read again if need be.

        An example may have taken the form away (an item cancelled, a stay renamed): then
        the hotel is made again from scratch.
        """
        if not self._forms:
            self._forms = self._read()
            if not self._forms:
                empty_database(self.app)
                self.start()
                self._forms = self._read()
            assert self._forms, f"{self.page} shows no form sent to {self.endpoint}"
            self.rows = None
        if self.rows is None:
            self.rows = self.watched_rows()
        return self._forms

    def _read(self) -> list:
        if self.persona == "guest":
            fill_basket(self.client, self.world)
        path = self.page.format(**self.world["paths"])
        response = self.client.get(path)
        if response.status_code != 200:
            return []
        forms = [form for form in forms_on(response.text, path)
                 if endpoint_of(self.app, form) == self.endpoint]
        for form in forms:
            form.values |= filled(self.endpoint)
        return forms

    def watched_rows(self) -> dict:
        """Return every row of every table that a refusal must leave alone (on PostgreSQL,
        a digest of each table's rows, all in one query instead of one per table)."""
        self.db.session.rollback()
        if self.app.config["BACKEND"] != "postgresql":
            return {table: rows for table, rows in snapshot(self.db).items()
                    if table not in self.unwatched}
        tables = [table.name for table in self.db.metadata.sorted_tables
                  if table.name not in self.unwatched]
        digests = ", ".join(
            f"(SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) "
            f'FROM "{name}" t)' for name in tables)
        return dict(zip(tables, self.db.session.execute(text(f"SELECT {digests}")).one(),
                        strict=True))

    def after(self, form, response) -> None:
        """Note that the page may have changed, and sign the person in again if signed out."""
        if response.status_code < 400 and form.method == "post":  # a filter changes nothing
            self._forms, self.rows = [], None
        with self.client.session_transaction() as session:
            signed_in = {"guest": "stay_id" in session, "anonymous": True}.get(
                self.persona, "_user_id" in session)
        if not signed_in:
            sign_in(self.client, self.auth, self.world, self.persona)
            self._forms, self.rows = [], None


def shown(values: MultiDict) -> list[tuple[str, str]]:
    """Return what was sent, shortened, for a failure's message."""
    return [(name, value if len(value) <= 40 else f"{value[:40]}... ({len(value)})")
            for name, value in values.items(multi=True)]


@pytest.mark.parametrize("endpoint", sorted(FILLED))
def test_a_form_filled_as_a_person_would_is_taken(app, client, auth, db, endpoint):
    persona, _endpoint, page = next(case for case in FORMS if case[1] == endpoint)
    bench = FormBench(app, client, auth, db, persona, endpoint, page)
    form = bench.forms()[0]
    data = MultiDict([(name, value) for name, values in form.values.items()
                      for value in values])
    response = send(client, form, data, {})
    assert response.status_code in (302, 303), messages_of(response)


def case_id(case: tuple) -> str:
    persona, endpoint, page = case
    return f"{persona}-{endpoint}-{page}"


@pytest.mark.parametrize(("persona", "endpoint", "page"), FORMS, ids=map(case_id, FORMS))
def test_no_form_answers_5xx_and_a_refusal_says_why_and_writes_nothing(
        app, client, auth, db, persona, endpoint, page):
    bench = FormBench(app, client, auth, db, persona, endpoint, page)

    first = bench.forms()[0]

    @settings(FUZZ, max_examples=examples_for(first))
    @given(plans(with_file=bool(first.files)))
    def send_bent_form(plan):
        forms = bench.forms()
        form = forms[plan.form % len(forms)]
        values, files = bent_form(plan, form, bench.known)
        response = send(client, form, values, files)
        status = response.status_code
        sent = f"{form.method.upper()} {form.action} {shown(values)} -> {status}"
        assert status < 500, sent
        if status >= 400 or (form.method == "post" and status == 200):
            assert messages_of(response), f"no message: {sent}"
        if status >= 400:
            assert bench.watched_rows() == bench.rows, f"written: {sent}"
        bench.after(form, response)
        record_cases(app, "page forms (Hypothesis)", 1)

    for plan in reversed(edge_plans(first)):
        send_bent_form = example(plan)(send_bent_form)
    send_bent_form()
