"""Read the forms of a page as a browser sees them: where they go and what they send."""

from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

# Inputs a person types into, or that a page fills in for them (hidden).
TEXT_INPUTS = {"text", "search", "email", "password", "hidden", "url", "tel"}
CHOSEN_INPUTS = {"checkbox", "radio", "file", "submit", "button", "reset", "image"}


@dataclass
class PageForm:
    """A form found on a page: its method, address, default values and kinds of field."""

    method: str
    action: str
    values: dict[str, list[str]] = field(default_factory=dict)
    kinds: dict[str, str] = field(default_factory=dict)

    @property
    def text_fields(self) -> list[str]:
        """Return the fields a person types into, hidden ones included, but not the token."""
        return [name for name, kind in self.kinds.items()
                if (kind in TEXT_INPUTS or kind == "textarea") and name != "csrf_token"]

    @property
    def other_fields(self) -> list[str]:
        """Return the other fields that send a value: choices, numbers, dates, times."""
        return [name for name, kind in self.kinds.items()
                if name not in self.text_fields and name != "csrf_token"]

    def data(self, **changes: str) -> dict[str, list[str]]:
        """Return what the form sends with its defaults, with ``changes`` in their place."""
        return {**self.values, **{name: [value] for name, value in changes.items()}}


class _FormReader(HTMLParser):
    """Collects the forms of a page and the values their fields would send."""

    def __init__(self, page_path: str):
        """Read a page served at ``page_path``, against which actions are resolved."""
        super().__init__(convert_charrefs=True)
        self.page_path = page_path
        self.forms: list[PageForm] = []
        self._form: PageForm | None = None
        self._textarea: str | None = None
        self._select: str | None = None
        self._radios: set[str] = set()

    def handle_starttag(self, tag, attrs):
        """Start a form, or note a field of the open form and its value."""
        attributes = {key: value or "" for key, value in attrs}
        if tag == "form":
            action = urljoin(self.page_path, attributes.get("action") or self.page_path)
            if not attributes.get("action"):
                action = urlsplit(self.page_path).path  # a GET form sends its own query
            self._form = PageForm(attributes.get("method", "get").lower(), action)
            self.forms.append(self._form)
            self._radios = set()
        elif tag == "option" and self._form is not None and self._select:
            chosen = self._form.values[self._select]
            if not chosen or "selected" in attributes:
                self._form.values[self._select] = [attributes.get("value", "")]
        elif self._form is not None and attributes.get("name"):
            self._field(tag, attributes)

    def _field(self, tag: str, attributes: dict) -> None:
        """Note a named input, text area or select of the open form."""
        name, form = attributes["name"], self._form
        if tag == "input":
            kind = attributes.get("type", "text").lower()
            if kind in ("checkbox", "radio"):
                # Tick every box and the first choice, so that the parts of a form that are
                # checked only when chosen (a package's line) are checked.
                if kind == "checkbox" or name not in self._radios and "disabled" not in attributes:
                    form.values.setdefault(name, []).append(attributes.get("value", "y"))
                    self._radios.add(name)
                form.kinds.setdefault(name, kind)
            elif kind not in CHOSEN_INPUTS:
                form.values.setdefault(name, []).append(attributes.get("value", ""))
                form.kinds.setdefault(name, kind)
        elif tag == "textarea":
            self._textarea = name
            form.values[name] = [""]
            form.kinds[name] = "textarea"
        elif tag == "select":
            self._select = name
            form.values[name] = []
            form.kinds[name] = "select"

    def handle_data(self, data):
        """Keep the text of a text area as its value."""
        if self._form is not None and self._textarea:
            self._form.values[self._textarea] = [self._form.values[self._textarea][0] + data]

    def handle_endtag(self, tag):
        """Close the open form, text area or select."""
        if tag == "form":
            self._form = None
        elif tag == "textarea":
            self._textarea = None
        elif tag == "select":
            self._select = None


def forms_on(page: str, page_path: str) -> list[PageForm]:
    """Return the forms of an HTML page served at ``page_path``."""
    reader = _FormReader(page_path)
    reader.feed(page)
    return reader.forms
