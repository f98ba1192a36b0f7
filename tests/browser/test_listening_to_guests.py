"""Listening to guests in real Chromium: an FAQ answers in Korean; a complaint is
answered and closed by reception, the guest rates the handling, the manager sees it.
"""

import re

import pytest
from sqlalchemy import select

from hotel.clock import hotel_today
from hotel.extensions import db
from hotel.models import Stay, Ticket
from tests.browser.conftest import screenshot
from tests.scenarios import translated

pytestmark = pytest.mark.browser


def a_guest(app, language: str) -> tuple[str, str]:
    """Return the reference and last name of a demo stay in house reading ``language``."""
    with app.app_context():
        stay = db.session.scalars(select(Stay).where(
            Stay.language == language, Stay.arrival_on <= hotel_today(),
            Stay.departure_on > hotel_today())).first()
        assert stay is not None, f"no {language} guest in house in the demo data"
        return stay.reference, stay.last_name


def sign_in(page, reference: str, last_name: str) -> None:
    page.goto("/sign-in")
    page.fill("#identifier", reference)
    page.fill("#last_name", last_name)
    page.click("form.form button[type=submit]")


def staff_page(browser, live_app, username: str, password: str):
    context = browser.new_context(viewport={"width": 1280, "height": 900},
                                  base_url=live_app.config["LIVE_URL"])
    page = context.new_page()
    page.goto("/desk/login?lang=en")
    page.fill("#username", username)
    page.fill("#password", password)
    page.click("form.form button[type=submit]")
    return page


def test_a_korean_guest_finds_the_answer_in_the_faq(page, live_app):
    page.set_extra_http_headers({"Accept-Language": "ko"})
    sign_in(page, *a_guest(live_app, "ko"))
    page.goto("/help/ask")
    page.locator("input[name='kind']").first.check()
    page.fill("#text", "수영장은 몇 시에 열어요?")
    page.click("form.form button[type=submit]")
    matches = page.locator(".help-matches")
    assert matches.count() == 1
    assert "수영장" in matches.inner_text()
    assert translated("ko", "Did this answer your question?") in matches.inner_text()
    screenshot(page, "korean-faq-answer")
    with live_app.app_context():
        before = db.session.query(Ticket).count()
    page.click("button[value='solved']")
    assert translated("ko", "We are glad it helped.") in page.content()
    with live_app.app_context():
        assert db.session.query(Ticket).count() == before  # nothing was sent


def test_a_complaint_is_answered_closed_rated_and_reported(page, browser, live_app):
    manager = staff_page(browser, live_app, "manager", "manager-demo")
    manager.goto("/desk/reports")
    before = manager.locator("#satisfaction-complaints").inner_text()
    count_before = int(re.search(r"(\d+) answers?", before).group(1))

    sign_in(page, *a_guest(live_app, "en"))
    page.goto("/help/ask?lang=en")
    page.check("input[name='kind'][value='complaint']")
    page.fill("#text", "The shower in our bathroom only runs cold water.")
    page.click("form.form button[type=submit]")
    if page.locator("button[value='send']").count():
        page.click("button[value='send']")
    flash = page.locator(".flash--success").inner_text()
    number = re.search(r"T-[A-Z0-9]+", flash).group(0)

    reception = staff_page(browser, live_app, "reception", "reception-demo")
    reception.goto(f"/desk/tickets/{number}")
    reception.fill("#answer", "Sorry! Our technician fixed the boiler; hot water is back.")
    reception.click("button:has-text('Send the answer')")
    reception.select_option("#state", "closed")
    reception.click("button:has-text('Change the state')")
    assert "closed" in reception.locator("h1").inner_text().lower()

    page.goto(f"/help/tickets/{number}")
    assert "technician fixed the boiler" in page.content()
    page.check("input[name='score'][value='4']")
    page.fill("#comment", "Quick and friendly.")
    page.click("form.form button[type=submit]")
    screenshot(page, "complaint-rated")
    with live_app.app_context():
        ticket = db.session.scalar(select(Ticket).where(Ticket.number == number))
        assert ticket.satisfaction == 4 and ticket.answered_at is not None

    manager.goto("/desk/reports")
    after = manager.locator("#satisfaction-complaints").inner_text()
    assert int(re.search(r"(\d+) answers?", after).group(1)) == count_before + 1
    screenshot(manager, "manager-report")
