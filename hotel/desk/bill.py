"""Reception's view of a stay's bill: on screen, printed on A4, and as CSV, in the
guest's language or the reader's own."""

from contextlib import nullcontext

from flask import render_template, request, url_for
from flask_babel import force_locale
from flask_babel import gettext as _

from hotel.desk import bp
from hotel.desk.forms.bill import BillForm
from hotel.desk.roles import OPERATIONS, staff_required
from hotel.desk.stays import stay_or_404
from hotel.i18n import localized, text_locales
from hotel.labels import FEE_LABELS, STATE_LABELS
from hotel.services.bill import Bill, bill_of_stay
from hotel.services.messages import message_language
from hotel.web.csv_export import csv_response
from hotel.web.forms import first_error


def _language_or_failure(reference: str):
    """Return the form and the locale to force (None for the reader's), or a 422 page."""
    form = BillForm(request.args)
    if not form.validate():
        return form, None, (render_template(
            "desk/action_failed.html", message=first_error(form),
            back=url_for("desk.stay_detail", reference=reference)), 422)
    return form, form.language.data == "guest", None


@bp.get("/stays/<reference>/bill")
@staff_required(*OPERATIONS)
def stay_bill(reference: str):
    """Show a stay's bill, ready to print on A4, in the guest's language or the reader's."""
    stay = stay_or_404(reference)
    form, guests, failure = _language_or_failure(reference)
    if failure:
        return failure
    with force_locale(message_language(stay)) if guests else nullcontext():
        return render_template("desk/bill/bill.html", stay=stay, form=form,
                               bill=bill_of_stay(stay, text_locales()))


def bill_rows(bill: Bill) -> list[list]:
    """Return the bill as CSV rows: a header, one row per item, then the total."""
    rows = [[_("Date"), _("Service"), _("Taking part"), _("Quantity"), _("State"),
             _("Unit price"), _("Before discounts"), _("Discounts"), _("Returning guest"),
             _("Voucher"), _("Voucher code"), _("Fees"), _("Amount"), _("Currency")]]
    for line in bill.lines:
        item = line.item
        rows.append([
            item.start_on.isoformat(), localized(item.service),
            ", ".join(member.first_name for member in item.participants), item.quantity,
            STATE_LABELS[item.state], item.unit_price,
            item.subtotal if line.is_charged else 0, line.discount,
            item.perk_discount if line.is_charged else 0,
            item.voucher_discount if line.is_charged else 0, line.voucher_code or "",
            "; ".join(f"{FEE_LABELS[fee.kind]} {fee.amount}" for fee in line.fees),
            line.total, bill.currency])
    rows.append(["", _("Total for the stay"), "", "", "", "", "", bill.discount_total, "", "",
                 "", bill.fee_total, bill.total, bill.currency])
    return rows


@bp.get("/stays/<reference>/bill.csv")
@staff_required(*OPERATIONS)
def stay_bill_csv(reference: str):
    """Download a stay's bill as CSV, in the guest's language or the reader's."""
    stay = stay_or_404(reference)
    _form, guests, failure = _language_or_failure(reference)
    if failure:
        return failure
    with force_locale(message_language(stay)) if guests else nullcontext():
        rows = bill_rows(bill_of_stay(stay, text_locales()))
    return csv_response(rows, f"bill-{stay.reference}.csv")
