"""Managers give each service and package its picture, on a page of its own."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf.file import FileField
from sqlalchemy import select

from hotel.desk import bp
from hotel.desk.roles import staff_required
from hotel.extensions import db
from hotel.models import Package, Role, Service
from hotel.services.errors import DomainError
from hotel.services.photos import max_photo_bytes, remove_photo, set_photo
from hotel.web.forms import PageForm, show_error

# Room above the picture for the rest of the form (the token, the multipart boundaries).
FORM_OVERHEAD = 64 * 1024
OWNERS = {"services": Service, "packages": Package}


class PhotoForm(PageForm):
    """One picture to upload."""

    photo = FileField(_l("Picture"), render_kw={"accept": "image/jpeg,image/png,image/webp"})


def _owner(kind: str, slug: str) -> Service | Package:
    model = OWNERS.get(kind) or abort(404)
    return db.session.scalar(select(model).where(model.slug == slug)) or abort(404)


def _page(owner, form, status: int = 200):
    return render_template("desk/catalogue/photo.html", owner=owner, form=form,
                           remove_form=PageForm(),
                           kind="services" if isinstance(owner, Service) else "packages",
                           max_megabytes=max_photo_bytes() // (1024 * 1024)), status


@bp.get("/catalogue/<kind>/<slug>/photo")
@staff_required(Role.MANAGER)
def photo_page(kind: str, slug: str):
    """Show a service's or package's picture and a form to upload another."""
    return _page(_owner(kind, slug), PhotoForm())


@bp.post("/catalogue/<kind>/<slug>/photo")
@staff_required(Role.MANAGER)
def upload_photo(kind: str, slug: str):
    """Check, resize and keep an uploaded picture for a service or package."""
    # Larger than the app's other forms: a photo from a phone. Set before the form is read.
    request.max_content_length = max_photo_bytes() + FORM_OVERHEAD
    owner = _owner(kind, slug)
    form = PhotoForm()
    if form.validate_on_submit():
        upload = form.photo.data
        try:
            set_photo(owner, upload.read(max_photo_bytes() + 1) if upload else b"",
                      current_user)
        except DomainError as error:
            show_error(form, error, "photo")
            return _page(owner, form, error.status)
        flash(_("The picture is saved."), "success")
        return redirect(url_for("desk.photo_page", kind=kind, slug=slug), 303)
    return _page(owner, form, 422)


@bp.post("/catalogue/<kind>/<slug>/photo/remove")
@staff_required(Role.MANAGER)
def delete_photo(kind: str, slug: str):
    """Take a service's or package's picture away."""
    owner = _owner(kind, slug)
    if PageForm().validate_on_submit():
        remove_photo(owner, current_user)
        flash(_("The picture is removed."), "success")
    return redirect(url_for("desk.photo_page", kind=kind, slug=slug), 303)
