"""Load the demo hotel into the database; running it again changes nothing."""

from datetime import date, time, timedelta
from decimal import Decimal

from sqlalchemy import func, select

from hotel.clock import hotel_today
from hotel.demo.bookings import load_demo_bookings
from hotel.demo.catalogue import DEPARTMENTS, PACKAGES, SERVICES
from hotel.demo.feedback import load_demo_feedback
from hotel.demo.returning import load_returning_demo
from hotel.demo.stays import DEMO_STAYS
from hotel.demo.texts import with_extra_texts
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
    PartyMember,
    PricingUnit,
    Role,
    Service,
    ServiceText,
    Slot,
    SlotRule,
    StaffUser,
    Stay,
)
from hotel.services.slots import generate_slots

SLOT_DAYS = 14

DEMO_STAFF = [
    {"username": "reception", "full_name": "Rita Berger", "role": Role.RECEPTION},
    {"username": "kidsclub", "full_name": "Tom Weiss", "role": Role.STAFF,
     "department": "kids-club"},
    {"username": "manager", "full_name": "Mara Lindner", "role": Role.MANAGER},
]
# Printed by `make run` and the README; for the demo only.
DEMO_PASSWORDS = {
    "reception": "reception-demo",
    "kidsclub": "kidsclub-demo",
    "manager": "manager-demo",
}


def _by_slug(model) -> dict:
    return {obj.slug: obj for obj in db.session.scalars(select(model))}


def _set_texts(owner, text_class, texts: dict, **fields) -> None:
    current = {t.locale: t for t in owner.texts}
    for locale, values in texts.items():
        text = current.get(locale) or text_class(locale=locale, **fields)
        text.name = values["name"]
        text.description = values.get("description", "")
        if locale not in current:
            owner.texts.append(text)


def _load_departments() -> dict[str, Department]:
    departments = _by_slug(Department)
    for spec in DEPARTMENTS:
        department = departments.get(spec["slug"]) or Department(slug=spec["slug"])
        db.session.add(department)
        texts = {code: {"name": name} for code, name in spec["names"].items()}
        _set_texts(department, DepartmentText,
                   with_extra_texts("departments", spec["slug"], texts))
        departments[spec["slug"]] = department
    return departments


def _load_service(service: Service, spec: dict, department: Department, position: int) -> None:
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
    _set_texts(service, ServiceText, with_extra_texts("services", spec["slug"], spec["texts"]))
    bands = {(b.min_age, b.max_age): b for b in service.age_bands}
    wanted = set()
    for band_spec in spec.get("age_bands", []):
        key = (band_spec["min_age"], band_spec["max_age"])
        wanted.add(key)
        band = bands.get(key) or AgeBand(min_age=key[0], max_age=key[1])
        band.price = Decimal(band_spec["price"])
        if key not in bands:
            service.age_bands.append(band)
    for key, band in bands.items():
        if key not in wanted:
            service.age_bands.remove(band)


def _load_slot_rules(service: Service, spec: dict, today: date) -> None:
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


def _load_catalogue(today: date) -> dict[str, Service]:
    departments = _load_departments()
    services = _by_slug(Service)
    for position, spec in enumerate(SERVICES):
        service = services.get(spec["slug"]) or Service(slug=spec["slug"])
        db.session.add(service)
        _load_service(service, spec, departments[spec["department"]], position)
        services[spec["slug"]] = service
        db.session.flush()
        if service.kind == Kind.ACTIVITY:
            _load_slot_rules(service, spec, today)
    packages = _by_slug(Package)
    for position, spec in enumerate(PACKAGES):
        package = packages.get(spec["slug"]) or Package(slug=spec["slug"])
        db.session.add(package)
        package.category = Category(spec["category"])
        package.discount_percent = Decimal(spec["discount_percent"])
        package.active = True
        package.position = position
        _set_texts(package, PackageText,
                   with_extra_texts("packages", spec["slug"], spec["texts"]))
        included = {entry.service.slug: entry for entry in package.entries}
        for index, slug in enumerate(spec["services"]):
            entry = included.get(slug) or PackageService(service=services[slug])
            entry.position = index
            if slug not in included:
                package.entries.append(entry)
    return services


def _load_stay(spec: dict, today: date) -> Stay:
    stay = db.session.scalar(select(Stay).where(Stay.reference == spec["reference"]))
    if stay is None:
        stay = Stay(reference=spec["reference"])
        db.session.add(stay)
    arrival = today + timedelta(days=spec["arrival_offset"])
    stay.room = spec["room"]
    stay.first_name = spec["first_name"]
    stay.set_last_name(spec["last_name"])
    stay.arrival_on = arrival
    stay.departure_on = arrival + timedelta(days=spec["nights"])
    stay.language = spec["language"]
    stay.email = spec["email"]
    people = [
        {"first_name": a["first_name"], "last_name": a.get("last_name", ""), "is_child": False,
         "age": None}
        for a in spec["adults"]
    ] + [
        {"first_name": c["first_name"], "last_name": c.get("last_name", spec["last_name"]),
         "is_child": True, "age": c["age"]}
        for c in spec.get("children", [])
    ]
    for position, person in enumerate(people):
        if position < len(stay.members):
            member = stay.members[position]
        else:
            member = PartyMember(position=position)
            stay.members.append(member)
        for key, value in person.items():
            setattr(member, key, value)
    del stay.members[len(people):]
    return stay


def _load_staff(departments: dict[str, Department]) -> None:
    for spec in DEMO_STAFF:
        user = db.session.scalar(select(StaffUser).where(StaffUser.username == spec["username"]))
        if user is None:
            user = StaffUser(username=spec["username"])
            user.set_password(DEMO_PASSWORDS[spec["username"]])
            db.session.add(user)
        user.full_name = spec["full_name"]
        user.role = spec["role"]
        user.department = departments.get(spec.get("department"))
        user.active = True


def load_demo_data() -> dict[str, int]:
    """Create or update the demo catalogue, slots, stays and staff; return counts.

    The caller commits.
    """
    today = hotel_today()
    _load_catalogue(today)
    for spec in DEMO_STAYS:
        _load_stay(spec, today)
    _load_staff(_by_slug(Department))
    db.session.flush()
    load_demo_bookings(today)
    load_returning_demo(today)
    load_demo_feedback(today)
    return {
        "services": db.session.scalar(select(func.count(Service.id))),
        "packages": db.session.scalar(select(func.count(Package.id))),
        "stays": db.session.scalar(select(func.count(Stay.id))),
        "slots": db.session.scalar(select(func.count(Slot.id))),
    }
