"""Read the demo hotel's TOML files in ``data/`` and check them, each on its own and against
the others, before anything is written to the database."""

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from hotel.demo import schemas
from hotel.demo.checks import DemoDataError, check_entries, check_table, read_toml
from hotel.demo.texts import load_texts_files
from hotel.models import REQUEST_FIELDS, Kind

DATA_FOLDER = Path(__file__).with_name("data")
KIND_NAMES = {Kind.RENTAL: "a rental", Kind.ACTIVITY: "an activity",
              Kind.ON_REQUEST: "a service on request"}


@dataclass(frozen=True)
class DemoFiles:
    """What the demo data files say, checked; lists keep the files' order."""

    departments: list[str]
    services: list[dict]
    packages: list[dict]
    texts: dict[str, dict]  # language → kind → slug → text
    stays: list[dict]
    earlier_stays: dict[str, dict]  # current stay's reference → its guests' earlier stay
    bookings: dict[str, list[dict]]  # stay reference → what its guests booked, in order
    ticket_categories: list[dict]
    faq: list[dict]
    tickets: list[dict]
    staff: list[dict]
    standard_reasons: list[dict]
    pictures: dict[tuple[str, str], Path]  # ("services" or "packages", slug) → its drawing


def refers(where: str, key: str, value: str, known, what: str) -> None:
    """Raise unless ``value``, found under ``key`` at ``where``, is one of ``known``."""
    if value not in known:
        raise DemoDataError(f"{where}: {key} {value!r} is not {what}")


def labelled(entries: list[dict], where: str, key: str) -> Iterator[tuple[str, dict]]:
    """Yield each entry with the name errors give it, as in ``services[crib] (entry 1)``."""
    for number, entry in enumerate(entries, start=1):
        yield f"{where}[{entry[key]}] (entry {number})", entry


# ---------------------------------------------------------------- catalogue.toml


def _check_service(where: str, spec: dict, departments: list[str]) -> None:
    """Check what a service's keys must say together."""
    refers(where, "department", spec["department"], departments,
           "one of the departments in catalogue.toml")
    if spec.get("max_age", 999) < spec.get("min_age", 0):
        raise DemoDataError(f"{where}: min_age is above max_age")
    for number, band in enumerate(spec.get("age_bands", []), start=1):
        if band["max_age"] < band["min_age"]:
            raise DemoDataError(f"{where}: age_bands (entry {number}): min_age is above max_age")
    if spec["kind"] == Kind.RENTAL and "stock" not in spec:
        raise DemoDataError(f"{where}: stock is missing: a rental needs one")
    if spec["kind"] == Kind.ACTIVITY and not spec.get("slot_rules"):
        raise DemoDataError(f"{where}: slot_rules are missing: an activity needs some")
    if spec["kind"] != Kind.ACTIVITY and spec.get("slot_rules"):
        raise DemoDataError(f"{where}: slot_rules are only for activities")


def load_catalogue_file(folder: Path = DATA_FOLDER) -> dict:
    """Return catalogue.toml's departments, services and packages, checked."""
    file = "catalogue.toml"
    catalogue = check_table(read_toml(folder, file), schemas.CATALOGUE, file)
    departments = catalogue["departments"]
    for number, slug in enumerate(departments, start=1):
        if departments.index(slug) != number - 1:
            raise DemoDataError(f"{file}: departments (item {number}) {slug!r} is used twice")
    services = check_entries(catalogue["services"], schemas.SERVICE, f"{file}: services", "slug")
    for where, spec in labelled(services, f"{file}: services", "slug"):
        _check_service(where, spec, departments)
    slugs = [spec["slug"] for spec in services]
    packages = check_entries(catalogue["packages"], schemas.PACKAGE, f"{file}: packages", "slug")
    for where, spec in labelled(packages, f"{file}: packages", "slug"):
        for slug in spec["services"]:
            refers(where, "services", slug, slugs, "one of the services in catalogue.toml")
    return catalogue


# ---------------------------------------------------------------- stays.toml


def _check_earlier(where: str, earlier: dict, references: set[str],
                   services: list[str]) -> None:
    """Check an earlier stay's own reference, its dates, and what its guests used."""
    if earlier["reference"] in references:
        raise DemoDataError(f"{where}: reference {earlier['reference']!r} is used twice")
    references.add(earlier["reference"])
    if earlier["began"] <= earlier["nights"]:
        raise DemoDataError(f"{where}: began must be more than nights, for a stay that is over")
    for number, used in enumerate(earlier["used"], start=1):
        refers(f"{where}: used (entry {number})", "service", used["service"], services,
               "one of the services in catalogue.toml")
        if used["day"] >= earlier["nights"]:
            raise DemoDataError(f"{where}: used (entry {number}): day {used['day']} is not "
                                f"within the stay's {earlier['nights']} nights")


