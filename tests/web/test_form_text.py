"""Every field of every page form refuses control characters and text with nothing visible.

The forms are read from the pages as a browser gets them, and each one named in the URL
map is sent back with a NUL byte in each of its text fields in turn, then in all its
other fields at once: the answer is a 4xx with the reason, and nothing is written.
"""

import importlib
import pkgutil
from datetime import timedelta

import pytest
from flask_wtf.file import FileField
from werkzeug.datastructures import MultiDict
from wtforms import FieldList, Form, FormField

import hotel
from hotel.clock import hotel_today
from hotel.desk.forms.catalogue import PackageForm, ServiceForm, with_texts
from hotel.desk.forms.reasons import reason_form_class
from hotel.desk.forms.tickets import category_form_class, faq_entry_form_class
from hotel.models import (
    REQUEST_FIELDS,
    CapacityUnit,
    ItemState,
    Kind,
    PricingUnit,
    Role,
    Service,
    TicketState,
)
from hotel.models.types import utcnow
from hotel.web.booking_forms import PackageLineForm, line_form_class
from hotel.web.forms import PageForm, RowForm
from tests.factories import (
    add_slot,
    check_in_all,
    make_booking_item,
    make_department,
    make_faq_entry,
    make_hand_out,
    make_package,
    make_service,
    make_slot,
    make_staff,
    make_standard_reason,
    make_stay,
    make_ticket,
    make_ticket_category,
)
from tests.helpers import post_form, snapshot
from tests.page_forms import forms_on

REFUSED = "This contains characters that are not allowed."
# The endpoint a form is sent to: who opens the page that shows the form, and the page.
FORM_PAGES = {
    "guest.sign_in": ("anonymous", "/sign-in"),
    "guest.add_to_basket": ("guest", "/services/{transfer}"),
    "guest.book_package": ("guest", "/packages/{package}/book"),
    "guest.checkout": ("guest", "/basket"),
    "guest.help_ask": ("guest", "/help/ask"),
    "guest.help_rate": ("guest", "/help/tickets/{closed_ticket}"),
    "guest.rate_item_submit": ("guest", "/my-bookings/items/{completed_item}/rate"),
    "desk.login": ("anonymous", "/desk/login"),
    "desk.stay_new": ("manager", "/desk/stays/new"),
    "desk.stay_edit": ("manager", "/desk/stays/{reference}/edit"),
    "desk.book_service": ("manager", "/desk/book/{reference}/{transfer}"),
    "desk.book_package_for_guest": ("manager", "/desk/book/{reference}/packages/{package}"),
    "desk.requests_action": ("manager", "/desk/requests?state="),
    "desk.inventory_add_slot": ("manager", "/desk/inventory/services/{club}"),
    "desk.inventory_add_rule": ("manager", "/desk/inventory/services/{club}"),
    "desk.inventory_slot_capacity": ("manager", "/desk/inventory/services/{club}"),
    "desk.inventory_close_slot": ("manager", "/desk/inventory/services/{club}"),
    "desk.inventory_stock": ("manager", "/desk/inventory/services/{crib}"),
    "desk.inventory_out_of_service": ("manager", "/desk/inventory/services/{crib}"),
    "desk.ticket_answer": ("manager", "/desk/tickets/{open_ticket}"),
    "desk.ticket_note": ("manager", "/desk/tickets/{open_ticket}"),
    "desk.ticket_state": ("manager", "/desk/tickets/{open_ticket}"),
    "desk.ticket_reassign": ("manager", "/desk/tickets/{open_ticket}"),
    "desk.new_faq_entry": ("manager", "/desk/faq/new"),
    "desk.edit_faq_entry": ("manager", "/desk/faq/{faq_entry}"),
    "desk.new_ticket_category": ("manager", "/desk/faq/categories/new"),
    "desk.edit_ticket_category": ("manager", "/desk/faq/categories/{category}"),
    "desk.new_service": ("manager", "/desk/catalogue/services/new"),
    "desk.edit_service": ("manager", "/desk/catalogue/services/{club}"),
    "desk.new_package": ("manager", "/desk/catalogue/packages/new"),
    "desk.edit_package": ("manager", "/desk/catalogue/packages/{package}"),
    "desk.new_staff_account": ("manager", "/desk/staff/new"),
    "desk.edit_staff_account": ("manager", "/desk/staff/{staff}"),
    "desk.reset_staff_password": ("manager", "/desk/staff/{staff}"),
    "desk.set_staff_active": ("manager", "/desk/staff/{staff}"),
    "desk.new_reason": ("manager", "/desk/reasons/new"),
    "desk.edit_reason": ("manager", "/desk/reasons/{reason}"),
    # Filters, sent with GET.
    "desk.stays": ("manager", "/desk/stays"),
    "desk.requests_list": ("manager", "/desk/requests"),
    "desk.book_for_guest": ("manager", "/desk/book"),
    "desk.tickets": ("manager", "/desk/tickets"),
    "desk.audit_log": ("manager", "/desk/audit"),
    "desk.run_sheet": ("manager", "/desk/schedule"),
    "desk.run_sheet_week": ("manager", "/desk/schedule/week"),
    "desk.reports": ("manager", "/desk/reports"),
    "desk.message_log": ("manager", "/desk/messages"),
    "desk.webhook_log_page": ("manager", "/desk/webhooks"),
    "desk.webhook_address": ("manager", "/desk/webhooks"),
    "desk.revenue": ("manager", "/desk/reports/revenue"),
    "guest.save_my_party": ("guest", "/my-party"),
    "desk.stay_party": ("manager", "/desk/stays/{reference}/party"),
    "desk.attendance_check_in": ("manager", "/desk/schedule/slots/{slot}/attendance"),
    "desk.attendance_check_out": ("manager", "/desk/schedule/slots/{slot}/attendance"),
    "desk.hand_out_unit": ("manager", "/desk/rentals/items/{rental_item}"),
    "desk.return_unit": ("manager", "/desk/rentals/items/{handed_item}"),
    "desk.unit_label": ("manager", "/desk/inventory/services/{crib}"),
    "guest.apply_voucher": ("guest", "/basket"),
    "desk.vouchers": ("manager", "/desk/vouchers"),
    "desk.stay_bill": ("manager", "/desk/stays/{reference}/bill"),
}
# Forms with nothing to type into: a button with its CSRF token, or a file.
WITHOUT_TEXT = {"guest.sign_out", "guest.cancel_item", "guest.remove_from_basket",
                "guest.rebook", "guest.unsubscribe",
                "desk.logout", "desk.inventory_reopen_slot", "desk.inventory_end_out_of_service",
                "desk.stays_import", "desk.message_send_again", "desk.attendance_finish",
                "desk.webhook_send_again", "desk.upload_photo", "desk.delete_photo",
                "desk.unit_repaired", "guest.remove_voucher", "desk.voucher_active",
                "guest.accept_waitlist_offer", "guest.leave_waitlist",
                "desk.waitlist_offer_by_hand", "desk.waitlist_remove",
                "desk.remove_from_booking_basket"}
