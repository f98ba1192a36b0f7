"""Demo scenarios that tests of several modules share: the run sheet's demo day, a desk
hotel with busy days, and the translation catalogs that pages are checked against."""

from dataclasses import dataclass, field
from datetime import date, time, timedelta
from functools import cache
from pathlib import Path

from babel.messages.pofile import read_po
from sqlalchemy import select

from hotel.clock import local_to_utc
from hotel.extensions import db as _db
from hotel.models import CapacityUnit, ItemState, Kind, PricingUnit, RentalDay, Role, Slot
from hotel.services.bookings import cancel_booking_item, create_booking
from hotel.services.requests import Action, handle_items
from hotel.services.rules import ItemRequest
from tests.factories import (
    add_member,
    add_slot,
    insert_bookings,
    make_department,
    make_out_of_service,
    make_service,
    make_slot,
    make_staff,
    make_stay,
)

ROOT = Path(__file__).resolve().parents[1]

DAY = date(2030, 7, 15)  # a Monday in summer time: the hotel is at UTC+2


@dataclass
class DemoDay:
    """What the demo day holds, and which items each sheet must show."""

    day: date
    departments: dict = field(default_factory=dict)
    services: dict = field(default_factory=dict)
    stays: dict = field(default_factory=dict)
    items: dict = field(default_factory=dict)
    staff: object = None


def at(day: date, clock: str):
    """Return the UTC moment of a wall-clock time at the hotel on a day."""
    return local_to_utc(day, time.fromisoformat(clock))


def build_demo_day(day: date = DAY) -> DemoDay:
    """Make departments, one service of every kind, four families and their bookings,
    booked through the booking service three days before ``day``."""
    demo = DemoDay(day)
    for slug, name in [("kids", "Kids club"), ("housekeeping", "Housekeeping"),
                       ("transport", "Transport"), ("entertainment", "Entertainment"),
                       ("wellness", "Wellness")]:
        demo.departments[slug] = make_department(slug, name)
    d, s = demo.departments, demo.services
    s["club"] = make_service("club", department=d["kids"], min_age=4, max_age=12,
                             texts={"en": ("Kids club", "")})
    s["babysitting"] = make_service(
        "babysitting", kind=Kind.ON_REQUEST, pricing_unit=PricingUnit.PER_HOUR,
        department=d["kids"], requires_approval=True, request_fields=["hours"],
        capacity_unit=CapacityUnit.UNITS, texts={"en": ("Babysitting", "")})
    s["crib"] = make_service("crib", kind=Kind.RENTAL, pricing_unit=PricingUnit.PER_UNIT_NIGHT,
                             department=d["housekeeping"], stock=6, delivered_on_arrival=True,
                             capacity_unit=CapacityUnit.UNITS, texts={"en": ("Crib", "")})
    s["stroller"] = make_service("stroller", kind=Kind.RENTAL,
                                 pricing_unit=PricingUnit.PER_UNIT_DAY,
                                 department=d["housekeeping"], stock=4,
                                 capacity_unit=CapacityUnit.UNITS,
                                 texts={"en": ("Stroller", "")})
    s["transfer"] = make_service(
        "transfer", kind=Kind.ON_REQUEST, pricing_unit=PricingUnit.PER_BOOKING,
        department=d["transport"], requires_approval=True, capacity_unit=CapacityUnit.UNITS,
        request_fields=["pickup_place", "destination", "flight_number", "passengers"],
        texts={"en": ("Airport transfer", "")})
    s["disco"] = make_service("disco", department=d["entertainment"], min_age=16,
                              texts={"en": ("Disco night", "")})
    s["sauna"] = make_service("sauna", department=d["wellness"], texts={"en": ("Sauna", "")})
    make_out_of_service(s["stroller"], day, units=1)

    slots = {
        "club": make_slot(s["club"], at(day, "10:00"), capacity=15, minutes=180),
        "club_next": make_slot(s["club"], at(day + timedelta(1), "10:00"), capacity=15),
        "disco": make_slot(s["disco"], at(day, "23:00"), capacity=60, minutes=120),
        "late": make_slot(s["disco"], at(day + timedelta(1), "00:30"), capacity=60),
        "sauna": make_slot(s["sauna"], at(day, "15:00"), capacity=8),
    }
    st = demo.stays
    st["kim"] = make_stay("K1", last_name="Kim", first_name="Minji", arrival_on=day,
                          language="ko", room="204", children=[2])
    # Seoyeon turns 7 on the day itself: the sheet shows her age on that day.
    seoyeon = add_member(st["kim"], "Seoyeon", birth_date=date(day.year - 7, day.month, day.day))
    st["mueller"] = make_stay("M1", last_name="Müller", first_name="Katrin",
                              arrival_on=day - timedelta(3), nights=3, language="de",
                              room="112", children=[9])
    st["obrien"] = make_stay("O1", last_name="O'Brien, Jr.", first_name='Siobhan "Shiv"',
                             arrival_on=day - timedelta(1), nights=6, room="308", children=[10])
    st["park"] = make_stay("P1", last_name="박", first_name="서연", arrival_on=day - timedelta(2),
                           nights=5, language="ko", room="402")
    demo.staff = make_staff(role=Role.RECEPTION)
    booked_at = at(day - timedelta(3), "09:00")

    def book(name, stay, request):
        booking = create_booking(stay, [request], stay, now=booked_at)
        demo.items[name] = booking.items[0]
        return booking.items[0]

    def kids(stay):
        return [m.id for m in stay.members if m.is_child]

    def adults(stay):
        return [m.id for m in stay.members if not m.is_child]

    book("club_seoyeon", st["kim"], ItemRequest(s["club"], slot_id=slots["club"].id,
                                                participant_ids=[seoyeon.id]))
    book("crib_kim", st["kim"], ItemRequest(s["crib"], start_on=day, end_on=day + timedelta(4)))
    book("babysitting_kim", st["kim"], ItemRequest(
        s["babysitting"], starts_at=at(day, "19:30"), participant_ids=kids(st["kim"]),
        details={"hours": 3}))
    book("club_obrien", st["obrien"], ItemRequest(
        s["club"], slot_id=slots["club"].id, participant_ids=kids(st["obrien"]),
        note="Allergic to nuts, carries an epipen"))
    book("club_obrien_next", st["obrien"], ItemRequest(
        s["club"], slot_id=slots["club_next"].id, participant_ids=kids(st["obrien"])))
    declined = book("babysitting_obrien", st["obrien"], ItemRequest(
        s["babysitting"], starts_at=at(day, "20:00"), participant_ids=kids(st["obrien"]),
        details={"hours": 2}))
    handle_items([declined.id], Action.DECLINE, demo.staff, reason="No babysitter free")
    cancelled = book("club_mueller", st["mueller"], ItemRequest(
        s["club"], slot_id=slots["club"].id, participant_ids=kids(st["mueller"])))
    cancel_booking_item(cancelled, demo.staff)
    book("stroller_mueller", st["mueller"], ItemRequest(
        s["stroller"], start_on=day - timedelta(3), end_on=day))
    book("crib_mueller", st["mueller"], ItemRequest(
        s["crib"], start_on=day - timedelta(3), end_on=day - timedelta(1)))
    book("transfer_park", st["park"], ItemRequest(
        s["transfer"], starts_at=at(day, "16:00"), participant_ids=adults(st["park"]),
        details={"pickup_place": "Vienna Airport", "destination": "Hotel",
                 "flight_number": "KE 937", "passengers": 2}))
    book("disco_obrien", st["obrien"], ItemRequest(
        s["disco"], slot_id=slots["disco"].id, participant_ids=adults(st["obrien"])))
    book("late_park", st["park"], ItemRequest(s["disco"], slot_id=slots["late"].id,
                                              participant_ids=adults(st["park"])))
    book("sauna_park", st["park"], ItemRequest(s["sauna"], slot_id=slots["sauna"].id,
                                               participant_ids=adults(st["park"])))
    return demo