def load_stays_file(folder: Path, catalogue: dict) -> tuple[list[dict], dict[str, dict]]:
    """Return stays.toml's stays, and the earlier stays by the current stay's reference."""
    file = "stays.toml"
    found = check_table(read_toml(folder, file), schemas.STAYS, file)
    stays = check_entries(found["stays"], schemas.STAY, f"{file}: stays", "reference")
    references = {spec["reference"] for spec in stays}
    services = [spec["slug"] for spec in catalogue["services"]]
    earlier_stays = found.get("earlier_stays", {})
    for current, earlier in earlier_stays.items():
        where = f"{file}: earlier_stays[{current}]"
        refers(where, "the key", current, references, "the reference of one of the stays")
        check_table(earlier, schemas.EARLIER_STAY, where)
        _check_earlier(where, earlier, references, services)
    return stays, earlier_stays


# ---------------------------------------------------------------- bookings.toml


def _check_details(where: str, details: dict, service: dict) -> None:
    """Check a request's details: the service asks for each, and each has the right type."""
    asked = service.get("request_fields", [])
    for key, value in details.items():
        refers(f"{where}: details", "key", key, asked,
               f"one of the request_fields of {service['slug']} ({', '.join(asked)})")
        kind = REQUEST_FIELDS[key]
        if isinstance(value, bool) or not isinstance(value, int if kind == "integer" else str):
            raise DemoDataError(f"{where}: details {key} must be {kind}, not {value!r}")


def _check_booking(where: str, spec: dict, services: dict[str, dict]) -> None:
    """Check that a booking names a service and has the keys its kind of service needs."""
    refers(where, "service", spec["service"], services, "one of the services in catalogue.toml")
    service = services[spec["service"]]
    kind = Kind(service["kind"])
    needed, allowed = schemas.BOOKING_KEYS[kind]
    missing = sorted(needed - set(spec))
    if missing:
        raise DemoDataError(f"{where}: {missing[0]} is missing: a booking of "
                            f"{KIND_NAMES[kind]} needs {', '.join(sorted(needed))}")
    extra = sorted(set(spec) - needed - allowed - schemas.BOOKING_ANY_KIND)
    if extra:
        raise DemoDataError(f"{where}: {extra[0]} is not for a booking of {KIND_NAMES[kind]}")
    if spec.get("then") == "decline" and "reason" not in spec and "standard_reason" not in spec:
        raise DemoDataError(f"{where}: reason is missing: reception declined it")
    if "standard_reason" in spec and spec.get("then") != "decline":
        raise DemoDataError(f"{where}: standard_reason is only for a booking reception declined")
    _check_details(where, spec.get("details", {}), service)


def load_bookings_file(folder: Path, catalogue: dict, stays: list[dict],
                       reasons: list[str]) -> dict[str, list]:
    """Return bookings.toml's bookings by stay reference, checked."""
    file = "bookings.toml"
    bookings = check_table(read_toml(folder, file), schemas.BOOKINGS, file)["bookings"]
    references = {spec["reference"] for spec in stays}
    services = {spec["slug"]: spec for spec in catalogue["services"]}
    for reference, specs in bookings.items():
        where = f"{file}: bookings[{reference}]"
        refers(where, "the key", reference, references, "the reference of a stay in stays.toml")
        if not isinstance(specs, list):
            raise DemoDataError(f"{where}: must be a list of tables ([[bookings.{reference}]])")
        for number, spec in enumerate(specs, start=1):
            check_table(spec, schemas.BOOKING, f"{where} (entry {number})")
            _check_booking(f"{where} (entry {number})", spec, services)
            if "standard_reason" in spec:
                refers(f"{where} (entry {number})", "standard_reason", spec["standard_reason"],
                       reasons, "one of the standard_reasons in reasons.toml")
    return bookings


# ---------------------------------------------------------------- feedback.toml


def _check_ticket(where: str, spec: dict) -> None:
    """Check that a ticket's answer, state and rating go together."""
    if ("answer" in spec) != ("answered_after" in spec):
        raise DemoDataError(f"{where}: answer and answered_after go together")
    if spec["state"] == "closed" and "answer" not in spec:
        raise DemoDataError(f"{where}: answer is missing: the ticket is closed")
    if spec["state"] != "closed" and "satisfaction" in spec:
        raise DemoDataError(f"{where}: satisfaction is only for a closed ticket")


