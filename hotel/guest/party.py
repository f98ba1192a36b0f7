"""The guest's own party: care notes for each person and the stay's contact phone."""

from flask import flash, g, redirect, render_template, url_for
from flask_babel import gettext as _

from hotel.guest import bp
from hotel.web.care_notes_form import PartyCareForm, save_care_form
from hotel.web.sessions import guest_required


@bp.get("/my-party")
@guest_required
def my_party():
    """Show the guest's party with each person's care notes, and the contact phone."""
    return render_template("guest/my_party.html", form=PartyCareForm.for_stay(g.stay),
                           stay=g.stay)


@bp.post("/my-party")
@guest_required
def save_my_party():
    """Save the care notes of the guest's party and the contact phone."""
    form = PartyCareForm()
    saved, status = save_care_form(form, g.stay, g.stay)
    if saved:
        flash(_("Your party's notes are saved."), "success")
        return redirect(url_for("guest.my_party"), 303)
    return render_template("guest/my_party.html", form=form, stay=g.stay), status
