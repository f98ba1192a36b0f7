"""Checks of the values in the demo data files, each saying what is wrong in words."""

import tomllib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import time
from decimal import Decimal, InvalidOperation
from pathlib import Path


class DemoDataError(ValueError):
    """A mistake in a demo data file; the message names the file, the entry and the field."""


# A check takes a value and raises ValueError with a message that reads after the key's
# name, such as "'rentl' is not one of rental, activity, on_request".
Check = Callable[[object], None]


@dataclass(frozen=True)
class Field:
    """A key a table may have: how its value is checked, and whether it must be there."""

    check: Check
    required: bool = True


def optional(check: Check) -> Field:
    """Return a field that may be left out."""
    return Field(check, required=False)


def read_toml(folder: Path, file: str) -> dict:
    """Return the parsed TOML ``file`` in ``folder``; any failure names the file."""
    try:
        with (folder / file).open("rb") as opened:
            return tomllib.load(opened)
    except FileNotFoundError:
        raise DemoDataError(f"{file}: the file is missing") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise DemoDataError(f"{file}: not valid TOML: {error}") from None


def text(value: object) -> None:
    """Accept a string."""
    if not isinstance(value, str):
        raise ValueError(f"must be a string, not {value!r}")


def filled(value: object) -> None:
    """Accept a non-empty string without spaces at either end: a slug, a name, a text."""
    text(value)
    if not value or value != value.strip():
        raise ValueError(f"{value!r} is not a usable name")


def integer(minimum: int | None = None) -> Check:
    """Return a check for a whole number, at least ``minimum`` if given."""

    def check(value: object) -> None:
        """Accept a whole number in range."""
        # bool is an int in Python, but true is not a number in a data file.
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError(f"must be a whole number, not {value!r}")
        if minimum is not None and value < minimum:
            raise ValueError(f"must be at least {minimum}, not {value}")

    return check


def flag(value: object) -> None:
    """Accept true or false."""
    if not isinstance(value, bool):
        raise ValueError(f"must be true or false, not {value!r}")


def amount(value: object) -> None:
    """Accept a decimal amount in quotes ("6.00") or a whole number, not negative."""
    # A TOML float such as 6.1 is binary and inexact, so money is written as a string.
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise ValueError(f'must be a decimal amount in quotes such as "6.00", not {value!r}')
    try:
        number = Decimal(value)
    except InvalidOperation:
        raise ValueError(f"{value!r} is not a decimal amount") from None
    if not number.is_finite() or number < 0:
        raise ValueError(f"{value!r} is not an amount of zero or more")


def choice(options: Iterable) -> Check:
    """Return a check for one of ``options``: strings, string enum members or numbers."""
    allowed = list(options)

    def check(value: object) -> None:
        """Accept one of the options."""
        # A string enum member equals its value; true would equal 1.
        if isinstance(value, bool) or value not in allowed:
            shown = ", ".join(str(option) for option in allowed)
            raise ValueError(f"{value!r} is not one of {shown}")

    return check


def clock(value: object) -> None:
    """Accept a time of day written "HH:MM"."""
    text(value)
    try:
        time.fromisoformat(value)
    except ValueError:
        raise ValueError(f'{value!r} is not a time of day such as "09:30"') from None


def list_of(check: Check) -> Check:
    """Return a check for a list whose every item passes ``check``."""

    def check_list(value: object) -> None:
        """Accept a list of good items; name the first bad one by its number."""
        if not isinstance(value, list):
            raise ValueError(f"must be a list, not {value!r}")
        for number, item in enumerate(value, start=1):
            try:
                check(item)
            except ValueError as error:
                raise ValueError(f"(item {number}) {error}") from None

    return check_list


def tables(schema: dict[str, Field]) -> Check:
    """Return a check for a list of tables that each follow ``schema``."""

    def check_tables(value: object) -> None:
        """Accept a list of good tables; name the first bad one by its number."""
        if not isinstance(value, list):
            raise ValueError(f"must be a list of tables, not {value!r}")
        for number, item in enumerate(value, start=1):
            check_table(item, schema, f"(entry {number})")

    return check_tables


def table(value: object) -> None:
    """Accept a table with any keys."""
    if not isinstance(value, dict):
        raise ValueError(f"must be a table, not {value!r}")


def check_table(value: object, schema: dict[str, Field], where: str) -> dict:
    """Check a table against ``schema``: known keys only, required ones there, each value
    right; return it. Errors begin with ``where``."""
    if not isinstance(value, dict):
        raise DemoDataError(f"{where}: must be a table, not {value!r}")
    for key in value:
        if key not in schema:
            raise DemoDataError(f"{where}: unknown key {key!r} (known: {', '.join(schema)})")
    for key, field in schema.items():
        if key not in value:
            if field.required:
                raise DemoDataError(f"{where}: {key} is missing")
            continue
        try:
            field.check(value[key])
        except ValueError as error:
            raise DemoDataError(f"{where}: {key} {error}") from None
    return value


def check_entries(entries: list, schema: dict[str, Field], where: str, key: str) -> list:
    """Check each table of a list against ``schema`` and that its ``key`` is unique; name
    each by its key and number, as in ``catalogue.toml: services[crib] (entry 1)``."""
    seen = set()
    for number, entry in enumerate(entries, start=1):
        label = entry.get(key) if isinstance(entry, dict) else None
        shown = f"{where}[{label}] (entry {number})" if isinstance(label, str) else (
            f"{where} (entry {number})")
        check_table(entry, schema, shown)
        if label in seen:
            raise DemoDataError(f"{shown}: {key} {label!r} is used twice")
        seen.add(label)
    return entries

