"""Command-line task that keeps activity slots generated ahead: ``flask slots extend``."""

import click
from flask import Flask

from hotel.services.inventory import HORIZON_DAYS


def register(app: Flask) -> None:
    """Register the ``slots`` command group with the app's CLI."""
    app.cli.add_command(slots)


@click.group()
def slots() -> None:
    """Manage activity slots."""


@slots.command("extend")
@click.option("--days", default=HORIZON_DAYS, show_default=True,
              type=click.IntRange(1, 366), help="How many days ahead to have slots.")
def extend(days: int) -> None:
    """Make the slots of every valid recurring rule from today to DAYS ahead (run daily)."""
    from hotel.services.slots import extend_slots

    made = extend_slots(days)
    click.echo(f"{made} slots made for the next {days} days.")