# Forms shown only in a state this test's world does not have (a full slot, a filled
# basket); their refusals are tested beside them.
CHECKED_BESIDE = {"guest.join_waitlist": "tests/web/test_waitlist_pages.py",
                  "desk.book_basket": "tests/web/test_desk_walk_up.py"}
# Inputs a view reads itself, not fields of its form: where to go back to (safe_next).
NOT_FORM_FIELDS = {"back"}
# Bases whose fields are added when the form is built (built_form_classes builds them).
BUILT_LATER = {"ServiceForm", "PackageForm", "FaqEntryForm", "CategoryForm", "LineForm",
               "PackageLineForm", "ReasonForm"}


@pytest.fixture
def world(db):
    """A stay with bookings and tickets, and every object a form of the app is about."""
    today = hotel_today()
    kids = make_department("kids-club", "Kids club")
    club = make_service("kids-club", department=kids, max_age=12)
    crib = make_service("crib", kind=Kind.RENTAL, pricing_unit=PricingUnit.PER_UNIT_NIGHT,
                        stock=3, department=kids)
    transfer = make_service("transfer", kind=Kind.ON_REQUEST, department=kids,
                            pricing_unit=PricingUnit.PER_BOOKING, requires_approval=True,
                            request_fields=["pickup_place", "passengers", "flight_number"])
    slot = make_slot(club, utcnow() + timedelta(days=2), capacity=5)
    add_slot(club, today + timedelta(days=1))
    stay = make_stay("LP20001", arrival_on=today, children=[6])
    make_booking_item(stay, club, slot=slot, participants=stay.children)
    arrived = make_stay("LP20003", arrival_on=today, children=[7])
    check_in_all(make_booking_item(arrived, club, slot=slot, participants=arrived.children))
    done = make_booking_item(stay, club, state=ItemState.COMPLETED, start_on=today,
                             participants=stay.children)
    to_hand_out = make_booking_item(stay, crib, start_on=today, end_on=today, quantity=1,
                                    participants=[])
    handed = make_booking_item(stay, crib, start_on=today, end_on=today, quantity=1,
                               participants=[])
    make_hand_out(handed)
    category = make_ticket_category("room", department=kids)
    open_ticket = make_ticket(stay, category)
    closed = make_ticket(stay, category, state=TicketState.CLOSED, answered_at=utcnow())
    entry = make_faq_entry({"en": ("Is there a crib?", "Yes.", "crib")}, category=category)
    package = make_package([club, crib], slug="family")
    staff = make_staff("kids", Role.STAFF, kids)
    make_staff("boss", Role.MANAGER)
    reason = make_standard_reason("weather", {"en": "Bad weather"})
    db.session.commit()
    return {"stay": stay, "club": club, "paths": {
        "transfer": transfer.slug, "club": club.slug, "crib": crib.slug, "package": package.slug,
        "reference": stay.reference, "closed_ticket": closed.number,
        "open_ticket": open_ticket.number, "completed_item": done.id, "faq_entry": entry.id,
        "category": category.id, "staff": staff.id, "reason": reason.id, "slot": slot.id,
        "rental_item": to_hand_out.id, "handed_item": handed.id}}


