"""Who may open which desk page."""

from functools import wraps

from flask import abort, redirect, request, url_for
from flask_login import current_user

from hotel.models import Role, StaffUser

OPERATIONS = (Role.RECEPTION, Role.MANAGER)
EVERYONE = (Role.RECEPTION, Role.STAFF, Role.MANAGER)


def staff_required(*roles: Role):
    """Let in signed-in staff of the given roles; others go to the login page or get 403."""
    allowed = frozenset(roles or EVERYONE)

    def decorator(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            if not current_user.is_authenticated:
                return redirect(url_for("desk.login", next=request.full_path.rstrip("?")))
            if current_user.role not in allowed:
                abort(403)
            return view(*args, **kwargs)

        wrapped.desk_roles = allowed
        return wrapped

    return decorator


def department_scope(user: StaffUser) -> int | None:
    """Return the department a user is limited to, or None for reception and managers."""
    return user.department_id if user.role == Role.STAFF else None


def check_department(user: StaffUser, department_id: int) -> None:
    """Refuse (403) department staff looking at another department's things."""
    scope = department_scope(user)
    if scope is not None and scope != department_id:
        abort(403)
