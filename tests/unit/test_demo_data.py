"""The demo hotel: the whole catalogue of the product brief, loaded idempotently from data
files that are checked and have every text in all ten languages."""

import re
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import func, select

from hotel.clock import hotel_today
from hotel.demo.loader import load_demo_data
from hotel.demo.stays import demo_stays, earlier_stays
from hotel.extensions import db as _db
from hotel.models import (
    Kind,
    Package,
    Role,
    Service,
    Slot,
    StaffUser,
    Stay,
)
from tests.conftest import empty_database
from tests.helpers import snapshot

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


@pytest.fixture(scope="module")
def demo(app):
    """The demo hotel loaded once, for this module's tests that only read it."""
    # A module-scoped fixture is set up after the test that loads the demo itself (which
    # comes first in the file) and torn down before the next module's tests run.
    with app.app_context():
        load_demo_data()
        _db.session.commit()
        yield _db
        empty_database(app)


def test_demo_data_loaded_twice_leaves_the_same_data(db):
    load_demo_data()
    db.session.commit()
    first = snapshot(db)
    load_demo_data()
    db.session.commit()
    assert snapshot(db) == first
    assert len(first["stay"]) == len(demo_stays()) + len(earlier_stays())


def test_every_catalogue_item_of_the_brief_exists_with_the_right_kind(demo):
    services = {s.slug: s for s in demo.session.scalars(select(Service))}
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


def test_demo_has_packages_slots_stays_and_staff_of_every_role(demo):
    packages = {p.slug: p for p in demo.session.scalars(select(Package))}
    assert {"family", "outdoor", "nature"} <= set(packages)
    assert "crib" in {s.slug for s in packages["family"].services}
    assert "scooter-rental" in {s.slug for s in packages["outdoor"].services}
    activities = demo.session.scalars(select(Service).where(Service.kind == Kind.ACTIVITY)).all()
    with_slots = set(demo.session.scalars(select(Slot.service_id).distinct()))
    assert {a.id for a in activities} <= with_slots
    days = demo.session.scalar(select(func.count(func.distinct(func.date(Slot.starts_at)))))
    assert days >= 13
    roles = Counter(demo.session.scalars(select(StaffUser.role)))
    # Department staff of the kids club and of housekeeping (cribs and their units).
    assert roles == {Role.RECEPTION: 1, Role.STAFF: 2, Role.MANAGER: 1}


def test_demo_stays_cover_families_arrivals_departures_and_languages(demo):
    stays = demo.session.scalars(select(Stay)).all()
    today = hotel_today()
    assert any(s.arrival_on == today for s in stays)
    assert any(s.departure_on == today for s in stays)
    assert sum(1 for s in stays if s.children) >= 15
    assert any(len(s.children) >= 3 for s in stays)
    assert len({s.language for s in stays}) >= 8
    ages = {child.age for s in stays for child in s.children}
    assert min(ages) <= 2 and max(ages) >= 13


def test_demo_has_six_standard_reasons_in_all_ten_languages(demo):
    from hotel.demo.texts import LANGUAGES
    from hotel.models import BookingItem, ItemState, StandardReason

    reasons = demo.session.scalars(select(StandardReason).order_by(StandardReason.position)).all()
    assert [r.code for r in reasons] == ["weather", "fully-booked", "staff-unavailable",
                                         "maintenance", "safety", "too-few-participants"]
    for reason in reasons:
        assert reason.active and reason.missing_locales(LANGUAGES) == [], reason.code
        assert len({text.name for text in reason.texts}) == len(LANGUAGES), reason.code
    declined = demo.session.scalars(select(BookingItem).where(
        BookingItem.state == ItemState.DECLINED)).all()
    assert any(item.standard_reason and item.standard_reason.code == "fully-booked"
               for item in declined)


def test_some_demo_stays_agree_to_offers_and_have_an_address(demo):
    stays = demo.session.scalars(select(Stay).where(Stay.marketing_consent.is_(True))).all()
    assert len(stays) >= 4
    assert all("@" in stay.email for stay in stays)
    assert any(stay.arrival_on > hotel_today() for stay in stays)  # offers before arrival
    assert demo.session.scalar(select(func.count(Stay.id)).where(
        Stay.marketing_consent.is_(False))) > len(stays)


def test_the_demo_day_has_units_handed_out_one_overdue_and_one_damaged(demo):
    from hotel.models import HandOut, OutOfService, RentalUnit

    today = hotel_today()
    for rental in demo.session.scalars(select(Service).where(Service.kind == Kind.RENTAL)):
        units = demo.session.scalar(select(func.count()).select_from(RentalUnit).where(
            RentalUnit.service_id == rental.id, RentalUnit.in_stock.is_(True)))
        assert units == rental.stock, rental.slug
    out = demo.session.scalars(select(HandOut).where(HandOut.returned_at.is_(None))).all()
    assert len(out) >= 3
    assert sum(given.due_on < today for given in out) == 1
    assert any(given.due_on == today for given in out)
    damaged = demo.session.scalars(select(HandOut).where(HandOut.condition == "damaged")).all()
    assert len(damaged) == 1
    period = demo.session.get(OutOfService, damaged[0].out_of_service_id)
    assert period.unit_id == damaged[0].unit_id and period.starts_on <= today <= period.ends_on


def test_demo_cancelling_policy_names_the_cut_offs_the_services_have(demo):
    from hotel.models import FaqEntry, FaqKind

    cutoffs = set(demo.session.scalars(select(Service.cutoff_hours).where(Service.active)))
    policy = demo.session.scalars(select(FaqEntry).where(FaqEntry.kind == FaqKind.POLICY)).all()
    cancelling = [entry for entry in policy
                  if any(t.locale == "en" and "cancel" in t.name.lower() for t in entry.texts)]
    answers = [text for entry in cancelling for text in entry.texts]
    assert len(answers) == 10  # one policy, in every language
    for text in answers:
        hours = {int(number) for number in re.findall(r"\d+", text.description)}
        assert hours == {min(cutoffs), max(cutoffs)}, text.locale


def test_readme_counts_the_stays_the_demo_has(demo):
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    counted = int(re.search(r"and (\d+) stays", readme).group(1))
    assert counted == demo.session.scalar(select(func.count(Stay.id)))


def test_demo_has_a_drawing_for_every_service_and_package(demo):
    from hotel.models import Photo

    owners = [*demo.session.scalars(select(Service)), *demo.session.scalars(select(Package))]
    assert len(owners) == 32
    keys = {owner.photo_key for owner in owners}
    assert None not in keys and len(keys) == 32  # each its own drawing
    photos = demo.session.scalars(select(Photo).where(Photo.key.in_(keys))).all()
    assert {(photo.key, photo.size) for photo in photos} == {
        (key, size) for key in keys for size in ("card", "large")}
    for photo in photos:
        assert photo.content_type == "image/svg+xml"
        assert photo.data.startswith(b"<svg") and b"<script" not in photo.data
