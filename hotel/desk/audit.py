"""Managers read the audit log: who did what to which object, and when."""

from flask import current_app, render_template, request, url_for
from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from hotel.desk import bp
from hotel.desk.forms.audit import AuditFilterForm
from hotel.desk.roles import staff_required
from hotel.extensions import db
from hotel.i18n import day_label, localized, time_label
from hotel.labels import OBJECT_LABELS, audit_action_label
from hotel.models import Package, Role, Service
from hotel.services.audit import GUESTS, SYSTEM, AuditFilters, audit_choices, audit_page
from hotel.services.item_rows import service_names
from hotel.web.catalogue_cache import cached

# For each object type: the page that shows it, and how its URL is made from
# (object id, key), the key being a stay reference or a service slug (see audit_log).
OBJECT_PAGES = {
    "Booking": ("desk.requests_list", lambda _id, key: {"guest": key, "state": ""}),
    "BookingItem": ("desk.requests_list", lambda _id, key: {"guest": key, "state": ""}),
    "Stay": ("desk.stay_detail", lambda _id, key: {"reference": key}),
    "Slot": ("desk.inventory_service", lambda _id, key: {"slug": key}),
    "SlotRule": ("desk.inventory_service", lambda _id, key: {"slug": key}),
    "OutOfService": ("desk.inventory_service", lambda _id, key: {"slug": key}),
    "Service": ("desk.edit_service", lambda _id, key: {"service_slug": key}),
    "Package": ("desk.edit_package", lambda _id, key: {"package_slug": key}),
    "StaffUser": ("desk.edit_staff_account", lambda number, _key: {"user_id": number}),
    "StandardReason": ("desk.edit_reason", lambda number, _key: {"reason_id": number}),
    "Message": ("desk.message_detail", lambda number, _key: {"message_id": number}),
    "Ticket": ("desk.ticket_detail", lambda _id, key: {"number": key}),
    "FaqEntry": ("desk.edit_faq_entry", lambda number, _key: {"entry_id": number}),
    "TicketCategory": ("desk.edit_ticket_category", lambda number, _key: {"category_id": number}),
    "RentalUnit": ("desk.inventory_service", lambda _id, key: {"slug": key}),
    "HandOut": ("desk.rental_item", lambda _id, key: {"item_id": key}),
}
NEEDS_KEY = {"Booking", "BookingItem", "Stay", "Slot", "SlotRule", "OutOfService", "Service",
             "Package", "Ticket", "RentalUnit", "HandOut"}
# The types whose key is the slug of a service, named in the reader's language.
BY_SERVICE = {"BookingItem", "Slot", "SlotRule", "OutOfService", "Service"}


def object_link(entry, keys: dict) -> str | None:
    """Return the address of the page that shows an entry's object, if there is one."""
    page = OBJECT_PAGES.get(entry.object_type)
    if page is None or page[0] not in current_app.view_functions:
        return None
    key = keys.get((entry.object_type, entry.object_id))
    if entry.object_type in NEEDS_KEY and key is None:
        return None  # the object is gone
    if entry.object_type not in NEEDS_KEY and not entry.object_id.isdigit():
        return None
    number = int(entry.object_id) if entry.object_id.isdigit() else None
    return url_for(page[0], **page[1](number, key))


def _catalogue_names() -> tuple[dict, dict]:
    """Return the services' and packages' names by slug in the reader's language."""
    services = db.session.scalars(select(Service).options(*service_names())).all()
    packages = db.session.scalars(select(Package).options(selectinload(Package.texts))).all()
    return ({s.slug: localized(s) for s in services}, {p.slug: localized(p) for p in packages})


def object_name(entry, result, names: tuple[dict, dict]) -> str:
    """Return what names an entry's object to a reader: "Booking B7K3QH2A (Kim)", "Kids
    club, Tue, 1 Dec 10:00", "Guest ticket T-2041"; the type and id if it is gone."""
    kind = str(OBJECT_LABELS.get(entry.object_type, entry.object_type))
    found = result.object_names.get((entry.object_type, entry.object_id))
    key = result.object_keys.get((entry.object_type, entry.object_id))
    if found is None:
        return f"{kind} {entry.object_id}"
    services, packages = names
    if entry.object_type == "BookingItem":
        return _("%(service)s in booking %(reference)s", reference=found[0],
                 service=services.get(found[1], found[1]))
    if entry.object_type in ("Booking", "Stay"):
        return _("%(kind)s %(reference)s (%(name)s)", kind=kind, reference=found[0],
                 name=found[1])
    if entry.object_type == "Slot":
        return _("%(service)s, %(day)s %(time)s", service=services.get(key, key),
                 day=day_label(found[0]), time=time_label(found[0]))
    if entry.object_type in ("RentalUnit", "HandOut"):
        slug, number, label = (key, *found) if entry.object_type == "RentalUnit" else found
        unit = label or _("%(service)s %(number)d", service=services.get(slug, slug),
                          number=number)
        return f"{kind}: {unit}"
    if entry.object_type in BY_SERVICE:
        return f"{kind}: {services.get(key, key)}"
    if entry.object_type == "Package":
        return f"{kind}: {packages.get(key, key)}"
    return f"{kind} {key}"


def _filter_form() -> AuditFilterForm:
    form = AuditFilterForm(request.args)
    actions, types, staff = audit_choices()
    form.action.choices = [("", _("Any action"))] + [(a, audit_action_label(a))
                                                     for a in actions]
    form.object_type.choices = [("", _("Any object"))] + [
        (t, OBJECT_LABELS.get(t, t)) for t in types]
    form.who.choices = [("", _("Anyone")), (GUESTS, _("Guests")), (SYSTEM, _("System"))] + [
        (str(user.id), user.username) for user in staff]
    return form


@bp.get("/audit")
@staff_required(Role.MANAGER)
def audit_log():
    """List the audit log, newest first, filtered and 50 to a page."""
    form = _filter_form()
    valid = form.validate()
    data = form.data if valid else {}
    filters = AuditFilters(
        action=data.get("action") or "", object_type=data.get("object_type") or "",
        who=data.get("who") or "", first_day=data.get("first_day"),
        last_day=data.get("last_day"), object_id=(data.get("object_id") or "").strip())
    result = audit_page(filters, page=request.args.get("page", 1, type=int) or 1)
    # Named once per language and catalogue version, however many rows name them.
    names = cached("desk-audit-names", render=_catalogue_names)
    return render_template("desk/audit/index.html", form=form, result=result,
                           object_link=object_link, object_name=object_name, names=names,
                           action_label=audit_action_label), 200 if valid else 422
