"""Writing the audit log."""

from hotel.extensions import db
from hotel.models import AuditEntry, StaffUser, Stay


def record(action: str, obj, actor, **details) -> AuditEntry:
    """Add an audit entry: ``actor`` (staff, a guest's stay, or None for the system) did
    ``action`` to ``obj``. It is written with the caller's transaction.
    """
    entry = AuditEntry(
        action=action,
        object_type=type(obj).__name__,
        object_id=str(obj.id),
        staff_id=actor.id if isinstance(actor, StaffUser) else None,
        stay_id=actor.id if isinstance(actor, Stay) else None,
        details={key: _plain(value) for key, value in details.items()},
    )
    db.session.add(entry)
    return entry


def _plain(value):
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return str(value)
