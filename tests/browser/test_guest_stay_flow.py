"""A Korean family on a phone: the kids club chosen on the day strip, a stroller, their plan
by day, and one item cancelled after seeing what it costs; the same flow with the keyboard
alone; and the pages in Arabic and German, for the eye."""

import re
from datetime import timedelta

import pytest
from sqlalchemy import select

from hotel.clock import hotel_today
from hotel.extensions import db
from hotel.models import BookingItem, ItemState, Service, Stay
from hotel.services.availability import rental_availability
from tests.browser.conftest import screenshot

pytestmark = pytest.mark.browser

KOREAN_STAY = ("LP24017", "Kim")  # Minji Kim, Seoyeon (6) and Jiho (2), in the demo


def free_stroller_day(app, reference: str) -> str:
    """Return a day of the stay, from the third on (still free to cancel), with a stroller
    free."""
    with app.app_context():
        stay = db.session.scalar(select(Stay).where(Stay.reference == reference))
        stroller = db.session.scalar(select(Service).where(Service.slug == "stroller"))
        first = max(stay.arrival_on, hotel_today()) + timedelta(days=2)
        for day in rental_availability(stroller, first, stay.departure_on):
            if day.remaining > 0:
                return day.day.isoformat()
    raise AssertionError("no stroller is free during the stay")


def states_of(app, reference: str) -> dict[str, list[ItemState]]:
    with app.app_context():
        stay = db.session.scalar(select(Stay).where(Stay.reference == reference))
        items = db.session.scalars(select(BookingItem).join(BookingItem.booking)
                                   .where(BookingItem.booking.has(stay_id=stay.id))).all()
        found: dict[str, list[ItemState]] = {}
        for item in items:
            found.setdefault(item.service.slug, []).append(item.state)
        return found


def sign_in(page, reference: str, last_name: str) -> None:
    page.goto("/sign-in")
    page.fill("#identifier", reference)
    page.fill("#last_name", last_name)
    page.locator("form.form button[type=submit]").click()


def choose_a_day_with_free_times(page, skip: int = 2) -> str:
    """Tap a day of the strip with free times (not the first: other tests book there) and
    return it; the day's times appear without loading the page."""
    days = page.locator("a.day-strip__day:not(.day-strip__day--none)")
    day = days.nth(min(skip, days.count() - 1))
    chosen = day.get_attribute("data-day")
    url_before = page.url
    day.click()
    assert page.locator(f'[data-times-for="{chosen}"]').is_visible()
    assert page.locator('[data-times-for]:visible').count() == 1
    assert page.url.split("?")[0] == url_before.split("?")[0]  # no page was loaded
    return chosen


@pytest.fixture
def korean_page(browser, live_app):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="ko-KR",
                                  base_url=live_app.config["LIVE_URL"], accept_downloads=True)
    page = context.new_page()
    yield page
    context.close()


