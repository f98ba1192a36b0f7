"""The demo hotel's data files: read, checked, and every mistake named with its place."""


import re
import shutil
from pathlib import Path

import pytest
from sqlalchemy import func, select

from hotel.demo import loader
from hotel.demo.checks import DemoDataError
from hotel.demo.datafiles import DATA_FOLDER, load_demo_files
from hotel.demo.loader import load_demo_data
from hotel.demo.texts import LANGUAGES, catalogue_texts
from hotel.models import (
    Department,
    FaqEntry,
    Package,
    Service,
    StandardReason,
    TicketCategory,
)


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
    "decline with an unknown standard reason": (
        "bookings.toml", 'standard_reason = "fully-booked"', 'standard_reason = "sold-out"',
        "bookings.toml: bookings[LP23989] (entry 1): standard_reason 'sold-out' is not one of "
        "the standard_reasons in reasons.toml"),
    "standard reason used twice": (
        "reasons.toml", 'code = "safety"', 'code = "weather"',
        "reasons.toml: standard_reasons[weather] (entry 5): code 'weather' is used twice"),
    "consent not a flag": (
        "stays.toml", '.com"\nmarketing_consent = true', '.com"\nmarketing_consent = "yes"',
        "stays.toml: stays[LP24017] (entry 1): marketing_consent must be"),
    "text for an unknown standard reason": (
        "texts/ko.toml", "too-few-participants = ", "too-few = ",
        "texts/ko.toml: standard_reasons[too-few]: there is no standard reason 'too-few' in "
        "reasons.toml"),
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
    for model in (Department, Service, Package, FaqEntry, TicketCategory, StandardReason):
        for item in db.session.scalars(select(model)):
            assert item.missing_locales(LANGUAGES) == [], (model.__name__, item.id)
            assert all(text.name for text in item.texts), (model.__name__, item.id)
    for model in (Service, Package, FaqEntry):
        for item in db.session.scalars(select(model)):
            assert all(text.description for text in item.texts), (model.__name__, item.id)