def load_feedback_file(folder: Path, catalogue: dict, stays: list[dict]) -> dict:
    """Return feedback.toml's ticket categories, FAQ entries and tickets, checked."""
    file = "feedback.toml"
    found = check_table(read_toml(folder, file), schemas.FEEDBACK, file)
    categories = check_entries(found["ticket_categories"], schemas.TICKET_CATEGORY,
                               f"{file}: ticket_categories", "slug")
    for where, spec in labelled(categories, f"{file}: ticket_categories", "slug"):
        refers(where, "department", spec["department"], catalogue["departments"],
               "one of the departments in catalogue.toml")
    slugs = [spec["slug"] for spec in categories]
    faq = check_entries(found["faq"], schemas.FAQ_ENTRY, f"{file}: faq", "slug")
    for where, spec in labelled(faq, f"{file}: faq", "slug"):
        if "category" in spec:
            refers(where, "category", spec["category"], slugs, "one of the ticket_categories")
    tickets = check_entries(found.get("tickets", []), schemas.TICKET, f"{file}: tickets",
                            "number")
    references = {spec["reference"] for spec in stays}
    for where, spec in labelled(tickets, f"{file}: tickets", "number"):
        refers(where, "stay", spec["stay"], references, "the reference of a stay in stays.toml")
        refers(where, "category", spec["category"], slugs, "one of the ticket_categories")
        _check_ticket(where, spec)
    return {"ticket_categories": categories, "faq": faq, "tickets": tickets}


# ---------------------------------------------------------------- reasons.toml


def load_reasons_file(folder: Path) -> list[dict]:
    """Return reasons.toml's standard reasons, checked."""
    file = "reasons.toml"
    found = check_table(read_toml(folder, file), schemas.REASONS, file)
    return check_entries(found["standard_reasons"], schemas.STANDARD_REASON,
                         f"{file}: standard_reasons", "code")


# ---------------------------------------------------------------- staff.toml


def load_staff_file(folder: Path, catalogue: dict) -> list[dict]:
    """Return staff.toml's staff logins, checked."""
    file = "staff.toml"
    found = check_table(read_toml(folder, file), schemas.STAFF, file)
    staff = check_entries(found["staff"], schemas.STAFF_USER, f"{file}: staff", "username")
    for where, spec in labelled(staff, f"{file}: staff", "username"):
        if "department" in spec:
            refers(where, "department", spec["department"], catalogue["departments"],
                   "one of the departments in catalogue.toml")
        elif spec["role"] == "staff":
            raise DemoDataError(f"{where}: department is missing: department staff need one")
    return staff


def load_pictures(folder: Path, slugs: dict[str, list[str]]) -> dict[tuple[str, str], Path]:
    """Return the drawing of every service and package: pictures/SLUG.svg and
    pictures/packages/SLUG.svg; raise DemoDataError if one is missing."""
    places = {"services": folder / "pictures", "packages": folder / "pictures" / "packages"}
    pictures = {}
    for kind, place in places.items():
        for slug in slugs[kind]:
            path = place / f"{slug}.svg"
            if not path.is_file():
                raise DemoDataError(f"{path.relative_to(folder)}: the {kind[:-1]} {slug!r} "
                                    "has no drawing")
            pictures[kind, slug] = path
    return pictures


def load_demo_files(folder: Path = DATA_FOLDER) -> DemoFiles:
    """Read and check every demo data file in ``folder``; raise DemoDataError, naming the
    file, the entry and the key, at the first mistake."""
    catalogue = load_catalogue_file(folder)
    stays, earlier_stays = load_stays_file(folder, catalogue)
    feedback = load_feedback_file(folder, catalogue, stays)
    reasons = load_reasons_file(folder)
    reason_codes = [spec["code"] for spec in reasons]
    slugs = {
        "departments": catalogue["departments"],
        "services": [spec["slug"] for spec in catalogue["services"]],
        "packages": [spec["slug"] for spec in catalogue["packages"]],
        "ticket_categories": [spec["slug"] for spec in feedback["ticket_categories"]],
        "faq": [spec["slug"] for spec in feedback["faq"]],
        "standard_reasons": reason_codes,
    }
    return DemoFiles(
        pictures=load_pictures(folder, slugs),
        departments=catalogue["departments"], services=catalogue["services"],
        packages=catalogue["packages"], texts=load_texts_files(folder, slugs), stays=stays,
        earlier_stays=earlier_stays,
        bookings=load_bookings_file(folder, catalogue, stays, reason_codes),
        staff=load_staff_file(folder, catalogue), standard_reasons=reasons, **feedback,
    )
