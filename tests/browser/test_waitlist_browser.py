"""In real Chromium at phone width, in Korean: a guest joins the waiting list of a full
riding lesson, another guest cancels, and the first finds the offer on the Messages page
and books it."""

from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from sqlalchemy import select

from hotel.clock import hotel_today
from hotel.extensions import db
from hotel.models import Slot, WaitingEntry, WaitingState
from hotel.models.types import utcnow
from hotel.services.bookings import create_booking
from hotel.services.rules import ItemRequest
from tests.browser.conftest import screenshot
from tests.factories import make_service, make_slot, make_stay

pytestmark = pytest.mark.browser


def full_lesson(app) -> dict:
    """Add a riding lesson with one place, taken by one guest, and a second guest."""
    with app.app_context():
        lesson = make_service("pony-lesson", price="25.00", cutoff_hours=0,
                              texts={"en": ("Pony lesson", "A first ride."),
                                     "ko": ("포니 승마 강습", "첫 승마.")})
        slot = make_slot(lesson, utcnow() + timedelta(days=2), capacity=1)
        holder = make_stay("WL0001", last_name="Park", language="ko", adults=1,
                           arrival_on=hotel_today(), nights=4)
        waiting = make_stay("WL0002", last_name="Choi", language="ko", adults=1,
                            arrival_on=hotel_today(), nights=4)
        create_booking(holder, [ItemRequest(service=lesson, slot_id=slot.id,
                                            participant_ids=[holder.members[0].id])], holder)
        db.session.commit()
        found = {"slot": slot.id, "waiting_member": waiting.members[0].id}
        db.session.remove()
    return found


def sign_in(page, reference: str, last_name: str) -> None:
    page.goto("/sign-in?lang=ko")
    page.fill("#identifier", reference)
    page.fill("#last_name", last_name)
    page.click("form.form button[type=submit]")
    assert page.locator(".flash--success").count() == 1


def test_a_guest_waits_in_korean_and_books_the_offer_from_the_messages_page(
        browser, page, live_app):
    lesson = full_lesson(live_app)
    sign_in(page, "WL0002", "Choi")
    page.goto("/services/pony-lesson")
    assert page.locator("html").get_attribute("lang") == "ko"
    page.check(f"input[name='waitlist-slot_id'][value='{lesson['slot']}']")
    page.check(f"input[name='waitlist-participants'][value='{lesson['waiting_member']}']")
    screenshot(page, "waitlist-join-ko")
    page.click("form[action$='/waitlist'] button[type=submit]")
    assert page.url.endswith("/my-bookings")
    assert page.locator(".waitlist-entry--waiting").count() == 1
    screenshot(page, "waitlist-my-bookings-ko")

    other = browser.new_context(viewport={"width": 390, "height": 844},
                                base_url=live_app.config["LIVE_URL"]).new_page()
    sign_in(other, "WL0001", "Park")
    other.goto("/my-bookings")
    other.click("a[href*='/cancel']")  # cancelling asks first, showing what it costs
    other.click("form[action*='/cancel'] button[type=submit]")
    assert other.locator(".flash--success").count() == 1
    other.context.close()

    page.goto("/messages")
    offer_link = page.locator("a[href*='/waitlist/']").first
    screenshot(page, "waitlist-messages-ko")
    # The link carries PUBLIC_URL, the address guests reach; here the app has another.
    page.goto(urlsplit(offer_link.get_attribute("href")).path)
    assert page.locator("form[action$='/accept']").count() == 1
    screenshot(page, "waitlist-offer-ko")
    page.click("form[action$='/accept'] button[type=submit]")
    assert "/bookings/" in page.url
    screenshot(page, "waitlist-booked-ko")
    with live_app.app_context():
        entry = db.session.scalar(select(WaitingEntry).where(
            WaitingEntry.slot_id == lesson["slot"]))
        assert entry.state == WaitingState.BOOKED
        assert db.session.get(Slot, lesson["slot"]).booked == 1
        db.session.remove()
