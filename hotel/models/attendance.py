"""Who came to an activity: each participant checked in and out of their booked slot."""

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from hotel.extensions import db
from hotel.models.types import UTCDateTime


class Attendance(db.Model):
    """One participant of a booking item at the activity: when they came and left.

    The database keeps one row per item and person, so two tablets tapping "check in" at
    the same moment record one arrival.
    """

    id: Mapped[int] = mapped_column(primary_key=True)
    booking_item_id: Mapped[int] = mapped_column(
        ForeignKey("booking_item.id", ondelete="CASCADE"))
    party_member_id: Mapped[int] = mapped_column(
        ForeignKey("party_member.id", ondelete="CASCADE"))
    checked_in_at: Mapped[datetime] = mapped_column(UTCDateTime)
    checked_in_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("staff_user.id", ondelete="SET NULL"))
    checked_out_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    checked_out_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("staff_user.id", ondelete="SET NULL"))
    # Who came for a child, as the leader wrote it at check-out.
    collected_by: Mapped[str] = mapped_column(String(120), default="", server_default="")


# One row per item and person, kept by the database itself (a unique index, as the one
# place per person and slot); it also finds an item's rows.
Index("uq_attendance_item_person", Attendance.booking_item_id, Attendance.party_member_id,
      unique=True)
# A person's rows, for deleting a party member.
Index("ix_attendance_party_member_id", Attendance.party_member_id)
