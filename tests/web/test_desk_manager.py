"""The managers' desk pages: catalogue, staff accounts and the audit log."""

import re
from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from hotel.clock import hotel_today, local_to_utc
from hotel.extensions import db as _db
from hotel.models import AuditEntry, Kind, Package, Role, Service, StaffUser
from hotel.models.types import utcnow
from hotel.services import audit
from hotel.services.bookings import create_booking
from hotel.services.rules import ItemRequest
from tests.factories import (
    make_department,
    make_package,
    make_service,
    make_slot,
    make_staff,
    make_stay,
)
from tests.helpers import csrf_token, post_form

OTHER_LANGUAGES = ["ko", "ja", "zh", "vi", "ru", "fr", "es", "ar"]


@pytest.fixture
def desk(db):
    """A kids-club service and package, and one member of staff per role."""
    kids = make_department("kids-club", "Kids club")
    club = make_service("kids-club", department=kids, price="20.00",
                        texts={"en": ("Kids club", "Play."), "de": ("Kinderclub", "Spielen.")})
    package = make_package([club], slug="family", discount="10")
    users = {
        "manager": make_staff("boss", Role.MANAGER),
        "reception": make_staff("desk", Role.RECEPTION),
        "staff": make_staff("kids", Role.STAFF, kids),
    }
    db.session.commit()
    return {"department": kids, "club": club, "package": package, "users": users}


def log_in(client, user: StaffUser, password: str = "correct-horse"):
    return post_form(client, "/desk/login", {"username": user.username, "password": password},
                     token_from="/desk/login")


