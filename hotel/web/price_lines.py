"""A line's price in words, as guests and the desk read it: "2 × €5.00, Jiho under 3 free".

The numbers come from hotel/services/pricing.py (``breakdown``), the only place that knows
how a price is made; this module only says them in the reader's language. Each part is
one whole message, and the parts are joined with the reader's language's comma (Babel's
lists of units join two parts wrongly in Arabic, and without any mark in Chinese).
"""

from decimal import Decimal

from flask_babel import gettext as _
from flask_babel import ngettext, pgettext

from hotel.i18n import list_of, money
from hotel.models import PricingUnit
from hotel.services.plain_text import isolate
from hotel.services.pricing import Breakdown, PriceGroup, breakdown


def _group_text(group: PriceGroup, currency: str | None) -> str:
    price = money(group.price, currency)
    names = list_of([isolate(name) for name in group.names]) if group.names else ""
    if group.is_free and names and group.min_age == 0:
        return ngettext("%(names)s under %(num)d free", "%(names)s under %(num)d free",
                        (group.max_age or 0) + 1, names=names)
    if group.is_free and names:
        return _("%(names)s free", names=names)
    if names:
        return _("%(names)s: %(num)d × %(price)s", names=names, num=group.count, price=price)
    return _("%(num)d × %(price)s", num=group.count, price=price)


def _length_text(found: Breakdown) -> str | None:
    if found.days > 1 and found.per_night:
        return ngettext("for %(num)d night", "for %(num)d nights", found.days)
    if found.days > 1:
        return ngettext("for %(num)d day", "for %(num)d days", found.days)
    if found.hours != 1:
        hours = found.hours.normalize()
        if hours == hours.to_integral_value():
            return ngettext("for %(num)d hour", "for %(num)d hours", int(hours))
        return _("for %(hours)s hours", hours=f"{hours:f}")
    return None


def explain(found: Breakdown, currency: str | None = None) -> str | None:
    """Return who pays what, or None when the price says it all (one at one price)."""
    groups = [group for group in found.groups if group.count]
    length = _length_text(found)
    if len(groups) == 1 and groups[0].count == 1 and not groups[0].names and length is None:
        return None
    parts = [_group_text(group, currency) for group in groups]
    if length:
        parts.append(length)
    return pgettext("between the parts of a price: 2 × €5.00, Jiho under 3 free", ", ").join(
        parts)


def explain_line(service, *, quantity, people, on, days=1, hours=1, currency=None,
                 unit_price=None, subtotal=None) -> str | None:
    """Explain a line's price; for a line booked earlier, give its ``unit_price`` and
    ``subtotal``: if today's rules make another subtotal (the child prices changed since),
    nothing is said rather than something untrue."""
    found = breakdown(service, quantity=quantity, people=list(people), on=on, days=days,
                      hours=hours, unit_price=unit_price)
    if subtotal is not None and found.subtotal.quantize(subtotal) != subtotal:
        return None
    return explain(found, currency)


def explain_item(item) -> str | None:
    """Explain a booked item's price from what it was booked with: its full price then,
    its participants, days and hours. Its service's age bands must be loaded."""
    service = item.service
    days = (item.end_on - item.start_on).days + 1 if item.end_on else 1
    hours = Decimal(1)
    if service.pricing_unit == PricingUnit.PER_HOUR:
        if item.details.get("hours"):
            hours = Decimal(item.details["hours"])
        elif item.unit_price and item.quantity:  # an activity's slot: as long as it was
            hours = item.subtotal / (item.unit_price * item.quantity)
    return explain_line(service, quantity=item.quantity, people=item.participants,
                        on=item.start_on, days=days, hours=hours,
                        currency=item.booking.currency, unit_price=item.unit_price,
                        subtotal=item.subtotal)
