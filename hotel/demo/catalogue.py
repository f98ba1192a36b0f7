"""Load the demo catalogue (departments, services with their slots, packages) from the data
files into the database; loading it again changes nothing."""

from datetime import date, time, timedelta
from decimal import Decimal

from sqlalchemy import select

from hotel.demo.datafiles import DemoFiles
from hotel.demo.texts import catalogue_texts
from hotel.extensions import db
from hotel.models import (
    AgeBand,
    CapacityUnit,
    Category,
    Department,
    DepartmentText,
    Kind,
    Package,
    PackageService,
    PackageText,
    PricingUnit,
    Service,
    ServiceText,
    SlotRule,
)
from hotel.services.photos import set_drawing
from hotel.services.slots import generate_slots
from hotel.services.units import match_units

SLOT_DAYS = 14


def by_slug(model) -> dict:
    """Return every row of a model with a slug, by slug."""
    return {obj.slug: obj for obj in db.session.scalars(select(model))}


def set_texts(owner, text_class, texts: dict, **fields) -> None:
    """Give ``owner`` these texts (language → name and description), updating its own."""
    current = {t.locale: t for t in owner.texts}
    for locale, values in texts.items():
        text = current.get(locale) or text_class(locale=locale, **fields)
        text.name = values["name"]
        text.description = values.get("description", "")
        if locale not in current:
            owner.texts.append(text)


def _load_departments(files: DemoFiles) -> dict[str, Department]:
    """Create or update the departments; return them all by slug."""
    departments = by_slug(Department)
    for slug in files.departments:
        department = departments.get(slug) or Department(slug=slug)
        db.session.add(department)
        set_texts(department, DepartmentText, catalogue_texts(files.texts, "departments", slug))
        departments[slug] = department
    return departments


def _load_age_bands(service: Service, specs: list[dict]) -> None:
    """Give a service exactly these age bands, keeping the ones it has."""
    bands = {(b.min_age, b.max_age): b for b in service.age_bands}
    wanted = set()
    for band_spec in specs:
        key = (band_spec["min_age"], band_spec["max_age"])
        wanted.add(key)
        band = bands.get(key) or AgeBand(min_age=key[0], max_age=key[1])
        band.price = Decimal(band_spec["price"])
        if key not in bands:
            service.age_bands.append(band)
    for key, band in bands.items():
        if key not in wanted:
            service.age_bands.remove(band)


def _load_service(service: Service, spec: dict, department: Department, position: int,
                  texts: dict) -> None:
    """Set a service's fields, texts and age bands from its entry in the catalogue."""
    service.category = Category(spec["category"])
    service.kind = Kind(spec["kind"])
    service.pricing_unit = PricingUnit(spec["pricing_unit"])
    service.price = Decimal(spec["price"])
    service.department = department
    service.min_age = spec.get("min_age")
    service.max_age = spec.get("max_age")
    service.requires_approval = spec.get("requires_approval", False)
    service.cutoff_hours = spec.get("cutoff_hours", 24)
    service.stock = spec.get("stock")
    service.delivered_on_arrival = spec.get("delivered_on_arrival", False)
    service.max_quantity = spec.get("max_quantity", 10)
    service.capacity_unit = CapacityUnit(spec.get("capacity_unit", "persons"))
    service.duration_minutes = spec.get("duration_minutes")
    service.request_fields = list(spec.get("request_fields", []))
    service.active = True
    service.position = position
    set_texts(service, ServiceText, catalogue_texts(texts, "services", spec["slug"]))
    _load_age_bands(service, spec.get("age_bands", []))


def _load_slot_rules(service: Service, spec: dict, today: date) -> None:
    """Create or update an activity's slot rules, and its slots for the next two weeks."""
    rules = {
        (r.weekdays, r.start_time): r
        for r in db.session.scalars(select(SlotRule).where(SlotRule.service_id == service.id))
    }
    duration = spec.get("duration_minutes") or 60
    for rule_spec in spec.get("slot_rules", []):
        weekdays = "".join(str(d) for d in sorted(rule_spec["weekdays"]))
        for clock in rule_spec["times"]:
            start = time.fromisoformat(clock)
            rule = rules.get((weekdays, start))
            if rule is None:
                rule = SlotRule(service=service, weekdays=weekdays, start_time=start,
                                valid_from=today)
                db.session.add(rule)
            rule.duration_minutes = duration
            rule.capacity = rule_spec["capacity"]
            db.session.flush()
            generate_slots(rule, today, today + timedelta(days=SLOT_DAYS - 1))


def _load_packages(files: DemoFiles, services: dict[str, Service]) -> None:
    """Create or update the packages and the services each includes, in order."""
    packages = by_slug(Package)
    for position, spec in enumerate(files.packages):
        package = packages.get(spec["slug"]) or Package(slug=spec["slug"])
        db.session.add(package)
        package.category = Category(spec["category"])
        package.discount_percent = Decimal(spec["discount_percent"])
        package.active = True
        package.position = position
        set_texts(package, PackageText, catalogue_texts(files.texts, "packages", spec["slug"]))
        included = {entry.service.slug: entry for entry in package.entries}
        for index, slug in enumerate(spec["services"]):
            entry = included.get(slug) or PackageService(service=services[slug])
            entry.position = index
            if slug not in included:
                package.entries.append(entry)


def load_catalogue(files: DemoFiles, today: date) -> dict[str, Service]:
    """Create or update the departments, services, slots and packages; return the
    services by slug."""
    departments = _load_departments(files)
    services = by_slug(Service)
    for position, spec in enumerate(files.services):
        service = services.get(spec["slug"]) or Service(slug=spec["slug"])
        db.session.add(service)
        _load_service(service, spec, departments[spec["department"]], position, files.texts)
        services[spec["slug"]] = service
        db.session.flush()
        if service.kind == Kind.ACTIVITY:
            _load_slot_rules(service, spec, today)
        elif service.kind == Kind.RENTAL:
            match_units(service, service.stock or 0, today)
    _load_packages(files, services)
    _load_pictures(files, services)
    return services


def _load_pictures(files: DemoFiles, services: dict[str, Service]) -> None:
    """Give every service and package its drawing."""
    packages = by_slug(Package)
    owners = {"services": services, "packages": packages}
    for (kind, slug), path in files.pictures.items():
        set_drawing(owners[kind][slug], path)