def service_form(desk, **overrides) -> dict:
    """What a manager fills in for a new per-person activity, texts in English and German."""
    data = {
        "slug": "pony-rides", "category": "nature", "kind": "activity",
        "pricing_unit": "per_person", "price": "18.50", "department": str(desk["department"].id),
        "min_age": "4", "max_age": "12", "cutoff_hours": "24", "max_quantity": "6",
        "capacity_unit": "persons", "duration_minutes": "45", "active": "y",
        "age_bands-0-min_age": "4", "age_bands-0-max_age": "7", "age_bands-0-price": "9.00",
        "name_en": "Pony rides", "description_en": "Gentle ponies for young riders.",
        "name_de": "Ponyreiten", "description_de": "Sanfte Ponys für junge Reiter.",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def count(model) -> int:
    return _db.session.scalar(select(func.count()).select_from(model))


def entries(action: str) -> list[AuditEntry]:
    return list(_db.session.scalars(
        select(AuditEntry).where(AuditEntry.action == action).order_by(AuditEntry.id)))


def row_of(page: str, text: str) -> str:
    """Return the table row of a page that contains ``text``."""
    rows = [row for row in re.findall(r"<tr.*?</tr>", page, re.S) if text in row]
    assert rows, f"no row with {text!r}"
    return rows[0]


# Who may open the pages


GET_PATHS = ["/desk/catalogue", "/desk/catalogue/services/new",
             "/desk/catalogue/services/kids-club", "/desk/catalogue/packages/new",
             "/desk/catalogue/packages/family", "/desk/staff", "/desk/staff/new",
             "/desk/staff/{kids}", "/desk/audit"]
POST_PATHS = ["/desk/catalogue/services/new", "/desk/catalogue/services/kids-club",
              "/desk/catalogue/packages/new", "/desk/catalogue/packages/family",
              "/desk/staff/new", "/desk/staff/{kids}", "/desk/staff/{kids}/password",
              "/desk/staff/{kids}/active"]


@pytest.mark.parametrize("persona, status", [
    ("manager", 200), ("reception", 403), ("staff", 403), ("anonymous", 302)])
def test_only_managers_open_the_manager_pages(client, auth, desk, persona, status):
    if persona != "anonymous":
        auth.staff_login(username=desk["users"][persona].username)
    for template in GET_PATHS:
        path = template.format(kids=desk["users"]["staff"].id)
        response = client.get(path)
        assert response.status_code == status, f"{persona} GET {path}"
        if status == 302:
            assert response.headers["Location"].startswith("/desk/login")


@pytest.mark.parametrize("persona, status", [
    ("reception", 403), ("staff", 403), ("anonymous", 302)])
def test_others_cannot_post_to_the_manager_pages(client, auth, desk, persona, status):
    if persona != "anonymous":
        auth.staff_login(username=desk["users"][persona].username)
    token = csrf_token(client, "/desk/login")
    staff = desk["users"]["staff"]
    for template in POST_PATHS:
        path = template.format(kids=staff.id)
        response = client.post(path, data={"csrf_token": token, "active": "0",
                                           "role": "manager", "password": "new-password-1"})
        assert response.status_code == status, f"{persona} POST {path}"
    _db.session.refresh(staff)
    assert staff.active and staff.role == Role.STAFF


def test_the_menu_shows_manager_pages_to_managers_only(client, auth, desk):
    auth.staff_login(Role.MANAGER)
    page = client.get("/desk/").text
    assert 'href="/desk/catalogue"' in page and 'href="/desk/audit"' in page
    auth.logout()
    auth.staff_login(Role.RECEPTION)
    assert 'href="/desk/catalogue"' not in client.get("/desk/").text


# Catalogue


def test_manager_creates_a_service_with_two_languages_and_sees_the_missing_ones(client, auth, desk):
    auth.staff_login(Role.MANAGER)
    response = post_form(client, "/desk/catalogue/services/new", service_form(desk),
                         token_from="/desk/catalogue/services/new")
    assert response.status_code == 303
    assert response.headers["Location"] == "/desk/catalogue/services/pony-rides"

    service = _db.session.scalar(select(Service).where(Service.slug == "pony-rides"))
    assert service.price == Decimal("18.50")
    assert service.kind == Kind.ACTIVITY and service.department_id == desk["department"].id
    assert [(b.min_age, b.max_age, b.price) for b in service.age_bands] == [
        (4, 7, Decimal("9.00"))]
    assert {t.locale: t.name for t in service.texts} == {"en": "Pony rides", "de": "Ponyreiten"}
    assert entries("service.created")[0].staff_id == desk["users"]["manager"].id

    row = row_of(client.get("/desk/catalogue").text, "pony-rides")
    marked = re.findall(r'<span class="lang-tag state state--declined"[^>]*>(\w+)</span>', row)
    assert marked == OTHER_LANGUAGES
    edit_page = client.get("/desk/catalogue/services/pony-rides").text
    assert 'value="Ponyreiten"' in edit_page and "Sanfte Ponys" in edit_page


def test_editing_a_service_logs_old_and_new_values(client, auth, desk):
    auth.staff_login(Role.MANAGER)
    data = service_form(desk, slug="kids-club", price="25.00", name_de="", description_de="",
                        name_fr="Club enfants")
    response = post_form(client, "/desk/catalogue/services/kids-club", data,
                         token_from="/desk/catalogue/services/kids-club")
    assert response.status_code == 303
    club = desk["club"]
    _db.session.refresh(club)
    assert club.price == Decimal("25.00")
    assert {t.locale for t in club.texts} == {"en", "fr"}  # German now falls back to English
    details = entries("service.updated")[0].details
    assert details["price"] == "20.00 → 25.00"
    assert details["name[de]"] == "Kinderclub → —"
    assert details["name[fr]"] == "— → Club enfants"
    assert "password" not in details


@pytest.mark.parametrize("overrides, message", [
    ({"price": "-5"}, "The amount cannot be negative."),
    ({"age_bands-1-min_age": "6", "age_bands-1-max_age": "10", "age_bands-1-price": "5"},
     "overlap"),
    ({"slug": "kids-club"}, "The slug kids-club is already used."),
    ({"slug": "Pony Rides"}, "Use lowercase letters, digits and hyphens"),
    ({"min_age": "12", "max_age": "4"}, "The minimum age is above the maximum age."),
    ({"department": "9999"}, "There is no such department."),
    ({"name_en": "", "description_en": ""}, "A name in English is required."),
    ({"age_bands-0-price": ""}, "Fill in the youngest age, the oldest age and the price"),
    ({"price": "12.345"}, "at most two decimal places"),
    ({"stock": "", "kind": "rental"}, "Please enter a number."),
])
def test_bad_service_input_is_refused_with_the_fields_message(client, auth, desk, overrides,
                                                              message):
    auth.staff_login(Role.MANAGER)
    services_before, entries_before = count(Service), count(AuditEntry)
    response = post_form(client, "/desk/catalogue/services/new",
                         service_form(desk, **overrides),
                         token_from="/desk/catalogue/services/new")
    assert response.status_code == 422
    assert message in response.text
    assert 'class="field-errors' in response.text
    assert count(Service) == services_before
    assert count(AuditEntry) == entries_before


def test_kind_of_a_service_with_bookings_cannot_change(client, auth, desk):
    club = desk["club"]
    slot = make_slot(club, utcnow() + timedelta(days=2))
    stay = make_stay()
    create_booking(stay, [ItemRequest(club, slot_id=slot.id)], stay)
    _db.session.commit()
    auth.staff_login(Role.MANAGER)
    response = post_form(client, "/desk/catalogue/services/kids-club",
                         service_form(desk, slug="kids-club", kind="on_request"),
                         token_from="/desk/catalogue/services/kids-club")
    assert response.status_code == 422
    assert "This service has bookings, so its kind cannot change." in response.text
    _db.session.refresh(club)
    assert club.kind == Kind.ACTIVITY
    assert club.price == Decimal("20.00")  # nothing else was saved either


def test_a_new_price_leaves_existing_bookings_at_their_price(client, auth, desk):
    club = desk["club"]
    slot = make_slot(club, utcnow() + timedelta(days=2))
    stay = make_stay()
    booking = create_booking(stay, [ItemRequest(club, quantity=2, slot_id=slot.id)], stay)
    _db.session.commit()
    auth.staff_login(Role.MANAGER)
    response = post_form(client, "/desk/catalogue/services/kids-club",
                         service_form(desk, slug="kids-club", price="35.00"),
                         token_from="/desk/catalogue/services/kids-club")
    assert response.status_code == 303
    _db.session.refresh(booking)
    item = booking.items[0]
    _db.session.refresh(item)
    assert (item.unit_price, item.price, booking.total) == (
        Decimal("20.00"), Decimal("40.00"), Decimal("40.00"))


def test_stock_is_set_on_creation_and_only_shown_afterwards(client, auth, desk):
    auth.staff_login(Role.MANAGER)
    data = service_form(desk, slug="strollers", kind="rental", pricing_unit="per_unit_day",
                        stock="6", min_age=None, max_age=None)
    assert post_form(client, "/desk/catalogue/services/new", data,
                     token_from="/desk/catalogue/services/new").status_code == 303
    page = client.get("/desk/catalogue/services/strollers").text
    assert 'name="stock"' not in page and "inventory page" in page

    data["stock"] = "60"
    response = post_form(client, "/desk/catalogue/services/strollers", data,
                         token_from="/desk/catalogue/services/strollers")
    assert response.status_code == 303
    assert _db.session.scalar(select(Service.stock).where(Service.slug == "strollers")) == 6


def test_manager_creates_and_edits_a_package(client, auth, desk):
    other = make_service("boat-trip", texts={"en": ("Boat trip", "")})
    _db.session.commit()
    auth.staff_login(Role.MANAGER)
    data = {"slug": "nature", "category": "nature", "discount_percent": "12.5",
            "services": [str(desk["club"].id), str(other.id)], "active": "y",
            "name_en": "Nature extras", "name_ko": "자연"}
    response = post_form(client, "/desk/catalogue/packages/new", data,
                         token_from="/desk/catalogue/packages/new")
    assert response.status_code == 303
    package = _db.session.scalar(select(Package).where(Package.slug == "nature"))
    assert package.discount_percent == Decimal("12.50")
    assert [s.slug for s in package.services] == ["kids-club", "boat-trip"]

    bad = post_form(client, "/desk/catalogue/packages/nature",
                    {**data, "discount_percent": "120"},
                    token_from="/desk/catalogue/packages/nature")
    assert bad.status_code == 422 and "from 0 to 100" in bad.text

    data.update(services=[str(other.id)], discount_percent="15")
    response = post_form(client, "/desk/catalogue/packages/nature", data,
                         token_from="/desk/catalogue/packages/nature")
    assert response.status_code == 303
    _db.session.refresh(package)
    assert [s.slug for s in package.services] == ["boat-trip"]
    details = entries("package.updated")[0].details
    assert details["discount_percent"] == "12.50 → 15.00"
    row = row_of(client.get("/desk/catalogue").text, "nature")
    assert ">ja</span>" in row and ">ko</span>" not in row


# Staff accounts


def new_account(client, **overrides):
    data = {"username": "lena", "full_name": "Lena Berg", "role": "staff",
            "department": "", "language": "de", "password": "s3cret-pass"}
    data.update(overrides)
    return post_form(client, "/desk/staff/new", data, token_from="/desk/staff/new")


def test_manager_creates_an_account_that_can_sign_in(client, auth, desk, app):
    auth.staff_login(Role.MANAGER)
    refused = new_account(client)
    assert refused.status_code == 422 and "Department staff need a department." in refused.text
    short = new_account(client, department=str(desk["department"].id), password="short")
    assert short.status_code == 422 and "at least 8 characters" in short.text
    assert count(StaffUser) == 3

    response = new_account(client, department=str(desk["department"].id))
    assert response.status_code == 303
    lena = _db.session.scalar(select(StaffUser).where(StaffUser.username == "lena"))
    assert (lena.role, lena.department_id, lena.language, lena.full_name) == (
        Role.STAFF, desk["department"].id, "de", "Lena Berg")
    entry = entries("staff.created")[0]
    assert entry.details["role"] == "staff" and entry.details["department"] == "kids-club"
    assert "s3cret-pass" not in str(entry.details) and "password" not in entry.details
    assert "lena" in client.get("/desk/staff").text

    assert log_in(app.test_client(), lena, "s3cret-pass").status_code == 302


def test_role_change_and_password_reset_are_logged(client, auth, desk):
    staff = desk["users"]["staff"]
    auth.staff_login(Role.MANAGER)
    path = f"/desk/staff/{staff.id}"
    response = post_form(client, path, {"role": "reception", "department": "",
                                        "language": "fr", "full_name": "Kim Park"},
                         token_from=path)
    assert response.status_code == 303
    _db.session.refresh(staff)
    assert (staff.role, staff.department_id, staff.language) == (Role.RECEPTION, None, "fr")
    details = entries("staff.updated")[0].details
    assert details["role"] == "staff → reception"
    assert details["department"] == "kids-club → —"

    response = post_form(client, f"{path}/password", {"password": "brand-new-pass"},
                         token_from=path)
    assert response.status_code == 303
    entry = entries("staff.password_reset")[0]
    assert "brand-new-pass" not in str(entry.details)
    _db.session.refresh(staff)
    assert staff.check_password("brand-new-pass")


def test_deactivated_staff_cannot_sign_in_and_can_be_reactivated(client, auth, desk, app):
    reception = desk["users"]["reception"]
    auth.staff_login(Role.MANAGER)
    path = f"/desk/staff/{reception.id}"
    assert post_form(client, f"{path}/active", {"active": "0"},
                     token_from=path).status_code == 303
    _db.session.refresh(reception)
    assert not reception.active
    assert entries("staff.deactivated")[0].object_id == str(reception.id)
    assert log_in(app.test_client(), reception).status_code == 422

    assert post_form(client, f"{path}/active", {"active": "1"},
                     token_from=path).status_code == 303
    _db.session.refresh(reception)
    assert reception.active and entries("staff.reactivated")


def test_the_last_active_manager_is_kept(client, auth, desk):
    boss = desk["users"]["manager"]
    auth.staff_login(Role.MANAGER)
    path = f"/desk/staff/{boss.id}"
    own = post_form(client, f"{path}/active", {"active": "0"}, token_from=path)
    assert own.status_code == 403
    assert "You cannot deactivate your own account." in own.text
    demote = post_form(client, path, {"role": "reception", "department": "",
                                      "language": "en", "full_name": ""}, token_from=path)
    assert demote.status_code == 403
    assert "boss is the last active manager" in demote.text

    second = make_staff("chief", Role.MANAGER)
    _db.session.commit()
    second_path = f"/desk/staff/{second.id}"
    assert post_form(client, f"{second_path}/active", {"active": "0"},
                     token_from=second_path).status_code == 303
    demote = post_form(client, path, {"role": "reception", "department": "",
                                      "language": "en", "full_name": ""}, token_from=path)
    assert demote.status_code == 403  # chief is deactivated, so boss is still the last
    _db.session.refresh(boss)
    assert boss.role == Role.MANAGER and boss.active
    assert not entries("staff.updated")


# Audit log


def fill_log(desk, size: int) -> None:
    """Bring the log to ``size`` entries by staff, guests and the system about stays,
    bookings, items, slots and services (five entries a round; the oldest are dropped)."""
    club, boss = desk["club"], desk["users"]["manager"]
    slot = make_slot(club, utcnow() + timedelta(days=3), capacity=1000)
    for number in range(size // 5 + 1):
        stay = make_stay()
        booking = create_booking(stay, [ItemRequest(club, slot_id=slot.id)], stay)
        audit.record("stay.updated", stay, boss, room=stay.room)
        audit.record("item.cancelled", booking.items[0], stay)
        audit.record("slot.closed", slot, None, reason="storm")
        audit.record("service.updated", club, boss, price=f"{number} → {number + 1}")
    _db.session.flush()
    extra = count(AuditEntry) - size
    for entry in _db.session.scalars(select(AuditEntry).order_by(AuditEntry.id).limit(extra)):
        _db.session.delete(entry)
    _db.session.commit()


def test_audit_log_rows_say_when_who_what_and_which(client, auth, desk):
    fill_log(desk, 10)
    auth.staff_login(Role.MANAGER)
    page = client.get("/desk/audit").text
    assert "10 entries found." in page
    stay_row = row_of(page, 'data-action="item.cancelled"')
    assert re.search(r"guest T\d{5}", stay_row)
    # In words, naming the item by its service and booking, linked to it.
    assert re.search(r'<td data-label="What">Cancelled</td>', stay_row)
    assert re.search(r'href="/desk/requests\?guest=T\d{5}&amp;state="><bdi>Kids club in '
                     r'booking B[A-Z0-9]{7}</bdi></a>', stay_row)
    slot_row = row_of(page, 'data-action="slot.closed"')
    assert "system" in slot_row and "storm" in slot_row and "Slot closed" in slot_row
    assert re.search(r"<bdi>Kids club, \w{3}, \d+ \w{3} \d\d:\d\d<", slot_row)
    service_row = row_of(page, 'data-action="service.updated"')
    assert "boss" in service_row and 'href="/desk/catalogue/services/kids-club"' in service_row
    assert "<bdi>Service: Kids club</bdi>" in service_row and "Service changed" in service_row
    stay_row = row_of(page, 'data-action="stay.updated"')
    assert re.search(r"<bdi>Stay T\d{5} \(\w+\)</bdi>", stay_row)
    assert "item.cancelled</" not in page and "Service 1<" not in page
    # Newest first.
    assert page.index("service.updated") < page.index("stay.updated")


def test_audit_log_filters(client, auth, desk):
    fill_log(desk, 20)
    old = _db.session.scalars(select(AuditEntry).where(
        AuditEntry.action == "slot.closed")).first()
    old.created_at = local_to_utc(hotel_today() - timedelta(days=10), old.created_at.time())
    _db.session.commit()
    boss = desk["users"]["manager"]
    auth.staff_login(Role.MANAGER)

    def found(**query) -> int:
        page = client.get("/desk/audit", query_string=query).text
        return int(re.search(r"(\d+) entr(?:y|ies) found", page).group(1))

    assert found(action="slot.closed") == 4
    assert found(object_type="Stay") == 4
    assert found(who=str(boss.id)) == 8
    assert found(who="guests") == 8  # four cancelled items, four bookings
    assert found(who="system") == 4
    first = (hotel_today() - timedelta(days=1)).isoformat()
    assert found(action="slot.closed", first_day=first) == 3
    assert found(last_day=first) == 1
    club_id = str(desk["club"].id)
    assert found(object_type="Service", object_id=club_id) == 4


def test_audit_log_pages_hold_fifty_entries(client, auth, desk):
    fill_log(desk, 120)
    auth.staff_login(Role.MANAGER)
    first = client.get("/desk/audit").text
    assert "Page 1 of 3" in first and first.count("<tr") == 51  # with the header row
    last = client.get("/desk/audit?page=3").text
    assert last.count("<tr") == 21


def test_audit_log_page_runs_a_constant_number_of_queries(client, auth, desk, count_queries):
    auth.staff_login(Role.MANAGER)
    counts = []
    for size in (10, 200):
        fill_log(desk, size)
        assert count(AuditEntry) == size
        client.application.extensions["catalogue_cache"].clear()  # as a process meets it
        with count_queries() as counter:
            response = client.get("/desk/audit")
        assert response.status_code == 200
        assert "booking.created" in response.text and "slot.closed" in response.text
        counts.append(counter.count)
    assert counts[0] == counts[1], counts
