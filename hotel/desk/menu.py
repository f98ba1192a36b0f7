"""The desk's menu: the pages a signed-in member of staff may open."""

from flask import current_app
from flask_babel import lazy_gettext as _l
from flask_login import current_user

# Endpoint and label, in menu order; a page shows only where its view lets the role in.
MENU = [
    ("desk.today", _l("Today")),
    ("desk.requests_list", _l("Requests")),
    ("desk.tickets", _l("Guest tickets")),
    ("desk.message_log", _l("Messages to guests")),
    ("desk.book_for_guest", _l("Book for a guest")),
    ("desk.run_sheet", _l("Run sheet")),
    ("desk.inventory", _l("Inventory")),
    ("desk.stays", _l("Stays")),
    ("desk.catalogue", _l("Catalogue")),
    ("desk.reasons", _l("Standard reasons")),
    ("desk.vouchers", _l("Vouchers")),
    ("desk.staff_accounts", _l("Staff")),
    ("desk.reports", _l("Reports")),
    ("desk.webhook_log_page", _l("PMS webhooks")),
    ("desk.audit_log", _l("Audit log")),
]


def desk_menu() -> list[tuple[str, str]]:
    """Return the menu entries the current member of staff may open."""
    if not current_user.is_authenticated:
        return []
    entries = []
    for endpoint, label in MENU:
        view = current_app.view_functions.get(endpoint)
        roles = getattr(view, "desk_roles", None)
        if view is not None and roles is not None and current_user.role in roles:
            entries.append((endpoint, label))
    return entries
