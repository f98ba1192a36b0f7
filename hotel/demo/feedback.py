"""Load the demo ticket categories, FAQ and policies, and a few guests' tickets, from
feedback.toml and the text files; loading them again changes nothing.
"""

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from hotel.clock import hotel_now, local_to_utc
from hotel.demo.datafiles import DATA_FOLDER, DemoFiles, load_demo_files
from hotel.demo.texts import feedback_texts
from hotel.extensions import db
from hotel.models import (
    Department,
    FaqEntry,
    FaqKind,
    FaqText,
    StaffUser,
    Stay,
    Ticket,
    TicketCategory,
    TicketCategoryText,
    TicketKind,
    TicketNote,
    TicketState,
)


def ticket_categories(folder: Path = DATA_FOLDER) -> list[dict]:
    """Return the demo ticket categories as feedback.toml gives them."""
    return load_demo_files(folder).ticket_categories


def _load_categories(files: DemoFiles) -> dict[str, TicketCategory]:
    """Create or update the ticket categories and their names; return them by slug."""
    departments = {d.slug: d for d in db.session.scalars(select(Department))}
    categories = {c.slug: c for c in db.session.scalars(select(TicketCategory))}
    for position, spec in enumerate(files.ticket_categories):
        category = categories.get(spec["slug"])
        if category is None:
            category = TicketCategory(slug=spec["slug"])
            db.session.add(category)
            categories[spec["slug"]] = category
        category.department = departments[spec["department"]]
        category.response_hours = spec["response_hours"]
        category.position = position
        current = {t.locale: t for t in category.texts}
        for locale, name in feedback_texts(files.texts, "ticket_categories", spec["slug"]).items():
            if locale in current:
                current[locale].name = name
            else:
                category.texts.append(TicketCategoryText(locale=locale, name=name))
    db.session.flush()
    return categories


def _load_faq(files: DemoFiles, categories: dict[str, TicketCategory]) -> None:
    """Create or update the FAQ entries and policies, with their texts in every language."""
    # An entry is known by its English question: the database has no slug for it.
    known = {text.name: text.entry for text in db.session.scalars(
        select(FaqText).where(FaqText.locale == "en"))}
    for position, spec in enumerate(files.faq):
        texts = feedback_texts(files.texts, "faq", spec["slug"])
        entry = known.get(texts["en"]["question"])
        if entry is None:
            entry = FaqEntry()
            db.session.add(entry)
        entry.kind = FaqKind(spec["kind"])
        entry.category = categories.get(spec.get("category"))
        entry.position = position
        entry.active = True
        current = {t.locale: t for t in entry.texts}
        for locale, values in texts.items():
            question, answer, keywords = values["question"], values["answer"], values["keywords"]
            text = current.get(locale)
            if text is None:
                entry.texts.append(FaqText(locale=locale, name=question, description=answer,
                                           keywords=keywords))
            else:
                text.name, text.description, text.keywords = question, answer, keywords


def _load_tickets(files: DemoFiles, categories: dict[str, TicketCategory], today: date) -> None:
    """Add the demo tickets that are not there yet, of the stays that are."""
    numbers = [spec["number"] for spec in files.tickets]
    existing = set(db.session.scalars(select(Ticket.number).where(Ticket.number.in_(numbers))))
    stays = {s.reference: s for s in db.session.scalars(
        select(Stay).where(Stay.reference.in_([spec["stay"] for spec in files.tickets])))}
    reception = db.session.scalar(select(StaffUser).where(StaffUser.username == "reception"))
    # Times count back from this moment of ``today`` at the hotel: the first one is overdue.
    now = local_to_utc(today, hotel_now().time().replace(tzinfo=None)).astimezone(UTC)
    for spec in files.tickets:
        stay = stays.get(spec["stay"])
        if spec["number"] in existing or stay is None:
            continue
        category = categories[spec["category"]]
        created = now - timedelta(hours=spec["hours_ago"])
        ticket = Ticket(
            number=spec["number"], stay=stay, kind=TicketKind(spec["kind"]),
            category=category, department_id=category.department.id, text=spec["text"],
            language=spec["language"], state=TicketState(spec["state"]), created_at=created,
            due_at=created + timedelta(hours=category.response_hours))
        _handled(ticket, spec, reception, created)
        db.session.add(ticket)


def _handled(ticket: Ticket, spec: dict, reception: StaffUser | None,
             created: datetime) -> None:
    """Fill in the answer, closing, rating and note a demo ticket has had."""
    if "answered_after" in spec:
        ticket.answered_at = created + timedelta(hours=spec["answered_after"])
        ticket.answer, ticket.answer_language = spec["answer"], spec["language"]
        ticket.answered_by = reception
    if spec["state"] == "closed":
        ticket.closed_at = ticket.answered_at + timedelta(hours=1)
        ticket.satisfaction = spec.get("satisfaction")
        ticket.satisfaction_comment = spec.get("satisfaction_comment", "")
    if spec.get("note") and reception is not None:
        ticket.notes.append(TicketNote(staff=reception, text=spec["note"],
                                       created_at=created + timedelta(minutes=20)))


def load_demo_feedback(today: date, files: DemoFiles | None = None) -> int:
    """Create or update the demo ticket categories, FAQ and policies, and add the demo
    tickets that are not there yet; return the number of FAQ entries. The caller commits.
    """
    files = files or load_demo_files()
    categories = _load_categories(files)
    _load_faq(files, categories)
    _load_tickets(files, categories, today)
    db.session.flush()
    return len(files.faq)
