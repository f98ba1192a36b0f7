"""Read the forms of a page as a browser sees them: where they go and what they send;
and the links of a page, to find the pages a person can reach."""

from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

# Inputs a person types into, or that a page fills in for them (hidden).
TEXT_INPUTS = {"text", "search", "email", "password", "hidden", "url", "tel"}
CHOSEN_INPUTS = {"checkbox", "radio", "file", "submit", "button", "reset", "image"}


@dataclass
class PageForm:
    """A form found on a page: its method, address, default values, kinds of field, and
    the names of its file inputs."""

    method: str
    action: str
    values: dict[str, list[str]] = field(default_factory=dict)
    kinds: dict[str, str] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)

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
        self._by_id: dict[str, PageForm] = {}

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
            if attributes.get("id"):
                self._by_id[attributes["id"]] = self._form
        elif tag == "option" and self._form is not None and self._select:
            chosen = self._form.values[self._select]
            if not chosen or "selected" in attributes:
                self._form.values[self._select] = [attributes.get("value", "")]
        elif tag == "input" and attributes.get("form") in self._by_id and attributes.get("name"):
            self._field(tag, attributes, self._by_id[attributes["form"]])  # form="its id"
        elif self._form is not None and attributes.get("name"):
            self._field(tag, attributes)

    def _field(self, tag: str, attributes: dict, form: PageForm | None = None) -> None:
        """Note a named input, text area or select of the open form (or of ``form``)."""
        name, form = attributes["name"], form or self._form
        if tag == "input":
            kind = attributes.get("type", "text").lower()
            if kind in ("checkbox", "radio"):
                # Tick every box and the first choice, so that the parts of a form that are
                # checked only when chosen (a package's line) are checked.
                if kind == "checkbox" or name not in self._radios and "disabled" not in attributes:
                    form.values.setdefault(name, []).append(attributes.get("value", "y"))
                    self._radios.add(name)
                form.kinds.setdefault(name, kind)
            elif kind == "file":
                form.files.append(name)
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
        """Keep the text of a text area as its value (as browsers do, without the line
        break, LF or CR LF, that may follow the opening tag)."""
        if self._form is not None and self._textarea:
            text = self._form.values[self._textarea][0] + data
            if not self._form.values[self._textarea][0]:
                text = text.removeprefix("\r\n").removeprefix("\n")
            self._form.values[self._textarea] = [text]

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


class _LinkReader(HTMLParser):
    """Collects the addresses a page links to."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        """Note the address of a link."""
        href = dict(attrs).get("href")
        if tag == "a" and href:
            self.links.append(href)


def links_on(page: str, page_path: str) -> list[str]:
    """Return the addresses on this site that an HTML page served at ``page_path`` links to."""
    reader = _LinkReader()
    reader.feed(page)
    found = []
    for href in reader.links:
        address = urlsplit(urljoin(page_path, href))
        if not address.scheme and not address.netloc and address.path.startswith("/"):
            found.append(address.path + (f"?{address.query}" if address.query else ""))
    return found


# Where a page tells the reader what went wrong (or right): the form macros' error lists,
# a message above a form, the error page, and flashed messages.
MESSAGE_CLASSES = {"field-errors", "form-errors", "error-page", "flash"}
VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
             "source", "track", "wbr"}


class _MessageReader(HTMLParser):
    """Collects the text of the parts of a page that carry a message to the reader."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.messages: list[str] = []
        self._open: list[tuple[str, bool]] = []

    def handle_starttag(self, tag, attrs):
        """Note an element, and whether it (or one around it) carries a message."""
        if tag in VOID_TAGS:
            return
        attributes = {key: value or "" for key, value in attrs}
        marked = bool(MESSAGE_CLASSES & set(attributes.get("class", "").split())
                      or attributes.get("role") == "alert")
        if marked and not any(inside for _tag, inside in self._open):
            self.messages.append("")
        self._open.append((tag, marked or any(inside for _tag, inside in self._open)))

    def handle_endtag(self, tag):
        """Close the element, and any left open inside it."""
        for index in range(len(self._open) - 1, -1, -1):
            if self._open[index][0] == tag:
                del self._open[index:]
                return

    def handle_data(self, data):
        """Keep text inside a message."""
        if self._open and self._open[-1][1]:
            self.messages[-1] += data


def messages_on(page: str) -> list[str]:
    """Return the messages an HTML page shows its reader, each as its text."""
    reader = _MessageReader()
    reader.feed(page)
    return [" ".join(message.split()) for message in reader.messages if message.strip()]
