"""Listening to guests: FAQ and policies, tickets (questions, requests, complaints),
ratings of completed services.
"""

import enum
from datetime import datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from hotel.extensions import db
from hotel.models.bookings import BookingItem
from hotel.models.staff import Department, StaffUser
from hotel.models.stays import Stay
from hotel.models.texts import TextMixin, Translated
from hotel.models.types import UTCDateTime, enum_column, utcnow


class FaqKind(enum.StrEnum):
    """An answer to a common question, or one of the hotel's policies."""

    FAQ = "faq"
    POLICY = "policy"


class FaqEntry(Translated, db.Model):
    """A question with its answer (or a policy), in each language; ``name`` holds the
    question or title and ``description`` the answer.
    """

    __tablename__ = "faq_entry"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[FaqKind] = mapped_column(enum_column(FaqKind), default=FaqKind.FAQ)
    category_id: Mapped[int | None] = mapped_column(ForeignKey("ticket_category.id"))
    category: Mapped["TicketCategory | None"] = relationship()
    position: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    texts: Mapped[list["FaqText"]] = relationship(
        back_populates="entry", cascade="all, delete-orphan", lazy="selectin"
    )


class FaqText(TextMixin, db.Model):
    """An FAQ entry's question and answer in one language, with words it is found by."""

    __tablename__ = "faq_text"
    __table_args__ = (UniqueConstraint("entry_id", "locale"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("faq_entry.id", ondelete="CASCADE"))
    entry: Mapped[FaqEntry] = relationship(back_populates="texts")
    keywords: Mapped[str] = mapped_column(Text, default="")


class TicketCategory(Translated, db.Model):
    """What a ticket is about; it decides the department and the response-time target."""

    __tablename__ = "ticket_category"
    __table_args__ = (CheckConstraint("response_hours > 0", name="response_hours_positive"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(40), unique=True)
    department_id: Mapped[int] = mapped_column(ForeignKey("department.id"))
    department: Mapped[Department] = relationship()
    response_hours: Mapped[int] = mapped_column(Integer, default=4)
    position: Mapped[int] = mapped_column(Integer, default=0)
    texts: Mapped[list["TicketCategoryText"]] = relationship(
        back_populates="category", cascade="all, delete-orphan", lazy="selectin"
    )


class TicketCategoryText(TextMixin, db.Model):
    """A ticket category's name in one language."""

    __tablename__ = "ticket_category_text"
    __table_args__ = (UniqueConstraint("category_id", "locale"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    category_id: Mapped[int] = mapped_column(
        ForeignKey("ticket_category.id", ondelete="CASCADE"))
    category: Mapped[TicketCategory] = relationship(back_populates="texts")


class TicketKind(enum.StrEnum):
    """What the guest sends."""

    QUESTION = "question"
    REQUEST = "request"
    COMPLAINT = "complaint"


class TicketState(enum.StrEnum):
    """Where a ticket stands."""

    NEW = "new"
    IN_PROGRESS = "in_progress"
    ANSWERED = "answered"
    CLOSED = "closed"


class Ticket(db.Model):
    """A guest's question, request or complaint, tracked until it is closed."""

    __table_args__ = (
        CheckConstraint("satisfaction IS NULL OR (satisfaction BETWEEN 1 AND 5)",
                        name="satisfaction_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(16), unique=True)  # the tracking number
    stay_id: Mapped[int] = mapped_column(ForeignKey("stay.id", ondelete="CASCADE"), index=True)
    stay: Mapped[Stay] = relationship()
    kind: Mapped[TicketKind] = mapped_column(enum_column(TicketKind))
    category_id: Mapped[int] = mapped_column(ForeignKey("ticket_category.id"), index=True)
    category: Mapped[TicketCategory] = relationship()
    department_id: Mapped[int] = mapped_column(ForeignKey("department.id"), index=True)
    department: Mapped[Department] = relationship()
    booking_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("booking_item.id", ondelete="SET NULL"))
    booking_item: Mapped[BookingItem | None] = relationship()
    text: Mapped[str] = mapped_column(Text)
    language: Mapped[str] = mapped_column(String(8))
    state: Mapped[TicketState] = mapped_column(enum_column(TicketState), index=True,
                                               default=TicketState.NEW)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    due_at: Mapped[datetime] = mapped_column(UTCDateTime)  # the response-time target
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    answer: Mapped[str] = mapped_column(Text, default="")
    answer_language: Mapped[str] = mapped_column(String(8), default="")
    answered_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id"))
    answered_by: Mapped[StaffUser | None] = relationship()
    satisfaction: Mapped[int | None] = mapped_column(Integer)
    satisfaction_comment: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[list["TicketNote"]] = relationship(
        back_populates="ticket", cascade="all, delete-orphan", order_by="TicketNote.id")


class TicketNote(db.Model):
    """An internal note of staff on a ticket; guests never see it."""

    __tablename__ = "ticket_note"

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("ticket.id", ondelete="CASCADE"),
                                           index=True)
    ticket: Mapped[Ticket] = relationship(back_populates="notes")
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff_user.id"))
    staff: Mapped[StaffUser] = relationship()
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    text: Mapped[str] = mapped_column(Text)


class Rating(db.Model):
    """A guest's rating of a completed booking item: once per item."""

    __table_args__ = (
        UniqueConstraint("booking_item_id"),
        CheckConstraint("score BETWEEN 1 AND 5", name="score_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    booking_item_id: Mapped[int] = mapped_column(
        ForeignKey("booking_item.id", ondelete="CASCADE"))
    booking_item: Mapped[BookingItem] = relationship()
    stay_id: Mapped[int] = mapped_column(ForeignKey("stay.id", ondelete="CASCADE"), index=True)
    score: Mapped[int] = mapped_column(Integer)
    comment: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
