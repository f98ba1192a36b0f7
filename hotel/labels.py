"""Translated words for the model's enumerations, for pages and messages."""

from flask import Flask
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from hotel.i18n import kept_for_locale
from hotel.models import (
    Category,
    DeliveryState,
    FaqKind,
    FeeKind,
    ItemState,
    Kind,
    MessageKind,
    MessageState,
    PricingUnit,
    Role,
    TicketKind,
    TicketState,
    VoucherKind,
    WaitingState,
)

CATEGORY_LABELS = {
    Category.FAMILY: _l("Family"),
    Category.OUTDOOR: _l("Outdoor activities"),
    Category.NATURE: _l("Nature extras"),
}

KIND_LABELS = {
    Kind.RENTAL: _l("Rental"),
    Kind.ACTIVITY: _l("Activity"),
    Kind.ON_REQUEST: _l("On request"),
}

# "€8.00 per night": the unit follows the price.
PRICING_UNIT_LABELS = {
    PricingUnit.PER_BOOKING: _l("per booking"),
    PricingUnit.PER_PERSON: _l("per person"),
    PricingUnit.PER_PERSON_DAY: _l("per person per day"),
    PricingUnit.PER_UNIT_NIGHT: _l("per unit per night"),
    PricingUnit.PER_UNIT_DAY: _l("per unit per day"),
    PricingUnit.PER_HOUR: _l("per hour"),
}

STATE_LABELS = {
    ItemState.REQUESTED: _l("Requested"),
    ItemState.CONFIRMED: _l("Confirmed"),
    ItemState.COMPLETED: _l("Completed"),
    ItemState.CANCELLED: _l("Cancelled"),
    ItemState.DECLINED: _l("Declined"),
    ItemState.CANCELLED_BY_HOTEL: _l("Cancelled by the hotel"),
    ItemState.NO_SHOW: _l("No-show"),
}

ROLE_LABELS = {
    Role.RECEPTION: _l("Reception"),
    Role.STAFF: _l("Department staff"),
    Role.MANAGER: _l("Manager"),
}


REQUEST_FIELD_LABELS = {
    "pickup_place": _l("Pick-up place"),
    "destination": _l("Destination"),
    "flight_number": _l("Flight or train number"),
    "passengers": _l("Passengers"),
    "hours": _l("Number of hours"),
    "reason": _l("Reason for the visit"),
    "interests": _l("Interests"),
    "event_name": _l("Event"),
}

# What the audit log calls the objects it names.
OBJECT_LABELS = {
    "Booking": _l("Booking"),
    "BookingItem": _l("Booked item"),
    "Stay": _l("Stay"),
    "Slot": _l("Slot"),
    "SlotRule": _l("Slot rule"),
    "Service": _l("Service"),
    "Package": _l("Package"),
    "StaffUser": _l("Staff account"),
    "OutOfService": _l("Units out of service"),
    "Ticket": _l("Guest ticket"),
    "FaqEntry": _l("FAQ entry"),
    "TicketCategory": _l("Ticket category"),
    "StandardReason": _l("Standard reason"),
    "Message": _l("Message to a guest"),
    "RentalUnit": _l("Rental unit"),
    "HandOut": _l("Hand-out"),
    "Attendance": _l("Attendance"),
}


# What guests send, and where it stands.
TICKET_KIND_LABELS = {
    TicketKind.QUESTION: _l("Question"),
    TicketKind.REQUEST: _l("Request"),
    TicketKind.COMPLAINT: _l("Complaint"),
}

TICKET_STATE_LABELS = {
    TicketState.NEW: _l("New"),
    TicketState.IN_PROGRESS: _l("In progress"),
    TicketState.ANSWERED: _l("Answered"),
    TicketState.CLOSED: _l("Closed"),
}

FAQ_KIND_LABELS = {
    FaqKind.FAQ: _l("Question and answer"),
    FaqKind.POLICY: _l("Policy"),
}

# What the hotel writes to guests, and how far each message got.
MESSAGE_KIND_LABELS = {
    MessageKind.BOOKING_RECEIVED: _l("Booking received"),
    MessageKind.REQUEST_CONFIRMED: _l("Request confirmed"),
    MessageKind.REQUEST_DECLINED: _l("Request declined"),
    MessageKind.CANCELLED_BY_HOTEL: _l("Cancelled by the hotel"),
    MessageKind.REMINDER: _l("Reminder"),
    MessageKind.TICKET_ANSWERED: _l("Ticket answered"),
    MessageKind.RATING_INVITATION: _l("Invitation to rate"),
    MessageKind.PRE_ARRIVAL_OFFER: _l("Offer before arrival"),
    MessageKind.WAITLIST_OFFER: _l("A place from the waiting list"),
}

WAITING_STATE_LABELS = {
    WaitingState.WAITING: _l("Waiting"),
    WaitingState.OFFERED: _l("Place held for you"),
    WaitingState.BOOKED: _l("Booked from the waiting list"),
    WaitingState.EXPIRED: _l("Offer ended"),
    WaitingState.LEFT: _l("Left the waiting list"),
}

MESSAGE_STATE_LABELS = {
    MessageState.WAITING: _l("Waiting to be sent"),
    MessageState.SENDING: _l("Sending"),
    MessageState.SENT: _l("Sent"),
    MessageState.FAILED: _l("Failed"),
    MessageState.KEPT: _l("Kept, not e-mailed"),
}

