"""Load the demo stays from stays.toml, with arrival dates relative to today; loading them
again changes nothing."""

from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import select

from hotel.demo.datafiles import DATA_FOLDER, DemoFiles, load_demo_files
from hotel.extensions import db
from hotel.models import PartyMember, Stay


def demo_stays(folder: Path = DATA_FOLDER) -> list[dict]:
    """Return the demo stays as stays.toml gives them."""
    return load_demo_files(folder).stays


def earlier_stays(folder: Path = DATA_FOLDER) -> dict[str, dict]:
    """Return the returning guests' earlier stays, by the reference of their current stay."""
    return load_demo_files(folder).earlier_stays


def party(spec: dict) -> list[dict]:
    """Return the fields of a stay's party members, adults first, from its entry."""
    adults = [{"first_name": a["first_name"], "last_name": a.get("last_name", ""),
               "is_child": False, "age": None, **care_notes(a)} for a in spec["adults"]]
    # A child has the stay's last name unless the entry says otherwise.
    children = [{"first_name": c["first_name"], "last_name": c.get("last_name", spec["last_name"]),
                 "is_child": True, "age": c["age"], **care_notes(c)}
                for c in spec.get("children", [])]
    return adults + children


def care_notes(person: dict) -> dict:
    """Return a person's care notes from their entry; those it does not give are empty."""
    return {"allergies": person.get("allergies", ""),
            "medical_notes": person.get("medical_notes", ""),
            "dietary_notes": person.get("dietary_notes", ""),
            "may_leave_alone": person.get("may_leave_alone", False),
            "collected_by": person.get("collected_by", "")}


def _load_stay(spec: dict, today: date) -> Stay:
    """Create or update one stay and its party."""
    stay = db.session.scalar(select(Stay).where(Stay.reference == spec["reference"]))
    if stay is None:
        stay = Stay(reference=spec["reference"])
        db.session.add(stay)
    arrival = today + timedelta(days=spec["arrival_offset"])
    stay.room = spec["room"]
    stay.first_name = spec["first_name"]
    stay.set_last_name(spec["last_name"])
    stay.arrival_on = arrival
    stay.departure_on = arrival + timedelta(days=spec["nights"])
    stay.language = spec["language"]
    stay.email = spec["email"]
    stay.phone = spec.get("phone", "")
    stay.marketing_consent = spec.get("marketing_consent", False)
    people = party(spec)
    for position, person in enumerate(people):
        if position < len(stay.members):
            member = stay.members[position]
        else:
            member = PartyMember(position=position)
            stay.members.append(member)
        for key, value in person.items():
            setattr(member, key, value)
    del stay.members[len(people):]
    return stay


def load_stays(files: DemoFiles, today: date) -> None:
    """Create or update every demo stay."""
    for spec in files.stays:
        _load_stay(spec, today)
