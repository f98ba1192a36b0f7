"""Friendly error pages, and JSON errors for the API."""

from flask import Flask, render_template, request
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from hotel.extensions import db


def wants_json() -> bool:
    """Tell whether the request is the API's, answered in JSON."""
    return request.path.startswith("/api/")


def kept_headers(error: HTTPException) -> list[tuple[str, str]]:
    """Return the headers an HTTP error carries (Allow of a 405...), but its content type."""
    return [(name, value) for name, value in error.get_headers()
            if name.lower() != "content-type"]


def init_app(app: Flask) -> None:
    """Register the error handlers."""

    @app.errorhandler(CSRFError)
    def csrf_error(error: CSRFError):
        """Answer a form without a valid CSRF token."""
        message = _("The form had expired or was sent from elsewhere. Please try again.")
        return render_template("errors/error.html", code=400, message=message), 400

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        """Answer an HTTP error with a page or JSON, keeping the headers it carries."""
        code = error.code or 500
        messages = {
            400: _("The request could not be understood."),
            403: _("You are not allowed to see this page."),
            404: _("We could not find this page."),
            405: _("This page cannot be used that way."),
            413: _("The file or form is too large."),
            429: _("Too many attempts. Please wait a while and try again."),
        }
        message = messages.get(code, _("Something went wrong."))
        headers = kept_headers(error)
        if wants_json():
            body = {"error": error.name.lower().replace(" ", "_"), "message": message}
            return body, code, headers
        return render_template("errors/error.html", code=code, message=message), code, headers

    @app.errorhandler(500)
    def server_error(error):
        """Answer an unexpected failure, after undoing what the request had begun."""
        db.session.rollback()
        message = _("Something went wrong on our side. Please try again in a moment.")
        if wants_json():
            return {"error": "server_error", "message": message}, 500
        return render_template("errors/error.html", code=500, message=message), 500
