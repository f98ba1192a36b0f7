"""Desk pages: the daily run sheet each department prints, its CSV, and the week plan."""


from flask import Response, abort, render_template, request
from flask_babel import format_date, format_time, ngettext
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy import select

from hotel.clock import hotel_today
from hotel.desk import bp
from hotel.desk.forms.run_sheet import RunSheetForm, WeekForm
from hotel.desk.roles import check_department, department_scope, staff_required
from hotel.extensions import db
from hotel.i18n import language_name, localized
from hotel.labels import KIND_LABELS, REQUEST_FIELD_LABELS, STATE_LABELS
from hotel.models import Department, Kind, Role, Service
from hotel.services.item_rows import department_names
from hotel.services.run_sheet import (
    SheetCatalogue,
    SheetLine,
    Task,
    daily_run_sheet,
    sheet_catalogue,
)
from hotel.services.units import units_text
from hotel.services.week_plan import week_plan
from hotel.web.catalogue_cache import cached, kept_apart
from hotel.web.csv_export import csv_response

ALL = "all"
TASK_LABELS = {
    Task.SET_UP: _l("Set up in the room"),
    Task.HAND_OUT: _l("Hand out"),
    Task.COLLECT: _l("Collect"),
    Task.HAND_OUT_AND_COLLECT: _l("Hand out and collect"),
}


def _departments_named() -> list[tuple[int, str, str]]:
    """Return every department as (id, slug, name in the reader's language), by name."""
    departments = db.session.scalars(select(Department).options(department_names())).all()
    return sorted(((d.id, d.slug, localized(d)) for d in departments),
                  key=lambda department: department[2])


def _department_choices() -> list[tuple[str, str]]:
    scope = department_scope(current_user)
    # The same for every reader of a language until the catalogue changes.
    choices = [(slug, name) for department_id, slug, name
               in cached("desk-departments", render=_departments_named)
               if scope is None or department_id == scope]
    return ([] if scope is not None else [(ALL, _("All departments"))]) + choices


def kept_sheet_catalogue(department_id: int | None) -> SheetCatalogue:
    """Return the departments and services of a department's sheet, or of all, named in
    the reader's language, as kept until the catalogue changes: the same on every sheet."""
    def render() -> SheetCatalogue:
        catalogue = sheet_catalogue(department_id)
        kept_apart([*catalogue.departments, *catalogue.services.values()])
        return catalogue

    return cached("desk-sheet-catalogue", department_id, render=render)


def desk_services() -> dict[int, Service]:
    """Return every service by id, named in the reader's language, as kept until the
    catalogue changes (the desk's pages show them; read only)."""
    return kept_sheet_catalogue(None).services


def _chosen_department(slug: str) -> Department | None:
    """Return the department asked for (None for all), refusing what the user may not see."""
    scope = department_scope(current_user)
    if not slug:
        return db.session.get(Department, scope) if scope is not None else None
    if slug == ALL:
        if scope is not None:
            abort(403)
        return None
    department = db.session.scalar(select(Department).where(Department.slug == slug))
    if department is None:
        abort(404)
    check_department(current_user, department.id)
    return department


def details_of(line: SheetLine) -> list[str]:
    """Return the details of an item as "label: value" lines, in the reader's language."""
    item = line.item
    found = [_("%(label)s: %(value)s", label=REQUEST_FIELD_LABELS.get(key, key), value=value)
             for key, value in (item.details or {}).items()]
    if item.service.kind == Kind.RENTAL:
        found.insert(0, _("From %(first)s to %(last)s",
                          first=format_date(item.start_on, "short"),
                          last=format_date(item.end_on or item.start_on, "short")))
        if line.stay.arrival_on == line.day:
            found.append(_("Arrives today"))
        if line.stay.departure_on == line.day:
            found.append(_("Leaves today"))
    return found


def person_label(person, day) -> str:
    """Return a person as the sheet names them: the first name, and a child's age."""
    age = person.age_on(day) if person.is_child else None
    if age is None:
        return person.first_name
    return _("%(name)s (%(age)s)", name=person.first_name,
             age=ngettext("%(num)d year", "%(num)d years", age))


def care_text(person) -> str:
    """Return what the leader must know about a person as one line, or ""."""
    care = person.care_notes
    labels = {"allergies": _("Allergies: %(note)s"), "medical": _("Medical: %(note)s"),
              "dietary": _("Diet: %(note)s")}
    found = [labels[kind] % {"note": text} for kind, text in care.notes]
    if care.is_child:
        if care.may_leave_alone:
            found.append(_("May leave alone"))
        elif care.collected_by:
            found.append(_("Must be collected by %(names)s", names=care.collected_by))
        else:
            found.append(_("Must be collected"))
    if not found:
        return ""
    return _("%(name)s: %(notes)s", name=person.first_name, notes=", ".join(found))


