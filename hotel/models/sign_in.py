"""Failed sign-in attempts, kept in the database so every process sees the same count."""

from datetime import datetime

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from hotel.extensions import db
from hotel.models.types import UTCDateTime, utcnow


class SignInFailure(db.Model):
    """One failed sign-in, counted against a client and, if known, a stay or username."""

    __tablename__ = "sign_in_failure"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(160), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
