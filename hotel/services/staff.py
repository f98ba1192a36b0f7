"""Staff accounts: create, change, reset the password, deactivate; every change logged."""

import re

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import selectinload

from hotel.database import write_transaction
from hotel.extensions import db
from hotel.models import Department, Role, StaffUser
from hotel.models.types import LARGEST_INTEGER
from hotel.services import audit
from hotel.services.errors import DomainError, Forbidden

USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{0,63}$")
MIN_PASSWORD = 8
MAX_PASSWORD = 200


class StaffError(DomainError):
    """A staff account could not be made or changed; the message says why."""


def _check_password(password: str) -> None:
    if len(password or "") < MIN_PASSWORD:
        raise StaffError(_("The password must have at least 8 characters."), "password")
    if len(password) > MAX_PASSWORD:
        raise StaffError(_("The password is too long."), "password")


def _check_language(language: str) -> str:
    if language not in current_app.config["LANGUAGES"]:
        raise StaffError(_("Please choose one of the listed languages."), "language")
    return language


def create_staff_user(username: str, password: str, role: Role,
                      department: Department | None = None, full_name: str = "",
                      language: str | None = None) -> StaffUser:
    """Create a staff account with a hashed password, in the caller's transaction.

    :raises StaffError: the username is taken or not usable, the password is too short,
        or a department member has no department.
    """
    username = (username or "").strip().lower()
    if not username:
        raise StaffError(_("A username is required."), "username")
    if not USERNAME.match(username):
        raise StaffError(_("Use lowercase letters, digits, dots, hyphens and underscores."),
                         "username")
    _check_password(password)
    if role == Role.STAFF and department is None:
        raise StaffError(_("Department staff need a department."), "department")
    if db.session.scalar(select(StaffUser.id).where(StaffUser.username == username)):
        raise StaffError(_("The username %(username)s is already taken.", username=username),
                         "username")
    language = _check_language(language or current_app.config["DEFAULT_LANGUAGE"])
    user = StaffUser(username=username, role=role, department=department,
                     full_name=(full_name or "").strip()[:120], language=language)
    user.set_password(password)
    db.session.add(user)
    db.session.flush()
    return user


def _department(role: Role, department_id) -> Department | None:
    """Return the department of a member of department staff; others have none."""
    if role != Role.STAFF:
        return None
    if department_id in (None, ""):
        raise StaffError(_("Department staff need a department."), "department")
    try:
        number = int(department_id)
    except (TypeError, ValueError):
        number = 0
    # An id no column holds names no department (and would make the database fail).
    department = db.session.get(Department, number) if 0 < number <= LARGEST_INTEGER else None
    if department is None:
        raise StaffError(_("There is no such department."), "department")
    return department


def _role(value) -> Role:
    try:
        return Role(value)
    except ValueError:
        raise StaffError(_("Please choose one of the listed roles."), "role") from None


def add_staff_account(data: dict, actor: StaffUser) -> StaffUser:
    """Create a staff account from form values and log it (never the password).

    :raises StaffError: a value does not fit; nothing is saved.
    """
    try:
        with write_transaction():
            role = _role(data.get("role"))
            user = create_staff_user(data.get("username", ""), data.get("password", ""), role,
                                     _department(role, data.get("department_id")),
                                     data.get("full_name", ""), data.get("language"))
            audit.record("staff.created", user, actor, username=user.username,
                         role=user.role, department=_slug(user.department),
                         language=user.language)
    except IntegrityError:
        db.session.rollback()
        raise StaffError(_("The username is already taken."), "username") from None
    return user


def _slug(department: Department | None) -> str | None:
    return department.slug if department is not None else None


def _active_managers_locked() -> int:
    """Count the active managers, locking their rows (PostgreSQL) until the commit."""
    ids = db.session.scalars(
        select(StaffUser.id).where(StaffUser.role == Role.MANAGER, StaffUser.active.is_(True))
        .order_by(StaffUser.id).with_for_update()
    ).all()
    return len(ids)


def _keep_a_manager(user: StaffUser) -> None:
    """Refuse a change that would leave the hotel without an active manager."""
    if user.role == Role.MANAGER and user.active and _active_managers_locked() <= 1:
        raise Forbidden(_("%(username)s is the last active manager; make another manager "
                           "first.", username=user.username), "role")


def update_staff_user(user: StaffUser, data: dict, actor: StaffUser) -> StaffUser:
    """Change a staff member's role, department, language or full name, and log it.

    :raises StaffError: a value does not fit.
    :raises NotAllowed: the last active manager would stop being one.
    """
    with write_transaction():
        role = _role(data.get("role"))
        department = _department(role, data.get("department_id"))
        language = _check_language(data.get("language") or "")
        full_name = (data.get("full_name") or "").strip()[:120]
        if role != Role.MANAGER:
            _keep_a_manager(user)
        changes = {}
        new_values = {"role": role, "department": department, "language": language,
                      "full_name": full_name}
        for name, new in new_values.items():
            old = getattr(user, name)
            if old != new:
                shown = [_slug(v) if name == "department" else v for v in (old, new)]
                changes[name] = f"{_shown(shown[0])} → {_shown(shown[1])}"
                setattr(user, name, new)
        if changes:
            audit.record("staff.updated", user, actor, username=user.username, **changes)
    return user


def _shown(value) -> str:
    if value is None or value == "":
        return "—"
    return str(getattr(value, "value", value))


def reset_staff_password(user: StaffUser, password: str, actor: StaffUser) -> StaffUser:
    """Give a staff member a new password, and log that it was reset (not the password).

    :raises StaffError: the password is too short.
    """
    _check_password(password)
    with write_transaction():
        user.set_password(password)
        audit.record("staff.password_reset", user, actor, username=user.username)
    return user


def set_staff_active(user: StaffUser, active: bool, actor: StaffUser) -> StaffUser:
    """Deactivate or reactivate a staff account, and log it.

    :raises NotAllowed: a manager deactivating themselves, or the last active manager.
    """
    with write_transaction():
        if user.active == active:
            return user
        if not active:
            if user.id == actor.id:
                raise Forbidden(_("You cannot deactivate your own account."), "active")
            _keep_a_manager(user)
            user.end_sessions()
        user.active = active
        audit.record("staff.reactivated" if active else "staff.deactivated", user, actor,
                     username=user.username)
    return user


def staff_accounts() -> list[StaffUser]:
    """Return every staff account, active ones first, by username, with departments."""
    query = (select(StaffUser)
             .options(selectinload(StaffUser.department).selectinload(Department.texts))
             .order_by(StaffUser.active.desc(), func.lower(StaffUser.username)))
    return list(db.session.scalars(query))
