"""The OpenAPI document states the rules the API checks: what it accepts, the API accepts.

For each input member with a rule on the server, values are tried in a body that is
otherwise right: wherever the document's schema accepts a value, the API's own check of
the body must accept it too; and the values the API always refuses (empty names, NUL
bytes, invisible names, the year 0240) the document must refuse as well.
"""

from copy import deepcopy

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from hotel.api import schemas
from hotel.services.errors import DomainError
from hotel.services.stays import check_stay_data

TEXTS = ["Kim", "  Léa  ", "김민지", "محمد", "O'Brien", "A\u200dB", "\u202eevil", "", " ",
         "\u200b", "\u202e\u2066", "\u3164", "\ufeff", "\x00", "Nul\x00l", "two\nlines",
         "cr\r\nlf", "lone\rcr", "tab\t", "\x1f", "\U000e0041", "x" * 16, "x" * 17,
         "x" * 32, "x" * 33, "x" * 80, "x" * 81, "x" * 129, "LP1001", "has space", "-x",
         "kids-club", "kids-club\n", "crib", "a@b.co", "lea@example.fr", "not an email", "ko",
         "KO", "xx", "\U0001f600"]
DATES = ["2030-07-01", "2000-01-01", "2999-12-31", "0240-07-01", "1999-12-31", "3000-01-01",
         "1950-05-05", "1899-12-31", "2030-02-30", "2030-7-1", "01/07/2030", "2030-07-01\n",
         " 2030-07-01", ""]
# A child's birth date is also checked against the arrival (age 0 to 17): those tried here
# are all within that, so that only the form and the range of the date are compared.
CHILD_BIRTH_DATES = ["2030-07-01", "2013-07-02", "2020-02-29", "2030-02-30", "0240-07-01",
                     "2030-7-1", "2030-07-01\n", ""]
DATETIMES = ["2030-07-01T10:00:00+02:00", "2030-07-01T10:00:00Z", "2000-01-01T00:30:00+01:00",
             "2999-12-31T23:30:00-05:00", "0240-07-01T10:00:00+02:00", "2030-07-01T10:00:00",
             "3000-01-01T00:00:00+00:00", "2030-07-01", ""]
STAY = {"reference": "PMS-1", "room": "512", "first_name": "Léa", "last_name": "Dubois",
        "arrival_date": "2999-12-31", "departure_date": "2999-12-31", "language": "fr",
        "email": "", "adults": [{"first_name": "Léa"}, {"first_name": "Marc"}],
        "children": [{"first_name": "Chloé", "age": 7}]}
BOOKING = {"items": [{"service": "transfer", "starts_at": "2030-07-01T10:00:00+02:00",
                      "details": {"pickup_place": "Airport"}, "note": ""},
                     {"service": "crib", "start_date": "2030-07-01",
                      "end_date": "2030-07-02"}]}
# (schema, body, the places the value goes, values to try)
MEMBERS = [
    ("StayInput", STAY, [("reference",)], TEXTS),
    ("StayInput", STAY, [("room",)], TEXTS),
    ("StayInput", STAY, [("first_name",)], TEXTS),
    ("StayInput", STAY, [("last_name",)], TEXTS),
    ("StayInput", STAY, [("email",)], TEXTS),
    ("StayInput", STAY, [("language",)], TEXTS),
    # Arrival and departure together: the order of the two is not the document's to state.
    ("StayInput", STAY, [("arrival_date",), ("departure_date",)], DATES),
    ("StayInput", STAY, [("birth_date",)], DATES),
    ("StayInput", STAY, [("adults", 0, "first_name")], TEXTS),
    ("StayInput", STAY, [("adults", 1, "last_name")], TEXTS),
    ("StayInput", STAY, [("adults", 1, "birth_date")], DATES),
    ("StayInput", STAY, [("children", 0, "first_name")], TEXTS),
    ("StayInput", STAY, [("children", 0, "last_name")], TEXTS),
    ("StayInput", {**STAY, "arrival_date": "2030-07-01", "departure_date": "2030-07-08"},
     [("children", 0, "birth_date")], CHILD_BIRTH_DATES),
    ("BookingInput", BOOKING, [("items", 0, "note")], TEXTS),
    ("BookingInput", BOOKING, [("items", 0, "details", "pickup_place")], TEXTS),
    ("BookingInput", BOOKING, [("items", 0, "starts_at")], DATETIMES),
    ("BookingInput", BOOKING, [("items", 1, "service")], TEXTS),
    ("BookingInput", BOOKING, [("items", 1, "start_date")], DATES),
    ("BookingInput", BOOKING, [("package",)], TEXTS),
    ("BookingInput", BOOKING, [("idempotency_key",)], TEXTS),
    ("GuestCredentials", {"reference": "LP1001", "last_name": "Kim"}, [("reference",)], TEXTS),
    ("GuestCredentials", {"reference": "LP1001", "last_name": "Kim"}, [("last_name",)], TEXTS),
    ("StaffCredentials", {"username": "desk", "password": "pw"}, [("username",)], TEXTS),
    ("StaffCredentials", {"username": "desk", "password": "pw"}, [("password",)], TEXTS),
]
ALWAYS_REFUSED = {"", "\x00", "Nul\x00l", "\u200b", "\u202e\u2066", "0240-07-01",
                  "0240-07-01T10:00:00+02:00"}
