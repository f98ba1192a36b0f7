"""Departments and the staff who sign in to the desk."""

import enum
from datetime import datetime

from flask import current_app, has_app_context
from flask_login import UserMixin
from sqlalchemy import Boolean, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship
from werkzeug.security import check_password_hash, generate_password_hash

from hotel.extensions import db
from hotel.models.texts import TextMixin, Translated
from hotel.models.types import UTCDateTime, enum_column, utcnow


class Role(enum.StrEnum):
    """What a staff member may do at the desk."""

    RECEPTION = "reception"
    STAFF = "staff"
    MANAGER = "manager"


class Department(Translated, db.Model):
    """A team of the hotel that delivers services: kids club, transport, stables..."""

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(40), unique=True)
    texts: Mapped[list["DepartmentText"]] = relationship(
        back_populates="department", cascade="all, delete-orphan", lazy="selectin"
    )

    def __repr__(self) -> str:
        return f"<Department {self.slug}>"


class DepartmentText(TextMixin, db.Model):
    """A department's name in one language."""

    __table_args__ = (UniqueConstraint("department_id", "locale"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    department_id: Mapped[int] = mapped_column(ForeignKey("department.id", ondelete="CASCADE"))
    department: Mapped[Department] = relationship(back_populates="texts")


class StaffUser(UserMixin, db.Model):
    """A member of staff: reception, department staff or manager."""

    __tablename__ = "staff_user"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    full_name: Mapped[str] = mapped_column(String(120), default="")
    password_hash: Mapped[str] = mapped_column(String(256))
    role: Mapped[Role] = mapped_column(enum_column(Role))
    department_id: Mapped[int | None] = mapped_column(ForeignKey("department.id"))
    department: Mapped[Department | None] = relationship()
    language: Mapped[str] = mapped_column(String(8), default="en")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Part of every session's user id: raising it ends all sessions signed in before.
    session_generation: Mapped[int] = mapped_column(Integer, default=0, server_default="0")

    def set_password(self, password: str) -> None:
        """Store a salted hash of the password, never the password; end older sessions."""
        config = current_app.config if has_app_context() else {}
        method = config.get("PASSWORD_HASH_METHOD", "scrypt")
        self.password_hash = generate_password_hash(password, method=method)
        self.end_sessions()

    def end_sessions(self) -> None:
        """Make every session signed in so far stop working, from its next request on."""
        if self.id is None:
            return  # a new account has no sessions yet
        # Counted up in the database, so that two changes at once both end the sessions.
        self.session_generation = StaffUser.session_generation + 1

    def check_password(self, password: str) -> bool:
        """Tell whether the password matches the stored hash."""
        return check_password_hash(self.password_hash, password)

    @property
    def is_active(self) -> bool:  # Flask-Login refuses inactive users
        return self.active

    def get_id(self) -> str:
        """Return the id Flask-Login keeps in the session: the account and its generation."""
        return f"staff:{self.id}:{self.session_generation}"

    def __repr__(self) -> str:
        return f"<StaffUser {self.username} {self.role}>"
