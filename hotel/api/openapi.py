"""The OpenAPI 3.1 description of the API, served at /api/v1/openapi.json.

Every input member states the rules the API checks, so that what the document accepts the
API accepts too: lengths, the booking reference's and slugs' patterns, the years a date
may have, and the plain-text rule (no control characters; something visible in a name),
whose patterns come from the rule itself (hotel/services/plain_text.py).
"""

import copy

from flask import current_app

from hotel.api import bp
from hotel.api.schemas import MAX_ID, MAX_ITEMS, MAX_RANGE_DAYS
from hotel.models import (
    REQUEST_FIELDS,
    FeeKind,
    ItemState,
    Kind,
    MessageKind,
    MessageState,
    PricingUnit,
    WaitingState,
)
from hotel.services.care_notes import COLLECTED_BY_MAX, NOTE_MAX, PHONE_MAX, PHONE_PATTERN
from hotel.services.plain_text import blank_pattern, refused_pattern, visible_pattern
from hotel.services.stays import MAX_VERSION


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def _json(schema: dict, description: str, links: dict | None = None) -> dict:
    response = {"description": description,
                "content": {"application/json": {"schema": schema}}}
    if links:
        response["links"] = links
    return response


def _link(operation: str, description: str, **parameters: str) -> dict:
    """Return a link to an operation, with its parameters taken from this answer."""
    return {"operationId": operation, "description": description, "parameters": parameters}


# How one answer leads to the next call: the operations a client chains, which the
# stateful phase of a fuzz run follows too.
BOOKING_LINKS = {
    "showBooking": _link("showBooking", "The booking again.",
                         reference="$response.body#/reference"),
    "cancelFirstItem": _link("cancelBookingItem", "Cancel its first item.",
                             reference="$response.body#/reference",
                             item_id="$response.body#/items/0/id"),
}


def _response(name: str) -> dict:
    return {"$ref": f"#/components/responses/{name}"}


def _nullable(type_name: str, **extra) -> dict:
    return {"type": [type_name, "null"], **extra}


def _object(properties: dict, required: list[str] | None = None, **extra) -> dict:
    schema = {"type": "object", "properties": properties, **extra}
    if required:
        schema["required"] = required
    return schema


def _date_from(first_year: int) -> dict:
    """Return a date member as the API takes it: YYYY-MM-DD, from ``first_year`` to 2999."""
    years = r"(19|2\d)\d{2}" if first_year == 1900 else r"2\d{3}"
    return {"type": "string", "format": "date", "pattern": rf"^{years}-\d{{2}}-\d{{2}}$",
            "minLength": 10, "maxLength": 10, "formatMinimum": f"{first_year}-01-01",
            "formatMaximum": "2999-12-31", "examples": ["2030-07-01"]}


def _text(rule: str, max_length: int, **extra) -> dict:
    """Return a text member: one of TEXT_RULES, at most ``max_length`` characters."""
    return {"$ref": f"#/components/schemas/{rule}", "maxLength": max_length, **extra}


DATE = {"type": "string", "format": "date", "examples": ["2030-07-01"]}
DAY = _date_from(2000)
BIRTH_DATE = _date_from(1900)
DATETIME = {"type": "string", "format": "date-time", "examples": ["2030-07-01T10:00:00+02:00"]}
STARTS_AT = {**DATETIME, "pattern": r"^2\d{3}-\d{2}-\d{2}T", "maxLength": 40,
             "description": "Years 2000 to 2999, with the offset from UTC."}
MONEY = {"type": "string", "pattern": r"^-?\d+\.\d{2}$", "examples": ["8.00"]}
ID = {"type": "integer", "minimum": 1, "maximum": MAX_ID}
TEXT = {"type": "string"}
SLUG = {"$ref": "#/components/schemas/PlainText", "pattern": "^[A-Za-z0-9][A-Za-z0-9_-]*$",
        "minLength": 1, "maxLength": 60}
