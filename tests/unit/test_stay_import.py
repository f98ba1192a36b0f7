"""Importing the property-management system's CSV export: all rows or none, never twice."""

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from hotel.extensions import db
from hotel.models import AuditEntry, Role, Stay
from hotel.services.bookings import create_booking
from hotel.services.rules import ItemRequest
from hotel.services.stay_import import (
    ImportFileError,
    ImportRejected,
    decode_upload,
    import_stays,
    read_rows,
)
from tests.factories import make_service, make_slot, make_staff, make_stay

DATA = Path(__file__).resolve().parent.parent / "data"
PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00"
       b"\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05")


def data(name: str) -> bytes:
    return (DATA / name).read_bytes()


def stay_count() -> int:
    return db.session.scalar(select(func.count()).select_from(Stay))


def by_reference(reference: str) -> Stay:
    return db.session.scalar(select(Stay).where(Stay.reference == reference))


@pytest.fixture
def clerk(db):
    user = make_staff("importer", Role.RECEPTION)
    db.session.commit()
    return user


def test_a_clean_file_creates_every_stay_with_its_party(clerk):
    result = import_stays(data("stays_clean.csv"), clerk)

    assert sorted(result.created) == ["PMS-1001", "PMS-1002", "PMS-1003"]
    kim = by_reference("PMS-1001")
    assert (kim.room, kim.language, kim.email) == ("204", "ko", "minji.kim@example.com")
    assert [m.first_name for m in kim.adults] == ["Minji", "Adult 2"]
    assert [m.age for m in kim.children] == [6, 2]
    dubois = by_reference("PMS-1002")
    assert [m.name for m in dubois.adults] == ["Léa Dubois", "Marc Dubois"]
    assert [(m.first_name, m.age) for m in dubois.children] == [("Chloé", 7), ("Hugo", 2)]
    muller = by_reference("PMS-1003")
    assert (muller.arrival_on.isoformat(), muller.departure_on.isoformat()) == (
        "2030-08-01", "2030-08-05")
    assert muller.last_name_key == "muller"
    actions = db.session.scalars(select(AuditEntry.action)).all()
    assert actions == ["stay.created"] * 3


def test_importing_the_same_file_again_changes_nothing_and_adds_nothing(clerk):
    import_stays(data("stays_clean.csv"), clerk)
    again = import_stays(data("stays_clean.csv"), clerk)

    assert (again.created, again.updated) == ([], [])
    assert sorted(again.unchanged) == ["PMS-1001", "PMS-1002", "PMS-1003"]
    assert stay_count() == 3
    assert db.session.scalar(select(func.count()).select_from(AuditEntry)) == 3


def test_a_changed_file_updates_the_stays_it_knows_by_reference(clerk):
    import_stays(data("stays_clean.csv"), clerk)
    changed = data("stays_clean.csv").replace(b"PMS-1001,204", b"PMS-1001,207")
    result = import_stays(changed + b"PMS-1009,9,Ana,Silva,2030-07-01,2030-07-02,es,,,\n",
                          clerk)

    assert (result.created, result.updated) == (["PMS-1009"], ["PMS-1001"])
    assert sorted(result.unchanged) == ["PMS-1002", "PMS-1003"]
    assert by_reference("PMS-1001").room == "207"
    assert stay_count() == 4
    updates = db.session.scalars(select(AuditEntry).where(AuditEntry.action == "stay.updated"))
    assert [entry.details["room"] for entry in updates] == ["207"]


def test_every_bad_row_is_reported_with_its_line_and_nothing_is_imported(clerk):
    with pytest.raises(ImportRejected) as rejected:
        import_stays(data("stays_bad_rows.csv"), clerk)

    reasons = {error.line: (error.column, error.message) for error in rejected.value.errors}
    assert sorted(reasons) == [3, 4, 5, 6, 7, 8, 9, 10]
    assert reasons[3][0] == "arrival" and "date" in reasons[3][1]
    assert reasons[4] == ("language", "This language is not offered.")
    assert reasons[5] == ("last_name", "This is required.")
    assert reasons[6] == ("reference", "The reference PMS-2001 is already on line 2.")
    assert reasons[7] == ("departure", "The departure must not be before the arrival.")
    assert reasons[8] == ("email", "Please enter a valid e-mail address.")
    assert reasons[9][0] == "children"
    assert reasons[10] == ("room", "This is required.")
    assert stay_count() == 0
    assert db.session.scalar(select(func.count()).select_from(AuditEntry)) == 0


