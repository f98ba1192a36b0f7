"""Housekeeping hands a unit out on a phone, in Korean, and takes it back damaged;
reception sees it out of service on the rental's page and marks it repaired."""

import pytest
from sqlalchemy import select

from hotel.clock import hotel_today
from hotel.extensions import db
from hotel.models import BookingItem, HandOut, ItemState, OutOfService, Service
from hotel.services.hand_outs import free_units
from tests.browser.conftest import screenshot

pytestmark = pytest.mark.browser


def sign_in(browser, live_app, username: str, password: str):
    context = browser.new_context(viewport={"width": 390, "height": 844},
                                  base_url=live_app.config["LIVE_URL"])
    page = context.new_page()
    page.goto("/desk/login?lang=ko")
    page.fill("#username", username)
    page.fill("#password", password)
    page.click("main form button[type=submit]")
    page.wait_for_url("**/desk/**")
    return context, page


@pytest.fixture
def children_equipment(live_app):
    """A confirmed booking of children's equipment still to come, none of it handed out."""
    with live_app.app_context():
        items = db.session.scalars(
            select(BookingItem).join(BookingItem.service)
            .where(Service.slug == "kids-equipment", BookingItem.state == ItemState.CONFIRMED,
                   BookingItem.start_on >= hotel_today())).all()
        given = set(db.session.scalars(select(HandOut.item_id)))
        item = next(item for item in items if item.id not in given and free_units(item))
        found = {"item": item.id, "service": item.service.slug}
        db.session.remove()
    return found


def test_a_unit_is_handed_out_comes_back_damaged_and_is_repaired(browser, live_app,
                                                                  children_equipment):
    context, page = sign_in(browser, live_app, "housekeeping", "housekeeping-demo")
    page.goto(f"/desk/rentals/items/{children_equipment['item']}?lang=ko")
    unit = page.locator("#unit option").first.inner_text()
    page.fill("#deposit", "30")
    page.click(".hand-out-form button[type=submit]")
    assert f"내주었습니다: {unit}" in page.inner_text(".flash, [role=status], main")
    page.check(".return-form input[value=damaged]")
    page.fill(".return-form textarea", "바퀴가 휘었습니다")
    page.check(".return-form input[type=checkbox]")
    page.click(".return-form button[type=submit]")
    assert "수리될 때까지 사용이 중지됩니다" in page.inner_text("main")
    screenshot(page, "hand-out-damaged-ko")
    context.close()
    with live_app.app_context():
        given = db.session.scalar(select(HandOut).where(
            HandOut.item_id == children_equipment["item"]))
        assert given.condition == "damaged" and given.deposit_returned_at is not None
        assert db.session.get(OutOfService, given.out_of_service_id).unit_id == given.unit_id
        db.session.remove()

    context, page = sign_in(browser, live_app, "reception", "reception-demo")
    page.goto(f"/desk/inventory/services/{children_equipment['service']}?lang=ko")
    row = page.locator("tr", has_text="바퀴가 휘었습니다")
    assert row.count() == 1
    row.locator("button[type=submit]").click()
    assert "다시 사용할 수 있습니다" in page.inner_text("main")
    context.close()
    with live_app.app_context():
        assert db.session.scalar(select(OutOfService).where(
            OutOfService.unit_id == given.unit_id, OutOfService.ends_on >= hotel_today())) is None
        db.session.remove()
