"""What the tables of each demo data file may hold: their keys, and the check of each value."""

from hotel.demo.checks import (
    Field,
    amount,
    choice,
    clock,
    filled,
    flag,
    integer,
    list_of,
    optional,
    table,
    tables,
    text,
)
from hotel.demo.texts import LANGUAGES
from hotel.models import (
    REQUEST_FIELDS,
    CapacityUnit,
    Category,
    FaqKind,
    Kind,
    PricingUnit,
    Role,
    TicketKind,
    TicketState,
)


def entries(value: object) -> None:
    """Accept a list; its tables are checked one by one, each named by its slug."""
    if not isinstance(value, list):
        raise ValueError(f"must be a list of tables, not {value!r}")


# ---------------------------------------------------------------- catalogue.toml
AGE_BAND = {"min_age": Field(integer(0)), "max_age": Field(integer(0)), "price": Field(amount)}
SLOT_RULE = {
    "weekdays": Field(list_of(choice(range(7)))),  # 0 is Monday, as in date.weekday()
    "times": Field(list_of(clock)),
    "capacity": Field(integer(1)),
}
SERVICE = {
    "slug": Field(filled),
    "category": Field(choice(Category)),
    "kind": Field(choice(Kind)),
    "department": Field(filled),
    "pricing_unit": Field(choice(PricingUnit)),
    "price": Field(amount),
    "min_age": optional(integer(0)),
    "max_age": optional(integer(0)),
    "requires_approval": optional(flag),
    "cutoff_hours": optional(integer(0)),
    "stock": optional(integer(0)),
    "delivered_on_arrival": optional(flag),
    "max_quantity": optional(integer(1)),
    "capacity_unit": optional(choice(CapacityUnit)),
    "duration_minutes": optional(integer(1)),
    "request_fields": optional(list_of(choice(REQUEST_FIELDS))),
    "age_bands": optional(tables(AGE_BAND)),
    "slot_rules": optional(tables(SLOT_RULE)),
}
PACKAGE = {
    "slug": Field(filled),
    "category": Field(choice(Category)),
    "discount_percent": Field(amount),
    "services": Field(list_of(filled)),
}
CATALOGUE = {
    "departments": Field(list_of(filled)),
    "services": Field(entries),
    "packages": Field(entries),
}

# ---------------------------------------------------------------- stays.toml
# What the leader of an activity must know about a person (see PartyMember).
CARE_NOTES = {"allergies": optional(text), "medical_notes": optional(text),
              "dietary_notes": optional(text)}
ADULT = {"first_name": Field(filled), "last_name": optional(text), **CARE_NOTES}
CHILD = {"first_name": Field(filled), "last_name": optional(text), "age": Field(integer(0)),
         **CARE_NOTES, "may_leave_alone": optional(flag), "collected_by": optional(text)}
STAY = {
    "reference": Field(filled),
    "room": Field(filled),
    "first_name": Field(filled),
    "last_name": Field(filled),
    "arrival_offset": Field(integer()),
    "nights": Field(integer(1)),
    "language": Field(choice(LANGUAGES)),
    "email": Field(text),
    "phone": optional(text),
    "marketing_consent": optional(flag),
    "adults": Field(tables(ADULT)),
    "children": optional(tables(CHILD)),
}
EARLIER_STAY = {
    "reference": Field(filled),
    "room": Field(filled),
    "began": Field(integer(1)),
    "nights": Field(integer(1)),
    "used": Field(tables({"service": Field(filled), "day": Field(integer(0))})),
}
STAYS = {"stays": Field(entries), "earlier_stays": optional(table)}

# ---------------------------------------------------------------- bookings.toml
STAY_DAYS = ("arrival", "departure", "last_night")


def rental_day(value: object) -> None:
    """Accept a rental's first or last day: days from today, or a day of the stay by name."""
    if isinstance(value, str):
        choice(STAY_DAYS)(value)
    else:
        integer()(value)


BOOKING = {
    "service": Field(filled),
    "first": optional(rental_day),
    "last": optional(rental_day),
    "day": optional(integer(0)),
    "at": optional(clock),
    "who": optional(choice(("all", "children", "youngest"))),
    "quantity": optional(integer(1)),
    "details": optional(table),
    "note": optional(text),
    "then": optional(choice(("confirm", "decline", "cancel"))),
    "reason": optional(text),
    "standard_reason": optional(filled),
}
# The keys a booking of each kind of service needs, and the others it may have.
BOOKING_KEYS = {
    Kind.RENTAL: ({"first", "last"}, {"quantity"}),
    Kind.ACTIVITY: ({"day", "who"}, set()),
    Kind.ON_REQUEST: ({"day", "at", "who"}, {"last", "details"}),
}
BOOKING_ANY_KIND = {"service", "note", "then", "reason", "standard_reason"}
BOOKINGS = {"bookings": Field(table)}

# ---------------------------------------------------------------- feedback.toml
TICKET_CATEGORY = {
    "slug": Field(filled),
    "department": Field(filled),
    "response_hours": Field(integer(1)),
}
FAQ_ENTRY = {"slug": Field(filled), "kind": Field(choice(FaqKind)), "category": optional(filled)}
TICKET = {
    "number": Field(filled),
    "stay": Field(filled),
    "category": Field(filled),
    "kind": Field(choice(TicketKind)),
    "language": Field(choice(LANGUAGES)),
    "hours_ago": Field(integer(0)),
    "state": Field(choice(TicketState)),
    "text": Field(filled),
    "note": optional(text),
    "answered_after": optional(integer(0)),
    "answer": optional(filled),
    "satisfaction": optional(choice(range(1, 6))),
    "satisfaction_comment": optional(text),
}
FEEDBACK = {
    "ticket_categories": Field(entries),
    "faq": Field(entries),
    "tickets": optional(entries),
}

# ---------------------------------------------------------------- reasons.toml
STANDARD_REASON = {"code": Field(filled)}
REASONS = {"standard_reasons": Field(entries)}

# ---------------------------------------------------------------- staff.toml
STAFF_USER = {
    "username": Field(filled),
    "full_name": Field(text),
    "role": Field(choice(Role)),
    "department": optional(filled),
    "password": Field(filled),
}
STAFF = {"staff": Field(entries)}
