"""Helpers for tests that drive the pages: sign-in, CSRF tokens, the whole database."""

import re

from sqlalchemy import select

TOKEN = re.compile(r'name="csrf_token" (?:type="hidden" )?value="([^"]+)"')


def csrf_token(client, path: str = "/sign-in") -> str:
    """Return a valid CSRF token for this client's session, read from a page's form."""
    page = client.get(path, follow_redirects=True).get_data(as_text=True)
    found = TOKEN.search(page)
    assert found, f"no CSRF token on {path}"
    return found.group(1)


def sign_in_as(client, stay) -> None:
    """Put a guest's stay in the client's session, as signing in does."""
    with client.session_transaction() as session:
        session["stay_id"] = stay.id


def post_form(client, path: str, data: dict | None = None, token_from: str = "/sign-in",
              **kwargs):
    """Post a form with a valid CSRF token."""
    form = {"csrf_token": csrf_token(client, token_from), **(data or {})}
    return client.post(path, data=form, **kwargs)


def snapshot(db) -> dict[str, list[tuple]]:
    """Every row of every table, in primary-key order."""
    rows = {}
    for table in db.metadata.sorted_tables:
        query = select(table).order_by(*table.primary_key.columns)
        rows[table.name] = [tuple(row) for row in db.session.execute(query)]
    return rows
