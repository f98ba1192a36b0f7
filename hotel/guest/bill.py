"""The guest's "My bill": every service of the stay with its price, discounts and fees."""

from flask import g, render_template

from hotel.guest import bp
from hotel.i18n import text_locales
from hotel.services.bill import bill_of_stay
from hotel.web.sessions import guest_required


@bp.get("/my-bill")
@guest_required
def my_bill():
    """Show the bill of the guest's stay in their language, by day, with the total."""
    return render_template("guest/my_bill.html", bill=bill_of_stay(g.stay, text_locales()))