def test_a_korean_family_books_on_the_day_strip_sees_its_plan_and_cancels_one_item(
        korean_page, live_app):
    page = korean_page
    reference, last_name = KOREAN_STAY
    sign_in(page, reference, last_name)
    assert "님, 환영합니다." in page.locator(".flash--success").inner_text()
    before = states_of(live_app, reference)

    page.goto("/services/kids-club")
    assert page.locator("html").get_attribute("lang") == "ko"
    assert page.locator(".page-photo").count() == 1
    day = choose_a_day_with_free_times(page)
    times = page.locator(f'[data-times-for="{day}"] .time')
    assert re.search(r"오[전후] \d{1,2}:\d\d", times.first.inner_text())
    free_time = page.locator(f'[data-times-for="{day}"] .time:not(.time--off) label').last
    chosen_time = free_time.locator(".time__clock").inner_text()
    free_time.click()
    page.get_by_label(re.compile("Seoyeon")).check()
    page.fill("#note", "서연이는 땅콩 알레르기가 있어요")
    screenshot(page, "ko-390-day-strip")
    page.locator("form.form button[type=submit]").click()
    assert page.url.endswith("/basket")

    page.goto("/services/stroller")
    stroller_day = free_stroller_day(live_app, reference)
    page.fill("#start_date", stroller_day)
    page.fill("#end_date", stroller_day)
    page.fill("#quantity", "2")  # one for each child
    page.locator("form.form button[type=submit]").click()
    assert page.url.endswith("/basket")
    assert "2 × €7.00" in page.locator(".price__explained").last.inner_text()
    screenshot(page, "ko-390-basket")
    page.locator(".checkout button[type=submit]").click()
    assert page.locator("h1").inner_text().startswith("예약 B")

    page.goto("/my-bookings")
    club_card = page.locator(f"#day-{day}").locator("xpath=..").locator(".item",
                                                                         has_text="키즈 클럽")
    assert club_card.count() >= 1
    assert chosen_time in club_card.last.inner_text()
    assert "서연이는 땅콩 알레르기가 있어요" in club_card.last.inner_text()
    stroller_card = page.locator(f"#day-{stroller_day}").locator("xpath=..").locator(
        ".item", has_text="유모차").last
    assert "€14.00" in stroller_card.inner_text()
    screenshot(page, "ko-390-my-stay")

    stroller_card.locator("a", has_text="취소").click()
    assert page.locator("h1").inner_text() == "이 예약을 취소하시겠습니까?"
    assert "€14.00" in page.locator(".cancel-cost").inner_text()
    screenshot(page, "ko-390-cancel")
    assert states_of(live_app, reference).get("stroller", []).count(ItemState.CANCELLED) == \
        before.get("stroller", []).count(ItemState.CANCELLED)  # nothing yet
    page.get_by_role("button", name="네, 취소합니다").click()
    assert page.url.endswith("/my-bookings")
    after = states_of(live_app, reference)
    assert after["stroller"].count(ItemState.CANCELLED) == \
        before.get("stroller", []).count(ItemState.CANCELLED) + 1
    cancelled = page.locator(".item--cancelled", has_text="유모차").last
    assert "요금 없음" in cancelled.inner_text() and "€14.00" not in cancelled.inner_text()
    screenshot(page, "ko-390-after-cancel")


def press_tab_until(page, selector: str, limit: int = 80) -> None:
    """Press Tab until the focus is on an element matching ``selector``."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement && document.activeElement.matches(s)",
                         selector):
            return
    raise AssertionError(f"the keyboard never reached {selector}")


def test_the_booking_flow_works_with_the_keyboard_alone(page, live_app):
    reference, last_name = KOREAN_STAY
    page.goto("/sign-in?lang=en")
    press_tab_until(page, "#identifier")
    page.keyboard.type(reference)
    press_tab_until(page, "#last_name")
    page.keyboard.type(last_name)
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: "/sign-in" not in url)
    assert page.locator(".flash--success").count() == 1

    page.goto("/services/kids-club")
    press_tab_until(page, "a.day-strip__day:not(.day-strip__day--none)")
    page.keyboard.press("Tab")  # the next day with times, if there is one
    if not page.evaluate("document.activeElement.matches('a.day-strip__day')"):
        page.keyboard.press("Shift+Tab")
    day = page.evaluate("document.activeElement.dataset.day")
    page.keyboard.press("Enter")  # the day's times, and the focus on its first free time
    assert page.locator(f'[data-times-for="{day}"]').is_visible()
    assert page.evaluate("document.activeElement.name") == "slot_id"
    page.keyboard.press("Space")
    slot = page.evaluate("document.activeElement.value")
    assert page.locator(f'input[name=slot_id][value="{slot}"]').is_checked()
    press_tab_until(page, "input[name=participants]")
    page.keyboard.press("Space")
    press_tab_until(page, "form.form button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/basket$"))

    press_tab_until(page, ".checkout button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/bookings/B"))
    page.goto("/my-bookings")
    press_tab_until(page, "a[href$='/cancel']")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/cancel$"))
    press_tab_until(page, "button.button--danger")
    screenshot(page, "en-390-keyboard-cancel")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/my-bookings$"))
    assert page.locator(".flash--success").count() == 1


@pytest.mark.parametrize("language", ["ko", "ar", "de"])
def test_guest_pages_at_phone_width_for_the_eye(page, live_app, language):
    """The pages of this flow in a language, for a person to look at the screenshots."""
    reference, last_name = KOREAN_STAY
    sign_in(page, reference, last_name)
    for name, path in [("home", "/"), ("service", "/services/kids-club"),
                       ("basket", "/basket"), ("my-stay", "/my-bookings")]:
        page.goto(f"{path}?lang={language}")
        assert page.locator("html").get_attribute("lang") == language
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, name
        screenshot(page, f"{language}-390-{name}")
    cancel = page.locator("a[href$='/cancel']").first
    if cancel.count():
        cancel.click()
        screenshot(page, f"{language}-390-cancel")
