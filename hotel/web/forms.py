"""Form bases the guest pages and the desk share, and how a broken rule reaches its field."""

from flask_wtf import FlaskForm
from wtforms import FieldList

from hotel.services.errors import DomainError


class GetForm(FlaskForm):
    """A form sent with GET (filters, a day, a period): it changes nothing, so no CSRF."""

    class Meta:
        csrf = False


def show_error(form: FlaskForm, error: DomainError, field_name: str | None = None,
               quiet: bool = False) -> None:
    """Show a service's error next to the field it names (or ``field_name``).

    An error without a field of the form goes above the form, unless ``quiet`` says the
    page shows it elsewhere. A group of rows (a FieldList) shows it above its rows.
    """
    name = field_name if field_name is not None else (error.field or "")
    field = form._fields.get(name)
    if field is None or isinstance(field, FieldList):
        form.group_errors = {**getattr(form, "group_errors", {}), name: error.message}
        if field is None and not quiet:
            form.form_errors.append(error.message)
        return
    field.errors = [*field.errors, error.message]
