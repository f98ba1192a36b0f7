"""Managers' changes to the catalogue: checked, logged, and never touching sold prices."""

from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from hotel.models import AuditEntry, Kind, Role, Service
from hotel.models.types import utcnow
from hotel.services.bookings import create_booking
from hotel.services.catalogue import (
    create_package,
    create_service,
    update_package,
    update_service,
)
from hotel.services.errors import DomainError
from hotel.services.rules import ItemRequest
from hotel.services.staff import add_staff_account, set_staff_active, update_staff_user
from tests.factories import make_department, make_service, make_slot, make_staff, make_stay


@pytest.fixture
def boss(db):
    return make_staff("boss", Role.MANAGER)


@pytest.fixture
def department(db):
    return make_department("stables", "Stables")


def service_data(department, **overrides) -> dict:
    data = {
        "slug": "horse-riding", "category": "nature", "kind": "activity",
        "pricing_unit": "per_person", "price": "30", "department_id": department.id,
        "min_age": 6, "max_age": None, "cutoff_hours": 24, "max_quantity": 4,
        "capacity_unit": "persons", "duration_minutes": 60, "active": True,
        "request_fields": [], "age_bands": [{"min_age": 6, "max_age": 11, "price": "15"}],
        "texts": {"en": {"name": "Horse riding", "description": "An hour in the woods."}},
    }
    data.update(overrides)
    return data


def count(db, model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def test_create_service_stores_exact_prices_and_logs_it(db, boss, department):
    service = create_service(service_data(department), boss)
    assert service.price == Decimal("30.00")
    assert [(b.min_age, b.max_age, b.price) for b in service.age_bands] == [
        (6, 11, Decimal("15.00"))]
    assert service.stock is None  # only rentals have stock
    entry = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "service.created"))
    assert entry.object_id == str(service.id) and entry.staff_id == boss.id


@pytest.mark.parametrize("overrides, field", [
    ({"price": "-0.01"}, "price"),
    ({"price": "1e12"}, "price"),
    ({"age_bands": [{"min_age": 0, "max_age": 5, "price": "0"},
                    {"min_age": 5, "max_age": 9, "price": "5"}]}, "age_bands"),
    ({"age_bands": [{"min_age": 9, "max_age": 5, "price": "5"}]}, "age_bands"),
    ({"min_age": 10, "max_age": 8}, "min_age"),
    ({"department_id": 424242}, "department"),
    ({"slug": "new"}, "slug"),
    ({"slug": "-riding"}, "slug"),
    ({"kind": "teleport"}, "kind"),
    ({"request_fields": ["shoe_size"]}, "request_fields"),
    ({"texts": {"en": {"name": ""}, "de": {"name": "Reiten"}}}, "name_en"),
    ({"texts": {"en": {"name": "Riding"}, "de": {"name": "", "description": "Nur Text"}}},
     "name_de"),
    ({"texts": {"en": {"name": "Riding"}, "xx": {"name": "?"}}}, "texts"),
])
def test_bad_values_are_refused_with_their_field_and_nothing_is_saved(db, boss, department,
                                                                       overrides, field):
    with pytest.raises(DomainError) as caught:
        create_service(service_data(department, **overrides), boss)
    assert caught.value.field == field
    assert caught.value.message
    assert count(db, Service) == 0
    assert count(db, AuditEntry) == 0


def test_adjacent_age_bands_and_empty_rows_are_fine(db, boss, department):
    bands = [{"min_age": 3, "max_age": 11, "price": "10"}, {"min_age": None, "max_age": "",
                                                            "price": None},
             {"min_age": 0, "max_age": 2, "price": "0"}]
    service = create_service(service_data(department, age_bands=bands), boss)
    assert [(b.min_age, b.max_age) for b in service.age_bands] == [(0, 2), (3, 11)]


def test_update_logs_old_and_new_values_only_for_what_changed(db, boss, department):
    service = create_service(service_data(department), boss)
    data = service_data(department, price="32.50", age_bands=[],
                        texts={"en": {"name": "Horse riding",
                                      "description": "An hour in the woods."},
                               "ko": {"name": "승마", "description": ""}})
    update_service(service, data, boss)
    entry = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "service.updated"))
    assert entry.details == {"price": "30.00 → 32.50", "age_bands": "6–11: 15.00 → —",
                             "name[ko]": "— → 승마"}
    update_service(service, data, boss)  # the same values again: nothing to log
    assert count(db, AuditEntry) == 2