REFERENCE_TEXT = {"$ref": "#/components/schemas/PlainText", "minLength": 1, "maxLength": 32,
                  "pattern": "^[A-Za-z0-9][A-Za-z0-9_-]*$"}
# The plain-text rule, written once and referred to by every text member. Lone surrogates
# are refused too, but said in words: in a pattern, a regular expression that reads UTF-16
# code units would take their range for every character beyond U+FFFF (an emoji).
SURROGATES = "Lone surrogates (\\ud800 to \\udfff escapes) are refused as well."
TEXT_RULES = {
    "PlainText": {"type": "string", "not": {"pattern": refused_pattern(surrogates=False)},
                  "description": f"One line without control characters. {SURROGATES}"},
    "PlainLines": {"type": "string",
                   "not": {"pattern": refused_pattern(multiline=True, surrogates=False)},
                   "description": "Lines (LF or CR LF) and tabs, without other control "
                                  f"characters. {SURROGATES}"},
    "Name": {"$ref": "#/components/schemas/PlainText", "minLength": 1,
             "pattern": visible_pattern(),
             "description": "Required: at least one visible character."},
    "OptionalName": {"$ref": "#/components/schemas/PlainText",
                     "pattern": f"{blank_pattern()}|{visible_pattern()}",
                     "description": "Empty, blank, or with at least one visible character."},
    "OptionalLines": {"$ref": "#/components/schemas/PlainLines",
                      "pattern": f"{blank_pattern()}|{visible_pattern()}",
                      "description": "Empty, blank, or with at least one visible character."},
}
# What the leader of an activity must know about a person; left out (or null), a note
# stays as it was.
CARE_NOTES = {
    "allergies": _text("OptionalName", NOTE_MAX, description="Allergies, e.g. nuts."),
    "medical_notes": _text("OptionalName", NOTE_MAX,
                           description="Medical notes, e.g. asthma, inhaler in the bag."),
    "dietary_notes": _text("OptionalName", NOTE_MAX, description="Dietary notes."),
}
COLLECTION = {
    "may_leave_alone": {"type": "boolean",
                        "description": "Whether the child may leave an activity alone; "
                                       "otherwise the child must be collected."},
    "collected_by": _text("OptionalName", COLLECTED_BY_MAX,
                          description="Who may collect the child."),
}
NOTES_OUT = {"allergies": TEXT, "medical_notes": TEXT, "dietary_notes": TEXT}
COLLECTION_OUT = {"may_leave_alone": {"type": "boolean"}, "collected_by": TEXT}
PHONE_INPUT = {"type": "string", "maxLength": PHONE_MAX, "pattern": f"^{PHONE_PATTERN}$",
               "examples": ["+43 660 123 4567"],
               "description": "A number to call the guest on: digits, spaces, a leading +, "
                              "dashes and brackets, at least three digits; empty for none. "
                              "Left out, it stays as it was."}
LANG = {"name": "lang", "in": "query", "required": False, "schema": TEXT,
        "description": "Language of messages and texts (else Accept-Language is used)."}