def build_desk_hotel() -> dict:
    """Make a kids club with its slots and babysitting, cribs and strollers, transfers."""
    kids = make_department("kids", "Kids club")
    house = make_department("housekeeping", "Housekeeping")
    transport = make_department("transport", "Transport")
    services = {
        "club": make_service("club", department=kids, max_quantity=50,
                             texts={"en": ("Kids club", "")}),
        "babysitting": make_service(
            "babysitting", kind=Kind.ON_REQUEST, pricing_unit=PricingUnit.PER_HOUR,
            department=kids, requires_approval=True, request_fields=["hours"],
            capacity_unit=CapacityUnit.UNITS, texts={"en": ("Babysitting", "")}),
        "crib": make_service("crib", kind=Kind.RENTAL, pricing_unit=PricingUnit.PER_UNIT_NIGHT,
                             department=house, stock=100_000, delivered_on_arrival=True,
                             capacity_unit=CapacityUnit.UNITS, texts={"en": ("Crib", "")}),
        "stroller": make_service("stroller", kind=Kind.RENTAL,
                                 pricing_unit=PricingUnit.PER_UNIT_DAY, department=house,
                                 stock=100_000, capacity_unit=CapacityUnit.UNITS,
                                 texts={"en": ("Stroller", "")}),
        "transfer": make_service(
            "transfer", kind=Kind.ON_REQUEST, pricing_unit=PricingUnit.PER_BOOKING,
            department=transport, requires_approval=True, request_fields=["pickup_place"],
            capacity_unit=CapacityUnit.UNITS, texts={"en": ("Transfer", "")}),
    }
    _db.session.commit()
    return {"kids": kids, **services}


