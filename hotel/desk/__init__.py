"""The desk: reception, department staff and managers."""

from flask import Blueprint

from hotel.desk.forms.requests import row_actions
from hotel.labels import row_labels
from hotel.services.units import unit_name, units_text

bp = Blueprint("desk", __name__, url_prefix="/desk")


@bp.record_once
def register_menu(state) -> None:
    """Let desk templates, error pages under /desk included, call ``desk_menu()`` and
    ``reason_text(reason_id)``."""
    state.app.jinja_env.globals["desk_menu"] = menu.desk_menu
    state.app.jinja_env.globals["reason_text"] = reasons.reason_text
    state.app.jinja_env.globals["unit_name"] = unit_name
    state.app.jinja_env.globals["units_text"] = units_text
    state.app.jinja_env.globals["row_labels"] = row_labels
    state.app.jinja_env.globals["row_actions"] = row_actions


from hotel.desk import (  # noqa: E402,F401  (routes attach to bp)
    attendance,
    audit,
    bill,
    booking,
    catalogue,
    faq,
    hand_outs,
    inventory,
    menu,
    messages,
    photos,
    reasons,
    rentals,
    reports,
    requests,
    returning,
    revenue,
    run_sheet,
    sign_in,
    slots,
    staff,
    stays,
    tickets,
    today,
    vouchers,
    waitlist,
    webhooks,
    welcome_card,
)
