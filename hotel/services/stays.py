"""Stays: created and updated with their party as the property-management system sends
them, and found by room, reference or name as reception types them.

``save_stay`` takes plain values, as they come from JSON, a desk form or a CSV row (dates
and ages may be strings), checks every field and says which one is wrong. An update may
name the version of the stay it was made from: if the stay was saved since, it is refused
(StayChanged) rather than silently undoing the other save; without one, the last save wins.
"""

import re
from datetime import date, timedelta

from email_validator import EmailNotValidError, validate_email
from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError

from hotel.clock import hotel_today
from hotel.database import write_transaction
from hotel.extensions import db
from hotel.models import (
    HOLDING_STATES,
    BookingItem,
    PartyMember,
    Stay,
    booking_item_participant,
    fold_name,
)
from hotel.models.types import utcnow
from hotel.services import audit, returning
from hotel.services.care_notes import check_care_notes, check_phone
from hotel.services.errors import Conflict, DomainError, NotFound
from hotel.services.plain_text import check_text, isolate

REFERENCE_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,31}")
EARLIEST, LATEST = date(2000, 1, 1), date(2999, 12, 31)
MAX_NIGHTS = 366
MAX_PARTY = 20
MAX_VERSION = 2**31 - 1
CHILD_MAX_AGE = 17


class StayExists(Conflict):
    """Another stay already has this booking reference."""


class StayNotFound(NotFound):
    """No stay has the booking reference to update."""


class StayChanged(Conflict):
    """The stay was saved by someone else after the version the update was made from.

    ``stay_id`` names the stay, to show it as it is now.
    """

    def __init__(self, stay_id: int):
        """Say that the stay ``stay_id`` changed in the meantime."""
        super().__init__(_("Someone else saved this stay in the meantime, so nothing was "
                           "saved."), "version")
        self.stay_id = stay_id


def _text(data: dict, key: str, field: str, max_length: int, required: bool = True) -> str:
    value = data.get(key)
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise DomainError(_("Please enter text."), field)
    value = value.strip()
    if required and not value:
        raise DomainError(_("This is required."), field)
    if len(value) > max_length:
        raise DomainError(_("Please keep this to %(num)d characters.", num=max_length), field)
    return check_text(value, field)


def _date(data: dict, key: str, field: str, required: bool = True,
          earliest: date = EARLIEST) -> date | None:
    value = data.get(key)
    if value in (None, "") and not required:
        return None
    if isinstance(value, date):
        parsed = value
    elif isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        try:
            parsed = date.fromisoformat(value.strip())
        except ValueError:
            raise DomainError(_("Please enter a date as YYYY-MM-DD."), field) from None
    else:
        raise DomainError(_("Please enter a date as YYYY-MM-DD."), field)
    if not earliest <= parsed <= LATEST:
        raise DomainError(_("Please enter a date as YYYY-MM-DD."), field)
    return parsed


def _reference(data: dict) -> str:
    reference = _text(data, "reference", "reference", 32)
    if not REFERENCE_PATTERN.fullmatch(reference):
        raise DomainError(_("A booking reference has only letters, digits, - and _."),
                          "reference")
    return reference


def _email(data: dict) -> str:
    email = _text(data, "email", "email", 254, required=False)
    if not email:
        return ""
    try:
        return validate_email(email, check_deliverability=False).normalized
    except EmailNotValidError:
        raise DomainError(_("Please enter a valid e-mail address."), "email") from None


def _language(data: dict) -> str:
    language = _text(data, "language", "language", 8, required=False).lower()
    if not language:
        return current_app.config["DEFAULT_LANGUAGE"]
    if language not in current_app.config["LANGUAGES"]:
        raise DomainError(_("This language is not offered."), "language")
    return language


CONSENT_WORDS = {"1": True, "true": True, "yes": True, "y": True,
                 "0": False, "false": False, "no": False, "n": False}


def _consent(data: dict) -> bool | None:
    """Return whether the guest agreed to offers, or None if the data does not say."""
    value = data.get("marketing_consent")
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in CONSENT_WORDS:
        return CONSENT_WORDS[value.strip().lower()]
    raise DomainError(_("Please answer yes or no."), "marketing_consent")


def _version(data: dict) -> int | None:
    """Return the version of the stay an update was made from, or None if not given."""
    version = data.get("version")
    if version is None or version == "":
        return None
    if isinstance(version, str) and version.strip().isdigit():
        version = int(version.strip())
    if isinstance(version, bool) or not isinstance(version, int) or not (
            1 <= version <= MAX_VERSION):
        raise DomainError(_("Please enter a whole number."), "version")
    return version


def _people(data: dict, key: str) -> list:
    people = data.get(key)
    if people is None:
        return []
    if not isinstance(people, list) or not all(isinstance(p, dict) for p in people):
        raise DomainError(_("Please give a list of people."), key)
    return people


