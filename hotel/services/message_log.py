"""The desk's log of messages to guests: a page of them, newest first, filtered by state
and kind, in a fixed number of queries whatever the number of messages."""

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import contains_eager, defer

from hotel.extensions import db
from hotel.models import Message, MessageKind, MessageState
from hotel.services.messages import rendered

PAGE_SIZE = 25


@dataclass
class MessagePage:
    """One page of the log, and where it is among the others."""

    messages: list[Message]
    total: int
    page: int
    pages: int


def message_page(state: MessageState | None = None, kind: MessageKind | None = None,
                 page: int = 1, page_size: int = PAGE_SIZE) -> MessagePage:
    """Return a page of messages, newest first, each with its stay (its text is not loaded)."""
    query = select(Message).join(Message.stay)
    if state is not None:
        query = query.where(Message.state == state)
    if kind is not None:
        query = query.where(Message.kind == kind)
    total = db.session.scalar(select(func.count()).select_from(query.subquery())) or 0
    pages = max((total + page_size - 1) // page_size, 1)
    page = min(max(page, 1), pages)
    messages = rendered(list(db.session.scalars(
        query.options(contains_eager(Message.stay),
                      defer(Message.text), defer(Message.html), defer(Message.attachments))
        .order_by(Message.created_at.desc(), Message.id.desc())
        .limit(page_size).offset((page - 1) * page_size))))
    return MessagePage(messages, total, page, pages)
