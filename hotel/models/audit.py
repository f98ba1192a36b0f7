"""The audit log: who changed what, and when."""

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from hotel.extensions import db
from hotel.models.staff import StaffUser
from hotel.models.types import UTCDateTime, utcnow


class AuditEntry(db.Model):
    """One change, made by a member of staff, a guest or the system."""

    __tablename__ = "audit_entry"

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id"), index=True)
    staff: Mapped[StaffUser | None] = relationship()
    stay_id: Mapped[int | None] = mapped_column(ForeignKey("stay.id", ondelete="SET NULL"))
    action: Mapped[str] = mapped_column(String(60), index=True)
    object_type: Mapped[str] = mapped_column(String(40), index=True)
    object_id: Mapped[str] = mapped_column(String(40), index=True)
    details: Mapped[dict] = mapped_column(JSON, default=dict)