DELIVERY_STATE_LABELS = {
    DeliveryState.WAITING: _l("Waiting to be sent"),
    DeliveryState.SENDING: _l("Sending"),
    DeliveryState.DELIVERED: _l("Delivered"),
    DeliveryState.FAILED: _l("Failed"),
}

# What a charge posted to the PMS is for; fees name their own kind.
CHARGE_KIND_LABELS = {
    "service": _l("Price of the service"),
    "reversal": _l("Price posted back"),
}


FEE_LABELS = {
    FeeKind.LATE_CANCELLATION: _l("Late cancellation"),
    FeeKind.NO_SHOW: _l("No-show fee"),
}

# A fee posted to the PMS is named as the bill names it.
CHARGE_KIND_LABELS |= {f"{kind.value}_fee": label for kind, label in FEE_LABELS.items()}

VOUCHER_KIND_LABELS = {
    VoucherKind.PERCENT: _l("Percent off each service"),
    VoucherKind.AMOUNT: _l("Amount off the booking"),
}


def init_app(app: Flask) -> None:
    """Make the labels available to every template."""
    app.jinja_env.globals.update(
        CATEGORY_LABELS=CATEGORY_LABELS,
        KIND_LABELS=KIND_LABELS,
        PRICING_UNIT_LABELS=PRICING_UNIT_LABELS,
        STATE_LABELS=STATE_LABELS,
        ROLE_LABELS=ROLE_LABELS,
        REQUEST_FIELD_LABELS=REQUEST_FIELD_LABELS,
        OBJECT_LABELS=OBJECT_LABELS,
        TICKET_KIND_LABELS=TICKET_KIND_LABELS,
        TICKET_STATE_LABELS=TICKET_STATE_LABELS,
        FAQ_KIND_LABELS=FAQ_KIND_LABELS,
        MESSAGE_KIND_LABELS=MESSAGE_KIND_LABELS,
        MESSAGE_STATE_LABELS=MESSAGE_STATE_LABELS,
        WAITING_STATE_LABELS=WAITING_STATE_LABELS,
        FEE_LABELS=FEE_LABELS,
        VOUCHER_KIND_LABELS=VOUCHER_KIND_LABELS,
        DELIVERY_STATE_LABELS=DELIVERY_STATE_LABELS,
        CHARGE_KIND_LABELS=CHARGE_KIND_LABELS,
    )


def row_labels() -> dict[str, str]:
    """Return the column names that a desk list of items repeats in every row (for narrow
    screens), in the reader's language, translated once per request and language."""
    return kept_for_locale("_row_labels", lambda: {
        "room": _("Room"), "guest": _("Guest"), "service": _("Service"),
        "when": _("When"), "taking_part": _("Taking part"), "state": _("State"),
        "waiting": _("Waiting time"), "hand_out": _("Hand out or take back")})


# What the audit log says each action was, in words.
AUDIT_ACTION_LABELS = {
    "attendance.checked_in": _l("Checked in at an activity"),
    "attendance.checked_out": _l("Checked out of an activity"),
    "booking.created": _l("Booked"),
    "item.requested": _l("Requested again"),
    "item.confirmed": _l("Confirmed"),
    "item.declined": _l("Declined"),
    "item.cancelled": _l("Cancelled"),
    "item.cancelled_by_hotel": _l("Cancelled by the hotel"),
    "item.completed": _l("Marked completed"),
    "item.no_show": _l("Marked no-show"),
    "item.rated": _l("Rated"),
    "message.sent_again": _l("Message sent again"),
    "package.created": _l("Package created"),
    "package.updated": _l("Package changed"),
    "reason.saved": _l("Standard reason saved"),
    "rental.back_in_service": _l("Units back in service"),
    "rental.handed_out": _l("Unit handed out"),
    "rental.out_of_service": _l("Units taken out of service"),
    "rental.repaired": _l("Unit repaired"),
    "rental.returned": _l("Unit taken back"),
    "rental.stock_changed": _l("Stock changed"),
    "rental.unit_labelled": _l("Unit named"),
    "service.created": _l("Service created"),
    "service.updated": _l("Service changed"),
    "slot.added": _l("Slot added"),
    "slot.capacity_changed": _l("Slot capacity changed"),
    "slot.closed": _l("Slot closed"),
    "slot.reopened": _l("Slot opened again"),
    "slot_rule.created": _l("Slot rule created"),
    "slot_rule.extended": _l("Slots made from a rule"),
    "staff.created": _l("Staff account created"),
    "staff.password_reset": _l("Password reset"),
    "staff.reactivated": _l("Staff account active again"),
    "staff.updated": _l("Staff account changed"),
    "stay.care_notes_saved": _l("Care notes saved"),
    "stay.consent_changed": _l("Offers consent changed"),
    "stay.created": _l("Stay created"),
    "stay.updated": _l("Stay changed"),
    "ticket.created": _l("Ticket sent"),
    "ticket.rated": _l("Ticket handling rated"),
    "ticket.state": _l("Ticket state changed"),
    "ticket.answered": _l("Ticket answered"),
    "ticket.note": _l("Note added to a ticket"),
    "ticket.reassigned": _l("Ticket reassigned"),
    "faq.created": _l("FAQ entry created"),
    "faq.saved": _l("FAQ entry changed"),
    "ticket_category.created": _l("Ticket category created"),
    "ticket_category.saved": _l("Ticket category changed"),
}


def audit_action_label(action: str) -> str:
    """Return what an audit action was, in words; an action without words shows its code."""
    label = AUDIT_ACTION_LABELS.get(action)
    return str(label) if label is not None else action
