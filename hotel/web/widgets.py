"""The markup of plain select fields, written as WTForms writes it, at a fraction of the
cost: its Select widget inspects its own option renderer on every call and builds every
option's attributes through ``html_params``; a desk page with a few selects of services
spent a quarter of its time there. Anything unusual (groups, extra attributes on the
field or an option, another widget) is left to WTForms.
"""

from flask import Flask
from markupsafe import Markup, escape
from wtforms.widgets import Select, html_params


def _option(value, label, selected: bool) -> str:
    if isinstance(value, bool):
        value = str(value)
    chosen = " selected" if selected else ""
    return f'<option{chosen} value="{escape(value)}">{escape(label or value)}</option>'


def render_input(field, **attributes) -> Markup:
    """Return a field's input as ``field(**attributes)`` would."""
    widget = field.widget
    if type(widget) is not Select or field.render_kw or field.has_groups():
        return field(**attributes)
    choices = list(field._iter_choices_normalized())
    if any(choice.render_kw for choice in choices):
        return field(**attributes)
    attributes.setdefault("id", field.id)
    if widget.multiple:
        attributes["multiple"] = True
    for flag in Select.validation_attrs:
        if flag not in attributes and getattr(field.flags, flag, False):
            attributes[flag] = getattr(field.flags, flag)
    options = "".join(_option(choice.value, choice.label, choice.selected) for choice in choices)
    return Markup(f"<select {html_params(name=field.name, **attributes)}>{options}</select>")  # noqa: S704 -- every value escaped above


def init_app(app: Flask) -> None:
    """Let templates write a field's input with ``render_input(field, ...)``."""
    app.jinja_env.globals["render_input"] = render_input
