"""The catalogue: services, their child prices, packages and their texts, and the version
that every change of them raises."""

import enum
from decimal import Decimal

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    ForeignKey,
    Integer,
    Numeric,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from hotel.extensions import db
from hotel.models.staff import Department
from hotel.models.texts import TextMixin, Translated
from hotel.models.types import Money, enum_column


class Category(enum.StrEnum):
    """Which part of the offer a service belongs to."""

    FAMILY = "family"
    OUTDOOR = "outdoor"
    NATURE = "nature"


class Kind(enum.StrEnum):
    """How a service is booked, and so how its capacity is kept."""

    RENTAL = "rental"  # a stock of identical units, per night or per day
    ACTIVITY = "activity"  # time slots, each with a capacity
    ON_REQUEST = "on_request"  # no fixed capacity; asked for with details


class PricingUnit(enum.StrEnum):
    """What one price is for."""

    PER_BOOKING = "per_booking"
    PER_PERSON = "per_person"
    PER_PERSON_DAY = "per_person_day"
    PER_UNIT_NIGHT = "per_unit_night"
    PER_UNIT_DAY = "per_unit_day"
    PER_HOUR = "per_hour"


class CapacityUnit(enum.StrEnum):
    """What a slot's capacity counts."""

    PERSONS = "persons"
    UNITS = "units"


# The details an on-request service may ask for, and the type of each answer.
REQUEST_FIELDS = {
    "pickup_place": "text",
    "destination": "text",
    "flight_number": "text",
    "passengers": "integer",
    "hours": "integer",
    "reason": "text",
    "interests": "text",
    "event_name": "text",
}


