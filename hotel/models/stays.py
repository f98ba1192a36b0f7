"""Stays as they come from the property-management system, and the people in them."""

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    false,
    func,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from hotel.extensions import db
from hotel.models.dialects import trigram_index
from hotel.models.types import UTCDateTime, utcnow


def age_on(birth_date: date | None, age: int | None, day: date) -> int | None:
    """Return a person's age in whole years on a day, from the birth date if known, else
    the age given for the stay, which holds for its whole length."""
    if birth_date is not None:
        before_birthday = (day.month, day.day) < (birth_date.month, birth_date.day)
        return day.year - birth_date.year - before_birthday
    return age


# Letters that decomposing leaves whole, as guests type them on a keyboard without them.
_SPELLED_OUT = str.maketrans({"ø": "o", "æ": "ae", "œ": "oe", "đ": "d", "ð": "d", "ł": "l",
                              "þ": "th", "ı": "i"})
# A German guest types ü, ä, ö as ue, ae, oe, and others type u, a, o: all three fold alike.
_VOWEL_AND_E = re.compile(r"([aou])e")


def fold_name(name: str) -> str:
    """Return a name reduced for matching: no case, no accents, no outer spaces, and its
    common transliterations alike ("Müller", "Mueller" and "Muller"; "Strauß", "Strauss";
    "Øster", "Oster")."""
    folded = name.strip().casefold().translate(_SPELLED_OUT)  # casefold: ß is ss
    decomposed = unicodedata.normalize("NFKD", folded)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _VOWEL_AND_E.sub(r"\1", plain)


class Stay(db.Model):
    """A guest's stay at the hotel: reference, room, dates, party, language."""

    __table_args__ = (CheckConstraint("arrival_on <= departure_on", name="date_order"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    reference: Mapped[str] = mapped_column(String(32), unique=True)
    room: Mapped[str] = mapped_column(String(16), index=True)
    first_name: Mapped[str] = mapped_column(String(80))
    last_name: Mapped[str] = mapped_column(String(80))
    last_name_key: Mapped[str] = mapped_column(String(80), index=True)
    arrival_on: Mapped[date] = mapped_column(Date, index=True)
    departure_on: Mapped[date] = mapped_column(Date, index=True)
    language: Mapped[str] = mapped_column(String(8), default="en")
    email: Mapped[str] = mapped_column(String(254), default="")
    # A number to call the guest on (a parent, for the children's activities).
    phone: Mapped[str] = mapped_column(String(32), default="", server_default="")
    # Whether the guest agreed to offers and other marketing messages; messages about
    # their own bookings go in any case.
    marketing_consent: Mapped[bool] = mapped_column(Boolean, default=False,
                                                    server_default=false())
    notes: Mapped[str] = mapped_column(Text, default="")
    # The guest's earlier stay, when we recognise a returning guest.
    previous_stay_id: Mapped[int | None] = mapped_column(
        ForeignKey("stay.id", ondelete="SET NULL"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    # Counts the stay's saves. SQLAlchemy adds "WHERE version = <the one read>" to every
    # UPDATE of the row, so two people saving the same stay cannot both succeed silently.
    version: Mapped[int] = mapped_column(Integer, server_default="1")

    __mapper_args__ = {"version_id_col": version}

    members: Mapped[list["PartyMember"]] = relationship(
        back_populates="stay",
        cascade="all, delete-orphan",
        order_by="PartyMember.position",
        lazy="selectin",
    )

    def set_last_name(self, last_name: str) -> None:
        """Set the lead guest's last name and the key it is matched by at sign-in."""
        self.last_name = last_name.strip()
        self.last_name_key = fold_name(last_name)

    @property
    def guest_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def adults(self) -> list["PartyMember"]:
        return [m for m in self.members if not m.is_child]

    @property
    def children(self) -> list["PartyMember"]:
        return [m for m in self.members if m.is_child]

    def covers(self, day: date) -> bool:
        """Tell whether the guest is at the hotel on that day (arrival to departure)."""
        return self.arrival_on <= day <= self.departure_on

    def __repr__(self) -> str:
        return f"<Stay {self.reference} room {self.room}>"


# Sign-in and the desk match references and rooms whatever their case, as upper(...); the
# desk's searches find names and references by any part of them, which on PostgreSQL
# trigram indexes serve (elsewhere those searches read the table).
Index("ix_stay_reference_upper", func.upper(Stay.reference))
Index("ix_stay_room_upper", func.upper(Stay.room))
trigram_index("ix_stay_reference_trigram", Stay.reference, func.upper)
trigram_index("ix_stay_last_name_key_trigram", Stay.last_name_key)
trigram_index("ix_stay_first_name_trigram", Stay.first_name, func.lower)


class PartyMember(db.Model):
    """A person in a stay: the lead guest first, then other adults and children."""

    __tablename__ = "party_member"
    __table_args__ = (CheckConstraint("age IS NULL OR age >= 0", name="age_not_negative"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    stay_id: Mapped[int] = mapped_column(ForeignKey("stay.id", ondelete="CASCADE"), index=True)
    stay: Mapped[Stay] = relationship(back_populates="members")
    position: Mapped[int] = mapped_column(Integer, default=0)
    first_name: Mapped[str] = mapped_column(String(80))
    last_name: Mapped[str] = mapped_column(String(80), default="")
    is_child: Mapped[bool] = mapped_column(default=False)
    age: Mapped[int | None] = mapped_column(Integer)  # age on arrival, if no birth date
    birth_date: Mapped[date | None] = mapped_column(Date)
    # Care notes: what the leader of an activity must know about this person. Shown only
    # to reception, managers and the departments with a booking of this person.
    allergies: Mapped[str] = mapped_column(String(200), default="", server_default="")
    medical_notes: Mapped[str] = mapped_column(String(200), default="", server_default="")
    dietary_notes: Mapped[str] = mapped_column(String(200), default="", server_default="")
    # A child must be collected (by whom ``collected_by`` says) unless this is set.
    may_leave_alone: Mapped[bool] = mapped_column(Boolean, default=False,
                                                  server_default=false())
    collected_by: Mapped[str] = mapped_column(String(120), default="", server_default="")

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    def age_on(self, day: date) -> int | None:
        """Return the member's age in whole years on a day, if it is known."""
        return age_on(self.birth_date, self.age, day)

    @property
    def care_notes(self) -> "CareNotes":
        return CareNotes(self.is_child, self.allergies, self.medical_notes,
                         self.dietary_notes, self.may_leave_alone, self.collected_by)


@dataclass(frozen=True)
class CareNotes:
    """What the leader of an activity must know about a person."""

    is_child: bool
    allergies: str = ""
    medical_notes: str = ""
    dietary_notes: str = ""
    may_leave_alone: bool = False
    collected_by: str = ""

    @property
    def notes(self) -> list[tuple[str, str]]:
        """Return the written notes as (kind, text), leaving out the empty ones."""
        found = [("allergies", self.allergies), ("medical", self.medical_notes),
                 ("dietary", self.dietary_notes)]
        return [(kind, text) for kind, text in found if text]

    @property
    def any(self) -> bool:
        return bool(self.notes) or (self.is_child and (self.may_leave_alone
                                                       or bool(self.collected_by)))