# Slugs name a service or package: the document states their form, the catalogue which exist.
FORM_ONLY = {("items", 1, "service"): schemas.is_slug, ("package",): schemas.is_slug}
REQUIRED = {("reference",), ("room",), ("first_name",), ("last_name",), ("arrival_date",),
            ("adults", 0, "first_name"), ("children", 0, "first_name"), ("items", 1, "service"),
            ("items", 0, "starts_at"), ("items", 1, "start_date"), ("username",), ("password",)}


@pytest.fixture
def document(api, hotel):
    """The OpenAPI document as the API serves it, with the hotel's services in place."""
    return api.client.get("/api/v1/openapi.json").json


def schema_of(document: dict, name: str) -> Draft202012Validator:
    """Return a validator of one of the document's schemas, formats checked."""
    registry = Registry().with_resource(
        "urn:openapi", Resource.from_contents(document, default_specification=DRAFT202012))
    return Draft202012Validator({"$ref": f"urn:openapi#/components/schemas/{name}"},
                                registry=registry,
                                format_checker=Draft202012Validator.FORMAT_CHECKER)


def api_accepts(name: str, body: dict) -> bool:
    """Tell whether the API's own check of a body of this schema lets it through."""
    try:
        if name == "StayInput":
            check_stay_data(body)
        elif name == "BookingInput":
            schemas.booking_request(body)
        else:
            schemas.credentials(body, *body)
    except DomainError:
        return False
    return True


def api_accepts_at(name: str, places: list[tuple], value, body: dict) -> bool:
    """Tell whether the API takes the value at its place: its form only, for a slug."""
    if places[0] in FORM_ONLY:
        return FORM_ONLY[places[0]](value)
    return api_accepts(name, body)


def with_value(body: dict, places: list[tuple], value) -> dict:
    """Return a copy of the body with the value at each of the places."""
    body = deepcopy(body)
    for place in places:
        target = body
        for step in place[:-1]:
            target = target[step]
        target[place[-1]] = value
    return body


@pytest.mark.parametrize(("name", "body", "places", "values"), MEMBERS,
                         ids=[f"{m[0]}.{'.'.join(map(str, m[2][0]))}" for m in MEMBERS])
def test_what_the_document_accepts_the_api_accepts(app, document, name, body, places, values):
    schema = schema_of(document, name)
    with app.test_request_context("/"):
        assert schema.is_valid(body) and api_accepts(name, body)
        bodies = {value: with_value(body, places, value) for value in values}
        promised_but_refused = [value for value, sent in bodies.items() if schema.is_valid(sent)
                                and not api_accepts_at(name, places, value, sent)]
        refused_by_document = {value for value, sent in bodies.items()
                               if not schema.is_valid(sent)}
    assert promised_but_refused == []
    if places[0] in REQUIRED:
        assert ALWAYS_REFUSED & set(values) <= refused_by_document


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=20))
def test_any_name_or_note_the_document_accepts_the_api_accepts(app, document, text):
    stay, booking = schema_of(document, "StayInput"), schema_of(document, "BookingInput")
    with app.test_request_context("/"):
        for schema, name, body in (
                (stay, "StayInput", with_value(STAY, [("first_name",)], text)),
                (booking, "BookingInput", with_value(BOOKING, [("items", 0, "note")], text))):
            if schema.is_valid(body):
                assert api_accepts(name, body), (name, text)


@pytest.mark.parametrize(("name", "body", "member"), [
    ("StayInput", STAY, "language"), ("StayInput", STAY, "email"),
    ("StayInput", STAY, "birth_date"), ("StayInput", STAY, "version"),
    ("StayInput", STAY, "children"), ("BookingInput", BOOKING, "package"),
    ("BookingInput", BOOKING, "idempotency_key"),
])
def test_a_null_the_api_takes_for_a_missing_member_the_document_takes(app, document, name,
                                                                       body, member):
    sent = {**body, member: None}
    with app.test_request_context("/"):
        assert api_accepts(name, sent)
    assert schema_of(document, name).is_valid(sent)


def test_an_update_may_leave_the_reference_to_the_path(app, document):
    update = {key: value for key, value in STAY.items() if key != "reference"}
    assert schema_of(document, "StayUpdate").is_valid(update)
    assert not schema_of(document, "StayInput").is_valid(update)
