"""A guest books the family package with a crib and a kids-club slot in real Chromium."""

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from hotel.clock import hotel_today
from hotel.extensions import db
from hotel.models import Booking, Service, Stay
from hotel.services.availability import rental_availability
from tests.browser.conftest import screenshot

pytestmark = pytest.mark.browser


def family_with_a_club_aged_child(app):
    """Return a demo stay arriving today with a child aged 4 to 12."""
    with app.app_context():
        stays = db.session.scalars(select(Stay).where(Stay.arrival_on == hotel_today())).all()
        for stay in stays:
            if any(c.age is not None and 4 <= c.age <= 12 for c in stay.children):
                return stay.reference, stay.last_name
    raise AssertionError("the demo data has no family with a child aged 4 to 12 arriving today")


def first_day_with_a_free_crib(app, reference: str) -> str:
    """Return the first night of the stay with a crib free (the demo guests took some)."""
    with app.app_context():
        stay = db.session.scalar(select(Stay).where(Stay.reference == reference))
        crib = db.session.scalar(select(Service).where(Service.slug == "crib"))
        first = max(stay.arrival_on, hotel_today())
        for day in rental_availability(crib, first, stay.departure_on - timedelta(days=1)):
            if day.remaining > 0:
                return day.day.isoformat()
    raise AssertionError("no crib is free during the stay")


def test_guest_books_family_package_and_downloads_the_calendar(page, live_app):
    reference, last_name = family_with_a_club_aged_child(live_app)
    page.goto("/sign-in?lang=en")
    page.fill("#identifier", reference)
    page.fill("#last_name", last_name.upper())
    page.click("form.form button[type=submit]")
    assert page.locator(".flash--success").count() == 1

    page.goto("/packages/family")
    page.click("text=Book this package")
    page.click("summary:has-text('Crib')")
    page.check("#crib-include")
    free_day = first_day_with_a_free_crib(live_app, reference)
    page.fill("#crib-start_date", free_day)
    page.fill("#crib-end_date", free_day)
    page.click("summary:has-text('Kids club')")
    page.check("#kids-club-include")
    page.locator("input[name='kids-club-slot_id']:not([disabled])").first.check()
    page.locator("input[name='kids-club-participants']").first.check()
    screenshot(page, "package-form-en")
    page.click("button:has-text('Book the package')")
    errors = page.locator(".field-errors, .form-errors").all_inner_texts()
    assert not errors, errors

    heading = page.locator("h1").inner_text()
    assert heading.startswith("Booking B")
    reference_shown = heading.split()[-1]
    assert page.locator("td:has-text('Crib')").count() == 1
    assert page.locator("td:has-text('Kids club')").count() == 1
    assert "Package: Family package" in page.content()
    screenshot(page, "package-confirmation-en")

    with page.expect_download() as download:
        page.click("text=Add to my calendar")
    calendar = Path(download.value.path()).read_text(encoding="utf-8")
    assert download.value.suggested_filename == f"{reference_shown}.ics"
    assert calendar.count("BEGIN:VEVENT") == 2
    assert "SUMMARY:Kids club" in calendar

    with live_app.app_context():
        booking = db.session.scalar(select(Booking).where(Booking.reference == reference_shown))
        assert booking.package.slug == "family"
        assert {item.service.slug for item in booking.items} == {"crib", "kids-club"}
        assert booking.discount_total > 0