SCHEMAS = {
    "Error": _object({"error": TEXT, "message": {**TEXT, "description": "Translated."}},
                     ["error", "message"]),
    "ValidationError": _object(
        {"error": {"const": "invalid"}, "message": TEXT,
         "fields": {"type": "object", "additionalProperties": TEXT,
                    "description": "Message per member at fault, e.g. details.passengers."},
         "item": {"type": "integer", "minimum": 0,
                  "description": "Index of the booking item at fault."}},
        ["error", "message", "fields"]),
    "ConflictError": _object(
        {"error": {"enum": ["unavailable", "not_allowed", "conflict", "room_left"]},
         "message": TEXT,
         "item": {"type": "integer", "minimum": 0}},
        ["error", "message"]),
    "Token": _object({"token": TEXT, "expires_at": DATETIME}, ["token", "expires_at"]),
    "GuestCredentials": _object(
        {"reference": _text("Name", 128, description="Booking reference or room number."),
         "last_name": _text("Name", 128)}, ["reference", "last_name"]),
    "StaffCredentials": _object({"username": _text("Name", 128),
                                 "password": _text("Name", 128, format="password")},
                                ["username", "password"]),
    "ChildPrice": _object({"min_age": {"type": "integer"}, "max_age": {"type": "integer"},
                           "price": MONEY}, ["min_age", "max_age", "price"]),
    "RequestField": _object({"name": {"enum": sorted(REQUEST_FIELDS)},
                             "type": {"enum": ["text", "integer"]},
                             "required": {"type": "boolean"}}, ["name", "type", "required"]),
    "Service": _object(
        {"slug": TEXT, "kind": {"enum": [k.value for k in Kind]}, "category": TEXT,
         "name": TEXT, "description": TEXT, "price": MONEY, "currency": TEXT,
         "pricing_unit": {"enum": [u.value for u in PricingUnit]},
         "min_age": _nullable("integer"), "max_age": _nullable("integer"),
         "requires_approval": {"type": "boolean"}, "cutoff_hours": {"type": "integer"},
         "max_quantity": {"type": "integer"},
         "request_fields": {"type": "array", "items": _ref("RequestField")},
         "child_prices": {"type": "array", "items": _ref("ChildPrice")}},
        ["slug", "kind", "category", "name", "description", "price", "currency",
         "pricing_unit", "min_age", "max_age", "requires_approval", "request_fields",
         "child_prices"]),
    "Slot": _object({"id": ID, "starts_at": DATETIME, "ends_at": DATETIME,
                     "capacity": {"type": "integer"}, "remaining": {"type": "integer"}},
                    ["id", "starts_at", "ends_at", "capacity", "remaining"]),
    "Day": _object({"date": DATE, "remaining": {"type": "integer"}}, ["date", "remaining"]),
    "Availability": {"oneOf": [
        _object({"slots": {"type": "array", "items": _ref("Slot")}}, ["slots"],
                description="An activity's slots."),
        _object({"days": {"type": "array", "items": _ref("Day")}}, ["days"],
                description="A rental's days."),
        _object({"requestable": {"type": "boolean"}}, ["requestable"],
                description="A service on request."),
    ]},
    "ItemInput": _object(
        {"service": {**SLUG, "description": "The service's slug."},
         "slot_id": {**ID, "description": "Activities: the slot."},
         "start_date": {**DAY, "description": "Rentals: first day of use."},
         "end_date": {**DAY, "description": "Rentals: last day of use (inclusive)."},
         "starts_at": {**STARTS_AT, "description": "On request: when, with offset (years "
                                                   "2000 to 2999)."},
         "quantity": {"type": "integer", "default": 1},
         "participants": {"type": "array", "items": ID, "maxItems": 50,
                          "description": "Party member ids; by default the first "
                                         "`quantity` members, lead guest first."},
         "details": {"type": "object", "maxProperties": 20,
                     "additionalProperties": {"anyOf": [_text("OptionalName", 200),
                                                        {"type": ["integer", "null"]}]},
                     "description": "On request: the service's request_fields."},
         "note": _text("OptionalLines", 500)},
        ["service"], additionalProperties=False),
    "BookingInput": _object(
        {"items": {"type": "array", "items": _ref("ItemInput"), "minItems": 1,
                   "maxItems": MAX_ITEMS},
         "package": {**SLUG, "description": "Slug of the package booked, for its discount."},
         "idempotency_key": {**_text("OptionalName", 64), "minLength": 1,
                             "description": "Sending the same key again returns the "
                                            "booking made the first time."},
         "voucher": {**_text("OptionalName", 32), "minLength": 1,
                     "description": "A voucher code; a code used up refuses the booking "
                                    "(409), so that the guest can book without it."}},
        ["items"], additionalProperties=False),
    "CancelInput": _object(
        {"accepted_fee": {"type": "string", "pattern": r"^\d{1,10}(\.\d{1,2})?$",
                          "description": "After the cut-off: the late-cancellation fee the "
                                         "guest was shown and accepts."}},
        [], additionalProperties=False),
    "Amount": _object({"amount": MONEY, "currency": TEXT}, ["amount", "currency"]),
    "Item": _object(
        {"id": ID, "service": TEXT, "service_name": TEXT,
         "state": {"enum": [s.value for s in ItemState]}, "quantity": {"type": "integer"},
         "start_date": DATE, "end_date": _nullable("string", format="date"),
         "starts_at": _nullable("string", format="date-time"), "price": MONEY,
         "discount": MONEY, "participants": {"type": "array", "items": ID},
         "details": {"type": "object"}, "note": TEXT, "reason": _nullable("string"),
         "can_cancel": {"type": "boolean"}},
        ["id", "service", "state", "quantity", "start_date", "end_date", "starts_at", "price",
         "participants"]),
    "Booking": _object(
        {"reference": TEXT, "created_at": DATETIME, "package": _nullable("string"),
         "items": {"type": "array", "items": _ref("Item")}, "total": _ref("Amount"),
         "discount": _ref("Amount")},
        ["reference", "items", "total"]),
    "BookingList": _object({"bookings": {"type": "array", "items": _ref("Booking")}},
                           ["bookings"]),
    "Fee": _object({"kind": {"enum": [k.value for k in FeeKind]}, "amount": MONEY,
                    "percent": MONEY, "charged_at": DATETIME},
                   ["kind", "amount", "percent", "charged_at"]),
    "BillItem": _object(
        {"id": ID, "booking": TEXT, "service": TEXT, "service_name": TEXT, "date": DATE,
         "end_date": _nullable("string", format="date"),
         "starts_at": _nullable("string", format="date-time"),
         "state": {"enum": [s.value for s in ItemState]}, "quantity": {"type": "integer"},
         "participants": {"type": "array", "items": ID}, "unit_price": MONEY,
         "subtotal": MONEY, "discount": MONEY, "returning_guest_discount": MONEY,
         "voucher_discount": MONEY, "voucher": _nullable("string"),
         "amount": {**MONEY, "description": "What the item is charged: its price, or 0.00 "
                                            "when cancelled, declined or a no-show."},
         "fees": {"type": "array", "items": _ref("Fee")},
         "total": {**MONEY, "description": "amount plus the fees."}},
        ["id", "service", "date", "state", "amount", "fees", "total"]),
    "Bill": _object(
        {"reference": TEXT, "room": TEXT,
         "items": {"type": "array", "items": _ref("BillItem")},
         "days": {"type": "array", "items": _object(
             {"date": DATE, "total": _ref("Amount")}, ["date", "total"])},
         "discount": _ref("Amount"), "fees": _ref("Amount"),
         "total": {**_ref("Amount"), "description": "The sum of the items' totals."}},
        ["reference", "items", "total"]),
    "AdultInput": _object({"first_name": _text("Name", 80),
                           "last_name": _text("OptionalName", 80), "birth_date": BIRTH_DATE,
                           **CARE_NOTES},
                          ["first_name"],
                          description="The birth date is optional; with the name it "
                                      "recognises a returning guest."),
    "ChildInput": _object({"first_name": _text("Name", 80),
                           "last_name": _text("OptionalName", 80),
                           "age": {"type": "integer", "minimum": 0, "maximum": 17},
                           "birth_date": {**DAY, "description": "Not after the arrival, "
                                                                "and at most 17 years before "
                                                                "it."},
                           **CARE_NOTES, **COLLECTION}, ["first_name"],
                          description="Give the age on arrival or the birth date."),
    "StayInput": _object(
        {"reference": REFERENCE_TEXT,
         "room": _text("Name", 16), "first_name": _text("Name", 80),
         "last_name": _text("Name", 80), "arrival_date": DAY,
         "departure_date": {**DAY, "description": "Not before the arrival, at most 366 "
                                                  "nights after it."},
         "language": {"enum": [""], "description": "One of the interface's languages; "
                                                   "empty for the hotel's default."},
         "birth_date": {**BIRTH_DATE, "description": "The lead guest's, optional; with the "
                                                     "name it recognises a returning guest."},
         "email": _text("PlainText", 254, anyOf=[{"const": ""}, {"format": "email"}]),
         "phone": PHONE_INPUT,
         "marketing_consent": {"type": "boolean",
                               "description": "Whether the guest agrees to offers. Left out "
                                              "of an update, it stays as it was; a new stay "
                                              "without it does not agree."},
         "version": {"type": ["integer", "null"], "minimum": 1, "maximum": MAX_VERSION,
                     "description": "The version of the stay the update was made from: if "
                                    "the stay was saved since, the update is refused (409). "
                                    "Without it (or with null), the last update wins."},
         "adults": {"type": "array", "items": _ref("AdultInput"),
                    "description": "Every adult, lead guest included; when empty, the "
                                   "lead guest alone."},
         "children": {"type": "array", "items": _ref("ChildInput")}},
        ["reference", "room", "first_name", "last_name", "arrival_date", "departure_date"]),
    "Stay": _object(
        {"reference": TEXT, "room": TEXT, "first_name": TEXT, "last_name": TEXT,
         "arrival_date": DATE, "departure_date": DATE, "language": TEXT,
         "birth_date": {**DATE, "description": "The lead guest's, optional; with the name it "
                                               "recognises a returning guest."}, "email": TEXT,
         "marketing_consent": {"type": "boolean",
                               "description": "Whether the guest agrees to offers."},
         "version": {"type": "integer", "minimum": 1,
                     "description": "Counts the stay's saves; send it back with an update."},
         "phone": TEXT,
         "adults": {"type": "array", "items": _object(
             {"id": ID, "first_name": TEXT, "last_name": TEXT, **NOTES_OUT},
             ["id", "first_name", "last_name", *NOTES_OUT])},
         "children": {"type": "array", "items": _object(
             {"id": ID, "first_name": TEXT, "last_name": TEXT,
              "age": _nullable("integer"), "birth_date": _nullable("string", format="date"),
              **NOTES_OUT, **COLLECTION_OUT},
             ["id", "first_name", "last_name", *NOTES_OUT, *COLLECTION_OUT])}},
        ["reference", "room", "first_name", "last_name", "arrival_date", "departure_date",
         "language", "email", "phone", "marketing_consent", "version", "adults",
         "children"]),
    "Message": _object(
        {"id": ID, "kind": {"enum": [kind.value for kind in MessageKind]},
         "language": TEXT, "subject": TEXT,
         "text": {"type": "string", "description": "The message as plain text."},
         "created_at": {"type": "string", "format": "date-time"},
         "read_at": _nullable("string", format="date-time"),
         "state": {"enum": [state.value for state in MessageState],
                   "description": "Staff only: kept (not e-mailed), waiting, sending, "
                                  "sent or failed."},
         "email": {"type": "string", "description": "Staff only: where it was sent."},
         "attempts": {"type": "integer", "minimum": 0, "description": "Staff only."},
         "sent_at": _nullable("string", format="date-time"),
         "last_error": {"type": "string", "description": "Staff only."}},
        ["id", "kind", "language", "subject", "text", "created_at", "read_at"]),
    "MessageList": _object({"messages": {"type": "array", "items": _ref("Message")}},
                           ["messages"]),
    "WaitingInput": _object(
        {"service": {**SLUG, "description": "The service's slug: an activity or a rental."},
         "slot_id": {**ID, "description": "Activities: the full slot."},
         "start_date": {**DAY, "description": "Rentals: first day of use."},
         "end_date": {**DAY, "description": "Rentals: last day of use (inclusive)."},
         "quantity": {"type": "integer", "default": 1,
                      "description": "Rentals: units; activities: places, if no "
                                     "participants are named."},
         "participants": {"type": "array", "items": ID, "maxItems": 50,
                          "description": "Party member ids of who would take part."}},
        ["service"], additionalProperties=False),
    "WaitingEntry": _object(
        {"id": ID, "service": TEXT, "slot_id": _nullable("integer"), "start_date": DATE,
         "end_date": DATE, "quantity": {"type": "integer"},
         "participants": {"type": "array", "items": ID},
         "state": {"enum": [state.value for state in WaitingState]},
         "position": {**_nullable("integer"),
                      "description": "Place in the queue (1 is next), while waiting."},
         "offer_expires_at": {**_nullable("string", format="date-time"),
                              "description": "While offered: the places are held until "
                                             "then."}},
        ["id", "service", "state", "position", "offer_expires_at"]),
    "WaitingList": _object({"entries": {"type": "array", "items": _ref("WaitingEntry")}},
                           ["entries"]),
    **TEXT_RULES,
}

