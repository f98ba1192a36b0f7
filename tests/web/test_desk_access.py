"""Who may open each desk page: generated from the URL map, so no route is forgotten."""

from datetime import timedelta

import pytest

from hotel.models import Role, Slot
from hotel.models.types import utcnow
from hotel.services.bookings import create_booking
from hotel.services.rules import ItemRequest
from hotel.services.sign_in import FREE_FAILURES
from tests.factories import make_department, make_service, make_slot, make_staff, make_stay
from tests.helpers import csrf_token, post_form, sign_in_as

PERSONAS = ["anonymous", "guest", "other_staff", "staff", "reception", "manager"]
# Pages about one object of the kids club (its slot): staff of another department get 403.
KIDS_CLUB_OBJECTS = {"desk.attendance", "desk.attendance_check_in",
                     "desk.attendance_check_out", "desk.attendance_finish"}


@pytest.fixture
def world(db):
    """A kids-club service with a slot and a booking, a stay, and one user per role."""
    kids = make_department("kids-club", "Kids club")
    stables = make_department("stables", "Stables")
    club = make_service("kids-club", department=kids, max_age=12)
    slot = make_slot(club, utcnow() + timedelta(days=2), capacity=5)
    stay = make_stay("LP20001", children=[6])
    booking = create_booking(stay, [ItemRequest(club, slot_id=slot.id,
                                                participant_ids=[stay.children[0].id])], stay)
    users = {
        "staff": make_staff("kids", Role.STAFF, kids),
        "other_staff": make_staff("stable", Role.STAFF, stables),
        "reception": make_staff("desk", Role.RECEPTION),
        "manager": make_staff("boss", Role.MANAGER),
    }
    db.session.commit()
    return {"stay": stay, "booking": booking, "club": club, "slot": slot, "users": users,
            "department": kids}


def sample_arguments(world) -> dict:
    """A value for every URL argument a desk route can take."""
    slot = world["slot"]
    return {
        "reference": world["stay"].reference,
        "slug": world["club"].slug,
        "kind": "services",
        "slot_id": slot.id,
        "item_id": world["booking"].items[0].id,
        "booking_reference": world["booking"].reference,
        "username": world["users"]["staff"].username,
        "user_id": world["users"]["staff"].id,
        "staff_id": world["users"]["staff"].id,
        "service_slug": world["club"].slug,
        "package_slug": "family",
        "period_id": 1,
        "entry_id": 1,
        "id": 1,
        "number": "T-NONE",
        "category_id": 1,
        "reason_id": 1,
        "message_id": 1,
        "delivery_id": 1,
        "hand_out_id": 1,
        "unit_id": 1,
        "voucher_id": 1,
        "index": 0,  # a line of a stay's basket
    }


def desk_rules(app, method: str):
    return [rule for rule in app.url_map.iter_rules()
            if rule.endpoint.startswith("desk.") and method in rule.methods
            and rule.endpoint not in ("desk.login", "desk.logout")]


def log_in(auth, persona: str, world) -> None:
    """Sign the persona in: a guest, a member of staff of the world, or nobody."""
    if persona == "guest":
        auth.guest_login(world["stay"])
    elif persona != "anonymous":
        auth.staff_login(username=world["users"][persona].username)


def expected(app, rule, persona: str) -> int:
    roles = app.view_functions[rule.endpoint].desk_roles
    if persona in ("anonymous", "guest"):
        return 302
    if persona == "other_staff" and rule.endpoint in KIDS_CLUB_OBJECTS:
        return 403
    role = {"staff": Role.STAFF, "other_staff": Role.STAFF, "reception": Role.RECEPTION,
            "manager": Role.MANAGER}[persona]
    return 200 if role in roles else 403


def test_every_desk_view_declares_its_roles(app):
    for rule in desk_rules(app, "GET") + desk_rules(app, "POST"):
        view = app.view_functions[rule.endpoint]
        assert getattr(view, "desk_roles", None), f"{rule.endpoint} has no @staff_required"