def test_kind_of_a_booked_service_cannot_change_but_an_unbooked_one_can(db, boss):
    booked = make_service("club", price="20.00")
    slot = make_slot(booked, utcnow() + timedelta(days=2))
    stay = make_stay()
    create_booking(stay, [ItemRequest(booked, slot_id=slot.id)], stay)
    data = service_data(booked.department, slug="club", kind="on_request")
    with pytest.raises(DomainError) as caught:
        update_service(booked, data, boss)
    assert caught.value.field == "kind"
    db.session.refresh(booked)
    assert booked.kind == Kind.ACTIVITY

    free = make_service("idle")
    update_service(free, service_data(free.department, slug="idle", kind="on_request"), boss)
    assert free.kind == Kind.ON_REQUEST


def test_sold_items_keep_their_price_snapshot(db, boss):
    club = make_service("club", price="20.00", age_bands=[(3, 11, "10.00")])
    slot = make_slot(club, utcnow() + timedelta(days=2))
    stay = make_stay(children=[5])
    booking = create_booking(stay, [ItemRequest(club, quantity=1, slot_id=slot.id,
                                                participant_ids=[stay.children[0].id])], stay)
    item = booking.items[0]
    assert item.price == Decimal("10.00")
    update_service(club, service_data(club.department, slug="club", price="50",
                                      age_bands=[{"min_age": 3, "max_age": 11,
                                                  "price": "25"}]), boss)
    db.session.expire_all()
    assert (item.unit_price, item.price, booking.total) == (
        Decimal("20.00"), Decimal("10.00"), Decimal("10.00"))


def test_stock_is_set_for_a_new_rental_and_then_left_to_the_inventory(db, boss, department):
    data = service_data(department, slug="boats", kind="rental", pricing_unit="per_hour",
                        stock=4, age_bands=[])
    boats = create_service(data, boss)
    assert boats.stock == 4
    update_service(boats, {**data, "stock": 40}, boss)
    assert boats.stock == 4


def test_packages_are_checked_and_their_changes_logged(db, boss):
    club, boats = make_service("club"), make_service("boats")
    data = {"slug": "family", "category": "family", "discount_percent": "10",
            "service_ids": [club.id, boats.id], "active": True,
            "texts": {"en": {"name": "Family package"}}}
    package = create_package(data, boss)
    assert [s.slug for s in package.services] == ["club", "boats"]
    for bad, field in [({"discount_percent": "100.5"}, "discount_percent"),
                       ({"service_ids": []}, "services"),
                       ({"service_ids": [club.id, 999999]}, "services"),
                       ({"slug": "family"}, "slug")]:
        with pytest.raises(DomainError) as caught:
            create_package({**data, "slug": "other", **bad}, boss)
        assert caught.value.field == field
    update_package(package, {**data, "service_ids": [boats.id, club.id]}, boss)
    entry = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "package.updated"))
    assert entry.details == {"services": f"{club.id}, {boats.id} → {boats.id}, {club.id}"}


def test_staff_rules_keep_an_active_manager_and_never_log_passwords(db, boss, department):
    lena = add_staff_account({"username": "Lena", "password": "long-enough", "role": "staff",
                              "department_id": department.id, "language": "de"}, boss)
    assert lena.username == "lena" and lena.department == department
    with pytest.raises(DomainError) as caught:
        add_staff_account({"username": "lena", "password": "long-enough",
                           "role": "reception", "language": "en"}, boss)
    assert caught.value.field == "username"
    with pytest.raises(DomainError) as caught:
        set_staff_active(boss, False, boss)
    assert caught.value.field == "active"
    with pytest.raises(DomainError):
        update_staff_user(boss, {"role": "reception", "language": "en"}, boss)
    update_staff_user(lena, {"role": "manager", "language": "de"}, boss)
    assert lena.role == Role.MANAGER and lena.department is None
    set_staff_active(boss, False, lena)  # now there is another manager
    assert not boss.active
    logged = " ".join(str(e.details) for e in db.session.scalars(select(AuditEntry)))
    assert "long-enough" not in logged