RESPONSES = {
    "Unauthorized": _json(_ref("Error"), "No valid bearer token."),
    "Forbidden": _json(_ref("Error"), "The token's holder may not do this."),
    "NotFound": _json(_ref("Error"), "Not found, or not the caller's."),
    "Invalid": _json(_ref("ValidationError"), "Bad input; `fields` says which member."),
    "Conflict": _json(_ref("ConflictError"), "Not possible in the present state."),
    "Throttled": _json(_ref("Error"), "Too many failed attempts; try again later."),
    "Busy": _json(_ref("Error"), "The attempt could not be counted just now; try again."),
}


def _operation(name: str, summary: str, responses: dict, *, body: str | None = None,
               body_required: bool = True, secured: bool = False,
               parameters: list | None = None, tag: str) -> dict:
    operation = {"operationId": name, "summary": summary, "tags": [tag],
                 "parameters": [LANG, *(parameters or [])], "responses": responses}
    if body:
        operation["requestBody"] = {"required": body_required, "content": {
            "application/json": {"schema": _ref(body)}}}
    operation["security"] = [{"bearerAuth": []}] if secured else []
    return operation


def _path_param(name: str, schema: dict) -> dict:
    return {"name": name, "in": "path", "required": True, "schema": schema}


AUTH_ERRORS = {"401": _response("Unauthorized"), "403": _response("Forbidden")}
REFERENCE = _path_param("reference", REFERENCE_TEXT)