@pytest.mark.parametrize("persona", PERSONAS)
def test_desk_pages_answer_each_role_as_expected(app, client, auth, world, persona):
    log_in(auth, persona, world)
    arguments = sample_arguments(world)
    checked = 0
    for rule in desk_rules(app, "GET"):
        missing = set(rule.arguments) - set(arguments)
        assert not missing, f"{rule.rule}: add sample values for {missing} to this test"
        path = rule.build({key: arguments[key] for key in rule.arguments})[1]
        response = client.get(path)
        want = expected(app, rule, persona)
        if want == 200 and response.status_code == 404 and rule.arguments:
            continue  # an object this world does not have (e.g. an audit entry id)
        assert response.status_code == want, f"{persona} GET {path}"
        if want == 302:
            assert "/desk/login" in response.headers["Location"]
        checked += 1
    assert checked >= 3


@pytest.mark.parametrize("persona", PERSONAS)
def test_desk_forms_refuse_roles_that_may_not_post(app, client, auth, world, persona):
    log_in(auth, persona, world)
    arguments = sample_arguments(world)
    token = csrf_token(client, "/desk/login")
    for rule in desk_rules(app, "POST"):
        path = rule.build({key: arguments[key] for key in rule.arguments})[1]
        want = expected(app, rule, persona)
        response = client.post(path, data={"csrf_token": token})
        if want == 200:
            assert response.status_code < 500, f"{persona} POST {path}"
        else:
            assert response.status_code == want, f"{persona} POST {path}"


def test_staff_see_only_their_departments_requests(client, auth, world, db):
    log_in(auth, "other_staff", world)
    page = client.get("/desk/requests?state=confirmed").text
    assert world["stay"].room not in page
    auth.logout()
    log_in(auth, "staff", world)
    assert world["stay"].room in client.get("/desk/requests?state=confirmed").text


def test_staff_of_another_department_cannot_handle_an_item(client, auth, world, db):
    log_in(auth, "other_staff", world)
    item_id = world["booking"].items[0].id
    response = post_form(client, "/desk/requests/action",
                         {"item_ids": [item_id], "action": "complete"}, token_from="/desk/")
    assert response.status_code == 403
    assert db.session.get(Slot, world["slot"].id).booked == 1


def test_login_starts_a_new_session_and_logout_ends_it(client, auth, world):
    sign_in_as(client, world["stay"])
    log_in(auth, "reception", world)
    with client.session_transaction() as session:
        assert "stay_id" not in session
    assert client.get("/desk/").status_code == 200
    client.post("/desk/logout", data={"csrf_token": csrf_token(client, "/desk/")})
    assert client.get("/desk/").status_code == 302


def test_wrong_password_is_refused_and_throttled(client, world):
    """After the free failures the address waits; the member of staff at theirs does not."""
    for _ in range(FREE_FAILURES):
        response = post_form(client, "/desk/login", {"username": "desk", "password": "nope"},
                             token_from="/desk/login")
        assert response.status_code == 422
        assert "not right" in response.text
    right = {"username": "desk", "password": "correct-horse"}
    response = post_form(client, "/desk/login", right, token_from="/desk/login")
    assert response.status_code == 429
    # The member of staff at their own desk is not held back by someone else's guesses.
    response = post_form(client, "/desk/login", right, token_from="/desk/login",
                         environ_base={"REMOTE_ADDR": "10.0.0.9"})
    assert response.status_code == 302


@pytest.mark.parametrize("target", ["https://evil.example/", "/desk/%0d%0aSet-Cookie:%20x=1",
                                    "/desk/stays%00", "/%09/evil.example/"])
def test_next_only_leads_to_our_own_pages(client, world, target):
    user = world["users"]["reception"]
    response = post_form(client, f"/desk/login?next={target}",
                         {"username": user.username, "password": "correct-horse"},
                         token_from="/desk/login")
    assert response.status_code == 302
    assert response.headers["Location"] == "/desk/"
    assert client.get("/desk/").status_code == 200