def _child_age(child: dict, field: str, arrival_on: date) -> tuple[int, date | None]:
    birth_date = _date(child, "birth_date", f"{field}.birth_date", required=False)
    if birth_date is not None:
        if birth_date > arrival_on:
            raise DomainError(_("The birth date must be before the arrival."),
                              f"{field}.birth_date")
        before_birthday = (arrival_on.month, arrival_on.day) < (birth_date.month,
                                                                birth_date.day)
        age = arrival_on.year - birth_date.year - before_birthday
    else:
        age = child.get("age")
        if isinstance(age, str) and age.strip().isdigit():
            age = int(age.strip())
        if age is None or age == "":
            raise DomainError(_("Please give the child's age or birth date."), f"{field}.age")
        if not isinstance(age, int) or isinstance(age, bool):
            raise DomainError(_("Please enter a whole number."), f"{field}.age")
    if not 0 <= age <= CHILD_MAX_AGE:
        raise DomainError(_("A child's age is from 0 to %(num)d.", num=CHILD_MAX_AGE),
                          f"{field}.age")
    return age, birth_date


def _adult_birth_date(person: dict, field: str, arrival_on: date) -> date | None:
    """Return an adult's birth date if given; it recognises returning guests."""
    birth_date = _date(person, "birth_date", field, required=False, earliest=date(1900, 1, 1))
    if birth_date is not None and birth_date > arrival_on:
        raise DomainError(_("The birth date must be before the arrival."), field)
    return birth_date


def _party(data: dict, lead: dict, arrival_on: date) -> list[dict]:
    adults, children = _people(data, "adults"), _people(data, "children")
    if len(adults) + len(children) > MAX_PARTY:
        raise DomainError(_("A party has at most %(num)d people.", num=MAX_PARTY), "adults")
    party = [
        {"is_child": False, "age": None,
         "birth_date": _adult_birth_date(adult, f"adults[{n}].birth_date", arrival_on),
         "first_name": _text(adult, "first_name", f"adults[{n}].first_name", 80),
         "last_name": _text(adult, "last_name", f"adults[{n}].last_name", 80, required=False),
         **check_care_notes(adult, f"adults[{n}]", is_child=False)}
        for n, adult in enumerate(adults)
    ] or [{"is_child": False, "age": None, "birth_date": None, **lead}]
    if party[0]["birth_date"] is None:  # the lead guest's, given with the stay itself
        party[0]["birth_date"] = _adult_birth_date(data, "birth_date", arrival_on)
    for n, child in enumerate(children):
        field = f"children[{n}]"
        age, birth_date = _child_age(child, field, arrival_on)
        party.append({
            "is_child": True, "age": age, "birth_date": birth_date,
            "first_name": _text(child, "first_name", f"{field}.first_name", 80),
            "last_name": _text(child, "last_name", f"{field}.last_name", 80, required=False)
            or lead["last_name"],
            **check_care_notes(child, field, is_child=True),
        })
    return party


def check_stay_data(data: dict) -> dict:
    """Return the checked, normalised fields of a stay and its party.

    :raises DomainError: the first field that is missing or wrong, named in ``field``.
    """
    if not isinstance(data, dict):
        raise DomainError(_("Please send the stay's details."), "body")
    fields = {"reference": _reference(data), "room": _text(data, "room", "room", 16),
              "first_name": _text(data, "first_name", "first_name", 80),
              "last_name": _text(data, "last_name", "last_name", 80),
              "arrival_on": _date(data, "arrival_date", "arrival_date"),
              "departure_on": _date(data, "departure_date", "departure_date")}
    if fields["departure_on"] < fields["arrival_on"]:
        raise DomainError(_("The departure must not be before the arrival."), "departure_date")
    if fields["departure_on"] - fields["arrival_on"] > timedelta(days=MAX_NIGHTS):
        raise DomainError(_("A stay lasts at most %(num)d nights.", num=MAX_NIGHTS),
                          "departure_date")
    fields["language"] = _language(data)
    # A stay sent without a language takes the returning guest's earlier one (write_stay).
    fields["language_given"] = bool(str(data.get("language") or "").strip())
    fields["email"] = _email(data)
    fields["marketing_consent"] = _consent(data)
    fields["phone"] = check_phone(data)  # None: not sent, kept as it was
    lead = {"first_name": fields["first_name"], "last_name": fields["last_name"]}
    fields["party"] = _party(data, lead, fields["arrival_on"])
    fields["version"] = _version(data)
    return fields


def _check_no_booked_member_removed(stay: Stay, keep: set[int]) -> None:
    leaving = [m.id for m in stay.members if m.id not in keep]
    if not leaving:
        return
    booked = db.session.execute(
        select(PartyMember.first_name, PartyMember.is_child)
        .join(booking_item_participant,
              booking_item_participant.c.party_member_id == PartyMember.id)
        .join(BookingItem, BookingItem.id == booking_item_participant.c.booking_item_id)
        .where(PartyMember.id.in_(leaving), BookingItem.state.in_(HOLDING_STATES))
        .limit(1)
    ).first()
    if booked is not None:
        raise DomainError(_("%(name)s takes part in booked services; please cancel them "
                            "before removing %(name)s from the party.",
                            name=isolate(booked.first_name)),
                          "children" if booked.is_child else "adults")


