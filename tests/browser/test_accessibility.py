"""Every page, the guest's and the desk's, passes axe-core with no serious or critical
violation, in English, Korean and Arabic, on a phone (390 px) and at the desk (1280 px).

The pages are found by following the links of each kind of reader (a visitor, a signed-in
guest, reception, department staff, a manager) from their home page, one page for each
of the application's routes, so that a new page is checked without being listed here.
axe-core comes from npm (tests/browser/package.json); `make test` installs it.
"""

import re
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from werkzeug.exceptions import HTTPException

from tests.browser.conftest import REQUIRE_BROWSER

AXE = Path(__file__).resolve().parent / "node_modules" / "axe-core" / "axe.min.js"
LANGUAGES = ("en", "ko", "ar")
WIDTHS = (390, 1280)
SERIOUS = ("serious", "critical")
MAX_PAGES = 60  # for each reader: well above what the crawl finds
# Links that leave the page for something other than a page to read, or sign out.
SKIPPED = re.compile(r"(\.(ics|csv|pdf|png|jpe?g|svg|webp|css|js)$)|/logout|/sign-out|/unsubscribe")

READERS = {
    "visitor": None,
    "guest": ("guest", "LP24017", "Kim"),
    "reception": ("staff", "reception", "reception-demo"),
    "kidsclub": ("staff", "kidsclub", "kidsclub-demo"),
    "manager": ("staff", "manager", "manager-demo"),
}


@pytest.fixture(scope="module")
def axe_source() -> str:
    if not AXE.exists():
        message = "axe-core is not installed (npm ci --prefix tests/browser)"
        if REQUIRE_BROWSER:
            pytest.fail(message)
        pytest.skip(message)
    return AXE.read_text()


def _sign_in(page, reader) -> str:
    """Sign the reader in; return their home page."""
    if reader is None:
        return "/"
    kind, name, secret = reader
    if kind == "guest":
        page.goto("/sign-in?lang=en")
        page.fill("#identifier", name)
        page.fill("#last_name", secret)
        page.click("form.form button[type=submit]")
        page.wait_for_load_state()
        return "/"
    page.goto("/desk/login?lang=en")
    page.fill("#username", name)
    page.fill("#password", secret)
    page.click("main form button[type=submit]")
    page.wait_for_url("**/desk/**")
    return "/desk/"


def _pattern(urls, address: str) -> str | None:
    """Return the endpoint of an address, or None for one that is not a page of ours."""
    try:
        endpoint, _arguments = urls.match(urlsplit(address).path, method="GET")
    except HTTPException:
        return None
    return endpoint


def crawl(page, urls, start: str) -> list[str]:
    """Follow the reader's links from ``start``; return one address per page (endpoint)."""
    queue, patterns, found = [start], {_pattern(urls, start)}, []
    while queue and len(found) < MAX_PAGES:
        address = queue.pop(0)
        response = page.goto(address)
        if response is None or response.status >= 400 or urlsplit(page.url).path != urlsplit(
                address).path:
            continue  # refused, or sent elsewhere (the page it leads to is found itself)
        found.append(address)
        for link in page.eval_on_selector_all(
                "a[href]", "links => links.map(link => link.getAttribute('href'))"):
            if not link.startswith("/") or link.startswith("//") or SKIPPED.search(
                    urlsplit(link).path) or "lang=" in link:
                continue
            pattern = _pattern(urls, link)
            if pattern is not None and pattern not in patterns:
                patterns.add(pattern)
                queue.append(link.split("#")[0])
    return found


def serious_violations(page, contrast: bool) -> list[str]:
    """Run axe-core on the page as it is laid out now; return its serious and critical
    violations, described. ``contrast=False`` leaves out the colour contrast rule."""
    violations = page.evaluate("""async (contrast) => {
        const result = await axe.run(document, {resultTypes: ['violations'],
            rules: {'color-contrast': {enabled: contrast}}});
        return result.violations.map(v => ({id: v.id, impact: v.impact,
            nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}));
    }""", contrast)
    return [f"{v['id']} ({v['impact']}): {', '.join(v['nodes'])}" for v in violations
            if v["impact"] in SERIOUS]


def check_pages(page, addresses: list[str]) -> list[str]:
    """Check each page in every language, at both widths; return what fails.

    A page is loaded once per language and checked at each width as it is laid out again.
    The colours do not change with the language, so contrast is checked in English (at
    both widths); every other rule runs in every language.
    """
    failures = []
    for language in LANGUAGES:
        page.goto(f"{addresses[0]}?lang={language}")  # the language is kept in the session
        for address in addresses:
            page.goto(address)
            for width in WIDTHS:
                page.set_viewport_size({"width": width, "height": 900})
                failures += [f"{language} {width}px {address}: {violation}" for violation
                             in serious_violations(page, contrast=language == "en")]
    return failures


def _axe_sees_a_violation(page) -> None:
    """The negative control: a picture without a text and a button without a name, put
    into a page, are reported; so a page that passes was checked."""
    page.goto("/")
    page.evaluate("""() => document.querySelector('main').insertAdjacentHTML('beforeend',
        '<img src="/static/none.png"><button type="button"></button>')""")
    found = " ".join(serious_violations(page, contrast=True))
    assert "image-alt (critical)" in found and "button-name (critical)" in found, found


def test_every_page_passes_axe_in_three_languages_and_two_widths(browser, live_app,
                                                                 axe_source):
    urls = live_app.url_map.bind("localhost")
    checked, failures, found = set(), [], {}
    started = time.monotonic()
    for who, reader in READERS.items():
        # The pages allow no inline script: axe is let in by the browser, not by the app.
        context = browser.new_context(base_url=live_app.config["LIVE_URL"], bypass_csp=True,
                                      viewport={"width": 1280, "height": 900})
        context.add_init_script(axe_source)  # in every page the context opens
        page = context.new_page()
        try:
            home = _sign_in(page, reader)
            if who == "visitor":
                _axe_sees_a_violation(page)
            addresses = crawl(page, urls, home)
            assert len(addresses) >= 3, (who, addresses)  # the crawl found the reader's pages
            # A page another reader had is checked once, but each reader's home page is
            # their own (a department's Today is not reception's).
            mine = [address for address in addresses
                    if address == home or _pattern(urls, address) not in checked]
            checked.update(_pattern(urls, address) for address in addresses)
            found[who] = len(mine)
            failures += [f"{who} {failure}" for failure in check_pages(page, mine)]
        finally:
            context.close()
    print(f"axe: {found} pages, each in 3 languages × 2 widths, "
          f"in {time.monotonic() - started:.0f} s")
    assert len(checked) >= 40, sorted(checked)  # guest and desk pages alike
    assert not failures, "\n".join(failures)
