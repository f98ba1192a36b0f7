"""The catalogue's version goes up with every change of the catalogue, in its transaction,
whatever path made the change; bookings and other writes leave it alone."""

from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select, update

from hotel.clock import hotel_today
from hotel.demo.loader import load_demo_data
from hotel.models import AgeBand, Kind, PricingUnit, Role, Service, ServiceText
from hotel.services.bookings import cancel_booking_item, create_booking
from hotel.services.catalogue import create_package, update_package, update_service
from hotel.services.catalogue_version import current_version
from hotel.services.rentals import change_stock
from hotel.services.rules import ItemRequest
from tests.factories import make_department, make_package, make_service, make_staff, make_stay


@pytest.fixture
def manager(db):
    return make_staff("boss", Role.MANAGER)


@pytest.fixture
def crib(db):
    service = make_service("crib", kind=Kind.RENTAL, pricing_unit=PricingUnit.PER_UNIT_NIGHT,
                           price="8.00", stock=4, texts={"en": ("Crib", "A cot.")},
                           age_bands=[(0, 2, "0")])
    db.session.commit()
    return service


def version_after(db, change) -> tuple[int, int]:
    """Return the version before a change and after it is committed."""
    db.session.commit()
    before = current_version()
    change()
    db.session.commit()
    return before, current_version()


def _service_data(service: Service, **overrides) -> dict:
    data = {"slug": service.slug, "category": service.category.value,
            "kind": service.kind.value, "pricing_unit": service.pricing_unit.value,
            "price": str(service.price), "department_id": service.department_id,
            "min_age": None, "max_age": None, "cutoff_hours": service.cutoff_hours,
            "max_quantity": service.max_quantity, "capacity_unit": service.capacity_unit.value,
            "duration_minutes": None, "active": True,
            "stock": service.stock, "request_fields": [],
            "age_bands": [{"min_age": 0, "max_age": 2, "price": "0"}],
            "texts": {"en": {"name": "Crib", "description": "A cot."}}}
    data.update(overrides)
    return data


@pytest.mark.parametrize("overrides", [
    {"price": "9.50"},
    {"texts": {"en": {"name": "Crib", "description": "A cot."},
               "ko": {"name": "아기 침대", "description": ""}}},
    {"age_bands": [{"min_age": 0, "max_age": 3, "price": "0"}]},
    {"active": False},
], ids=["price", "texts", "age bands", "active"])
def test_the_catalogue_editor_raises_the_version(db, manager, crib, overrides):
    before, after = version_after(
        db, lambda: update_service(crib, _service_data(crib, **overrides), manager))
    assert after == before + 1


def test_saving_a_service_unchanged_leaves_the_version(db, manager, crib):
    before, after = version_after(db, lambda: update_service(crib, _service_data(crib), manager))
    assert after == before


def test_packages_raise_the_version_when_made_and_changed(db, manager, crib):
    other = make_service(texts={"en": ("Stroller", "")})
    data = {"slug": "family", "category": "family", "discount_percent": "10", "active": True,
            "service_ids": [crib.id, other.id],
            "texts": {"en": {"name": "Family", "description": ""}}}
    made = []
    before, after = version_after(db, lambda: made.append(create_package(data, manager)))
    assert after == before + 1
    data["service_ids"] = [other.id, crib.id]
    before, after = version_after(db, lambda: update_package(made[0], data, manager))
    assert after == before + 1


def test_a_stock_change_raises_the_version(db, manager, crib):
    before, after = version_after(db, lambda: change_stock(crib.id, 6, manager))
    assert after == before + 1


def test_any_write_through_the_session_raises_it_once_per_transaction(db, crib):
    def change():
        crib.texts[0].name = "Cot"
        db.session.flush()
        crib.age_bands.append(AgeBand(min_age=3, max_age=5, price=Decimal("2")))
        db.session.flush()
        make_department("stables")

    before, after = version_after(db, change)
    assert after == before + 1


def test_update_and_delete_statements_raise_it(db, crib):
    before, after = version_after(db, lambda: db.session.execute(
        update(Service).where(Service.id == crib.id).values(position=7)))
    assert after == before + 1
    before, after = version_after(db, lambda: db.session.execute(
        update(ServiceText).where(ServiceText.service_id == crib.id).values(name="Cot")))
    assert after == before + 1


def test_a_change_rolled_back_takes_its_version_with_it(db, crib):
    db.session.commit()
    before = current_version()
    crib.price = Decimal("99")
    db.session.flush()
    assert current_version() == before + 1  # in the change's own transaction
    db.session.rollback()
    assert current_version() == before
    assert db.session.get(Service, crib.id).price == Decimal("8.00")


def test_loading_the_demo_hotel_raises_it(db):
    before, after = version_after(db, load_demo_data)
    assert after == before + 1
    before, after = version_after(db, load_demo_data)  # loading again changes nothing
    assert after == before


def test_bookings_and_cancellations_leave_the_version_alone(db, crib):
    package = make_package([crib])
    stay = make_stay(arrival_on=hotel_today(), nights=5)
    db.session.commit()
    before = current_version()
    first = hotel_today() + timedelta(days=2)
    booking = create_booking(stay, [ItemRequest(crib, start_on=first, end_on=first)], stay)
    cancel_booking_item(booking.items[0], stay)
    assert db.session.scalar(select(Service.stock).where(Service.id == crib.id)) == 4
    assert package.id and current_version() == before
