"""The domain model, one module per part of the hotel."""

from hotel.models.audit import AuditEntry
from hotel.models.bookings import (
    HOLDING_STATES,
    RELEASED_STATES,
    Booking,
    BookingItem,
    ItemState,
    booking_item_participant,
)
from hotel.models.catalogue import (
    REQUEST_FIELDS,
    AgeBand,
    CapacityUnit,
    Category,
    Kind,
    Package,
    PackageService,
    PackageText,
    PricingUnit,
    Service,
    ServiceText,
)
from hotel.models.feedback import (
    FaqEntry,
    FaqKind,
    FaqText,
    Rating,
    Ticket,
    TicketCategory,
    TicketCategoryText,
    TicketKind,
    TicketNote,
    TicketState,
)
from hotel.models.inventory import OutOfService, RentalDay, Slot, SlotRule
from hotel.models.sign_in import SignInFailure
from hotel.models.staff import Department, DepartmentText, Role, StaffUser
from hotel.models.stays import PartyMember, Stay, fold_name

__all__ = [
    "TicketState",
    "TicketNote",
    "TicketKind",
    "TicketCategoryText",
    "TicketCategory",
    "Ticket",
    "Rating",
    "FaqText",
    "FaqKind",
    "FaqEntry",
    "HOLDING_STATES",
    "RELEASED_STATES",
    "REQUEST_FIELDS",
    "AgeBand",
    "AuditEntry",
    "Booking",
    "BookingItem",
    "CapacityUnit",
    "Category",
    "Department",
    "DepartmentText",
    "ItemState",
    "Kind",
    "OutOfService",
    "Package",
    "PackageService",
    "PackageText",
    "PartyMember",
    "PricingUnit",
    "RentalDay",
    "Role",
    "Service",
    "ServiceText",
    "SignInFailure",
    "Slot",
    "SlotRule",
    "StaffUser",
    "Stay",
    "booking_item_participant",
    "fold_name",
]
