"""What the hotel tells its guests (kept as an outbox), and the standard reasons it gives."""

import enum
from datetime import datetime

from sqlalchemy import (
    JSON,
    Boolean,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy import text as sql_text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from hotel.extensions import db
from hotel.models.stays import Stay
from hotel.models.texts import TextMixin, Translated
from hotel.models.types import UTCDateTime, enum_column, utcnow


class MessageKind(enum.StrEnum):
    """Why the hotel writes to a guest."""

    BOOKING_RECEIVED = "booking_received"
    REQUEST_CONFIRMED = "request_confirmed"
    REQUEST_DECLINED = "request_declined"
    CANCELLED_BY_HOTEL = "cancelled_by_hotel"
    REMINDER = "reminder"
    TICKET_ANSWERED = "ticket_answered"
    RATING_INVITATION = "rating_invitation"
    PRE_ARRIVAL_OFFER = "pre_arrival_offer"
    WAITLIST_OFFER = "waitlist_offer"


# Sent only to stays that agreed to hear from the hotel, and with a way to unsubscribe;
# the other kinds are about the guest's own bookings and always go.
MARKETING_KINDS = frozenset({MessageKind.RATING_INVITATION, MessageKind.PRE_ARRIVAL_OFFER})


class MessageState(enum.StrEnum):
    """Where a message stands on its way to the guest's inbox."""

    WAITING = "waiting"  # to be sent by e-mail, now or at next_attempt_at
    SENDING = "sending"  # a worker has claimed it
    SENT = "sent"
    FAILED = "failed"  # every try failed; reception can send it again
    KEPT = "kept"  # not e-mailed (no address, or no mail server): on the guest's pages only


class Message(db.Model):
    """One message to a stay, written in the same transaction as the change it tells of.

    It is rendered once, in the stay's language, and kept, so the guest's Messages page,
    the desk's log and the e-mail all show the same words, however often it is sent
    again. Most are rendered when they are written; one written by a guest's own request
    (a new booking) is rendered by the worker right after the commit, or by whoever reads
    it first, from what ``render_from`` names, so that the request does not wait for it.
    """

    __table_args__ = (
        UniqueConstraint("key", name="uq_message_key"),
        Index("ix_message_due", "state", "next_attempt_at"),
        Index("ix_message_stay_created", "stay_id", "created_at"),
        Index("ix_message_to_render", "id", sqlite_where=sql_text("render_from IS NOT NULL"),
              postgresql_where=sql_text("render_from IS NOT NULL")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    stay_id: Mapped[int] = mapped_column(ForeignKey("stay.id", ondelete="CASCADE"))
    stay: Mapped[Stay] = relationship()
    kind: Mapped[MessageKind] = mapped_column(enum_column(MessageKind), index=True)
    # What the message is about, e.g. "reminder:<stay>:<day>", so that a timed job run
    # twice, or two workers running it, never writes the same message twice.
    key: Mapped[str | None] = mapped_column(String(120))
    marketing: Mapped[bool] = mapped_column(Boolean, default=False)
    language: Mapped[str] = mapped_column(String(8))
    email: Mapped[str] = mapped_column(String(254), default="")
    subject: Mapped[str] = mapped_column(String(300))
    text: Mapped[str] = mapped_column(Text)
    html: Mapped[str] = mapped_column(Text)
    # Files sent with the e-mail: [{"filename", "content_type", "content"}], as text.
    attachments: Mapped[list] = mapped_column(JSON, default=list)
    # The e-mail's Message-ID, the same on every try, so a retry is not a second e-mail.
    message_id: Mapped[str] = mapped_column(String(200), default="")
    state: Mapped[MessageState] = mapped_column(enum_column(MessageState))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    claimed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_error: Mapped[str] = mapped_column(Text, default="")
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    read_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # What a message still to be rendered is rendered from, e.g. {"booking_id": 12};
    # None once it is.
    render_from: Mapped[dict | None] = mapped_column(JSON(none_as_null=True), default=None)

    @property
    def unread(self) -> bool:
        return self.read_at is None


class StandardReason(Translated, db.Model):
    """A reason the hotel gives often (weather, fully booked...), written in every
    language, so that each guest reads it in their own. ``name`` of a text holds it.
    """

    __tablename__ = "standard_reason"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    texts: Mapped[list["StandardReasonText"]] = relationship(
        back_populates="reason", cascade="all, delete-orphan", lazy="selectin")


class StandardReasonText(TextMixin, db.Model):
    """A standard reason in one language."""

    __tablename__ = "standard_reason_text"
    __table_args__ = (UniqueConstraint("reason_id", "locale"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    reason_id: Mapped[int] = mapped_column(
        ForeignKey("standard_reason.id", ondelete="CASCADE"), index=True)
    reason: Mapped[StandardReason] = relationship(back_populates="texts")
