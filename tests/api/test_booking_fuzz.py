"""Property-based: no payload sent to POST /api/v1/bookings gets a 5xx, and 4xx writes nothing."""

import json
from datetime import timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from hotel.clock import hotel_today
from hotel.extensions import db
from hotel.models import Booking, BookingItem

scalars = st.one_of(
    st.none(), st.booleans(),
    st.integers(), st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False, allow_infinity=False), st.text(max_size=30),
    st.sampled_from(["", "\x00", "\ud800", "kids-club", "crib", "transfer", "2030-07-01",
                     "9999-12-31", "0001-01-01T00:00:00+14:00", "\u202e", "1" * 5000]),
)
junk = st.recursive(scalars, lambda children: st.one_of(
    st.lists(children, max_size=4), st.dictionaries(st.text(max_size=10), children, max_size=4)),
    max_leaves=12)


def day_text(offset_days: int) -> str:
    return str(hotel_today() + timedelta(days=offset_days))


@st.composite
def items(draw, slot_ids, child_ids, member_ids):
    """A booking line that starts right for its kind of service, then is bent at random."""
    kind = draw(st.sampled_from(["activity", "rental", "on_request"]))
    if kind == "activity":
        item = {"service": "kids-club", "slot_id": draw(st.sampled_from(slot_ids)),
                "participants": draw(st.lists(st.sampled_from(child_ids), min_size=1,
                                              max_size=2, unique=True))}
    elif kind == "rental":
        first = draw(st.integers(0, 4))
        item = {"service": "crib", "start_date": day_text(first),
                "end_date": day_text(first + draw(st.integers(0, 2))),
                "quantity": draw(st.integers(1, 2))}
    else:
        item = {"service": "transfer", "starts_at": f"{day_text(2)}T14:00:00+01:00",
                "details": {"pickup_place": "Airport", "passengers": draw(st.integers(1, 4))}}
    bends = {
        "service": st.one_of(st.sampled_from(["kids-club", "crib", "transfer", "nothing"]),
                             junk),
        "slot_id": st.one_of(st.integers(), junk),
        "start_date": st.one_of(st.integers(-3, 8).map(day_text), junk),
        "end_date": st.one_of(st.integers(-3, 8).map(day_text), junk),
        "starts_at": st.one_of(st.sampled_from([f"{day_text(-1)}T14:00:00+01:00",
                                                f"{day_text(1)}T10:00:00"]), junk),
        "quantity": st.one_of(st.integers(-2, 12), st.integers(), junk),
        "participants": st.one_of(st.lists(st.sampled_from(member_ids), max_size=5),
                                  st.lists(st.integers(), max_size=3), junk),
        "details": st.one_of(st.fixed_dictionaries({}, optional={
            "pickup_place": st.one_of(st.text(max_size=250), junk),
            "passengers": st.one_of(st.integers(-5, 30), junk),
            "flight_number": junk}), junk),
        "note": st.one_of(st.text(max_size=600), junk),
        "surprise": junk,
    }
    for key, strategy in bends.items():
        choice = draw(st.integers(0, 9))
        if choice == 0:
            item[key] = draw(strategy)
        elif choice == 1:
            item.pop(key, None)
    return item


@st.composite
def payloads(draw, slot_ids, child_ids, member_ids):
    """A JSON value, a body that is nearly a booking, or bytes that are not JSON at all."""
    kind = draw(st.sampled_from(["junk", "booking", "booking", "booking", "booking", "bytes"]))
    if kind == "bytes":
        return draw(st.binary(max_size=64))
    if kind == "junk":
        return json.dumps(draw(junk)).encode()
    lines = items(slot_ids, child_ids, member_ids)
    body = {"items": draw(st.one_of(st.lists(lines, min_size=1, max_size=3),
                                    st.lists(lines, max_size=22), junk))}
    optional = {"package": st.one_of(st.just("family"), junk),
                "idempotency_key": st.one_of(st.text(max_size=70), junk)}
    for key, strategy in optional.items():
        if draw(st.booleans()):
            body[key] = draw(strategy)
    return json.dumps(body).encode()


def count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def test_no_payload_causes_a_server_error_or_a_partial_write(api, hotel, kim_token):
    slot_ids = [slot.id for slot in hotel["slots"]] + [999_999]
    child_ids = [member.id for member in hotel["kim"].children]
    member_ids = [member.id for member in hotel["kim"].members] + [hotel["brown"].members[0].id]
    outcomes = set()

    @settings(max_examples=150, deadline=None,
              suppress_health_check=[HealthCheck.function_scoped_fixture,
                                     HealthCheck.too_slow])
    @given(payloads(slot_ids, child_ids, member_ids))
    def post(data):
        before = count(Booking), count(BookingItem)
        response = api.call("POST", "/api/v1/bookings", kim_token, data=data,
                            content_type="application/json")
        assert response.status_code < 500, response.get_data(as_text=True)
        assert response.is_json
        assert response.json["error"] if response.status_code >= 400 else True
        if response.status_code >= 400:
            assert (count(Booking), count(BookingItem)) == before
        else:  # a new booking, or the one an idempotency key made before
            assert response.status_code == 201
            assert count(Booking) - before[0] in (0, 1)
        outcomes.add(response.status_code)

    post()
    assert 422 in outcomes
