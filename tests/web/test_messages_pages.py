"""The guest's Messages page, the personal sign-in link, and the unsubscribe page."""

from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from sqlalchemy import select

from hotel.clock import day_starts_at, hotel_today
from hotel.models import Message, MessageKind, Stay
from hotel.services import links
from hotel.services.messages import tell
from tests.factories import make_stay


def path_of(url: str) -> str:
    return urlsplit(url).path


def signed_in_stay(client) -> int | None:
    with client.session_transaction() as session:
        return session.get("stay_id")


def test_the_messages_page_lists_the_stays_messages_and_counts_the_unread(client, auth, db):
    stay, other = make_stay(language="ko"), make_stay()
    tell(stay, MessageKind.REQUEST_CONFIRMED, items=[])
    tell(other, MessageKind.REQUEST_CONFIRMED, items=[])
    db.session.commit()
    auth.guest_login(stay)

    home = client.get("/")
    link = home.text.split('href="/messages"')[1].split("</a>")[0]
    assert '<span class="count"' in link and link.endswith(">1</span>")
    page = client.get("/messages")
    assert page.status_code == 200
    assert page.text.count('class="card message') == 1
    assert "message--unread" in page.text
    db.session.expire_all()
    assert db.session.scalars(select(Message.read_at).where(Message.stay_id == stay.id)).one()
    assert db.session.scalars(select(Message.read_at).where(Message.stay_id == other.id)).one() \
        is None
    assert "message--unread" not in client.get("/messages").text


def test_the_messages_page_needs_a_signed_in_guest(client, db):
    response = client.get("/messages")
    assert response.status_code == 302 and "/sign-in" in response.headers["Location"]


def test_the_sign_in_link_signs_the_guest_in_to_their_stay_only(app, client, db):
    stay, other = make_stay(), make_stay()
    db.session.commit()
    with app.test_request_context():
        url = links.sign_in_url(stay)
    response = client.get(path_of(url))
    assert response.status_code == 302 and response.headers["Location"].endswith("/my-bookings")
    assert signed_in_stay(client) == stay.id
    assert client.get("/my-bookings").status_code == 200
    assert other.id != signed_in_stay(client)


@pytest.mark.parametrize("change", ["altered", "other purpose", "garbage", "other stay"])
def test_a_link_that_is_not_the_stays_own_signs_nobody_in(app, client, db, change):
    stay = make_stay()
    db.session.commit()
    with app.test_request_context():
        token = path_of(links.sign_in_url(stay)).rsplit("/", 1)[1]
        if change == "altered":
            token = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
        elif change == "other purpose":
            token = path_of(links.unsubscribe_url(stay)).rsplit("/", 1)[1]
        elif change == "garbage":
            token = "not-a-token"
        else:  # a token whose stay was replaced by another with the same id is refused
            stay.reference = "RENAMED1"
            db.session.commit()
    response = client.get(f"/welcome/{token}")
    assert response.status_code == 404
    assert "This link is not valid" in response.text
    assert signed_in_stay(client) is None


def test_the_sign_in_link_ends_with_the_stay(app, client, db):
    stay = make_stay(arrival_on=hotel_today() - timedelta(days=3), nights=2)
    db.session.commit()
    with app.test_request_context():
        url = links.sign_in_url(stay)
        assert links.stay_of_sign_in_link(path_of(url).rsplit("/", 1)[1],
                                          now=day_starts_at(stay.departure_on)) == stay
    response = client.get(path_of(url))
    assert response.status_code == 404
    assert signed_in_stay(client) is None


def test_the_unsubscribe_page_asks_then_stops_offers(app, client, db):
    stay = make_stay(language="de")
    stay.marketing_consent = True
    db.session.commit()
    with app.test_request_context():
        path = path_of(links.unsubscribe_url(stay))
    page = client.get(path)
    assert page.status_code == 200 and 'method="post"' in page.text
    db.session.expire_all()
    assert db.session.get(Stay, stay.id).marketing_consent is True  # a GET changes nothing
    assert client.post(path).status_code == 200
    db.session.expire_all()
    assert db.session.get(Stay, stay.id).marketing_consent is False
    assert client.post("/unsubscribe/forged").status_code == 404


def test_a_message_on_the_page_keeps_no_inline_style_which_the_policy_forbids(client, auth, db):
    stay = make_stay()
    tell(stay, MessageKind.REQUEST_CONFIRMED, items=[])
    db.session.commit()
    auth.guest_login(stay)
    page = client.get("/messages")
    body = page.text.split('class="message__body"')[1].split("</article>")[0]
    assert "style=" not in body
    assert "unsafe-inline" not in page.headers["Content-Security-Policy"]
