"""Load the demo hotel from its data files into the database; running it again changes
nothing."""

from pathlib import Path

from sqlalchemy import func, select

from hotel.clock import hotel_today
from hotel.demo.bookings import load_demo_bookings
from hotel.demo.catalogue import by_slug, load_catalogue
from hotel.demo.datafiles import DATA_FOLDER, DemoFiles, load_demo_files
from hotel.demo.feedback import load_demo_feedback
from hotel.demo.reasons import load_standard_reasons
from hotel.demo.returning import load_returning_demo
from hotel.demo.stays import load_stays
from hotel.demo.units import load_demo_units
from hotel.extensions import db
from hotel.models import Department, Package, Role, Service, Slot, StaffUser, Stay


def demo_passwords(folder: Path = DATA_FOLDER) -> dict[str, str]:
    """Return the demo staff's passwords by username, to print for whoever runs the demo."""
    return {spec["username"]: spec["password"] for spec in load_demo_files(folder).staff}


def _load_staff(files: DemoFiles) -> None:
    """Create the demo staff logins that are missing and update the others; a password is
    only set on a new login."""
    departments = by_slug(Department)
    for spec in files.staff:
        user = db.session.scalar(select(StaffUser).where(StaffUser.username == spec["username"]))
        if user is None:
            user = StaffUser(username=spec["username"])
            user.set_password(spec["password"])
            db.session.add(user)
        user.full_name = spec["full_name"]
        user.role = Role(spec["role"])
        user.department = departments.get(spec.get("department"))
        user.active = True


def load_demo_data(folder: Path = DATA_FOLDER) -> dict[str, int]:
    """Create or update the demo catalogue, standard reasons, slots, stays, staff, bookings
    and tickets from the data files in ``folder``; return counts. The caller commits.

    Every file is read and checked first, so that a mistake (DemoDataError) writes nothing.
    """
    files = load_demo_files(folder)
    today = hotel_today()
    load_catalogue(files, today)
    load_standard_reasons(files)
    load_stays(files, today)
    _load_staff(files)
    db.session.flush()
    load_demo_bookings(today, files)
    load_returning_demo(today, files)
    load_demo_feedback(today, files)
    load_demo_units(today)
    return {
        "services": db.session.scalar(select(func.count(Service.id))),
        "packages": db.session.scalar(select(func.count(Package.id))),
        "stays": db.session.scalar(select(func.count(Stay.id))),
        "slots": db.session.scalar(select(func.count(Slot.id))),
    }
