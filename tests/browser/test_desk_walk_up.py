"""At the desk (1280 px), reception books the outdoor package and a transfer for a walk-up
couple in one basket, sees the price, books it, and confirms two requests from Today's rows."""

from datetime import timedelta

from sqlalchemy import select

from hotel.clock import hotel_today
from hotel.extensions import db
from hotel.models import BookingItem, ItemState, Stay
from tests.browser.conftest import screenshot
from tests.browser.test_print_run_sheet import sign_in


def walk_up_couple(app) -> str:
    """Return the reference of a demo stay of two adults, in the hotel today and tomorrow."""
    with app.app_context():
        today = hotel_today()
        stays = db.session.scalars(select(Stay).where(
            Stay.arrival_on <= today, Stay.departure_on > today + timedelta(days=2))
            .order_by(Stay.reference)).all()
        for stay in stays:
            if len(stay.members) == 2 and not stay.children:
                return stay.reference
    raise AssertionError("the demo data has no couple staying")


def waiting_rows(page):
    return page.locator("#waiting-heading ~ table tbody tr")


def test_reception_books_a_package_and_a_transfer_in_one_basket_and_answers_from_today(
        page, live_app):
    reference = walk_up_couple(live_app)
    with live_app.app_context():
        tomorrow = hotel_today() + timedelta(days=1)
    page.set_viewport_size({"width": 1280, "height": 900})
    sign_in(page, "reception", "reception-demo", "en")

    page.goto(f"/desk/stays/{reference}")
    page.click("text=Book for this guest")
    listed = page.locator(".service-picker tbody a").all_inner_texts()
    assert "Crib" not in listed and "Private transfer" in listed  # a couple gets no crib

    page.click("text=Outdoor activity package")
    excursion = page.locator("details.package-line", has_text="Group day excursion")
    excursion.locator("summary").click()
    excursion.locator("input[name$='-include']").check()
    excursion.locator("input[name$='-slot_id']:not([disabled])").first.check()
    for person in excursion.locator("input[name$='-participants']").all():
        person.check()
    car = page.locator("details.package-line", has_text="Car rental")
    car.locator("summary").click()
    car.locator("input[name$='-include']").check()
    page.click("button:has-text('Add to the basket')")
    assert page.locator(".flash--success").count() == 1

    page.click("text=Add more services")
    page.fill("#q", "transfer")
    page.click("form[role=search] button")
    page.click(".service-picker a:has-text('Private transfer')")
    page.fill("#date", tomorrow.isoformat())
    page.fill("#time", "09:30")
    page.fill("#detail_pickup_place", "Westbahnhof, platform 4")
    page.fill("#detail_destination", "Hotel")
    page.fill("#detail_passengers", "2")
    page.click("button:has-text('Add to the basket')")

    lines = page.locator("table.basket tbody tr")
    assert lines.count() == 3
    assert lines.filter(has=page.locator(".package-tag")).count() == 2
    assert page.locator("table.basket .total").inner_text().strip().startswith("Total")
    screenshot(page, "desk-walk-up-basket-1280")
    page.uncheck("#confirm_now")  # the transfer waits for the driver to be found
    page.click("button:has-text('Book everything')")
    assert page.locator(".flash--success").count() == 1
    assert f"/desk/stays/{reference}" in page.url

    page.goto("/desk/")
    rows = waiting_rows(page)
    mine = rows.filter(has_text="Private transfer").filter(has=page.locator(
        "text=Westbahnhof, platform 4"))
    assert mine.count() == 1
    item_id = int(mine.locator("input[name=item_ids]").first.get_attribute("value"))
    mine.locator("button:has-text('Confirm')").click()
    assert "1 item updated." in page.locator(".flash--success").inner_text()
    other = waiting_rows(page).first
    other_id = int(other.locator("input[name=item_ids]").first.get_attribute("value"))
    other.locator("button:has-text('Confirm')").click()
    assert "1 item updated." in page.locator(".flash--success").inner_text()
    screenshot(page, "desk-today-after-confirming-1280")
    with live_app.app_context():
        states = [db.session.get(BookingItem, number).state for number in (item_id, other_id)]
    assert states == [ItemState.CONFIRMED, ItemState.CONFIRMED]
