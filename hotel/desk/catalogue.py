"""Managers edit the catalogue: services and packages, prices, age bands and texts."""

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from hotel.desk import bp
from hotel.desk.forms.catalogue import PackageForm, ServiceForm, with_texts
from hotel.desk.roles import staff_required
from hotel.extensions import db
from hotel.i18n import localized
from hotel.models import Department, Package, PackageService, Role, Service
from hotel.services.catalogue import create_package, create_service, update_package, update_service
from hotel.services.errors import DomainError
from hotel.web.forms import show_error


@bp.get("/catalogue")
@staff_required(Role.MANAGER)
def catalogue():
    """List the services and packages, with the languages their texts are missing in."""
    services = db.session.scalars(
        select(Service).options(selectinload(Service.department).selectinload(
            Department.texts)).order_by(Service.category, Service.position, Service.id)).all()
    packages = db.session.scalars(
        select(Package).options(selectinload(Package.entries).selectinload(
            PackageService.service)).order_by(Package.position, Package.id)).all()
    return render_template("desk/catalogue/index.html", services=services, packages=packages)


def _service_form(service: Service | None):
    form = with_texts(ServiceForm)(obj=service)
    departments = db.session.scalars(select(Department).order_by(Department.slug)).all()
    form.department.choices = [(d.id, localized(d)) for d in departments]
    if service is not None and not form.is_submitted():
        form.department.data = service.department_id
        form.fill_texts(service.texts)
    return form


def _save_service(service: Service | None):
    form = _service_form(service)
    if form.validate_on_submit():
        try:
            if service is None:
                service = create_service(form.service_values(), current_user)
                flash(_("The service %(slug)s was created.", slug=service.slug), "success")
            else:
                update_service(service, form.service_values(), current_user)
                flash(_("The service %(slug)s was saved.", slug=service.slug), "success")
            return redirect(url_for("desk.edit_service", service_slug=service.slug), 303)
        except DomainError as error:
            show_error(form, error)
            if service is not None:
                db.session.refresh(service)
    status = 422 if form.is_submitted() else 200
    return render_template("desk/catalogue/service.html", form=form, service=service), status


@bp.route("/catalogue/services/new", methods=["GET", "POST"])
@staff_required(Role.MANAGER)
def new_service():
    """Create a service with its prices, age bands and texts."""
    return _save_service(None)


@bp.route("/catalogue/services/<service_slug>", methods=["GET", "POST"])
@staff_required(Role.MANAGER)
def edit_service(service_slug: str):
    """Change a service; bookings already taken keep their prices."""
    service = db.session.scalar(select(Service).where(Service.slug == service_slug))
    return _save_service(service or abort(404))


def _package_form(package: Package | None):
    form = with_texts(PackageForm)(obj=package)
    services = db.session.scalars(select(Service).order_by(Service.position, Service.id)).all()
    form.services.choices = [(s.id, f"{localized(s)} ({s.slug})") for s in services]
    if package is not None and not form.is_submitted():
        form.services.data = [entry.service_id for entry in package.entries]
        form.fill_texts(package.texts)
    return form


def _save_package(package: Package | None):
    form = _package_form(package)
    if form.validate_on_submit():
        try:
            if package is None:
                package = create_package(form.package_values(), current_user)
                flash(_("The package %(slug)s was created.", slug=package.slug), "success")
            else:
                update_package(package, form.package_values(), current_user)
                flash(_("The package %(slug)s was saved.", slug=package.slug), "success")
            return redirect(url_for("desk.edit_package", package_slug=package.slug), 303)
        except DomainError as error:
            show_error(form, error)
            if package is not None:
                db.session.refresh(package)
    status = 422 if form.is_submitted() else 200
    return render_template("desk/catalogue/package.html", form=form, package=package), status


@bp.route("/catalogue/packages/new", methods=["GET", "POST"])
@staff_required(Role.MANAGER)
def new_package():
    """Create a package of services with a discount and texts."""
    return _save_package(None)


@bp.route("/catalogue/packages/<package_slug>", methods=["GET", "POST"])
@staff_required(Role.MANAGER)
def edit_package(package_slug: str):
    """Change a package; bookings already taken keep their prices."""
    package = db.session.scalar(select(Package).where(Package.slug == package_slug))
    return _save_package(package or abort(404))