PATHS = {
    "/auth/guest": {"post": _operation(
        "signInGuest",
        "Sign a guest in with booking reference (or room number) and last name.",
        {"200": _json(_ref("Token"), "A token valid until the end of the stay."),
         "401": _response("Unauthorized"), "422": _response("Invalid"),
         "429": _response("Throttled"), "503": _response("Busy")},
        body="GuestCredentials", tag="auth")},
    "/auth/staff": {"post": _operation(
        "signInStaff",
        "Sign a member of staff in.",
        {"200": _json(_ref("Token"), "A token valid for 12 hours."),
         "401": _response("Unauthorized"), "422": _response("Invalid"),
         "429": _response("Throttled"), "503": _response("Busy")},
        body="StaffCredentials", tag="auth")},
    "/services": {"get": _operation(
        "listServices",
        "List the active services in the reader's language.",
        {"200": _json(_object({"services": {"type": "array", "items": _ref("Service")}},
                              ["services"]), "The catalogue.", {
            "showAvailability": _link("showAvailability", "What the first service has free.",
                                      slug="$response.body#/services/0/slug")})},
        tag="catalogue")},
    "/services/{slug}/availability": {"get": _operation(
        "showAvailability",
        f"Show what is free from one day to another (at most {MAX_RANGE_DAYS} days).",
        {"200": _json(_ref("Availability"), "Slots, days, or whether to request."),
         "404": _response("NotFound"), "422": _response("Invalid")},
        parameters=[_path_param("slug", SLUG),
                    {"name": "from", "in": "query", "required": True, "schema": DAY},
                    {"name": "to", "in": "query", "required": True, "schema": DAY}],
        tag="catalogue")},
    "/bookings": {
        "post": _operation(
            "createBooking", "Book every item, or none.",
            {"201": _json(_ref("Booking"), "The booking.", BOOKING_LINKS), **AUTH_ERRORS,
             "409": _response("Conflict"), "422": _response("Invalid")},
            body="BookingInput", secured=True, tag="bookings"),
        "get": _operation(
            "listBookings", "List the guest's bookings, newest first.",
            {"200": _json(_ref("BookingList"), "The bookings.", {
                "showBooking": _link("showBooking", "The newest booking.",
                                     reference="$response.body#/bookings/0/reference")}),
             **AUTH_ERRORS},
            secured=True, tag="bookings"),
    },
    "/bookings/{reference}": {"get": _operation(
        "showBooking",
        "Show one of the guest's bookings.",
        {"200": _json(_ref("Booking"), "The booking.", {
            "cancelFirstItem": BOOKING_LINKS["cancelFirstItem"]}), **AUTH_ERRORS,
         "404": _response("NotFound")}, secured=True, parameters=[REFERENCE], tag="bookings")},
    "/bookings/{reference}/items/{item_id}/cancel": {"post": _operation(
        "cancelBookingItem",
        "Cancel an item of the guest's booking: free before the service's cut-off; after "
        "it, where the service allows, for the fee given in `accepted_fee` (a 409 "
        "`fee_not_accepted` names the fee otherwise).",
        {"200": _json(_ref("Item"), "The cancelled item."), **AUTH_ERRORS,
         "404": _response("NotFound"), "409": _response("Conflict"),
         "422": _response("Invalid")},
        body="CancelInput", body_required=False, secured=True,
        parameters=[REFERENCE, _path_param("item_id", ID)], tag="bookings")},
    "/bill": {"get": _operation(
        "showBill",
        "Show the bill of the guest's stay: every item with its price, discounts and fees.",
        {"200": _json(_ref("Bill"), "The bill."), **AUTH_ERRORS},
        secured=True, tag="bill")},
    "/stays/{reference}/bill": {"get": _operation(
        "showStayBill",
        "Show the bill of a stay (reception or manager).",
        {"200": _json(_ref("Bill"), "The bill."), **AUTH_ERRORS,
         "404": _response("NotFound")},
        secured=True, parameters=[_path_param("reference", REFERENCE_TEXT)], tag="bill")},
    "/stays": {"post": _operation(
        "createStay",
        "Create a stay with its party (reception or manager).",
        {"201": _json(_ref("Stay"), "The stay.", {
            "updateStay": _link("updateStay", "Update the stay.",
                                reference="$response.body#/reference")}), **AUTH_ERRORS,
         "409": _response("Conflict"), "422": _response("Invalid")},
        body="StayInput", secured=True, tag="stays")},
    "/stays/{reference}": {"put": _operation(
        "updateStay",
        "Update a stay and its party (reception or manager).",
        {"200": _json(_ref("Stay"), "The stay.", {
            "updateStayAgain": _link("updateStay", "Update the stay again.",
                                     reference="$response.body#/reference")}), **AUTH_ERRORS,
         "404": _response("NotFound"), "409": _response("Conflict"),
         "422": _response("Invalid")},
        body="StayUpdate", secured=True, parameters=[REFERENCE], tag="stays")},
    "/messages": {"get": _operation(
        "listMessages",
        "List what the hotel wrote to the guest, newest first.",
        {"200": _json(_ref("MessageList"), "The messages."), **AUTH_ERRORS},
        secured=True, tag="messages")},
    "/stays/{reference}/messages": {"get": _operation(
        "listStayMessages",
        "List a stay's messages with how each was delivered (reception or manager).",
        {"200": _json(_ref("MessageList"), "The messages."), **AUTH_ERRORS,
         "404": _response("NotFound")},
        secured=True, parameters=[_path_param("reference", REFERENCE_TEXT)],
        tag="messages")},
    "/waitlist": {
        "post": _operation(
            "joinWaitlist",
            "Wait for a full slot or for rental days with no unit left; 409 `room_left` "
            "when there is room (book instead).",
            {"201": _json(_ref("WaitingEntry"), "The entry, with its place in the queue.", {
                "leaveWaitlist": _link("leaveWaitlist", "Leave the waiting list.",
                                       entry_id="$response.body#/id")}),
             **AUTH_ERRORS, "409": _response("Conflict"), "422": _response("Invalid")},
            body="WaitingInput", secured=True, tag="waitlist"),
        "get": _operation(
            "listWaitlist", "List the guest's waiting-list entries.",
            {"200": _json(_ref("WaitingList"), "The entries."), **AUTH_ERRORS},
            secured=True, tag="waitlist"),
    },
    "/waitlist/{entry_id}/accept": {"post": _operation(
        "acceptWaitlistOffer",
        "Book the places an offer holds for the guest.",
        {"201": _json(_ref("Booking"), "The booking."), **AUTH_ERRORS,
         "404": _response("NotFound"), "409": _response("Conflict"),
         "422": _response("Invalid")},
        secured=True, parameters=[_path_param("entry_id", ID)], tag="waitlist")},
    "/waitlist/{entry_id}": {"delete": _operation(
        "leaveWaitlist",
        "Leave a waiting list, or let an offer go to the next guest.",
        {"200": _json(_ref("WaitingEntry"), "The entry, left."), **AUTH_ERRORS,
         "404": _response("NotFound"), "409": _response("Conflict")},
        secured=True, parameters=[_path_param("entry_id", ID)], tag="waitlist")},
    "/openapi.json": {"get": _operation(
        "showOpenApi",
        "This document.", {"200": _json({"type": "object"}, "The OpenAPI document.")},
        tag="meta")},
}


