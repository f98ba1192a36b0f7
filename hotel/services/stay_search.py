"""Finding stays by room, reference or name, as reception types them."""

from sqlalchemy import func, or_, select

from hotel.clock import hotel_today
from hotel.extensions import db
from hotel.models import Stay, fold_name


def find_stays(text: str, current_only: bool = True, limit: int = 30) -> list[Stay]:
    """Return stays whose room or reference is ``text`` or whose names contain it.

    Names match without regard to case or accents; with ``current_only`` only stays
    that have not ended yet are found, those in house first.
    """
    text = (text or "").strip()
    if not text:
        return []
    needle = f"%{fold_name(text)}%"
    query = select(Stay).where(or_(
        Stay.room == text,
        func.upper(Stay.reference) == text.upper(),
        Stay.last_name_key.like(needle),
        func.lower(Stay.first_name).like(f"%{text.lower()}%"),
    ))
    if current_only:
        query = query.where(Stay.departure_on >= hotel_today())
    return db.session.scalars(query.order_by(Stay.arrival_on, Stay.room).limit(limit)).all()
