"""Care notes on the people of a stay, and the stay's contact phone.

What the leader of an activity must know about a person (allergies, medical and dietary
notes, and for a child whether they may leave alone or who collects them) belongs to the
party member. The property-management system may send it with the stay, reception may
write it on the stay's page, and the guest on "My party". A value that is not sent is
kept as it was, so a stay pushed again without notes never wipes what the guest wrote.
"""

import re

from flask_babel import gettext as _
from sqlalchemy.orm.exc import StaleDataError

from hotel.database import write_transaction
from hotel.extensions import db
from hotel.models import Stay
from hotel.models.types import utcnow
from hotel.services import audit
from hotel.services.errors import DomainError
from hotel.services.plain_text import check_text

NOTE_FIELDS = ("allergies", "medical_notes", "dietary_notes")
NOTE_MAX = 200
COLLECTED_BY_MAX = 120
PHONE_MAX = 32
# Digits, spaces, a leading +, dashes and brackets, with at least three digits; blank for
# none. The API document states the same pattern.
PHONE_PATTERN = r" *(\+?[ ()-]*(?:[0-9][ ()-]*){3,})?"
PHONE = re.compile(PHONE_PATTERN)


def _note(person: dict, key: str, field: str, max_length: int) -> str:
    value = person[key]
    if not isinstance(value, str):
        raise DomainError(_("Please enter text."), field)
    value = value.strip()
    if len(value) > max_length:
        raise DomainError(_("Please keep this to %(num)d characters.", num=max_length), field)
    return check_text(value, field) if value else ""


def check_care_notes(person: dict, field: str, is_child: bool) -> dict:
    """Return the care notes a person's data gives, checked; those not given are left out.

    :raises DomainError: a note is not text or too long, or "may leave alone" is not yes
        or no (``field`` names the member at fault).
    """
    notes = {key: _note(person, key, f"{field}.{key}", NOTE_MAX)
             for key in NOTE_FIELDS if person.get(key) is not None}
    if not is_child:
        return notes
    if person.get("collected_by") is not None:
        notes["collected_by"] = _note(person, "collected_by", f"{field}.collected_by",
                                      COLLECTED_BY_MAX)
    alone = person.get("may_leave_alone")
    if alone is not None:
        if not isinstance(alone, bool):
            raise DomainError(_("Please answer yes or no."), f"{field}.may_leave_alone")
        notes["may_leave_alone"] = alone
    return notes


def check_phone(data: dict) -> str | None:
    """Return the stay's contact phone as sent ("" for none), or None if it was not sent.

    :raises DomainError: it is not a phone number.
    """
    value = data.get("phone")
    if value is None:
        return None
    if not isinstance(value, str):
        raise DomainError(_("Please enter text."), "phone")
    if len(value) > PHONE_MAX:
        raise DomainError(_("Please keep this to %(num)d characters.", num=PHONE_MAX), "phone")
    if not PHONE.fullmatch(value):
        raise DomainError(_("Please enter a phone number: digits, spaces, +, - and "
                            "brackets."), "phone")
    return value.strip(" ")


def save_party_care(stay: Stay, phone: str | None, notes: dict[int, dict], actor,
                    version: int | None = None) -> Stay:
    """Save the stay's contact phone (None: as it is) and the care notes of its members,
    given by member id as a person's data (the keys of ``check_care_notes``).

    :raises DomainError: a value is wrong, or names someone not in this stay's party.
    :raises StayChanged: ``version`` was given and the stay was saved since.
    """
    from hotel.services.stays import StayChanged  # stays imports this module

    stay_id = stay.id
    phone = check_phone({"phone": phone})
    try:
        with write_transaction():
            stay = db.session.get(Stay, stay_id)
            if version is not None and version != stay.version:
                raise StayChanged(stay.id)
            members = {member.id: member for member in stay.members}
            for position, (member_id, person) in enumerate(notes.items()):
                member = members.get(member_id)
                if member is None:
                    raise DomainError(_("Only people staying with you can take part."),
                                      f"party[{position}]")
                for key, value in check_care_notes(person, f"party[{position}]",
                                                   member.is_child).items():
                    setattr(member, key, value)
            if phone is not None:
                stay.phone = phone
            stay.updated_at = utcnow()  # a change of the party is a new version too
            db.session.flush()
            audit.record("stay.care_notes_saved", stay, actor, reference=stay.reference,
                         party=len(notes), phone=bool(stay.phone))
    except StaleDataError:
        db.session.rollback()
        raise StayChanged(stay_id) from None
    return stay
