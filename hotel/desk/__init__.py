"""The desk: reception, department staff and managers."""

from flask import Blueprint

bp = Blueprint("desk", __name__, url_prefix="/desk")


@bp.record_once
def register_menu(state) -> None:
    """Let desk templates, error pages under /desk included, call ``desk_menu()`` and
    ``reason_text(reason_id)``."""
    state.app.jinja_env.globals["desk_menu"] = menu.desk_menu
    state.app.jinja_env.globals["reason_text"] = reasons.reason_text


from hotel.desk import (  # noqa: E402,F401  (routes attach to bp)
    attendance,
    audit,
    booking,
    catalogue,
    faq,
    inventory,
    menu,
    messages,
    reasons,
    rentals,
    reports,
    requests,
    returning,
    run_sheet,
    sign_in,
    slots,
    staff,
    stays,
    tickets,
    today,
    welcome_card,
)
