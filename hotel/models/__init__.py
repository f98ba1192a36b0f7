"""The domain model, one module per part of the hotel."""

from hotel.models.attendance import Attendance
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
    CatalogueVersion,
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
from hotel.models.messages import (
    MARKETING_KINDS,
    Message,
    MessageKind,
    MessageState,
    StandardReason,
    StandardReasonText,
)
from hotel.models.photos import Photo
from hotel.models.sign_in import SignInFailure
from hotel.models.staff import Department, DepartmentText, Role, StaffUser
from hotel.models.stays import CareNotes, PartyMember, Stay, fold_name
from hotel.models.units import Condition, HandOut, HandOutDay, RentalUnit

__all__ = [
    "MARKETING_KINDS",
    "Message",
    "MessageKind",
    "MessageState",
    "StandardReason",
    "StandardReasonText",
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
    "Attendance",
    "CareNotes",
    "AuditEntry",
    "Booking",
    "BookingItem",
    "CapacityUnit",
    "CatalogueVersion",
    "Condition",
    "HandOut",
    "HandOutDay",
    "RentalUnit",
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
    "Photo",
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
