"""The desk's log of messages to guests, one message as the guest reads it, and sending a
failed one again."""

from urllib.parse import parse_qsl, urlsplit

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.datastructures import MultiDict

from hotel.desk import bp
from hotel.desk.forms.messages import MessageFilterForm, SendAgainForm
from hotel.desk.roles import OPERATIONS, staff_required
from hotel.extensions import db
from hotel.models import Message, MessageKind, MessageState
from hotel.services.errors import DomainError
from hotel.services.mail import send_again
from hotel.services.message_log import message_page
from hotel.services.messages import message_body, rendered
from hotel.web.forms import first_error
from hotel.web.sessions import safe_next


def _render_log(args: MultiDict, back: str, status: int = 200):
    form = MessageFilterForm(args)
    valid = form.validate()
    state = MessageState(form.state.data) if valid and form.state.data else None
    kind = MessageKind(form.kind.data) if valid and form.kind.data else None
    result = message_page(state, kind, page=args.get("page", 1, type=int) or 1)
    return render_template("desk/messages/index.html", form=form, result=result,
                           error=None if valid else first_error(form),
                           send_form=SendAgainForm(formdata=None),
                           back=back), (
        status if valid else 422)


@bp.get("/messages")
@staff_required(*OPERATIONS)
def message_log():
    """List the messages to guests, newest first, filtered by state and kind, 25 to a page."""
    return _render_log(request.args, request.full_path.rstrip("?"))


@bp.get("/messages/<int:message_id>")
@staff_required(*OPERATIONS)
def message_detail(message_id: int):
    """Show one message as the guest reads it, with how it was sent."""
    message = rendered([db.session.get(Message, message_id) or abort(404)])[0]
    return render_template("desk/messages/detail.html", message=message,
                           body=message_body(message), send_form=SendAgainForm(formdata=None))


@bp.post("/messages/<int:message_id>/send-again")
@staff_required(*OPERATIONS)
def message_send_again(message_id: int):
    """Put a message that could not be sent back in line, then show the log as it was."""
    form = SendAgainForm()
    back = safe_next(form.back.data or "", url_for("desk.message_log"))
    if not form.validate_on_submit():
        flash(_("The form has expired. Please try again."), "error")
        return _render_log(_query_of(back), back, 400)
    try:
        send_again(message_id, current_user)
    except DomainError as error:
        flash(error.message, "error")
        return _render_log(_query_of(back), back, error.status)
    flash(_("The message is waiting to be sent again."), "success")
    return redirect(back, 303)


def _query_of(address: str) -> MultiDict:
    """Return the filters of a log address, to show the log as it was."""
    parts = urlsplit(address)
    if parts.path != url_for("desk.message_log"):
        return MultiDict()
    return MultiDict(parse_qsl(parts.query))
