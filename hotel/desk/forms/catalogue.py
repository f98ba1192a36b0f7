"""Forms of the catalogue pages: services and packages with their texts per language."""

from flask import current_app
from flask_babel import lazy_gettext as _l
from wtforms import (
    BooleanField,
    DecimalField,
    FieldList,
    FormField,
    IntegerField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.validators import (
    DataRequired,
    InputRequired,
    Length,
    NumberRange,
    Optional,
    Regexp,
)
from wtforms.widgets import CheckboxInput, ListWidget

from hotel.labels import (
    CATEGORY_LABELS,
    KIND_LABELS,
    PRICING_UNIT_LABELS,
    REQUEST_FIELD_LABELS,
)
from hotel.models import REQUEST_FIELDS, CapacityUnit
from hotel.web.forms import PageForm, RowForm

AGE_BAND_ROWS = 4
SLUG = Regexp(r"^[a-z0-9]+(?:-[a-z0-9]+)*$",
              message=_l("Use lowercase letters, digits and hyphens (at most 60)."))
CAPACITY_UNIT_LABELS = {CapacityUnit.PERSONS: _l("Persons"), CapacityUnit.UNITS: _l("Units")}
AGE = [Optional(), NumberRange(min=0, max=120, message=_l("Please enter an age from 0 to 120."))]
AMOUNT = [Optional(), NumberRange(min=0, message=_l("The amount cannot be negative."))]


class CheckboxesField(SelectMultipleField):
    """Several choices shown as checkboxes."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class AgeBandForm(RowForm):
    """One row of child prices: ages from, to (inclusive), and the price."""

    min_age = IntegerField(_l("From age"), validators=AGE)
    max_age = IntegerField(_l("To age"), validators=AGE)
    price = DecimalField(_l("Price"), places=2, validators=AMOUNT)


class TextsMixin:
    """Adds, per language, a field for each of TEXT_FIELDS (name_xx, description_xx...)."""

    TEXT_FIELDS = ("name", "description")

    def text_values(self) -> dict:
        """Return {language: {field: value}} from the text fields."""
        return {code: {field: self[f"{field}_{code}"].data or ""
                       for field in self.TEXT_FIELDS}
                for code in current_app.config["LANGUAGES"]}

    def fill_texts(self, texts) -> None:
        """Put an object's texts in the text fields."""
        for text in texts:
            if f"name_{text.locale}" in self:
                for field in self.TEXT_FIELDS:
                    self[f"{field}_{text.locale}"].data = getattr(text, field)


def with_texts(form_class: type) -> type:
    """Return the form class with name and description fields for every language."""
    fields = {}
    for code, language in current_app.config["LANGUAGES"].items():
        fields[f"name_{code}"] = StringField(
            _l("Name (%(language)s)", language=language),
            validators=[Optional(), Length(max=160)])
        fields[f"description_{code}"] = TextAreaField(
            _l("Description (%(language)s)", language=language),
            validators=[Optional(), Length(max=4000)], render_kw={"rows": 3})
    return type(form_class.__name__, (form_class,), fields)


def _choices(labels: dict) -> list[tuple[str, str]]:
    return [(key.value, label) for key, label in labels.items()]


class ServiceForm(TextsMixin, PageForm):
    """A service of the catalogue; the texts are added per language by with_texts."""

    slug = StringField(_l("Slug (in the address)"), validators=[
        DataRequired(message=_l("Please enter a slug.")), Length(max=60), SLUG])
    category = SelectField(_l("Category"), choices=_choices(CATEGORY_LABELS))
    kind = SelectField(_l("Kind"), choices=_choices(KIND_LABELS))
    pricing_unit = SelectField(_l("Pricing unit"), choices=_choices(PRICING_UNIT_LABELS))
    price = DecimalField(_l("Price for adults"), places=2, validators=[
        InputRequired(message=_l("Please enter a price.")),
        NumberRange(min=0, message=_l("The amount cannot be negative."))])
    age_bands = FieldList(FormField(AgeBandForm), min_entries=AGE_BAND_ROWS,
                          max_entries=AGE_BAND_ROWS)
    min_age = IntegerField(_l("Minimum age"), validators=AGE)
    max_age = IntegerField(_l("Maximum age"), validators=AGE)
    # Checked by the service, which names an unknown department in its own words.
    department = SelectField(_l("Department"), coerce=int, validate_choice=False)
    requires_approval = BooleanField(_l("Reception must confirm each booking"))
    cutoff_hours = IntegerField(_l("Guests may cancel until (hours before)"), default=24,
                                validators=[InputRequired(message=_l("Please enter a number.")),
                                            NumberRange(min=0, max=1440)])
    stock = IntegerField(_l("Stock (units)"), validators=[Optional(), NumberRange(min=0)])
    delivered_on_arrival = BooleanField(_l("Delivered to the room on the arrival day"))
    max_quantity = IntegerField(_l("Most places or units in one booking"), default=10, validators=[
        InputRequired(message=_l("Please enter a number.")), NumberRange(min=1, max=1000)])
    capacity_unit = SelectField(_l("Capacity counted in"), choices=_choices(
        CAPACITY_UNIT_LABELS))
    duration_minutes = IntegerField(_l("Duration (minutes)"), validators=[
        Optional(), NumberRange(min=1, max=1440)])
    request_fields = CheckboxesField(_l("Details asked of the guest"), choices=[
        (key, REQUEST_FIELD_LABELS.get(key, key)) for key in REQUEST_FIELDS])
    active = BooleanField(_l("Active (guests can book it)"), default=True)
    late_cancel_fee_percent = DecimalField(
        _l("Late-cancellation fee (percent of the price)"), places=2, default=0,
        validators=[Optional(), NumberRange(min=0, max=100, message=_l(
            "Please enter a percentage from 0 to 100."))])
    no_show_fee_percent = DecimalField(
        _l("No-show fee (percent of the price)"), places=2, default=0,
        validators=[Optional(), NumberRange(min=0, max=100, message=_l(
            "Please enter a percentage from 0 to 100."))])
    returning_guest_percent = DecimalField(
        _l("Returning guests' discount (percent)"), places=2, default=0,
        validators=[Optional(), NumberRange(min=0, max=100, message=_l(
            "Please enter a percentage from 0 to 100."))])

    def service_values(self) -> dict:
        """Return the values for the catalogue service."""
        return {
            "slug": (self.slug.data or "").strip(), "category": self.category.data,
            "kind": self.kind.data, "pricing_unit": self.pricing_unit.data,
            "price": self.price.data, "department_id": self.department.data,
            "min_age": self.min_age.data, "max_age": self.max_age.data,
            "requires_approval": self.requires_approval.data,
            "cutoff_hours": self.cutoff_hours.data, "stock": self.stock.data,
            "delivered_on_arrival": self.delivered_on_arrival.data,
            "max_quantity": self.max_quantity.data, "capacity_unit": self.capacity_unit.data,
            "duration_minutes": self.duration_minutes.data,
            "request_fields": self.request_fields.data or [], "active": self.active.data,
            "late_cancel_fee_percent": self.late_cancel_fee_percent.data,
            "no_show_fee_percent": self.no_show_fee_percent.data,
            "returning_guest_percent": self.returning_guest_percent.data,
            "age_bands": [row.data for row in self.age_bands], "texts": self.text_values(),
        }


class PackageForm(TextsMixin, PageForm):
    """A package of services; the texts are added per language by with_texts."""

    slug = StringField(_l("Slug (in the address)"), validators=[
        DataRequired(message=_l("Please enter a slug.")), Length(max=60), SLUG])
    category = SelectField(_l("Category"), choices=_choices(CATEGORY_LABELS))
    discount_percent = DecimalField(_l("Discount (percent)"), places=2, default=0, validators=[
        InputRequired(message=_l("Please enter a number.")),
        NumberRange(min=0, max=100, message=_l("Please enter a percentage from 0 to 100."))])
    services = CheckboxesField(_l("Services included"), coerce=int, validate_choice=False)
    active = BooleanField(_l("Active (guests can book it)"), default=True)

    def package_values(self) -> dict:
        """Return the values for the catalogue package."""
        return {"slug": (self.slug.data or "").strip(), "category": self.category.data,
                "discount_percent": self.discount_percent.data,
                "service_ids": self.services.data or [], "active": self.active.data,
                "texts": self.text_values()}
