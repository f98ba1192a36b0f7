"""Reception prints a stay's bill at check-out in real Chromium: an A4 PDF whose text,
read back with pdftotext, has every line and the total, in the guest's language or the
receptionist's own."""

import shutil
import subprocess

import pytest

from hotel.extensions import db
from tests.bill_fixtures import billed_stay
from tests.browser.conftest import ARTIFACTS, screenshot
from tests.browser.test_print_run_sheet import pdf_text, pictures_of, sign_in

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def stay_with_a_bill(live_app):
    """The known stay of tests/bill_fixtures.py, in the demo hotel (euros), Korean guests."""
    with live_app.app_context():
        billed = billed_stay("EUR", reference="BILL-PDF", language="ko")
        reference = billed.stay.reference
        db.session.remove()
    return reference


@pytest.mark.parametrize(("language", "expected"), [
    ("mine", ["Bill of services", "Kids club", "Crib", "Late cancellation", "No-show fee",
              "Total for the stay", "€78.08", "Voucher SUMMER20", "€16.20", "€8.10"]),
    ("guest", ["서비스 청구서", "키즈 클럽", "유아용 침대", "늦은 취소", "노쇼 수수료",
               "숙박 전체 합계", "€78.08", "쿠폰 SUMMER20", "€16.20", "€8.10"]),
])
def test_reception_prints_the_bill_on_a4(page, live_app, stay_with_a_bill, language, expected):
    page.set_viewport_size({"width": 1280, "height": 900})
    sign_in(page, "reception", "reception-demo", "en")
    page.goto(f"/desk/stays/{stay_with_a_bill}")
    page.click(f"a[href='/desk/stays/{stay_with_a_bill}/bill']")
    page.goto(f"/desk/stays/{stay_with_a_bill}/bill?language={language}")
    button = page.locator("button[data-print]")
    assert button.is_visible()
    page.evaluate("window.print = () => { window.printed = true; }")
    button.click()
    assert page.evaluate("window.printed") is True
    screenshot(page, f"bill-desk-{language}-1280")
    page.emulate_media(media="print")
    assert not page.locator(".site-header").is_visible() and not button.is_visible()
    assert not page.locator("form.filters").is_visible()
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"bill-{language}.pdf"
    page.pdf(path=str(path), format="A4", prefer_css_page_size=True)
    pictures_of(path)
    pdfinfo = shutil.which("pdfinfo")
    if pdfinfo:
        info = subprocess.run([pdfinfo, str(path)], check=True, capture_output=True,
                              text=True).stdout
        assert "(A4)" in info, info
    pages = pdf_text(path)
    text = " ".join(pages)
    assert "Lakeside Pines Resort" in pages[0] and "301" in pages[0]
    for words in expected:
        assert words in text, (words, text)