def sign_in(client, auth, world, persona: str) -> None:
    """Sign the persona in; a guest also gets a line in the basket, to check out."""
    if persona == "guest":
        auth.guest_login(world["stay"])
        with client.session_transaction() as session:
            session["basket"] = [{"service": world["club"].slug, "quantity": 1, "slot_id": None,
                                  "participants": [], "details": {}, "note": ""}]
    elif persona == "manager":
        auth.staff_login(username="boss")


def endpoint_of(app, form) -> str:
    """Return the endpoint a form is sent to."""
    adapter = app.url_map.bind("localhost")
    return adapter.match(form.action, method=form.method.upper())[0]


def send(client, form, data):
    """Send a form's data as the browser would, with its method."""
    if form.method == "get":
        return client.get(form.action, query_string=MultiDict(data))
    return client.post(form.action, data=MultiDict(data))


def test_every_form_that_changes_something_is_checked(app):
    posted = {rule.endpoint for rule in app.url_map.iter_rules()
              if "POST" in rule.methods and rule.endpoint.split(".")[0] in ("guest", "desk")}
    assert posted - set(FORM_PAGES) - WITHOUT_TEXT - set(CHECKED_BESIDE) == set()


@pytest.mark.parametrize("endpoint", sorted(FORM_PAGES))
def test_a_nul_byte_in_any_field_is_refused_and_nothing_is_written(app, client, auth, db,
                                                                   world, endpoint):
    persona, page = FORM_PAGES[endpoint]
    sign_in(client, auth, world, persona)
    path = page.format(**world["paths"])
    response = client.get(path)
    assert response.status_code == 200, path
    forms = [form for form in forms_on(response.text, path) if endpoint_of(app, form) == endpoint]
    assert forms, f"{path} shows no form sent to {endpoint}"
    before = snapshot(db)
    for form in forms:
        for name in set(form.text_fields) - NOT_FORM_FIELDS:
            response = send(client, form, form.data(**{name: "Nul\x00l"}))
            assert 400 <= response.status_code < 500, (endpoint, name, response.status_code)
            if form.kinds[name] != "hidden":
                assert REFUSED in response.text, (endpoint, name)
        if form.other_fields:
            response = send(client, form, form.data(**dict.fromkeys(form.other_fields, "\x00")))
            assert 400 <= response.status_code < 500, (endpoint, form.other_fields)
            assert REFUSED in response.text, (endpoint, form.other_fields)
    db.session.rollback()
    assert snapshot(db) == before


def form_classes() -> set[type]:
    """Return every form class of the app, found from WTForms' base class."""
    for module in pkgutil.walk_packages(hotel.__path__, "hotel."):
        importlib.import_module(module.name)
    found, todo = set(), [Form]
    while todo:
        for subclass in todo.pop().__subclasses__():
            todo.append(subclass)
            if subclass.__module__.startswith("hotel."):
                found.add(subclass)
    return found


