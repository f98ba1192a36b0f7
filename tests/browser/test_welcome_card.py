"""Reception prints a Korean guest's welcome card in real Chromium; the QR code read from
the screen signs that guest in, and the A6 PDF says what the card says."""

import shutil
import subprocess
from urllib.parse import urlsplit

import pytest
from sqlalchemy import select

from hotel.extensions import db
from hotel.models import Stay
from hotel.services.links import sign_in_url
from tests.browser.conftest import ARTIFACTS, REQUIRE_BROWSER, screenshot
from tests.browser.test_print_run_sheet import pdf_text, pictures_of, sign_in

pytestmark = pytest.mark.browser
KOREAN_STAY = "LP24017"  # Minji Kim, room 204, in the demo


@pytest.fixture(scope="module")
def card_link(live_app) -> str:
    """The sign-in link of the Korean demo stay, as the card must carry it."""
    with live_app.app_context():
        stay = db.session.scalar(select(Stay).where(Stay.reference == KOREAN_STAY))
        assert stay.language == "ko"
        return sign_in_url(stay)


def read_qr_codes(path) -> list[str]:
    """Return the text of every QR code in a picture, read with zxing-cpp."""
    zxingcpp = pytest.importorskip("zxingcpp")
    from PIL import Image

    return [found.text for found in zxingcpp.read_barcodes(Image.open(path))]


def assert_paper(path, width: float, height: float) -> None:
    """Check the size of a PDF's pages, read with poppler's pdfinfo, to a point or two."""
    pdfinfo = shutil.which("pdfinfo")
    if pdfinfo is None:
        if REQUIRE_BROWSER:
            pytest.fail("pdfinfo (poppler-utils) is not installed")
        return
    info = subprocess.run([pdfinfo, str(path)], check=True, capture_output=True,
                          text=True).stdout
    size = next(line for line in info.splitlines() if line.startswith("Page size:"))
    found = [float(value) for value in size.split()[2:5:2]]
    assert abs(found[0] - width) < 2 and abs(found[1] - height) < 2, size


def test_the_qr_code_of_a_korean_card_signs_that_guest_in(page, live_app, card_link):
    sign_in(page, "reception", "reception-demo", "en")
    page.goto(f"/desk/stays/{KOREAN_STAY}")
    page.click("text=Print welcome card")
    page.wait_for_url(f"**/desk/stays/{KOREAN_STAY}/welcome-card")
    assert page.locator("html").get_attribute("lang") == "ko"
    assert page.locator("button[data-print]").is_visible()  # shown by static/js/print.js
    assert page.locator(".welcome-card__link").inner_text() == card_link
    shot = screenshot(page, "welcome-card-ko-390")

    assert read_qr_codes(shot) == [card_link]
    guest = live_app.test_client()  # a fresh client: nobody is signed in
    assert guest.get("/my-bookings").status_code == 302
    answer = guest.get(urlsplit(card_link).path)
    assert answer.status_code == 302 and answer.headers["Location"].endswith("/my-bookings")
    bookings = guest.get("/my-bookings")
    assert bookings.status_code == 200 and "Minji" in bookings.text


def test_the_card_prints_on_one_a6_page_with_its_text(page, live_app, card_link):
    sign_in(page, "reception", "reception-demo", "en")
    page.goto(f"/desk/stays/{KOREAN_STAY}/welcome-card?size=a6")
    page.emulate_media(media="print")
    assert not page.locator(".welcome-toolbar").is_visible()
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / "welcome-card-ko-a6.pdf"
    page.pdf(path=str(path), prefer_css_page_size=True, print_background=True)
    pictures_of(path)

    pages = pdf_text(path)
    assert len(pages) == 1
    text = pages[0]
    assert "Lakeside Pines Resort" in text and "Minji Kim" in text and "204" in text
    assert card_link in text.replace(" ", "")  # the link, wherever it wraps
    assert "환영합니다" in text or "Welcome" in text  # Korean once translated
    assert_paper(path, 297.6, 419.5)  # A6, in points


def test_the_a4_card_prints_on_one_a4_page(page, live_app, card_link):
    sign_in(page, "reception", "reception-demo", "en")
    page.goto(f"/desk/stays/{KOREAN_STAY}/welcome-card?size=a4")
    page.emulate_media(media="print")
    path = ARTIFACTS / "welcome-card-ko-a4.pdf"
    ARTIFACTS.mkdir(exist_ok=True)
    page.pdf(path=str(path), prefer_css_page_size=True, print_background=True)
    pictures_of(path)
    pages = pdf_text(path)
    assert len(pages) == 1 and "Minji Kim" in pages[0]
    assert_paper(path, 595.3, 841.9)  # A4, in points


@pytest.mark.parametrize("lang", ["en", "ko", "ar"])
def test_the_message_log_fits_a_phone(page, live_app, lang):
    sign_in(page, "manager", "manager-demo", lang)
    page.goto("/desk/messages")
    assert page.locator("html").get_attribute("lang") == lang
    assert page.locator("table.message-log tbody tr").count() > 0  # the demo's messages
    screenshot(page, f"message-log-{lang}-390")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the log is {width}px wide on a 390px phone"


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_new_desk_pages_fit_a_phone(page, live_app, lang):
    sign_in(page, "manager", "manager-demo", lang)
    for path, name in [("/desk/reasons", "reasons"), ("/desk/reasons/1", "reason-form"),
                       (f"/desk/stays/{KOREAN_STAY}", "stay"), ("/desk/messages/1", "message")]:
        page.goto(path)
        assert page.locator("main h1").count() == 1, path
        screenshot(page, f"{name}-{lang}-390")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, f"{path} is {width}px wide on a 390px phone"
