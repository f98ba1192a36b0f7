"""Reception prints a stay's welcome card in the guest's language, with the sign-in link as
text and as a QR code drawn in inline SVG."""

import re

import pytest

from hotel.models import Role
from hotel.services.links import sign_in_url
from tests.factories import make_stay


@pytest.fixture
def korean_stay(db):
    stay = make_stay("LP60001", last_name="Kim", first_name="Minji", language="ko", room="204")
    db.session.commit()
    return stay


@pytest.mark.parametrize("role", [Role.RECEPTION, Role.MANAGER])
def test_the_card_is_in_the_guests_language_with_the_link_and_its_qr_code(client, auth, db,
                                                                          korean_stay, role):
    auth.staff_login(role)
    response = client.get("/desk/stays/LP60001/welcome-card?lang=en")
    assert response.status_code == 200
    page = response.text
    assert '<html lang="ko" dir="ltr">' in page
    assert "Lakeside Pines Resort" in page and "Minji Kim" in page and "204" in page
    link = sign_in_url(korean_stay)
    assert link.startswith("http://hotel.test/welcome/")
    assert f'<p class="welcome-card__link" dir="ltr">{link}</p>' in page
    assert re.search(r'<svg viewBox="0 0 \d+ \d+" class="welcome-card__qr-code"><path ', page)
    assert " style=" not in page and "<script>" not in page  # the CSP allows neither
    assert 'href="/desk/stays/LP60001"' in page
    assert "welcome-card--a6" in page


def test_the_buttons_speak_the_readers_language_and_the_card_the_guests(client, auth, db,
                                                                        korean_stay):
    auth.staff_login(Role.RECEPTION)
    page = client.get("/desk/stays/LP60001/welcome-card?lang=de").text
    assert '<nav class="welcome-toolbar no-print" lang="de" dir="ltr"' in page
    assert "Zurück zum Aufenthalt" in page or "Back to the stay" in page  # not translated yet


def test_an_arabic_card_reads_right_to_left_on_a4(client, auth, db):
    make_stay("LP60002", last_name="Haddad", first_name="Layla", language="ar")
    db.session.commit()
    auth.staff_login(Role.RECEPTION)
    page = client.get("/desk/stays/LP60002/welcome-card?size=a4").text
    assert '<html lang="ar" dir="rtl">' in page and "welcome-card--a4" in page


@pytest.mark.parametrize("size", ["a5", "A4", "%00", "x" * 300])
def test_a_bad_paper_size_is_refused(client, auth, db, korean_stay, size):
    auth.staff_login(Role.RECEPTION)
    response = client.get(f"/desk/stays/LP60001/welcome-card?size={size}")
    assert response.status_code == 422
    assert '<p class="form-errors" role="alert">' in response.text


def test_an_unknown_stay_has_no_card_and_staff_may_not_print_one(client, auth, db, korean_stay):
    auth.staff_login(Role.RECEPTION)
    assert client.get("/desk/stays/NOPE/welcome-card").status_code == 404
    auth.logout()
    auth.staff_login(Role.STAFF)
    assert client.get("/desk/stays/LP60001/welcome-card").status_code == 403


def test_the_stay_page_links_to_the_card(client, auth, db, korean_stay):
    auth.staff_login(Role.RECEPTION)
    page = client.get("/desk/stays/LP60001").text
    assert 'href="/desk/stays/LP60001/welcome-card"' in page and "Print welcome card" in page