def test_every_form_of_the_app_derives_from_the_page_bases(app):
    classes = form_classes()
    assert len(classes) > 30
    assert [cls for cls in classes if not issubclass(cls, PageForm | RowForm)] == []


def built_form_classes() -> list[type]:
    """Return the form classes with all their fields: those defined, and those built."""
    services = [Service(slug=kind.value, kind=kind, pricing_unit=unit, max_quantity=4,
                        capacity_unit=CapacityUnit.PERSONS, request_fields=list(fields))
                for kind, unit, fields in [
                    (Kind.ACTIVITY, PricingUnit.PER_PERSON, ()),
                    (Kind.RENTAL, PricingUnit.PER_UNIT_NIGHT, ()),
                    (Kind.ON_REQUEST, PricingUnit.PER_PERSON_DAY, REQUEST_FIELDS)]]
    built = [with_texts(ServiceForm), with_texts(PackageForm), faq_entry_form_class(),
             category_form_class(), reason_form_class(), *map(line_form_class, services)]
    built += [type("PackageLine", (line_form_class(s), PackageLineForm), {}) for s in services]
    defined = [cls for cls in form_classes() if cls.__name__ not in BUILT_LATER
               and getattr(importlib.import_module(cls.__module__), cls.__name__, None) is cls]
    return built + defined


def leaf_fields(form) -> list:
    """Return the fields of a form that hold a value, rows of its FieldLists included."""
    found = []
    for field in form:
        if isinstance(field, FieldList):
            for entry in field.entries:
                found += leaf_fields(entry.form) if isinstance(entry, FormField) else [entry]
        elif isinstance(field, FormField):
            found += leaf_fields(field.form)
        elif field.name != "csrf_token":
            found.append(field)
    return found


def with_choices(form):
    """Give the choice fields that get their choices from the page an empty list of them."""
    for field in leaf_fields(form):
        if getattr(field, "choices", False) is None:
            field.choices = []
    return form


def test_every_field_of_every_form_refuses_a_nul_on_its_own(app):
    with app.test_request_context("/"):
        for form_class in built_form_classes():
            # A file field takes files only; text sent in its place is dropped unread.
            names = [field.name for field in leaf_fields(form_class(meta={"csrf": False}))
                     if not isinstance(field, FileField)]
            for name in names:
                form = with_choices(form_class(MultiDict({name: "\x00"}), meta={"csrf": False}))
                form.validate()
                field = next(field for field in leaf_fields(form) if field.name == name)
                assert field.errors == [REFUSED], (form_class.__name__, name, field.errors)


def test_a_name_of_invisible_characters_is_refused_in_the_readers_language(client, auth,
                                                                             db, world):
    sign_in(client, auth, world, "manager")
    before = snapshot(db)
    form = {"reference": "WALK-1", "room": "310", "first_name": "Sofia",
            "last_name": "\u200b\u2066\u2069", "arrival_date": "2030-06-01",
            "departure_date": "2030-06-05", "language": "de"}
    response = post_form(client, "/desk/stays/new?lang=de", form, token_from="/desk/stays/new")
    assert response.status_code == 422
    assert "Dies enthält nur unsichtbare Zeichen." in response.text
    assert snapshot(db) == before


def test_a_guest_signing_in_with_a_nul_byte_reads_why_in_korean(client, db, world):
    response = post_form(client, "/sign-in?lang=ko", {"identifier": "LP20001",
                                                       "last_name": "Kim\x00"})
    assert response.status_code == 422
    assert "허용되지 않는 문자가 포함되어 있습니다." in response.text
    with client.session_transaction() as session:
        assert "stay_id" not in session


def test_line_breaks_as_browsers_send_them_are_kept_in_a_note(client, auth, db, world):
    sign_in(client, auth, world, "manager")
    number = world["paths"]["open_ticket"]
    response = post_form(client, f"/desk/tickets/{number}/notes",
                         {"note": "Called the guest.\r\n\tNo answer."},
                         token_from=f"/desk/tickets/{number}")
    assert response.status_code == 303
    assert "Called the guest.\n\tNo answer." in client.get(f"/desk/tickets/{number}").text
