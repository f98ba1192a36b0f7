"""What every guest sees alike is cached in each process, and a change of the catalogue
made through one server is seen at once through another: two instances of the app on one
database, both with their caches warm."""

from contextlib import contextmanager
from datetime import date, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import event

from hotel import create_app
from hotel.clock import day_starts_at, hotel_today
from hotel.models import Role
from hotel.services.catalogue import update_service
from tests.conftest import FreshContextClient, make_config
from tests.factories import make_booking_item, make_service, make_slot, make_staff, make_stay


@pytest.fixture
def other_app(app, db):
    """A second instance of the application on the same database, as another server has."""
    other = create_app(make_config(app.config["SQLALCHEMY_DATABASE_URI"]))
    other.config["BACKEND"] = app.config["BACKEND"]
    other.test_client_class = FreshContextClient
    yield other
    with other.app_context():
        db.session.remove()
        db.engine.dispose()


@contextmanager
def statements_of(application):
    """Collect the statements an app instance sends while the block runs."""
    with application.app_context():
        engine = application.extensions["sqlalchemy"].engine
    sent: list[str] = []

    def record(conn, cursor, statement, parameters, context, executemany):
        sent.append(statement)

    event.listen(engine, "before_cursor_execute", record)
    try:
        yield sent
    finally:
        event.remove(engine, "before_cursor_execute", record)


def _service_data(service, price: str, name: str, active: bool = True) -> dict:
    return {"slug": service.slug, "category": service.category.value,
            "kind": service.kind.value, "pricing_unit": service.pricing_unit.value,
            "price": price, "department_id": service.department_id, "min_age": None,
            "max_age": None, "cutoff_hours": service.cutoff_hours,
            "max_quantity": service.max_quantity,
            "capacity_unit": service.capacity_unit.value, "duration_minutes": 60,
            "active": active, "request_fields": [], "age_bands": [],
            "texts": {"en": {"name": name, "description": "Hot stones."},
                      "ko": {"name": "사우나", "description": ""}}}


@pytest.fixture
def sauna(db):
    service = make_service("sauna", price="12.00", duration_minutes=60,
                           texts={"en": ("Sauna", "Hot stones."), "ko": ("사우나", "")})
    db.session.commit()
    return service


def _warm(*clients) -> None:
    for browser in clients:
        for _ in range(2):
            assert "€12.00" in browser.get("/services/sauna").text
            assert "Sauna" in browser.get("/").text


def test_a_warm_page_reads_only_the_catalogue_version(app, other_app, client, sauna):
    there = other_app.test_client()
    _warm(client, there)
    with statements_of(other_app) as sent:
        assert "€12.00" in there.get("/services/sauna").text
    assert [s for s in sent if s != "BEGIN"] == [
        next(s for s in sent if "catalogue_version" in s)]


def test_a_change_through_one_server_is_seen_at_once_through_another(
        app, other_app, client, db, sauna):
    there = other_app.test_client()
    _warm(client, there)
    manager = make_staff("boss", Role.MANAGER)
    update_service(sauna, _service_data(sauna, "14.50", "Lakeside sauna"), manager)
    for browser in (there, client):
        page = browser.get("/services/sauna").text
        assert "€14.50" in page and "Lakeside sauna" in page and "€12.00" not in page
        assert "Lakeside sauna" in browser.get("/").text
        assert "사우나" in browser.get("/?lang=ko").text
    assert db.session.get(type(sauna), sauna.id).price == Decimal("14.50")


def test_a_service_taken_off_the_offer_is_gone_everywhere_at_once(
        app, other_app, client, db, sauna):
    there = other_app.test_client()
    _warm(client, there)
    update_service(sauna, _service_data(sauna, "12.00", "Sauna", active=False),
                   make_staff("boss", Role.MANAGER))
    for browser in (there, client):
        assert browser.get("/services/sauna").status_code == 404
        assert "Sauna" not in browser.get("/").text


def test_each_language_has_its_own_entry_and_unknown_pages_none(app, client, sauna):
    cache = app.extensions["catalogue_cache"]
    assert "사우나" in client.get("/services/sauna?lang=ko").text
    assert "Sauna" in client.get("/services/sauna?lang=en").text
    assert "사우나" in client.get("/services/sauna?lang=ko").text
    assert len(cache) == 2
    for number in range(20):
        assert client.get(f"/services/no-such-service-{number}").status_code == 404
    assert len(cache) == 2


def test_my_bookings_names_the_services_as_the_catalogue_has_them_now(
        app, client, auth, db, sauna):
    """My bookings keeps the services it shows, named and priced, until the catalogue
    changes: a new name is on the guest's next page."""
    stay = make_stay(arrival_on=date.today())
    make_booking_item(stay, sauna, start_on=date.today() + timedelta(days=1))
    db.session.commit()
    auth.guest_login(stay)
    for _ in range(2):  # the second from what the first kept
        assert "Sauna" in client.get("/my-bookings").text
    update_service(sauna, _service_data(sauna, "12.00", "Lakeside sauna"),
                   make_staff("boss", Role.MANAGER))
    page = client.get("/my-bookings").text
    assert "Lakeside sauna" in page
    assert "사우나" in client.get("/my-bookings?lang=ko").text


def test_today_names_the_days_activities_as_the_catalogue_has_them_now(
        app, client, auth, db, sauna):
    """Today keeps the desk's services, named, until the catalogue changes."""
    make_slot(sauna, day_starts_at(hotel_today()) + timedelta(hours=15))
    db.session.commit()
    auth.staff_login(Role.RECEPTION)
    for _ in range(2):  # the second from what the first kept
        assert "Sauna" in client.get("/desk/").text
    update_service(sauna, _service_data(sauna, "12.00", "Lakeside sauna"),
                   make_staff("boss", Role.MANAGER))
    assert "Lakeside sauna" in client.get("/desk/").text


def test_a_signed_in_guest_reads_the_version_with_the_stay(app, client, auth, db, sauna):
    stay = make_stay(arrival_on=date.today())
    db.session.commit()
    auth.guest_login(stay)
    _warm(client)
    with statements_of(app) as sent:
        assert "€12.00" in client.get("/services/sauna").text
    reading_version = [s for s in sent if "catalogue_version" in s]
    assert len(reading_version) == 1 and "FROM stay" in reading_version[0]


def test_staff_read_the_version_with_their_account(app, client, auth, db, sauna):
    auth.staff_login(Role.RECEPTION)
    client.get("/desk/")
    with statements_of(app) as sent:
        assert client.get("/desk/").status_code == 200
    reading_version = [s for s in sent if "catalogue_version" in s]
    assert len(reading_version) == 1 and "FROM staff_user" in reading_version[0]
