"""What every guest sees alike, rendered once per language and catalogue version in each
process: the catalogue of the home page, and a service's description, prices and terms;
and the services and departments that pages list, named in the reader's language (taken
out of the database session, so that they are read only and no commit expires them).

An entry is keyed by the catalogue's version as the database has it now, read once per
request in one small statement; a change of the catalogue raises the version in its own
transaction (hotel/services/catalogue_version.py), so the next request through any process
or server asks for a new entry. Entries of older versions are never asked for again and fall
out of the bounded LRU. What is personal (the stay, availability, the basket) is not cached.
"""

import threading
from collections.abc import Callable, Hashable, Iterable

from cachetools import LRUCache
from flask import Flask, current_app, g

from hotel.extensions import db
from hotel.i18n import current_language
from hotel.services.catalogue_version import current_version


class FragmentCache:
    """A bounded LRU of rendered fragments, safe for a threaded server."""

    def __init__(self, size: int) -> None:
        """Start empty, keeping at most ``size`` entries."""
        self._entries: LRUCache = LRUCache(maxsize=size)
        self._lock = threading.Lock()

    def get(self, key: Hashable):
        """Return the entry for a key, or None."""
        with self._lock:
            return self._entries.get(key)

    def put(self, key: Hashable, value) -> None:
        """Keep an entry, pushing out the one least recently used if the cache is full."""
        with self._lock:
            self._entries[key] = value

    def clear(self) -> None:
        """Forget every entry."""
        with self._lock:
            self._entries.clear()

    def __len__(self) -> int:
        with self._lock:
            return len(self._entries)


def catalogue_version() -> int:
    """Return the catalogue's version for this request, read from the database once."""
    if "catalogue_version" not in g:
        g.catalogue_version = current_version()
    return g.catalogue_version


def version_read(version: int | None) -> None:
    """Take the catalogue's version for this request from a statement that read it
    (``VERSION_NOW``) with something else, saving the request a statement of its own."""
    g.catalogue_version = version or 0


def kept_apart[T](objects: Iterable[T]) -> list[T]:
    """Take loaded objects of the catalogue out of the request's session, with what they
    loaded (texts, age bands), so that they can be kept for later requests: nothing of
    this session can expire them, and they are read only from then on."""
    objects = list(objects)
    for obj in objects:
        db.session.expunge(obj)
    return objects


def cached[T](name: str, *parts: Hashable, render: Callable[[], T | None]) -> T | None:
    """Return fragment ``name`` for ``parts`` in the reader's language, rendered only if this
    process has none for the current catalogue version. Nothing is kept when ``render``
    returns None (say, no such service), so unknown addresses cannot fill the cache.

    Rendering happens outside the lock: two requests may both render a new entry, and the
    second simply replaces the first with the same fragment.
    """
    cache: FragmentCache = current_app.extensions["catalogue_cache"]
    key = (name, current_language(), catalogue_version(), *parts)
    value = cache.get(key)
    if value is None:
        value = render()
        if value is not None:
            cache.put(key, value)
    return value


def init_app(app: Flask) -> None:
    """Give the app its own cache, of CATALOGUE_CACHE_SIZE entries."""
    app.extensions["catalogue_cache"] = FragmentCache(app.config["CATALOGUE_CACHE_SIZE"])
