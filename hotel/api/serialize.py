"""Turning services, availability, bookings and stays into the API's JSON."""

from datetime import date, datetime
from decimal import Decimal

from flask import current_app

from hotel.clock import hotel_zone
from hotel.i18n import localized
from hotel.models import REQUEST_FIELDS, Booking, BookingItem, Message, Service, Stay
from hotel.services.availability import DayAvailability, SlotAvailability
from hotel.services.bookings import can_guest_cancel
from hotel.services.pricing import CENT
from hotel.services.rules import OPTIONAL_DETAILS


def money(amount: Decimal) -> str:
    """Return an amount as exact text with two decimals, e.g. "8.00"."""
    return format(Decimal(amount).quantize(CENT), "f")


def moment(value: datetime | None) -> str | None:
    """Return an instant as ISO 8601 in the hotel's time zone, with its offset."""
    return value.astimezone(hotel_zone()).isoformat() if value is not None else None


def day(value: date | None) -> str | None:
    """Return a date as YYYY-MM-DD."""
    return value.isoformat() if value is not None else None


def service_json(service: Service) -> dict:
    """Return a service as the catalogue lists it, in the reader's language."""
    return {
        "slug": service.slug,
        "kind": service.kind.value,
        "category": service.category.value,
        "name": localized(service, "name"),
        "description": localized(service, "description"),
        "price": money(service.price),
        "currency": current_app.config["HOTEL_CURRENCY"],
        "pricing_unit": service.pricing_unit.value,
        "min_age": service.min_age,
        "max_age": service.max_age,
        "requires_approval": service.requires_approval,
        "cutoff_hours": service.cutoff_hours,
        "max_quantity": service.max_quantity,
        "request_fields": [
            {"name": name, "type": REQUEST_FIELDS.get(name, "text"),
             "required": name not in OPTIONAL_DETAILS}
            for name in service.request_fields or []
        ],
        "child_prices": [
            {"min_age": band.min_age, "max_age": band.max_age, "price": money(band.price)}
            for band in service.age_bands
        ],
    }


def slot_json(available: SlotAvailability) -> dict:
    """Return an activity's slot with the places left."""
    slot = available.slot
    return {"id": slot.id, "starts_at": moment(slot.starts_at), "ends_at": moment(slot.ends_at),
            "capacity": slot.capacity, "remaining": available.remaining}


def day_json(available: DayAvailability) -> dict:
    """Return a rental's day with the units left."""
    return {"date": day(available.day), "remaining": available.remaining}


def item_json(item: BookingItem) -> dict:
    """Return a booked item with its state and price."""
    return {
        "id": item.id,
        "service": item.service.slug,
        "service_name": localized(item.service, "name"),
        "state": item.state.value,
        "quantity": item.quantity,
        "start_date": day(item.start_on),
        "end_date": day(item.end_on),
        "starts_at": moment(item.starts_at),
        "price": money(item.price),
        "discount": money(item.discount),
        "participants": [member.id for member in item.participants],
        "details": item.details or {},
        "note": item.note,
        "reason": item.reason or None,
        "can_cancel": can_guest_cancel(item),
    }


def booking_json(booking: Booking) -> dict:
    """Return a booking with its items and total."""
    return {
        "reference": booking.reference,
        "created_at": moment(booking.created_at),
        "package": booking.package.slug if booking.package is not None else None,
        "items": [item_json(item) for item in booking.items],
        "total": {"amount": money(booking.total), "currency": booking.currency},
        "discount": {"amount": money(booking.discount_total), "currency": booking.currency},
    }


def _notes(member) -> dict:
    return {"allergies": member.allergies, "medical_notes": member.medical_notes,
            "dietary_notes": member.dietary_notes}


def stay_json(stay: Stay) -> dict:
    """Return a stay with its party, as the property-management system sent it."""
    return {
        "reference": stay.reference,
        "room": stay.room,
        "first_name": stay.first_name,
        "last_name": stay.last_name,
        "arrival_date": day(stay.arrival_on),
        "departure_date": day(stay.departure_on),
        "language": stay.language,
        "email": stay.email,
        "marketing_consent": bool(stay.marketing_consent),
        "version": stay.version,
        "phone": stay.phone,
        "adults": [{"id": m.id, "first_name": m.first_name, "last_name": m.last_name,
                    **_notes(m)} for m in stay.adults],
        "children": [{"id": m.id, "first_name": m.first_name, "last_name": m.last_name,
                      "age": m.age, "birth_date": day(m.birth_date), **_notes(m),
                      "may_leave_alone": m.may_leave_alone, "collected_by": m.collected_by}
                     for m in stay.children],
    }


def message_json(message: Message, delivery: bool = False) -> dict:
    """Return a message as the guest reads it; with ``delivery``, how it was sent too."""
    body = {
        "id": message.id,
        "kind": message.kind.value,
        "language": message.language,
        "subject": message.subject,
        "text": message.text,
        "created_at": moment(message.created_at),
        "read_at": moment(message.read_at),
    }
    if delivery:
        body.update(state=message.state.value, email=message.email, attempts=message.attempts,
                    sent_at=moment(message.sent_at), last_error=message.last_error)
    return body


def _amount(amount: Decimal, currency: str) -> dict:
    return {"amount": money(amount), "currency": currency}


def bill_json(bill) -> dict:
    """Return a stay's bill: each item with what it is charged and its fees, per-day
    totals, and the stay's total, which is the sum of the items' totals."""
    currency = bill.currency
    items = []
    for line in bill.lines:
        item = line.item
        items.append({
            "id": item.id,
            "booking": item.booking.reference,
            "service": item.service.slug,
            "service_name": localized(item.service, "name"),
            "date": day(item.start_on),
            "end_date": day(item.end_on),
            "starts_at": moment(item.starts_at),
            "state": item.state.value,
            "quantity": item.quantity,
            "participants": [member.id for member in item.participants],
            "unit_price": money(item.unit_price),
            "subtotal": money(item.subtotal if line.is_charged else 0),
            "discount": money(line.discount),
            "returning_guest_discount": money(item.perk_discount if line.is_charged else 0),
            "voucher_discount": money(item.voucher_discount if line.is_charged else 0),
            "voucher": line.voucher_code if item.voucher_discount else None,
            "amount": money(line.charged),
            "fees": [{"kind": fee.kind.value, "amount": money(fee.amount),
                      "percent": money(fee.percent), "charged_at": moment(fee.charged_at)}
                     for fee in line.fees],
            "total": money(line.total),
        })
    return {
        "reference": bill.stay.reference,
        "room": bill.stay.room,
        "items": items,
        "days": [{"date": day(bill_day.day), "total": _amount(bill_day.total, currency)}
                 for bill_day in bill.days],
        "discount": _amount(bill.discount_total, currency),
        "fees": _amount(bill.fee_total, currency),
        "total": _amount(bill.total, currency),
    }
