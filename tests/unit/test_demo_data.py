"""The demo hotel: the whole catalogue of the product brief, loaded idempotently from data
files that are checked and have every text in all ten languages."""

import re
import shutil
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import func, select

from hotel.clock import hotel_today
from hotel.demo import loader
from hotel.demo.checks import DemoDataError
from hotel.demo.datafiles import DATA_FOLDER, load_demo_files
from hotel.demo.loader import load_demo_data
from hotel.demo.stays import demo_stays, earlier_stays
from hotel.demo.texts import LANGUAGES, catalogue_texts
from hotel.models import (
    Department,
    FaqEntry,
    Kind,
    Package,
    Role,
    Service,
    Slot,
    StaffUser,
    Stay,
    TicketCategory,
)

# Every catalogue item of the product brief, as the slug and kind of its service.
BRIEF_CATALOGUE = {
    # Family package
    "crib": Kind.RENTAL,
    "stroller": Kind.RENTAL,
    "kids-animation": Kind.ACTIVITY,
    "kids-party": Kind.ACTIVITY,
    "children-pool": Kind.ACTIVITY,
    "kids-club": Kind.ACTIVITY,
    "babysitting": Kind.ON_REQUEST,
    "paediatrician": Kind.ON_REQUEST,
    "childrens-menu": Kind.ON_REQUEST,
    "family-excursion": Kind.ACTIVITY,
    "sports-equipment": Kind.RENTAL,
    "kids-equipment": Kind.RENTAL,
    "transfer": Kind.ON_REQUEST,
    # Outdoor activity package
    "group-excursion": Kind.ACTIVITY,
    "private-tour": Kind.ON_REQUEST,
    "disco-night": Kind.ACTIVITY,
    "event-tickets": Kind.ON_REQUEST,
    "car-rental": Kind.RENTAL,
    "scooter-rental": Kind.RENTAL,
    # Nature extras
    "fishing-trip": Kind.ACTIVITY,
    "horse-riding": Kind.ACTIVITY,
    "boat-trip": Kind.ACTIVITY,
    "boat-rental": Kind.ACTIVITY,
    "sauna": Kind.ACTIVITY,
    "bath-house": Kind.ACTIVITY,
    "paintball": Kind.ACTIVITY,
    "petting-zoo": Kind.ACTIVITY,
    "mini-farm": Kind.ACTIVITY,
}


def snapshot(db) -> dict[str, list[tuple]]:
    """Every row of every table, in primary-key order."""
    rows = {}
    for table in db.metadata.sorted_tables:
        query = select(table).order_by(*table.primary_key.columns)
        rows[table.name] = [tuple(row) for row in db.session.execute(query)]
    return rows


def test_demo_data_loaded_twice_leaves_the_same_data(db):
    load_demo_data()
    db.session.commit()
    first = snapshot(db)
    load_demo_data()
    db.session.commit()
    assert snapshot(db) == first
    assert len(first["stay"]) == len(demo_stays()) + len(earlier_stays())


def test_every_catalogue_item_of_the_brief_exists_with_the_right_kind(db):
    load_demo_data()
    services = {s.slug: s for s in db.session.scalars(select(Service))}
    for slug, kind in BRIEF_CATALOGUE.items():
        assert slug in services, f"{slug} is missing from the demo catalogue"
        assert services[slug].kind == kind, slug
    for service in services.values():
        texts = {t.locale: t for t in service.texts}
        assert texts["en"].name and len(texts["en"].description) > 40, service.slug
        assert texts["ko"].name and texts["ko"].description, service.slug
        assert service.price >= 0 and service.department is not None
        if service.kind == Kind.RENTAL:
            assert service.stock and service.stock > 0, service.slug


def test_demo_has_packages_slots_stays_and_one_staff_user_per_role(db):
    load_demo_data()
    packages = {p.slug: p for p in db.session.scalars(select(Package))}
    assert {"family", "outdoor", "nature"} <= set(packages)
    assert "crib" in {s.slug for s in packages["family"].services}
    assert "scooter-rental" in {s.slug for s in packages["outdoor"].services}
    activities = db.session.scalars(select(Service).where(Service.kind == Kind.ACTIVITY)).all()
    with_slots = set(db.session.scalars(select(Slot.service_id).distinct()))
    assert {a.id for a in activities} <= with_slots
    days = db.session.scalar(select(func.count(func.distinct(func.date(Slot.starts_at)))))
    assert days >= 13
    roles = Counter(db.session.scalars(select(StaffUser.role)))
    assert roles == {Role.RECEPTION: 1, Role.STAFF: 1, Role.MANAGER: 1}


def test_demo_stays_cover_families_arrivals_departures_and_languages(db):
    load_demo_data()
    stays = db.session.scalars(select(Stay)).all()
    today = hotel_today()
    assert any(s.arrival_on == today for s in stays)
    assert any(s.departure_on == today for s in stays)
    assert sum(1 for s in stays if s.children) >= 15
    assert any(len(s.children) >= 3 for s in stays)
    assert len({s.language for s in stays}) >= 8
    ages = {child.age for s in stays for child in s.children}
    assert min(ages) <= 2 and max(ages) >= 13


# ------------------------------------------------------------------ the data files


def edited_copy(tmp_path: Path, file: str, old: str, new: str) -> Path:
    """Return a copy of the demo data folder in which ``file`` has ``old`` replaced by ``new``."""
    folder = tmp_path / "data"
    shutil.copytree(DATA_FOLDER, folder)
    path = folder / file
    content = path.read_text(encoding="utf-8")
    assert old in content, f"{old!r} is not in {file}"
    path.write_text(content.replace(old, new, 1), encoding="utf-8")
    return folder


