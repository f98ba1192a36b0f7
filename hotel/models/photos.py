"""Pictures of services and packages, in the sizes the pages show them.

A picture is stored once per size under the hash of what was uploaded: the key is part of
its address, so an address never changes what it shows and may be cached for a year, and a
new picture is a new address. Kept in the database, every server of a hotel group has it.
"""

from datetime import datetime

from sqlalchemy import Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from hotel.extensions import db
from hotel.models.types import UTCDateTime, utcnow


class Photo(db.Model):
    """One size of one picture: its bytes and media type."""

    key: Mapped[str] = mapped_column(String(32), primary_key=True)
    size: Mapped[str] = mapped_column(String(16), primary_key=True)
    content_type: Mapped[str] = mapped_column(String(32))
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    data: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    def __repr__(self) -> str:
        return f"<Photo {self.key} {self.size}>"
