"""Staff sessions end: on sign-out (every copy of the cookie), a password reset, deactivation."""

import pytest

from hotel.models import Role
from tests.factories import make_staff
from tests.helpers import csrf_token, post_form


@pytest.fixture
def staff(db):
    """A receptionist and a manager."""
    users = {"reception": make_staff("frontdesk", Role.RECEPTION),
             "manager": make_staff("boss", Role.MANAGER)}
    db.session.commit()
    return users


def signed_in(app, user, password: str = "correct-horse"):
    """Return a new browser signed in to the desk as this user."""
    browser = app.test_client()
    response = post_form(browser, "/desk/login", {"username": user.username,
                                                  "password": password},
                         token_from="/desk/login")
    assert response.status_code == 302
    return browser


def copy_of(app, browser):
    """Return a second browser holding the same session cookie, as a thief would."""
    name = app.config["SESSION_COOKIE_NAME"]
    thief = app.test_client()
    thief.set_cookie(name, browser.get_cookie(name).value)
    return thief


def is_signed_in(browser) -> bool:
    """Tell whether the desk opens, or sends the browser to the sign-in page."""
    response = browser.get("/desk/")
    assert response.status_code in (200, 302)
    return response.status_code == 200


def test_a_copied_cookie_stops_working_after_sign_out(app, staff):
    """Signing out ends the session on the server, not only in this browser."""
    browser = signed_in(app, staff["reception"])
    thief = copy_of(app, browser)
    assert is_signed_in(thief)
    browser.post("/desk/logout", data={"csrf_token": csrf_token(browser, "/desk/")})
    response = thief.get("/desk/")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/desk/login")


def test_an_old_session_stops_after_a_password_reset(app, staff):
    """A manager's reset signs the account out everywhere; the new password works."""
    reception = staff["reception"]
    old_session = signed_in(app, reception)
    manager = signed_in(app, staff["manager"])
    response = post_form(manager, f"/desk/staff/{reception.id}/password",
                         {"password": "a-brand-new-password"}, token_from="/desk/")
    assert response.status_code == 303
    assert not is_signed_in(old_session)
    assert is_signed_in(signed_in(app, reception, "a-brand-new-password"))


def test_a_manager_resetting_their_own_password_stays_signed_in_only_here(app, staff):
    """The manager's other sessions end; the one that made the change goes on."""
    here, elsewhere = signed_in(app, staff["manager"]), signed_in(app, staff["manager"])
    response = post_form(here, f"/desk/staff/{staff['manager'].id}/password",
                         {"password": "a-brand-new-password"}, token_from="/desk/")
    assert response.status_code == 303
    assert is_signed_in(here)
    assert not is_signed_in(elsewhere)


def test_a_session_ends_with_deactivation_and_does_not_come_back(app, staff):
    """Reactivating the account does not revive the sessions it had before."""
    reception = staff["reception"]
    old_session = signed_in(app, reception)
    manager = signed_in(app, staff["manager"])
    for active in ("0", "1"):
        response = post_form(manager, f"/desk/staff/{reception.id}/active",
                             {"active": active}, token_from="/desk/")
        assert response.status_code == 303
        assert not is_signed_in(old_session)
    assert is_signed_in(signed_in(app, reception))


@pytest.mark.parametrize("user_id", ["staff:{id}", "staff:{id}:99", "staff:{id}:0:0", "x:1:0"])
def test_a_session_naming_another_generation_signs_no_one_in(app, staff, user_id):
    """Sessions from before generations, or forged ones, are not accepted."""
    browser = app.test_client()
    with browser.session_transaction() as session:
        session["_user_id"] = user_id.format(id=staff["reception"].id)
        session["_fresh"] = True
    assert not is_signed_in(browser)
