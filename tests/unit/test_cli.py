"""The staff command."""

from sqlalchemy import select

from hotel.models import Role, StaffUser
from tests.factories import make_department


def test_staff_create_reads_the_password_from_standard_input(runner, db):
    result = runner.invoke(
        args=["staff", "create", "Anna", "--role", "reception"],
        input="long-enough-pw\nlong-enough-pw\n",
    )
    assert result.exit_code == 0, result.output
    user = db.session.scalar(select(StaffUser).where(StaffUser.username == "anna"))
    assert user.role == Role.RECEPTION
    assert user.check_password("long-enough-pw")
    assert "long-enough-pw" not in user.password_hash


def test_staff_create_binds_department_staff_to_their_department(runner, db):
    make_department("stables")
    db.session.commit()
    result = runner.invoke(
        args=["staff", "create", "jo", "--role", "staff", "--department", "stables"],
        input="long-enough-pw\nlong-enough-pw\n",
    )
    assert result.exit_code == 0, result.output
    user = db.session.scalar(select(StaffUser).where(StaffUser.username == "jo"))
    assert user.department.slug == "stables"


def test_staff_create_refuses_unknown_department_and_duplicates(runner, db):
    bad = runner.invoke(
        args=["staff", "create", "jo", "--role", "staff", "--department", "nowhere"],
        input="long-enough-pw\nlong-enough-pw\n",
    )
    assert bad.exit_code != 0
    assert "nowhere" in bad.output
    first = runner.invoke(args=["staff", "create", "max", "--role", "manager"],
                          input="long-enough-pw\nlong-enough-pw\n")
    assert first.exit_code == 0, first.output
    again = runner.invoke(args=["staff", "create", "max", "--role", "manager"],
                          input="long-enough-pw\nlong-enough-pw\n")
    assert again.exit_code != 0
    assert "already taken" in again.output
    assert db.session.scalar(select(StaffUser.id).where(StaffUser.username == "max"))


def test_staff_create_refuses_short_passwords(runner, db):
    result = runner.invoke(args=["staff", "create", "sam", "--role", "manager"],
                           input="short\nshort\n")
    assert result.exit_code != 0
    assert "at least 8 characters" in result.output
    assert db.session.scalar(select(StaffUser.id).where(StaffUser.username == "sam")) is None
