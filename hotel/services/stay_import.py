"""Importing stays from a CSV export of the property-management system, all or nothing.

The file is read (encoding and delimiter guessed), every row is checked, and only a clean
file is written: in one write transaction, creating new references and updating known
ones, with one audit entry per stay created or updated. The columns are described in
the README ("Importing stays from the property-management system").
"""

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date

from flask_babel import gettext as _
from flask_babel import ngettext
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from hotel.database import write_transaction
from hotel.extensions import db
from hotel.models import Stay, fold_name
from hotel.services.errors import DomainError
from hotel.services.stays import MAX_PARTY, check_stay_data, write_stay

MAX_REPORTED_ERRORS = 200
CARE_KEYS = ("allergies", "medical_notes", "dietary_notes", "collected_by", "may_leave_alone")
DELIMITERS = ",;\t"
BINARY_SIGNATURES = (b"\x89PNG", b"PK\x03\x04", b"%PDF", b"\x1f\x8b", b"GIF8", b"\xff\xd8\xff",
                     b"\xd0\xcf\x11\xe0")
REQUIRED = ("reference", "room", "first_name", "last_name", "arrival", "departure")
OPTIONAL = ("language", "email", "adults", "children", "birth_date", "marketing_consent",
            "phone", "allergies", "medical_notes", "dietary_notes", "collected_by",
            "leaves_alone")
# Columns of care notes, written as "name: note" pairs separated by |.
NOTE_COLUMNS = ("allergies", "medical_notes", "dietary_notes", "collected_by")
ALIASES = {
    "reference": ("ref", "booking_reference", "booking_ref", "reservation", "reservation_number",
                  "confirmation", "confirmation_number", "booking"),
    "room": ("room_number", "room_no", "room_nr"),
    "first_name": ("firstname", "first", "given_name", "forename"),
    "last_name": ("lastname", "last", "surname", "family_name"),
    "arrival": ("arrival_date", "check_in", "checkin", "arrival_on"),
    "departure": ("departure_date", "check_out", "checkout", "departure_on"),
    "language": ("lang", "locale", "language_code"),
    "email": ("e_mail", "mail", "email_address"),
    "adults": ("adult", "number_of_adults"),
    "children": ("child", "kids", "children_ages", "child_ages"),
    "birth_date": ("date_of_birth", "dob", "birthdate", "lead_birth_date"),
    "marketing_consent": ("consent", "marketing", "offers", "agrees_to_offers"),
    "phone": ("telephone", "phone_number", "mobile", "contact_phone", "tel"),
    "allergies": ("allergy",),
    "medical_notes": ("medical", "medical_note"),
    "dietary_notes": ("dietary", "diet", "dietary_note"),
    "collected_by": ("collect", "collection", "pick_up_by", "picked_up_by"),
    "leaves_alone": ("may_leave_alone", "leave_alone"),
}
DATE_FORMATS = (re.compile(r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"),
                re.compile(r"(?P<d>\d{1,2})[./](?P<m>\d{1,2})[./](?P<y>\d{4})"))
# Where check_stay_data names a field, the column it came from.
FIELD_COLUMNS = {"arrival_date": "arrival", "departure_date": "departure"}


class ImportFileError(DomainError):
    """The file as a whole cannot be read as a CSV export of stays."""


@dataclass
class RowError:
    """What is wrong with one line of the file."""

    line: int
    reference: str
    column: str
    message: str


class ImportRejected(DomainError):
    """Some rows are wrong; nothing was imported. ``errors`` lists them by line."""

    def __init__(self, errors: list[RowError], total: int):
        super().__init__(ngettext("Nothing was imported: %(num)d line needs correcting.",
                                  "Nothing was imported: %(num)d lines need correcting.",
                                  total), "file")
        self.errors, self.total = errors, total


@dataclass
class ImportResult:
    """How many stays an import created, updated, and found unchanged."""

    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)


