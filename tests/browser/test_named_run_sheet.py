"""The kids club works from named lists: the demo day's sheet printed to PDF in Chromium
names every child with age and care notes and the parent's phone, and a leader checks a
child in and out on the attendance page at tablet width."""

import pytest
from sqlalchemy import select

from hotel.clock import hotel_today
from hotel.demo.bookings import load_demo_bookings
from hotel.desk.run_sheet import care_text
from hotel.extensions import db
from hotel.models import Attendance
from hotel.services.run_sheet import daily_run_sheet
from tests.browser.conftest import ARTIFACTS, screenshot
from tests.browser.test_print_run_sheet import pdf_text, pictures_of, sign_in

pytestmark = pytest.mark.browser

TABLET = {"width": 800, "height": 1280}


@pytest.fixture(scope="module")
def kids_club_day(live_app):
    """The demo day's kids club lines: each child's name, age, care notes and phone."""
    with live_app.app_context(), live_app.test_request_context("/?lang=en"):
        day = hotel_today()
        load_demo_bookings(day)
        db.session.commit()
        sheet = daily_run_sheet(day)
        part = next(p for p in sheet.departments if p.department.slug == "kids-club")
        children = [(person.first_name, person.age_on(day), care_text(person),
                     line.stay.phone)
                    for line in part.lines for person in line.children]
        slot = next(block.slot for block in part.slots
                    if any(person.first_name == "Seoyeon" for line in block.lines
                           for person in line.children))
    return {"day": day, "children": children, "slot_id": slot.id}


def test_the_kids_club_sheet_names_every_child_with_age_notes_and_phone(page, live_app,
                                                                          kids_club_day):
    day = kids_club_day["day"]
    sign_in(page, "kidsclub", "kidsclub-demo", "en")
    page.goto(f"/desk/schedule?date={day.isoformat()}")
    page.emulate_media(media="print")
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / "run-sheet-kids-club-named.pdf"
    page.pdf(path=str(path), format="A4")
    pictures_of(path)
    text = " ".join(pdf_text(path))
    children = kids_club_day["children"]
    assert len(children) >= 5
    notes = [note for _name, _age, note, _phone in children]
    assert any("Peanuts" in note for note in notes)  # the demo's nut allergy
    assert any("May leave alone" in note for note in notes)
    assert any("Must be collected by" in note for note in notes)
    for name, age, note, phone in children:
        assert name in text, name
        assert f"{age} year" in text, (name, age)
        for part in note.split(", "):  # each note, however the line wraps
            assert " ".join(part.split(": ")[-1].split()) in text, (name, part)
        assert phone and phone in text, (name, phone)
    assert "Signature on arrival" in text and "Signature on leaving" in text


def test_a_leader_checks_a_child_in_and_out_on_a_tablet(browser, live_app, kids_club_day):
    context = browser.new_context(viewport=TABLET, base_url=live_app.config["LIVE_URL"])
    page = context.new_page()
    try:
        sign_in(page, "kidsclub", "kidsclub-demo", "en")
        page.goto(f"/desk/schedule?date={kids_club_day['day'].isoformat()}")
        page.locator(f"a[href$='/slots/{kids_club_day['slot_id']}/attendance']").first.click()
        page.wait_for_url("**/attendance")
        person = page.locator(".attendance-person", has_text="Seoyeon")
        assert "Peanuts" in person.inner_text()
        button = person.get_by_role("button", name="Check in Seoyeon")
        box = button.bounding_box()
        assert box["height"] >= 44 and box["x"] + box["width"] <= TABLET["width"]
        button.click()
        page.wait_for_load_state()
        assert "In at" in page.locator(".attendance-person", has_text="Seoyeon").inner_text()
        screenshot(page, "attendance-tablet-checked-in")
        person = page.locator(".attendance-person", has_text="Seoyeon")
        person.get_by_label("Collected by").fill("Junho Kim")
        person.get_by_role("button", name="Check out Seoyeon").click()
        page.wait_for_load_state()
        shown = page.locator(".attendance-person", has_text="Seoyeon").inner_text()
        assert "Out at" in shown and "Junho Kim" in shown
        with live_app.app_context():
            rows = db.session.scalars(select(Attendance)).all()
            assert len(rows) == 1 and rows[0].checked_out_at is not None
            assert rows[0].collected_by == "Junho Kim"
    finally:
        context.close()