def test_a_utf16_file_with_tabs_and_other_column_names_is_read(clerk):
    result = import_stays(data("stays_utf16.csv"), clerk)

    assert sorted(result.created) == ["PMS-3001", "PMS-3002"]
    park = by_reference("PMS-3001")
    assert (park.first_name, park.last_name, park.email) == ("민준", "박", "park@example.kr")
    assert [m.age for m in park.children] == [4]
    assert by_reference("PMS-3002").last_name == "Иванова"


def test_a_windows_1252_file_with_semicolons_keeps_its_accents(clerk):
    result = import_stays(data("stays_cp1252_semicolon.csv"), clerk)

    assert sorted(result.created) == ["PMS-4001", "PMS-4002"]
    lefevre = by_reference("PMS-4001")
    assert (lefevre.first_name, lefevre.last_name) == ("François", "Lefèvre")
    assert lefevre.arrival_on.isoformat() == "2030-07-10"
    assert [(m.first_name, m.last_name, m.age) for m in lefevre.children] == [
        ("Zoé", "Lefèvre", 5)]
    muller = by_reference("PMS-4002")
    assert muller.departure_on.isoformat() == "2030-07-19"
    assert [m.name for m in muller.adults] == ["Jürgen Müller", "Günter Müller"]


def test_utf8_with_a_byte_order_mark_is_read():
    text = decode_upload("\ufeffreference,room\r\nA1,1\r\n".encode())
    assert text.startswith("reference")


@pytest.mark.parametrize(("raw", "message"), [
    (b"", "The file is empty."),
    (b"   \r\n\r\n", "The file is empty."),
    (PNG, "This file is not a CSV text file."),
    (b"PK\x03\x04\x14\x00\x00\x00\x08\x00", "This file is not a CSV text file."),
    (b"reference,room,first_name,last_name,arrival,departure\r\n",
     "The file has a header line but no stays."),
    (b"ref,room\nA1,1\n", "The header line has no column for: first_name, last_name, "
                          "arrival, departure."),
])
def test_files_that_are_not_stay_exports_are_refused_with_a_reason(clerk, raw, message):
    with pytest.raises(ImportFileError) as refused:
        import_stays(raw, clerk)
    assert refused.value.message.startswith(message)
    assert stay_count() == 0


def test_header_names_are_matched_without_case_and_with_aliases():
    rows, ignored = read_rows("REF;Room No;Given name;Family name;Arrival date;Departure date;"
                              "Remarks\nX1;5;A;B;2030-01-01;2030-01-02;vip\n")
    assert rows == [(2, {"reference": "X1", "room": "5", "first_name": "A",
                         "last_name": "B", "arrival": "2030-01-01",
                         "departure": "2030-01-02", "_too_long": False})]
    assert ignored == ["Remarks"]


def test_a_row_that_removes_a_booked_child_rolls_back_the_whole_file(clerk):
    stay = make_stay("PMS-1001", last_name="Kim", first_name="Minji", children=[6, 2],
                     arrival_on=date(2030, 7, 1), nights=7, room="204", language="ko")
    slot_service = make_service("kids-club", max_age=12)
    slot = make_slot(slot_service, datetime(2030, 7, 2, 9, tzinfo=UTC))
    db.session.commit()
    create_booking(stay, [ItemRequest(slot_service, slot_id=slot.id,
                                      participant_ids=[stay.children[1].id])], stay)
    one_child = data("stays_clean.csv").replace(b",2,6|2", b",2,6")

    with pytest.raises(ImportRejected) as rejected:
        import_stays(one_child, clerk)

    assert [error.line for error in rejected.value.errors] == [2]
    assert stay_count() == 1
    assert len(by_reference("PMS-1001").children) == 2
