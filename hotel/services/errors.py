"""Errors the business rules raise; their messages are translated and shown to the reader.

Each error knows the HTTP status it answers with, so the pages, the desk and the API
answer the same broken rule in the same way.
"""


class DomainError(Exception):
    """A rule of the hotel was not met; ``message`` says which, in the reader's language.

    ``field`` names the form field or JSON member at fault, and ``item`` the index of
    the booking line, when the error is about one of them.
    """

    code = "invalid"
    status = 422

    def __init__(self, message: str, field: str | None = None, item: int | None = None):
        super().__init__(message)
        self.message = message
        self.field = field
        self.item = item

    def at_item(self, index: int) -> "DomainError":
        """Return the same error, marked as being about booking line ``index``."""
        self.item = index
        return self


class Unavailable(DomainError):
    """There is not enough capacity left for what was asked."""

    code = "unavailable"
    status = 409


class NotAllowed(DomainError):
    """The action is not allowed now, e.g. cancelling after the cut-off."""

    code = "not_allowed"
    status = 409


class Forbidden(NotAllowed):
    """Not allowed to this person at all: the thing belongs to another department or guest."""

    code = "forbidden"
    status = 403


class Conflict(DomainError):
    """What was sent clashes with what exists, e.g. a booking reference already taken."""

    code = "conflict"
    status = 409


class NotFound(DomainError):
    """What the request names does not exist."""

    code = "not_found"
    status = 404