def decode_upload(raw: bytes) -> str:
    """Return the text of an uploaded file: UTF-8 or UTF-16 with BOM, else Windows-1252.

    :raises ImportFileError: the file is empty or is not text.
    """
    if not raw.strip():
        raise ImportFileError(_("The file is empty."), "file")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError:
            raise ImportFileError(_("This file is not a CSV text file."), "file") from None
    elif raw.startswith(BINARY_SIGNATURES) or b"\x00" in raw:
        raise ImportFileError(_("This file is not a CSV text file."), "file")
    else:
        text = _decode_8bit(raw)
    text = text.lstrip("\ufeff")
    if any(ord(ch) < 32 and ch not in "\t\r\n" for ch in text):
        raise ImportFileError(_("This file is not a CSV text file."), "file")
    if not text.strip():
        raise ImportFileError(_("The file is empty."), "file")
    return text


def _decode_8bit(raw: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1")


def _delimiter(header_line: str) -> str:
    try:
        return csv.Sniffer().sniff(header_line, delimiters=DELIMITERS).delimiter
    except csv.Error:
        counts = {d: header_line.count(d) for d in DELIMITERS}
        best = max(counts, key=counts.get)
        return best if counts[best] else ","


def _column_name(header: str) -> str:
    key = re.sub(r"[\s\-.]+", "_", header.strip().strip('"').casefold()).strip("_")
    for name in REQUIRED + OPTIONAL:
        if key == name or key in ALIASES[name]:
            return name
    return ""


def _columns(header: list[str]) -> tuple[dict[str, int], list[str]]:
    """Return each known column's position, and the headers that were not understood."""
    positions, ignored = {}, []
    for index, title in enumerate(header):
        name = _column_name(title)
        if name and name not in positions:
            positions[name] = index
        elif title.strip():
            ignored.append(title.strip())
    missing = [name for name in REQUIRED if name not in positions]
    if missing:
        raise ImportFileError(_("The header line has no column for: %(names)s. The first line "
                                "must name the columns.", names=", ".join(missing)), "file")
    return positions, ignored


def _records(reader) -> Iterator[tuple[int, list[str]]]:
    """Yield each non-blank record with the line it starts on."""
    previous_line = 0
    try:
        for values in reader:
            line, previous_line = previous_line + 1, reader.line_num
            if any(value.strip() for value in values):
                yield line, values
    except csv.Error as error:
        raise ImportFileError(_("The file could not be read as CSV near line %(line)d.",
                                line=previous_line + 1), "file") from error


def read_rows(text: str) -> tuple[list[tuple[int, dict[str, str]]], list[str]]:
    """Return the rows of a CSV text as (line number, values by column), and ignored headers.

    :raises ImportFileError: no header line, no rows, or text that is not CSV.
    """
    first_line = text.lstrip("\r\n").splitlines()[0]
    records = _records(csv.reader(io.StringIO(text, newline=""),
                                  delimiter=_delimiter(first_line)))
    _line, header = next(records, (0, None))
    if header is None:
        raise ImportFileError(_("The file is empty."), "file")
    positions, ignored = _columns(header)
    rows = []
    for line, values in records:
        row = {name: values[index].strip() if index < len(values) else ""
               for name, index in positions.items()}
        row["_too_long"] = len(values) > len(header)
        rows.append((line, row))
    if not rows:
        raise ImportFileError(_("The file has a header line but no stays."), "file")
    return rows, ignored


def _iso_date(value: str, column: str) -> str:
    if not value:
        return ""
    for pattern in DATE_FORMATS:
        found = pattern.fullmatch(value)
        if found:
            try:
                return date(int(found["y"]), int(found["m"]), int(found["d"])).isoformat()
            except ValueError:
                break
    raise DomainError(_("This is not a date; write it as YYYY-MM-DD, DD.MM.YYYY or "
                        "DD/MM/YYYY."), column)


def _person(name: str, lead_last_name: str) -> dict:
    # "Marc" takes the lead guest's last name; "Marc Dubois" has its own.
    first, _space, last = name.strip().rpartition(" ")
    if not first:
        return {"first_name": last, "last_name": lead_last_name}
    return {"first_name": first, "last_name": last}


def _adults(value: str, lead: dict) -> list[dict]:
    if not value:
        return [lead]
    if value.isdigit():
        count = int(value)
        if not 1 <= count <= MAX_PARTY:
            raise DomainError(_("The number of adults must be from 1 to %(num)d.",
                                num=MAX_PARTY), "adults")
        return [lead] + [{"first_name": _("Adult %(num)d", num=n), "last_name": ""}
                         for n in range(2, count + 1)]
    names = [name.strip() for name in value.split("|")]
    if not all(names):
        raise DomainError(_("Write the adults as a number or as names separated by |."),
                          "adults")
    lead_key = fold_name(lead["first_name"])
    others = [_person(name, lead["last_name"]) for name in names]
    return [lead] + [p for p in others if fold_name(p["first_name"]) != lead_key]


def _children(value: str, last_name: str) -> list[dict]:
    children = []
    for number, entry in enumerate(filter(None, (e.strip() for e in value.split("|"))), 1):
        name, _colon, age = entry.rpartition(":")
        name, age = name.strip(), age.strip()
        child = _person(name, last_name) if name else {
            "first_name": _("Child %(num)d", num=number), "last_name": last_name}
        if age.isdigit():
            child["age"] = int(age)
        elif any(pattern.fullmatch(age) for pattern in DATE_FORMATS):
            child["birth_date"] = _iso_date(age, "children")
        else:
            raise DomainError(_("Give each child's age or birth date, e.g. 6|2 or "
                                "Anna:6|Tom:2020-05-31."), "children")
        children.append(child)
    return children


def _named(party: list[dict], name: str, column: str) -> dict:
    """Return the person of the row's party with this first name (or full name)."""
    key = fold_name(name)
    for person in party:
        full = f"{person['first_name']} {person.get('last_name', '')}"
        if key in (fold_name(person["first_name"]), fold_name(full)):
            return person
    raise DomainError(_("There is no one called %(name)s in this party.", name=name), column)


def _care_notes(row: dict[str, str], adults: list[dict], children: list[dict]) -> None:
    """Put the row's care notes on the people they name: "Mia: nuts|Leo: asthma" in the
    note columns, and the names of the children who may leave alone in ``leaves_alone``.
    A column left out or empty leaves the notes as they are."""
    for column in NOTE_COLUMNS:
        for entry in filter(None, (e.strip() for e in row.get(column, "").split("|"))):
            name, colon, note = entry.partition(":")
            if not colon or not name.strip():
                raise DomainError(_("Write each note as name: note, separated by |, e.g. "
                                    "Mia: nuts|Leo: asthma."), column)
            people = children if column == "collected_by" else adults + children
            _named(people, name.strip(), column)[column] = note.strip()
    alone = row.get("leaves_alone", "")
    if alone.strip():
        named = [_named(children, name.strip(), "leaves_alone")
                 for name in alone.split("|") if name.strip()]
        for child in children:  # the column lists every child who may: the others may not
            child["may_leave_alone"] = any(child is person for person in named)


def row_to_stay_data(row: dict[str, str]) -> dict:
    """Turn one CSV row into the values ``save_stay`` takes.

    :raises DomainError: a value cannot be read (``field`` names its column).
    """
    lead = {"first_name": row["first_name"], "last_name": row["last_name"]}
    adults = _adults(row.get("adults", ""), lead)
    adults = [dict(person) for person in adults]
    children = _children(row.get("children", ""), row["last_name"])
    _care_notes(row, adults, children)
    return {
        "reference": row["reference"], "room": row["room"], **lead,
        "arrival_date": _iso_date(row["arrival"], "arrival"),
        "departure_date": _iso_date(row["departure"], "departure"),
        "language": row.get("language", ""), "email": row.get("email", ""),
        # Empty or no column: the stay keeps its phone.
        "phone": row.get("phone") or None,
        "adults": adults, "children": children,
        "birth_date": _iso_date(row["birth_date"], "birth_date") if row.get("birth_date")
        else None,
        # Empty or no column: the stay keeps what it had (no, for a new one).
        "marketing_consent": row.get("marketing_consent", ""),
    }


def _column_of(error_field: str | None) -> str:
    name = re.split(r"[\[.]", error_field or "")[0]
    return FIELD_COLUMNS.get(name, name)


def check_rows(rows: list[tuple[int, dict[str, str]]]) -> tuple[list[tuple[int, dict]],
                                                                 list[RowError]]:
    """Check every row; return the checked stays by line, and every row's error."""
    checked, errors, seen = [], [], {}
    for line, row in rows:
        reference = row["reference"]
        try:
            if row["_too_long"]:
                raise DomainError(_("This line has more fields than the header line; is a "
                                    "value with the delimiter in it missing its quotes?"), "")
            fields = check_stay_data(row_to_stay_data(row))
            key = fields["reference"].upper()
            if key in seen:
                raise DomainError(_("The reference %(reference)s is already on line %(line)d.",
                                    reference=fields["reference"], line=seen[key]), "reference")
            seen[key] = line
            checked.append((line, fields))
        except DomainError as error:
            errors.append(RowError(line, reference, _column_of(error.field), error.message))
    return checked, errors


def _same(stay: Stay, fields: dict) -> bool:
    """Tell whether a stay already holds exactly these checked fields."""
    mine = (stay.reference, stay.room, stay.first_name, stay.last_name, stay.arrival_on,
            stay.departure_on, stay.language, stay.email,
            [(m.is_child, m.first_name, m.last_name, m.age, m.birth_date) for m in stay.members])
    theirs = (fields["reference"], fields["room"], fields["first_name"], fields["last_name"],
              fields["arrival_on"], fields["departure_on"], fields["language"], fields["email"],
              [(p["is_child"], p["first_name"], p["last_name"], p["age"], p["birth_date"])
               for p in fields["party"]])
    consent, phone = fields.get("marketing_consent"), fields.get("phone")
    return (mine == theirs and (consent is None or consent == stay.marketing_consent)
            and (phone is None or phone == stay.phone) and all(
                getattr(member, key) == person[key]
                for member, person in zip(stay.members, fields["party"], strict=True)
                for key in CARE_KEYS if key in person))


def _write(checked: list[tuple[int, dict]], actor) -> tuple[ImportResult, list[RowError]]:
    result, errors = ImportResult(), []
    references = [fields["reference"] for _line, fields in checked]
    known = {stay.reference: stay for stay in db.session.scalars(
        select(Stay).where(Stay.reference.in_(references)))}
    for line, fields in checked:
        stay = known.get(fields["reference"])
        if stay is not None and _same(stay, fields):
            result.unchanged.append(stay.reference)
            continue
        try:
            write_stay(fields, actor, stay)
        except DomainError as error:
            errors.append(RowError(line, fields["reference"], _column_of(error.field),
                                   error.message))
            continue
        (result.created if stay is None else result.updated).append(fields["reference"])
    return result, errors


def import_stays(raw: bytes, actor) -> ImportResult:
    """Import a CSV export of stays: all rows or, if any row is wrong, none.

    :raises ImportFileError: the file cannot be read as a CSV export of stays.
    :raises ImportRejected: some rows are wrong; ``errors`` says which and why.
    """
    rows, ignored = read_rows(decode_upload(raw))
    checked, errors = check_rows(rows)
    if errors:
        raise ImportRejected(errors[:MAX_REPORTED_ERRORS], len(errors))
    try:
        with write_transaction():
            result, errors = _write(checked, actor)
            if errors:
                raise ImportRejected(errors[:MAX_REPORTED_ERRORS], len(errors))
            result.ignored_columns = ignored
    except IntegrityError:
        db.session.rollback()
        raise ImportFileError(_("Another desk saved one of these stays at the same moment; "
                                "nothing was imported. Please import the file again."),
                              "file") from None
    return result