def _apply_party(stay: Stay, party: list[dict]) -> None:
    # Members keep their ids (and their bookings) when matched in order, adults to
    # adults and children to children.
    existing = {False: list(stay.adults), True: list(stay.children)}
    members = []
    for person in party:
        pool = existing[person["is_child"]]
        member = pool.pop(0) if pool else PartyMember()
        for key, value in person.items():
            setattr(member, key, value)
        members.append(member)
    _check_no_booked_member_removed(stay, {m.id for m in members if m.id is not None})
    for position, member in enumerate(members):
        member.position = position
    stay.members = members


def _apply(stay: Stay, fields: dict) -> None:
    stay.reference = fields["reference"]
    stay.room = fields["room"]
    stay.first_name = fields["first_name"]
    stay.set_last_name(fields["last_name"])
    stay.arrival_on, stay.departure_on = fields["arrival_on"], fields["departure_on"]
    stay.language, stay.email = fields["language"], fields["email"]
    if fields.get("phone") is not None:
        stay.phone = fields["phone"]
    elif stay.phone is None:
        stay.phone = ""
    if fields.get("marketing_consent") is not None:  # not said: as it was (no, if new)
        stay.marketing_consent = fields["marketing_consent"]
    elif stay.marketing_consent is None:
        stay.marketing_consent = False
    _apply_party(stay, fields["party"])


def _find(reference: str) -> Stay | None:
    return db.session.scalar(select(Stay).where(Stay.reference == reference))


def write_stay(fields: dict, actor, stay: Stay | None = None) -> Stay:
    """Create (``stay`` None) or update a stay from checked fields, with its audit entry.

    It runs in the caller's write transaction, so that an import can write many stays
    all or nothing; ``fields`` come from ``check_stay_data``.

    :raises DomainError: a party member who is booked would be removed.
    """
    created = stay is None
    if created:
        stay = Stay()
        db.session.add(stay)
    else:
        # The row itself is updated (and its version counted) even when only the party
        # changes, so that a change of the party is a new version too.
        stay.updated_at = utcnow()
    _apply(stay, fields)
    db.session.flush()
    previous = returning.mark_returning(stay)
    if not fields.get("language_given", True):
        returning.preselect_language(stay, previous)
    audit.record("stay.created" if created else "stay.updated", stay, actor,
                 reference=stay.reference, room=stay.room,
                 arrival=stay.arrival_on, departure=stay.departure_on,
                 party=len(stay.members))
    return stay


def save_stay(data: dict, actor, reference: str | None = None) -> Stay:
    """Create a stay (``reference`` None) or update the stay with ``reference``, with its party.

    :raises DomainError: a field is missing or wrong (``field`` says which).
    :raises StayExists: the booking reference belongs to another stay.
    :raises StayNotFound: there is no stay with ``reference`` to update.
    :raises StayChanged: ``version`` was given and the stay was saved since.
    """
    fields = check_stay_data(data)
    stay_id = None
    try:
        with write_transaction():
            stay = None
            if reference is not None:
                stay = _find(reference) if REFERENCE_PATTERN.fullmatch(reference) else None
                if stay is None:
                    raise StayNotFound(_("There is no stay with this booking reference."),
                                       "reference")
                stay_id = stay.id
                if fields["version"] not in (None, stay.version):
                    raise StayChanged(stay.id)
            if (stay is None or fields["reference"] != stay.reference) and _find(
                    fields["reference"]) is not None:
                raise StayExists(_("Another stay already has this booking reference."),
                                 "reference")
            stay = write_stay(fields, actor, stay)
    except IntegrityError:
        # Another request created the same reference at the same moment.
        db.session.rollback()
        raise StayExists(_("Another stay already has this booking reference."),
                         "reference") from None
    except StaleDataError:
        # Another request saved the stay between our reading and our writing it.
        db.session.rollback()
        raise StayChanged(stay_id) from None
    return stay


def find_stays(text: str, current_only: bool = True, limit: int = 30) -> list[Stay]:
    """Return stays whose room or reference is ``text`` or whose names contain it.

    Names match without regard to case or accents; with ``current_only`` only stays
    that have not ended yet are found, those in house first.
    """
    text = (text or "").strip()
    if not text:
        return []
    needle = f"%{fold_name(text)}%"
    query = select(Stay).where(or_(
        Stay.room == text,
        func.upper(Stay.reference) == text.upper(),
        Stay.last_name_key.like(needle),
        func.lower(Stay.first_name).like(f"%{text.lower()}%"),
    ))
    if current_only:
        query = query.where(Stay.departure_on >= hotel_today())
    return db.session.scalars(query.order_by(Stay.arrival_on, Stay.room).limit(limit)).all()


def set_marketing_consent(stay: Stay, agreed: bool) -> None:
    """Record whether the guest wants offers (the unsubscribe link says no)."""
    with write_transaction():
        stay = db.session.get(Stay, stay.id)
        if stay.marketing_consent == agreed:
            return
        stay.marketing_consent = agreed
        audit.record("stay.consent_changed", stay, stay, reference=stay.reference,
                     marketing_consent=agreed)
