"""Form bases the guest pages and the desk share, and how a broken rule reaches its field.

Every form of the app derives from ``PageForm`` (rows inside a form from ``RowForm``), whose
options give every field the plain-text check first, before its own validators: so no
field of any form lets a NUL byte, another control character or an invisible-only name
through to a service or the database, and a new form cannot forget it.
"""

from decimal import Decimal

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DecimalField, FieldList, Form, FormField, IntegerField, TextAreaField
from wtforms.validators import StopValidation

from hotel.services.errors import DomainError
from hotel.services.plain_text import text_problem


class PlainText:
    """Refuses what was sent for a field if it has control characters or nothing visible."""

    def __init__(self, multiline: bool = False):
        """Check one line, or lines (a text area) which may hold tabs and line breaks."""
        self.multiline = multiline

    def __call__(self, form, field) -> None:
        """Stop the field's validation with the reason, if what was sent is refused."""
        for value in getattr(field, "raw_data", None) or ():
            problem = text_problem(value, self.multiline) if isinstance(value, str) else None
            if problem is not None:
                # This is the one message to show: "not a valid date" and the like, said
                # of the same value, would only confuse.
                field.errors.clear()
                raise StopValidation(problem)


# The largest whole number an integer column holds, and the largest amount of a money
# column (twelve digits, two of them after the point): beyond, the database refuses.
LARGEST_WHOLE = 2**31 - 1
LARGEST_AMOUNT = Decimal("9999999999.99")


class StoredNumber:
    """Refuses a number no column of the database can hold, and "NaN" or "Infinity"."""

    message = _l("Please enter a number.")

    def __call__(self, form, field) -> None:
        """Stop the field's validation if its number cannot be stored."""
        value = field.data
        if isinstance(value, Decimal):
            fits = value.is_finite() and abs(value) <= LARGEST_AMOUNT
        elif isinstance(value, int):
            fits = abs(value) <= LARGEST_WHOLE
        else:
            return
        if not fits:
            field.errors.clear()
            raise StopValidation(self.message)


class PlainTextMeta:
    """Form options that put the plain-text check, and for numbers the check that the
    database can hold them, in front of every field's validators."""

    def bind_field(self, form, unbound_field, options):
        """Bind a field of the form, with the plain-text check first."""
        field = super().bind_field(form, unbound_field, options)
        if not isinstance(field, FormField | FieldList):  # their rows check their own fields
            checks = [PlainText(isinstance(field, TextAreaField))]
            if isinstance(field, IntegerField | DecimalField):
                checks.append(StoredNumber())
            field.validators = [*checks, *field.validators]
        return field


class PageForm(FlaskForm):
    """The base of every form of the guest pages and the desk."""

    Meta = PlainTextMeta


class RowForm(Form):
    """The base of a row inside a page's form (a FormField): no CSRF token of its own."""

    Meta = PlainTextMeta


class GetForm(PageForm):
    """A form sent with GET (filters, a day, a period): it changes nothing, so no CSRF."""

    class Meta:
        csrf = False


def first_error(form: Form) -> str | None:
    """Return the first message of a form of plain fields that did not validate."""
    for field in form:
        if field.errors and not isinstance(field.errors, dict):
            return str(field.errors[0])
    return str(form.form_errors[0]) if form.form_errors else None


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
