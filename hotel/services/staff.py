"""Staff accounts."""

from flask_babel import gettext as _
from sqlalchemy import select

from hotel.extensions import db
from hotel.models import Department, Role, StaffUser


class StaffError(ValueError):
    """A staff account could not be made or changed; the message says why."""


def create_staff_user(username: str, password: str, role: Role,
                      department: Department | None = None, full_name: str = "") -> StaffUser:
    """Create a staff account with a hashed password.

    :raises StaffError: the username is taken or empty, the password is too short, or a
        department member has no department.
    """
    username = username.strip().lower()
    if not username:
        raise StaffError(_("A username is required."))
    if len(password) < 8:
        raise StaffError(_("The password must have at least 8 characters."))
    if role == Role.STAFF and department is None:
        raise StaffError(_("Department staff need a department."))
    if db.session.scalar(select(StaffUser.id).where(StaffUser.username == username)):
        raise StaffError(_("The username %(username)s is already taken.", username=username))
    user = StaffUser(username=username, role=role, department=department, full_name=full_name)
    user.set_password(password)
    db.session.add(user)
    db.session.flush()
    return user
