"""Managers read the audit log: who did what to which object, and when."""

from flask import current_app, render_template, request, url_for
from flask_babel import gettext as _

from hotel.desk import bp
from hotel.desk.forms.audit import AuditFilterForm
from hotel.desk.roles import staff_required
from hotel.labels import OBJECT_LABELS
from hotel.models import Role
from hotel.services.audit import GUESTS, SYSTEM, AuditFilters, audit_choices, audit_page

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
}
NEEDS_KEY = {"Booking", "BookingItem", "Stay", "Slot", "SlotRule", "OutOfService", "Service",
             "Package"}


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


def _filter_form() -> AuditFilterForm:
    form = AuditFilterForm(request.args)
    actions, types, staff = audit_choices()
    form.action.choices = [("", _("Any action"))] + [(a, a) for a in actions]
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
    return render_template("desk/audit/index.html", form=form, result=result,
                           object_link=object_link), 200 if valid else 422
