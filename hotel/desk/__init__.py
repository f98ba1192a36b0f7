"""The desk: reception, department staff and managers."""

from flask import Blueprint

bp = Blueprint("desk", __name__, url_prefix="/desk")


@bp.app_context_processor
def desk_globals():
    """Give desk pages their menu."""
    return {"desk_menu": menu.desk_menu}


from hotel.desk import (  # noqa: E402,F401  (routes attach to bp)
    audit,
    auth,
    booking,
    catalogue,
    faq,
    inventory,
    menu,
    reports,
    requests,
    returning,
    schedule,
    staff,
    stays,
    tickets,
    today,
)