def _load_sheet():
    """Read the run sheet's filters; return the form, the department and the sheet (None
    when the filters do not validate)."""
    form = RunSheetForm(request.args)
    form.department.choices = _department_choices()
    if not form.validate():  # before the department is looked up by what was sent
        return form, None, None
    department = _chosen_department(request.args.get("department", "").strip())
    form.department.data = department.slug if department else ALL
    form.date.data = form.date.data or hotel_today()
    department_id = department.id if department else None
    sheet = daily_run_sheet(form.date.data, department_id,
                            catalogue=kept_sheet_catalogue(department_id),
                            include_cancelled=bool(form.include_cancelled.data))
    return form, department, sheet


@bp.get("/schedule")
@staff_required()
def run_sheet():
    """Show the run sheet of a day for one department or all, ready to print."""
    form, department, sheet = _load_sheet()
    context = {"form": form, "department": department, "sheet": sheet,
               "task_labels": TASK_LABELS, "details_of": details_of,
               "is_manager": current_user.role == Role.MANAGER}
    if sheet is None:
        return render_template("desk/run_sheet/day.html", **context), 422
    context["idle_names"] = sorted(localized(part.department) for part in sheet.departments
                                   if part.is_empty and department is None)
    return render_template("desk/run_sheet/day.html", **context)


def _time_of(line: SheetLine) -> str:
    item = line.item
    if item.slot is not None:
        starts, ends = item.slot.starts_at, item.slot.ends_at
        return f"{format_time(starts, 'HH:mm')}–{format_time(ends, 'HH:mm')}"
    if item.starts_at is not None and item.start_on == line.day:
        return format_time(item.starts_at, "HH:mm")
    return ""


def csv_rows(sheet) -> list[list[str]]:
    """Return the run sheet as rows of text, one per booking item, after a header row."""
    rows = [[_("Date"), _("Department"), _("Kind"), _("Time"), _("Service"), _("To do"),
             _("Room"), _("Guest"), _("Booking"), _("Adults"), _("Children"),
             _("Children's ages"), _("Language"), _("Details"), _("Note"), _("State"),
             _("Taking part"), _("Care notes"), _("Phone"), _("Units")]]
    for part in sheet.departments:
        for line in part.lines:
            item, stay = line.item, line.stay
            ages = ", ".join("?" if age is None else str(age) for age in line.children_ages)
            rows.append([
                sheet.day.isoformat(), localized(part.department),
                str(KIND_LABELS[item.service.kind]), _time_of(line), localized(item.service),
                str(TASK_LABELS[line.task]) if line.task else "", stay.room, stay.guest_name,
                item.reference, str(len(line.adults)), str(len(line.children)), ages,
                f"{stay.language} ({language_name(stay.language)})", "; ".join(details_of(line)),
                item.note, str(STATE_LABELS[item.state]),
                "; ".join(person_label(person, line.day) for person in item.participants),
                "; ".join(filter(None, (care_text(person) for person in item.participants))),
                stay.phone if line.shows_phone else "",
                units_text(item.hand_outs, item.service),
            ])
    return rows


@bp.get("/schedule.csv")
@staff_required()
def run_sheet_csv():
    """Download the run sheet as CSV (UTF-8 with BOM, for spreadsheet programs)."""
    form, department, sheet = _load_sheet()
    if sheet is None:
        message = "; ".join(str(error) for errors in form.errors.values() for error in errors)
        return Response(message, status=422, mimetype="text/plain")
    name = f"run-sheet-{sheet.day.isoformat()}-{department.slug if department else ALL}.csv"
    return csv_response(csv_rows(sheet), name)


@bp.get("/schedule/week")
@staff_required(Role.MANAGER)
def run_sheet_week():
    """Show, per day of a week and department, the bookings and guests to plan staff."""
    form = WeekForm(request.args)
    form.department.choices = _department_choices()
    if not form.validate():  # before the department is looked up by what was sent
        return render_template("desk/run_sheet/week.html", form=form, plan=None), 422
    department = _chosen_department(request.args.get("department", "").strip())
    form.department.data = department.slug if department else ALL
    form.start.data = form.start.data or hotel_today()
    plan = week_plan(form.start.data, department.id if department else None)
    return render_template("desk/run_sheet/week.html", form=form, plan=plan)

