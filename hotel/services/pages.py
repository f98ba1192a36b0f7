"""Pages of the desk's long lists (requests, stays, the audit log), counted up to a limit.

Counting every row that matches would read the whole history each time a list is shown;
a list is counted up to ``COUNT_LIMIT`` rows instead, and beyond that says "more than".
"""

from dataclasses import dataclass

from sqlalchemy import Select, func, literal, select

from hotel.extensions import db

COUNT_LIMIT = 1000


def counting(query: Select, limit: int = COUNT_LIMIT) -> Select:
    """Return the statement that counts the query's rows, at most ``limit + 1`` of them."""
    found = (query.with_only_columns(literal(1), maintain_column_froms=True).order_by(None)
             .limit(limit + 1).subquery())
    return select(func.count()).select_from(found)


def count_up_to(query: Select, limit: int = COUNT_LIMIT) -> int:
    """Return how many rows the query finds, counting at most ``limit + 1`` of them."""
    return db.session.scalar(counting(query, limit)) or 0


@dataclass
class Page:
    """One page of a list: its rows, its number, and how many rows the list has."""

    rows: list
    number: int
    size: int
    total: int  # counted up to ``limit + 1``
    limit: int = COUNT_LIMIT

    @property
    def more(self) -> bool:
        """Tell whether the list has more rows than were counted."""
        return self.total > self.limit

    @property
    def pages(self) -> int | None:
        """Return the number of pages, or None when the list has more rows than counted."""
        return None if self.more else max((self.total + self.size - 1) // self.size, 1)

    @property
    def counted_pages(self) -> int:
        """Return the number of pages the counted rows fill."""
        return self.limit // self.size

    @property
    def has_next(self) -> bool:
        return len(self.rows) == self.size if self.more else self.number < self.pages


def page_of(query: Select, number: int, size: int, loader=None,
            limit: int = COUNT_LIMIT) -> Page:
    """Return page ``number`` (from 1) of the query's rows, counted up to ``limit``.

    ``loader`` turns the page's query into its rows (by default, the scalars); a page
    past the last counted one shows the last.
    """
    total = count_up_to(query, limit)
    number = max(number, 1)
    if total <= limit:
        number = min(number, max((total + size - 1) // size, 1))
    paged = query.limit(size).offset((number - 1) * size)
    rows = loader(paged) if loader else list(db.session.scalars(paged))
    return Page(rows, number, size, total, limit)
