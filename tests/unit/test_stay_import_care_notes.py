"""The CSV import's optional columns: the contact phone and the party's care notes."""

import pytest
from sqlalchemy import select

from hotel.extensions import db
from hotel.models import Role, Stay
from hotel.services.stay_import import ImportRejected, import_stays
from tests.factories import make_staff

HEADER = ("reference,room,first_name,last_name,arrival,departure,adults,children,phone,"
          "allergies,medical_notes,dietary_notes,collected_by,leaves_alone\n")


@pytest.fixture
def clerk(db):
    user = make_staff("importer", Role.RECEPTION)
    db.session.commit()
    return user


def by_reference(reference: str) -> Stay:
    db.session.expire_all()
    return db.session.scalar(select(Stay).where(Stay.reference == reference))


def csv_of(*rows: str) -> bytes:
    return (HEADER + "".join(row + "\n" for row in rows)).encode()


KIM = ('PMS-1,204,Minji,Kim,2030-07-01,2030-07-08,2,Mia:6|Joon:11,+82 10 1234 5678,'
       '"Mia: peanuts and tree nuts",Joon: asthma,Minji: vegetarian,'
       '"Mia: mother (Minji) or grandmother",Joon')


def test_the_notes_go_to_the_people_they_name(clerk):
    result = import_stays(csv_of(KIM), clerk)
    assert result.created == ["PMS-1"]
    stay = by_reference("PMS-1")
    assert stay.phone == "+82 10 1234 5678"
    mia, joon = stay.children
    assert (mia.allergies, mia.collected_by, mia.may_leave_alone) == (
        "peanuts and tree nuts", "mother (Minji) or grandmother", False)
    assert (joon.medical_notes, joon.may_leave_alone) == ("asthma", True)
    assert stay.adults[0].dietary_notes == "vegetarian"


def test_importing_the_same_file_again_changes_nothing(clerk):
    import_stays(csv_of(KIM), clerk)
    version = by_reference("PMS-1").version
    result = import_stays(csv_of(KIM), clerk)
    assert result.unchanged == ["PMS-1"]
    assert by_reference("PMS-1").version == version


def test_empty_note_cells_keep_what_the_stay_has(clerk):
    import_stays(csv_of(KIM), clerk)
    result = import_stays(csv_of("PMS-1,205,Minji,Kim,2030-07-01,2030-07-08,2,Mia:6|Joon:11,"
                                 ",,,,,"), clerk)
    assert result.updated == ["PMS-1"]
    stay = by_reference("PMS-1")
    assert stay.room == "205" and stay.phone == "+82 10 1234 5678"
    assert stay.children[0].allergies == "peanuts and tree nuts"


@pytest.mark.parametrize("cells, column", [
    ("call me,,,,,", "phone"),
    (",Lena: nuts,,,,", "allergies"),
    (",Mia peanuts,,,,", "allergies"),
    (",,,,,Minji", "leaves_alone"),
    (",,,,Minji: her sister,", "collected_by"),
])
def test_a_wrong_cell_names_its_line_and_column_and_nothing_is_imported(clerk, cells, column):
    row = "PMS-1,204,Minji,Kim,2030-07-01,2030-07-08,2,Mia:6|Joon:11," + cells
    with pytest.raises(ImportRejected) as rejected:
        import_stays(csv_of(row), clerk)
    error = rejected.value.errors[0]
    assert (error.line, error.column) == (2, column)
    assert by_reference("PMS-1") is None