def section(file: str, header: str) -> str:
    """Return the table that begins with ``header`` in a demo data file, up to the next one."""
    content = (DATA_FOLDER / file).read_text(encoding="utf-8")
    start = content.index(header + "\n")
    return content[start:content.index("\n[", start) + 1]


MISTAKES = {
    "unknown kind": (
        "catalogue.toml", 'kind = "rental"', 'kind = "rentl"',
        "catalogue.toml: services[crib] (entry 1): kind 'rentl' is not one of rental, "
        "activity, on_request"),
    "missing price": (
        "catalogue.toml", 'price = "7.00"\n', "",
        "catalogue.toml: services[stroller] (entry 2): price is missing"),
    "price not a decimal": (
        "catalogue.toml", 'price = "7.00"', 'price = "7,00"',
        "catalogue.toml: services[stroller] (entry 2): price '7,00' is not a decimal amount"),
    "unknown department": (
        "catalogue.toml", 'department = "housekeeping"', 'department = "laundry"',
        "catalogue.toml: services[crib] (entry 1): department 'laundry' is not one of the "
        "departments"),
    "stock not a number": (
        "catalogue.toml", "stock = 6", 'stock = "6"',
        "catalogue.toml: services[crib] (entry 1): stock must be a whole number, not '6'"),
    "unknown key": (
        "catalogue.toml", "stock = 6", "stok = 6",
        "catalogue.toml: services[crib] (entry 1): unknown key 'stok'"),
    "package of an unknown service": (
        "catalogue.toml", '"kids-party",', '"kids-partey",',
        "catalogue.toml: packages[family] (entry 1): services 'kids-partey' is not one of "
        "the services"),
    "text for an unknown slug": (
        "texts/ja.toml", "[services.crib]", "[services.cot]",
        "texts/ja.toml: services[cot]: there is no service 'cot' in catalogue.toml"),
    "service without an English text": (
        "texts/en.toml", section("texts/en.toml", "[services.crib]"), "",
        "texts/en.toml: services[crib] is missing: every service needs an English text"),
    "booking of an unknown service": (
        "bookings.toml", 'service = "kids-animation"', 'service = "kids-animaton"',
        "bookings.toml: bookings[LP24017] (entry 2): service 'kids-animaton' is not one of "
        "the services"),
    "ticket category of an unknown department": (
        "feedback.toml", 'department = "reception"', 'department = "front-desk"',
        "feedback.toml: ticket_categories[general] (entry 1): department 'front-desk' is "
        "not one of the departments"),
    "stay in an unknown language": (
        "stays.toml", 'language = "ko"', 'language = "kr"',
        "stays.toml: stays[LP24017] (entry 1): language 'kr' is not one of en, ko"),
}


@pytest.mark.parametrize("mistake", list(MISTAKES))
def test_a_mistake_in_a_demo_data_file_is_named_with_its_file_entry_and_key(tmp_path, mistake):
    """Whoever edits a data file learns where the mistake is, not just that there is one."""
    file, old, new, message = MISTAKES[mistake]
    folder = edited_copy(tmp_path, file, old, new)
    with pytest.raises(DemoDataError) as error:
        load_demo_files(folder)
    assert str(error.value).startswith(message), str(error.value)


def test_a_missing_translation_is_no_mistake_the_item_falls_back_to_english(tmp_path, db):
    """A new service can be added in English first; the guest pages show English meanwhile."""
    folder = edited_copy(tmp_path, "texts/ja.toml", section("texts/ja.toml", "[services.crib]"),
                         "")
    assert "ja" not in catalogue_texts(load_demo_files(folder).texts, "services", "crib")
    load_demo_data(folder)
    crib = db.session.scalar(select(Service).where(Service.slug == "crib"))
    assert crib.missing_locales(LANGUAGES) == ["ja"]
    assert crib.text("ja").name == "Crib in your room"


def test_a_mistake_stops_the_demo_data_command_with_its_message(runner, tmp_path, monkeypatch):
    """`flask demo-data` prints the mistake and fails, without a traceback."""
    folder = edited_copy(tmp_path, "catalogue.toml", 'kind = "rental"', 'kind = "rentl"')
    passwords = loader.demo_passwords
    monkeypatch.setattr(loader, "demo_passwords", lambda: passwords(folder))
    result = runner.invoke(args=["demo-data"])
    assert result.exit_code == 1
    assert "Error: catalogue.toml: services[crib] (entry 1): kind 'rentl'" in result.output
    assert "Traceback" not in result.output


def test_a_mistake_writes_nothing_to_the_database(tmp_path, db):
    """Every file is checked before the first row is written."""
    folder = edited_copy(tmp_path, "feedback.toml", 'category = "wellness"', 'category = "spa"')
    with pytest.raises(DemoDataError, match=re.escape("feedback.toml: faq[pool-hours] (entry 1)")):
        load_demo_data(folder)
    assert db.session.scalar(select(func.count(Service.id))) == 0


def test_every_demo_item_has_a_text_in_each_of_the_ten_languages(app, db):
    """Departments, services, packages, FAQ entries and ticket categories, in every language."""
    assert set(LANGUAGES) == set(app.config["LANGUAGES"])
    assert list(load_demo_files().texts) == list(LANGUAGES)
    load_demo_data()
    for model in (Department, Service, Package, FaqEntry, TicketCategory):
        for item in db.session.scalars(select(model)):
            assert item.missing_locales(LANGUAGES) == [], (model.__name__, item.id)
            assert all(text.name for text in item.texts), (model.__name__, item.id)
    for model in (Service, Package, FaqEntry):
        for item in db.session.scalars(select(model)):
            assert all(text.description for text in item.texts), (model.__name__, item.id)
