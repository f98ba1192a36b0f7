"""Reception prints a stay's welcome card: in the guest's language, with the personal
sign-in link as a QR code that the guest scans in the room."""

import segno
from flask import render_template, request, url_for
from flask_babel import force_locale
from markupsafe import Markup

from hotel.desk import bp
from hotel.desk.forms.welcome_card import WelcomeCardForm
from hotel.desk.roles import OPERATIONS, staff_required
from hotel.desk.stays import stay_or_404
from hotel.services.links import sign_in_url
from hotel.services.messages import message_language
from hotel.web.forms import first_error


def qr_code(url: str) -> Markup:
    """Return the link as a QR code in inline SVG, sized by the stylesheet."""
    svg = segno.make(url, error="m").svg_inline(scale=4, border=4, omitsize=True,
                                                svgclass="welcome-card__qr-code")
    return Markup(svg)  # noqa: S704 - segno's own markup of a link we made


@bp.get("/stays/<reference>/welcome-card")
@staff_required(*OPERATIONS)
def welcome_card(reference: str):
    """Show a stay's welcome card to print on A6 or A4, in the guest's language."""
    stay = stay_or_404(reference)
    form = WelcomeCardForm(request.args)
    if not form.validate():
        return render_template("desk/action_failed.html", message=first_error(form),
                               back=url_for("desk.stay_detail", reference=reference)), 422
    size = form.size.data or "a6"
    # The buttons around the card speak the reader's language; the card the guest's.
    toolbar = render_template("desk/welcome_card/_toolbar.html", stay=stay, size=size)
    url = sign_in_url(stay)
    language = message_language(stay)
    with force_locale(language):
        return render_template("desk/welcome_card/card.html", stay=stay, size=size, url=url,
                               qr=qr_code(url), toolbar=Markup(toolbar),  # noqa: S704
                               language=language)