class Service(Translated, db.Model):
    """Something a guest can book: a rental, an activity or a service on request."""

    __table_args__ = (
        CheckConstraint("price >= 0", name="price_not_negative"),
        CheckConstraint("stock IS NULL OR stock >= 0", name="stock_not_negative"),
        CheckConstraint(
            "min_age IS NULL OR max_age IS NULL OR min_age <= max_age", name="age_range"
        ),
        CheckConstraint("late_cancel_fee_percent BETWEEN 0 AND 100", name="late_fee_range"),
        CheckConstraint("no_show_fee_percent BETWEEN 0 AND 100", name="no_show_fee_range"),
        CheckConstraint("returning_guest_percent BETWEEN 0 AND 100", name="perk_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(60), unique=True)
    category: Mapped[Category] = mapped_column(enum_column(Category), index=True)
    kind: Mapped[Kind] = mapped_column(enum_column(Kind))
    pricing_unit: Mapped[PricingUnit] = mapped_column(enum_column(PricingUnit))
    price: Mapped[Decimal] = mapped_column(Money())
    department_id: Mapped[int] = mapped_column(ForeignKey("department.id"), index=True)
    department: Mapped[Department] = relationship(lazy="joined")
    min_age: Mapped[int | None] = mapped_column(Integer)
    max_age: Mapped[int | None] = mapped_column(Integer)
    requires_approval: Mapped[bool] = mapped_column(Boolean, default=False)
    cutoff_hours: Mapped[int] = mapped_column(Integer, default=24)
    stock: Mapped[int | None] = mapped_column(Integer)
    delivered_on_arrival: Mapped[bool] = mapped_column(Boolean, default=False)
    max_quantity: Mapped[int] = mapped_column(Integer, default=10)
    capacity_unit: Mapped[CapacityUnit] = mapped_column(
        enum_column(CapacityUnit), default=CapacityUnit.PERSONS
    )
    duration_minutes: Mapped[int | None] = mapped_column(Integer)
    request_fields: Mapped[list] = mapped_column(JSON, default=list)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    # Fees by policy, as percents of the item's price: cancelling after the cut-off, and
    # not coming; and the perk a returning guest gets on this service.
    late_cancel_fee_percent: Mapped[Decimal] = mapped_column(
        Numeric(5, 2), default=Decimal("0"), server_default="0")
    no_show_fee_percent: Mapped[Decimal] = mapped_column(
        Numeric(5, 2), default=Decimal("0"), server_default="0")
    returning_guest_percent: Mapped[Decimal] = mapped_column(
        Numeric(5, 2), default=Decimal("0"), server_default="0")
    # The key of its picture (hotel/models/photos.py), or None.
    photo_key: Mapped[str | None] = mapped_column(String(32))

    texts: Mapped[list["ServiceText"]] = relationship(
        back_populates="service", cascade="all, delete-orphan", lazy="selectin"
    )
    age_bands: Mapped[list["AgeBand"]] = relationship(
        back_populates="service",
        cascade="all, delete-orphan",
        lazy="selectin",
        order_by="AgeBand.min_age",
    )

    @property
    def is_rental(self) -> bool:
        return self.kind == Kind.RENTAL

    @property
    def is_activity(self) -> bool:
        return self.kind == Kind.ACTIVITY

    @property
    def is_on_request(self) -> bool:
        return self.kind == Kind.ON_REQUEST

    def __repr__(self) -> str:
        return f"<Service {self.slug} {self.kind}>"


class ServiceText(TextMixin, db.Model):
    """A service's name and description in one language."""

    __tablename__ = "service_text"
    __table_args__ = (UniqueConstraint("service_id", "locale"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    service_id: Mapped[int] = mapped_column(ForeignKey("service.id", ondelete="CASCADE"))
    service: Mapped[Service] = relationship(back_populates="texts")


class AgeBand(db.Model):
    """The price a child of an age range pays for a service (ages inclusive)."""

    __tablename__ = "age_band"
    __table_args__ = (
        CheckConstraint("min_age >= 0 AND min_age <= max_age", name="age_range"),
        CheckConstraint("price >= 0", name="price_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    service_id: Mapped[int] = mapped_column(
        ForeignKey("service.id", ondelete="CASCADE"), index=True
    )
    service: Mapped[Service] = relationship(back_populates="age_bands")
    min_age: Mapped[int] = mapped_column(Integer)
    max_age: Mapped[int] = mapped_column(Integer)
    price: Mapped[Decimal] = mapped_column(Money())


class Package(Translated, db.Model):
    """A bundle of services booked together at a discount."""

    __table_args__ = (
        CheckConstraint(
            "discount_percent >= 0 AND discount_percent <= 100", name="discount_range"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(60), unique=True)
    category: Mapped[Category] = mapped_column(enum_column(Category))
    discount_percent: Mapped[Decimal] = mapped_column(Numeric(5, 2), default=Decimal("0"))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    photo_key: Mapped[str | None] = mapped_column(String(32))

    texts: Mapped[list["PackageText"]] = relationship(
        back_populates="package", cascade="all, delete-orphan", lazy="selectin"
    )
    entries: Mapped[list["PackageService"]] = relationship(
        back_populates="package",
        cascade="all, delete-orphan",
        order_by="PackageService.position",
    )

    @property
    def services(self) -> list[Service]:
        return [entry.service for entry in self.entries]

    def __repr__(self) -> str:
        return f"<Package {self.slug}>"


class PackageText(TextMixin, db.Model):
    """A package's name and description in one language."""

    __tablename__ = "package_text"
    __table_args__ = (UniqueConstraint("package_id", "locale"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    package_id: Mapped[int] = mapped_column(ForeignKey("package.id", ondelete="CASCADE"))
    package: Mapped[Package] = relationship(back_populates="texts")


class PackageService(db.Model):
    """A service included in a package."""

    __tablename__ = "package_service"
    __table_args__ = (UniqueConstraint("package_id", "service_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    package_id: Mapped[int] = mapped_column(ForeignKey("package.id", ondelete="CASCADE"))
    package: Mapped[Package] = relationship(back_populates="entries")
    service_id: Mapped[int] = mapped_column(ForeignKey("service.id", ondelete="CASCADE"))
    service: Mapped[Service] = relationship()
    position: Mapped[int] = mapped_column(Integer, default=0)


class CatalogueVersion(db.Model):
    """The catalogue's version: one row, raised in the transaction of every change of it.

    What every guest sees alike is cached in each process under this number (see
    hotel/services/catalogue_version.py), so a change committed through any process or
    server is seen by the next request everywhere.
    """

    __tablename__ = "catalogue_version"
    __table_args__ = (CheckConstraint("id = 1", name="one_row"),)

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    version: Mapped[int] = mapped_column(Integer, default=0)