# The optional members of the inputs that the API takes null for, as if they were left out.
NULL_AS_MISSING = {
    "ItemInput": ["slot_id", "start_date", "end_date", "starts_at", "participants", "details",
                  "note"],
    "BookingInput": ["package", "idempotency_key", "voucher"],
    "CancelInput": ["accepted_fee"],
    "WaitingInput": ["slot_id", "start_date", "end_date", "participants"],
    "StayInput": ["language", "birth_date", "email", "phone", "adults", "children"],
    "AdultInput": ["last_name", "birth_date", *CARE_NOTES],
    "ChildInput": ["last_name", "age", "birth_date", *CARE_NOTES, *COLLECTION],
}


def _or_null(schema: dict) -> dict:
    """Return a member's schema that also takes null."""
    return {"anyOf": [schema, {"type": "null"}]}


def _schemas() -> dict:
    """Return the schemas, with the languages this hotel offers."""
    schemas = copy.deepcopy(SCHEMAS)
    for name, members in NULL_AS_MISSING.items():
        properties = schemas[name]["properties"]
        for member in members:
            properties[member] = _or_null(properties[member])
    schemas["StayInput"]["properties"]["language"]["anyOf"][0]["enum"] += list(
        current_app.config["LANGUAGES"])
    # An update names the stay in its path: the body's reference is needed only to rename it.
    schemas["StayUpdate"] = {**copy.deepcopy(schemas["StayInput"]), "required": [
        name for name in schemas["StayInput"]["required"] if name != "reference"]}
    schemas["StayUpdate"]["properties"]["reference"]["description"] = (
        "A new reference renames the stay; by default, the one in the path.")
    return schemas


def openapi_document() -> dict:
    """Return the OpenAPI document of the API."""
    return {
        "openapi": "3.1.0",
        "info": {"title": f"{current_app.config['HOTEL_NAME']} guest services API",
                 "version": "1.0.0",
                 "description": "Book the hotel's services for a stay. Errors are JSON "
                                "`{\"error\", \"message\"}`, with the message in the language "
                                "of `?lang=` or `Accept-Language`."},
        "servers": [{"url": "/api/v1"}],
        "paths": PATHS,
        "components": {
            "schemas": _schemas(),
            "responses": RESPONSES,
            "securitySchemes": {"bearerAuth": {"type": "http", "scheme": "bearer",
                                               "description": "A token from /auth/guest or "
                                                              "/auth/staff."}},
        },
    }


@bp.get("/openapi.json")
def openapi_json():
    """Serve the OpenAPI document."""
    return openapi_document()
