"""Reception prints the day's run sheet in real Chromium: A4 PDF, one department a page."""

import re
import shutil
import subprocess

import pytest
from babel.dates import format_date

from config import TestingConfig
from hotel.clock import hotel_today
from hotel.demo.bookings import load_demo_bookings
from hotel.extensions import db
from hotel.i18n import localized, regional_locale
from hotel.services.run_sheet import daily_run_sheet
from tests.browser.conftest import ARTIFACTS, REQUIRE_BROWSER, screenshot

pytestmark = pytest.mark.browser


def _desk(language: str) -> str:
    """The locale the desk writes dates in: the language in the hotel's country."""
    return regional_locale(language, TestingConfig.HOTEL_TIMEZONE)


def pdf_text(path) -> list[str]:
    """Return the text of each page of a PDF, read with poppler's pdftotext."""
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        message = "pdftotext (poppler-utils) is not installed: the PDF's text is not checked"
        if REQUIRE_BROWSER:
            pytest.fail(message)
        pytest.skip(message)
    text = subprocess.run([pdftotext, "-enc", "UTF-8", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout
    return [" ".join(page.split()) for page in text.split("\f") if page.strip()]


def pictures_of(path) -> None:
    """Render the PDF's pages as PNG next to it, to be looked at after the run."""
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm:
        subprocess.run([pdftoppm, "-png", "-r", "60", str(path), str(path.with_suffix(""))],
                       check=True)


@pytest.fixture(scope="module")
def day_of_bookings(live_app):
    """Today's demo bookings (made here if the demo loader does not make them yet), and
    what today's run sheet holds: department names in order, rooms and guests."""
    with live_app.app_context():
        day = hotel_today()
        load_demo_bookings(day)
        db.session.commit()
        sheet = daily_run_sheet(day)
        parts = [part for part in sheet.departments if not part.is_empty]
        departments = [localized(part.department) for part in parts]
        guests = {(line.stay.room, line.stay.guest_name) for line in sheet.lines}
        kids_club = next(p for p in sheet.departments if p.department.slug == "kids-club")
        kids_guests = {line.stay.guest_name for line in kids_club.lines}
    assert len(departments) >= 3 and len(guests) >= 10
    return {"day": day, "departments": departments, "guests": guests,
            "kids_guests": kids_guests}


def sign_in(page, username: str, password: str, lang: str) -> None:
    page.goto(f"/desk/login?lang={lang}")
    page.fill("#username", username)
    page.fill("#password", password)
    page.click("main form button[type=submit]")
    page.wait_for_url("**/desk/**")


def test_reception_prints_every_department_on_its_own_pages(page, live_app, day_of_bookings):
    day = day_of_bookings["day"]
    sign_in(page, "reception", "reception-demo", "en")
    page.goto(f"/desk/schedule?date={day.isoformat()}&department=all")
    screenshot(page, "run-sheet-screen-390")

    # The Print button is bound by static/js/print.js (no inline script) and prints.
    button = page.locator("button[data-print]")
    assert button.is_visible()
    page.evaluate("window.print = () => { window.printed = true; }")
    button.click()
    assert page.evaluate("window.printed") is True

    page.emulate_media(media="print")
    assert not page.locator(".site-header").is_visible()
    assert not button.is_visible() and not page.locator("form.filters").is_visible()
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / "run-sheet-all.pdf"
    page.pdf(path=str(path), format="A4", print_background=False)
    pictures_of(path)

    pages = pdf_text(path)
    heading = re.compile(r"Department: (.+?) (?:Time and service|$)")
    on_page = []
    for number, text in enumerate(pages, start=1):
        assert "Lakeside Pines Resort" in text, f"page {number} has no hotel name"
        assert format_date(day, "full", locale=_desk("en")) in text, f"page {number} has no date"
        found = [name for name in day_of_bookings["departments"]
                 if f"Department: {name} " in text + " "]
        assert len(found) == 1, f"page {number} should be one department's, has {found}"
        assert heading.search(text)
        on_page.append(found[0])
    # Each department starts on a new page and its pages follow each other.
    starts = [name for index, name in enumerate(on_page) if index == 0
              or on_page[index - 1] != name]
    assert starts == day_of_bookings["departments"]
    everything = " ".join(pages)
    for room, guest in day_of_bookings["guests"]:
        assert room in everything and guest in everything, (room, guest)


def test_staff_print_in_german_while_the_guests_speak_korean(page, live_app, day_of_bookings):
    day = day_of_bookings["day"]
    sign_in(page, "kidsclub", "kidsclub-demo", "en")
    page.goto(f"/desk/schedule?date={day.isoformat()}&lang=de")  # the staff member's choice
    page.goto(f"/desk/schedule?date={day.isoformat()}")  # and it stays chosen
    assert page.locator("html").get_attribute("lang") == "de"
    page.emulate_media(media="print")
    path = ARTIFACTS / "run-sheet-kids-club-de.pdf"
    ARTIFACTS.mkdir(exist_ok=True)
    page.pdf(path=str(path), format="A4")
    pictures_of(path)
    text = " ".join(pdf_text(path))
    assert format_date(day, "full", locale=_desk("de")) in text  # e.g. "Montag, 23. November 2026"
    assert "Minji Kim" in text and "한국어" in text  # the guest's name and language as they are
    for guest in day_of_bookings["kids_guests"]:
        assert guest in text
