"""Command-line tasks: demo data, staff accounts, translations, activity slots, the worker."""

import subprocess
import sys
from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import with_appcontext
from sqlalchemy import select

from hotel.extensions import db
from hotel.models import Department, Role, Stay
from hotel.services.inventory import HORIZON_DAYS

ROOT = Path(__file__).resolve().parent.parent


def init_app(app: Flask) -> None:
    """Register the commands with the app's CLI."""
    app.cli.add_command(demo_data)
    app.cli.add_command(staff)
    app.cli.add_command(translate)
    app.cli.add_command(slots)
    app.cli.add_command(worker)


@click.command("demo-data")
@click.option("--if-empty", is_flag=True, help="Only load when the database has no stays.")
def demo_data(if_empty: bool) -> None:
    """Load the demo hotel: catalogue, stays, staff. Safe to run again."""
    from hotel.demo.checks import DemoDataError
    from hotel.demo.loader import demo_passwords, load_demo_data

    try:  # reads and checks every data file, so that a mistake is named, not a traceback
        passwords = demo_passwords()
    except DemoDataError as error:
        raise click.ClickException(str(error)) from None
    if if_empty and db.session.scalar(select(Stay.id).limit(1)) is not None:
        click.echo("The database already has data; demo data not loaded again.")
    else:
        counts = load_demo_data()
        db.session.commit()
        click.echo(
            "Demo hotel ready: {services} services, {packages} packages, {stays} stays, "
            "{slots} slots.".format(**counts)
        )
    click.echo("Demo staff logins (username / password):")
    for username, password in passwords.items():
        click.echo(f"  {username} / {password}")


@click.group()
def staff() -> None:
    """Manage staff accounts."""


@staff.command("create")
@click.argument("username")
@click.option("--role", type=click.Choice([r.value for r in Role]), required=True)
@click.option("--department", "department_slug", help="Department slug (for role staff).")
@click.option("--full-name", default="")
@click.password_option(prompt="Password", help="Read from the prompt or standard input.")
def create_staff(username: str, role: str, department_slug: str | None, full_name: str,
                 password: str) -> None:
    """Create a staff account; the password is asked for, or read from standard input."""
    from hotel.services.staff import StaffError, create_staff_user

    department = None
    if department_slug:
        query = select(Department).where(Department.slug == department_slug)
        department = db.session.scalar(query)
        if department is None:
            message = f"no department {department_slug!r}"
            raise click.BadParameter(message, param_hint="--department")
    try:
        user = create_staff_user(username, password, Role(role), department, full_name)
    except StaffError as error:
        raise click.ClickException(str(error)) from None
    db.session.commit()
    click.echo(f"Created {user.username} ({user.role.value}).")


@click.group()
def translate() -> None:
    """Extract, update and compile the translation catalogs."""


def _pybabel(*args: str) -> None:
    command = [sys.executable, "-m", "babel.messages.frontend", *args]
    if subprocess.run(command, cwd=ROOT).returncode != 0:
        raise click.ClickException("pybabel " + " ".join(args) + " failed")


@translate.command()
def extract() -> None:
    """Extract the messages from code and templates into translations/messages.pot."""
    # Babel skips folders starting with "_" unless told otherwise; templates/_macros counts.
    _pybabel("extract", "-F", "babel.cfg", "-k", "_l", "--no-location", "--sort-output",
             "--ignore-dirs", ".* __pycache__ instance", "-o", "translations/messages.pot", ".")


@translate.command()
def update() -> None:
    """Extract, then merge new messages into every language's catalog."""
    extract.callback()
    # No fuzzy matching: a guessed translation is worse than a missing one, which the
    # tests catch.
    _pybabel("update", "-i", "translations/messages.pot", "-d", "translations",
             "--no-wrap", "--ignore-obsolete", "--no-fuzzy-matching")


@translate.command()
@click.argument("language")
def init(language: str) -> None:
    """Start the catalog of a new language."""
    extract.callback()
    _pybabel("init", "-i", "translations/messages.pot", "-d", "translations", "-l", language,
             "--no-wrap")


@translate.command()
def compile() -> None:  # noqa: A001 - the command's name is what users type
    """Compile every language's catalog for use."""
    _pybabel("compile", "-d", "translations", "--statistics")


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


@click.command("worker")
@click.option("--threads", type=click.IntRange(1, 32), default=None,
              help="How many tasks to run at once (WORKER_THREADS, default 2).")
@with_appcontext
def worker(threads: int | None) -> None:
    """Run the worker: sends messages, retries failures, runs the timed jobs."""
    from hotel import worker as queue_worker

    queue_worker.run(threads or current_app.config["WORKER_THREADS"])