def add_guests(count: int, arrival_on, nights: int = 4) -> list:
    """Make ``count`` families of two adults and a child of six, arriving on a day."""
    return [make_stay(last_name=["Kim", "Weber", "Nguyen", "Dubois"][number % 4],
                      arrival_on=arrival_on, nights=nights, children=[6], room=str(200 + number))
            for number in range(count)]


def _slot(service, day, hour: int) -> Slot:
    starts_at = local_to_utc(day, time(hour, 0))
    found = _db.session.scalar(select(Slot).where(Slot.service_id == service.id,
                                                  Slot.starts_at == starts_at))
    return found or add_slot(service, day, time(hour, 0), capacity=100_000)


def book_day(hotel, day, count: int, stays: list, history: bool = False) -> list[int]:
    """Book ``count`` items on a day, of every kind in turn; return the items' ids."""
    slots = [_slot(hotel["club"], day, hour) for hour in (10, 15)]
    for service in (hotel["crib"], hotel["stroller"]):
        for on in (day - timedelta(1), day, day + timedelta(1)):
            if not _db.session.scalar(
                    select(RentalDay.id).where(RentalDay.service_id == service.id,
                                               RentalDay.day == on)):
                _db.session.add(RentalDay(service_id=service.id, day=on, capacity=100_000,
                                          booked=0))
    _db.session.flush()
    bookings = []
    for number in range(count):
        stay = stays[number % len(stays)]
        child = [member for member in stay.members if member.is_child][:1]
        state = (ItemState.COMPLETED if history else
                 ItemState.REQUESTED if number % 5 == 0 else ItemState.CONFIRMED)
        kind = number % 4
        if kind == 0:
            slot = slots[number % 2]
            fields = {"service_id": hotel["club"].id, "slot_id": slot.id, "start_on": day,
                      "end_on": day, "starts_at": slot.starts_at, "participants": child}
        elif kind == 1:
            fields = {"service_id": hotel["crib"].id, "start_on": day, "end_on": day + timedelta(1)}
        elif kind == 2:
            fields = {"service_id": hotel["stroller"].id, "start_on": day - timedelta(1),
                      "end_on": day}
        else:
            service = hotel["transfer"] if number % 8 == 3 else hotel["babysitting"]
            fields = {"service_id": service.id, "start_on": day, "end_on": day,
                      "starts_at": local_to_utc(day, time(16, 0)), "participants": child}
        bookings.append((stay, [{**fields, "state": state}]))
    ids = [item for items in insert_bookings(bookings) for item in items]
    _hand_out_rentals(hotel, ids, [fields for _stay, (fields,) in bookings], history)
    _db.session.commit()
    return ids


_units_given: dict[int, int] = {}  # per rental, the units the scenarios have handed out


def _hand_out_rentals(hotel, ids: list[int], lines: list[dict], history: bool) -> None:
    """Hand a unit out to each rental item that holds one; of the history's strollers,
    every other one is not back (overdue), the rest came back."""
    from hotel.models import HandOut, HandOutDay, RentalUnit
    from hotel.models.types import utcnow
    from hotel.services.capacity import days_between
    from hotel.services.run_sheet import collect_on

    rentals = {hotel["crib"].id: hotel["crib"], hotel["stroller"].id: hotel["stroller"]}
    wanted = [(item_id, line) for item_id, line in zip(ids, lines, strict=True)
              if line["service_id"] in rentals and line["state"] != ItemState.REQUESTED
              and (not history or line["service_id"] == hotel["stroller"].id)]
    for number, (item_id, line) in enumerate(wanted):
        service_id = line["service_id"]
        unit_number = _units_given.get(service_id, 0) + 1
        _units_given[service_id] = unit_number
        unit = _db.session.scalar(select(RentalUnit.id).where(
            RentalUnit.service_id == service_id, RentalUnit.number == unit_number))
        first, last = line["start_on"], line["end_on"]
        back = history and number % 2 == 1
        given = HandOut(unit_id=unit, item_id=item_id, first_on=first, last_on=last,
                        due_on=collect_on(rentals[service_id].pricing_unit, first, last),
                        returned_at=utcnow() if back else None)
        _db.session.add(given)
        _db.session.flush()
        _db.session.add_all(HandOutDay(hand_out_id=given.id, unit_id=unit, day=day)
                            for day in days_between(first, last))


@cache  # parsed once per language: the pages of a language are checked against it often
def _catalog(language: str):
    """Return the language's translation catalog, as read from its .po file."""
    path = ROOT / "translations" / language / "LC_MESSAGES" / "messages.po"
    with open(path, "rb") as file:
        return read_po(file, locale=language)


def translated(language: str, message: str) -> str:
    """Return a message as the language's catalog translates it."""
    if language == "en":
        return message
    text = _catalog(language)[message].string
    assert text, f"{language}: {message!r} is not translated"
    return text
