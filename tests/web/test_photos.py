"""Pictures of services and packages: managers upload them, guests see them resized, at
addresses cached for a year; what is not a picture is refused with nothing written."""

import io
import random

import pytest
from PIL import Image
from sqlalchemy import func, select

from hotel.models import AuditEntry, Photo, Role, Service
from hotel.services.catalogue_version import current_version
from hotel.services.photos import SIZES
from tests.factories import make_package, make_service
from tests.helpers import csrf_token


@pytest.fixture
def catalogue(db):
    """A service and a package, without pictures."""
    club = make_service("kids-club", texts={"en": ("Kids club", "Play."),
                                            "ko": ("키즈 클럽", "놀이."),
                                            "de": ("Kinderclub", "Spielen.")})
    package = make_package([club], slug="family")
    db.session.commit()
    return {"club": club, "package": package}


def png(width: int, height: int, noise: bool = False) -> bytes:
    """Return a PNG of this size: two colours, or random pixels (which do not compress)."""
    if noise:
        generator = random.Random(width * height)
        image = Image.frombytes("RGB", (width, height), generator.randbytes(width * height * 3))
    else:
        image = Image.new("RGB", (width, height), "#3f9b6b")
        image.paste((255, 209, 102), (0, 0, width // 2, height // 2))
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def upload(client, path: str, data: bytes, filename: str, lang: str = "en"):
    token = csrf_token(client, path)
    return client.post(f"{path}?lang={lang}", data={
        "csrf_token": token, "photo": (io.BytesIO(data), filename)},
        content_type="multipart/form-data")


def photo_rows(db) -> int:
    return db.session.scalar(select(func.count()).select_from(Photo))


def test_manager_uploads_a_photo_that_is_stored_resized_and_shown_to_guests(client, auth,
                                                                            catalogue, db):
    auth.staff_login(Role.MANAGER)
    version = current_version()
    response = upload(client, "/desk/catalogue/services/kids-club/photo", png(2400, 1800),
                      "club.png")
    assert response.status_code == 303
    club = db.session.get(Service, catalogue["club"].id)
    db.session.refresh(club)
    assert club.photo_key is not None
    assert current_version() > version  # every cached page shows the new picture
    stored = db.session.scalars(select(Photo).where(Photo.key == club.photo_key)).all()
    assert {photo.size for photo in stored} == set(SIZES)
    for photo in stored:
        image = Image.open(io.BytesIO(photo.data))
        assert image.format == "JPEG" and photo.content_type == "image/jpeg"
        assert image.size == (SIZES[photo.size].width, SIZES[photo.size].height)
        assert image.size[0] < 2400
    assert db.session.scalar(select(func.count(AuditEntry.id))
                             .where(AuditEntry.action == "photo.changed")) == 1

    auth.logout()
    home = client.get("/").text
    address = f"/photos/{club.photo_key}/card"
    assert address in home
    assert f"/photos/{club.photo_key}/large" in client.get("/services/kids-club").text
    served = client.get(address)
    assert served.status_code == 200 and served.mimetype == "image/jpeg"
    assert "immutable" in served.headers["Cache-Control"]
    assert "max-age=31536000" in served.headers["Cache-Control"]
    assert client.get(f"/photos/{club.photo_key}/huge").status_code == 404


def test_a_package_gets_a_photo_and_a_new_one_replaces_it(client, auth, catalogue, db):
    auth.staff_login(Role.MANAGER)
    path = "/desk/catalogue/packages/family/photo"
    assert upload(client, path, png(800, 600), "a.png").status_code == 303
    first = db.session.scalar(select(Photo.key))
    assert upload(client, path, png(1000, 500), "b.png").status_code == 303
    keys = set(db.session.scalars(select(Photo.key)))
    assert first not in keys and len(keys) == 1  # the old picture is not kept for no one
    assert f"/photos/{keys.pop()}/card" in client.get("/").text


@pytest.mark.parametrize(("data", "filename", "status", "english", "german"), [
    (b"Dear manager,\nthis is a letter, not a picture.\n", "beach.jpg", 422,
     "not a picture we can read", "kein Bild, das wir lesen können"),
    (b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + bytes(200), "beach.jpg", 422,
     "is a program, not a picture", "ist ein Programm, kein Bild"),
    (b"\x7fELF\x02\x01\x01" + bytes(300), "sunset.png", 422,
     "is a program, not a picture", "ist ein Programm, kein Bild"),
    (png(400, 300)[:200], "broken.png", 422,
     "not a picture we can read", "kein Bild, das wir lesen können"),
    (b"", "empty.png", 422, "Please choose a picture", "Bitte wählen Sie ein Bild"),
])
def test_what_is_not_a_picture_is_refused_with_a_translated_message_and_nothing_written(
        client, auth, catalogue, db, data, filename, status, english, german):
    auth.staff_login(Role.MANAGER)
    version = current_version()
    path = "/desk/catalogue/services/kids-club/photo"
    response = upload(client, path, data, filename)
    assert response.status_code == status
    assert english in response.text
    in_german = upload(client, path, data, filename, lang="de")
    assert in_german.status_code == status and german in in_german.text
    assert photo_rows(db) == 0 and current_version() == version
    assert db.session.get(Service, catalogue["club"].id).photo_key is None


def test_an_oversized_picture_is_refused_with_a_translated_message(client, auth, catalogue,
                                                                  db, app):
    auth.staff_login(Role.MANAGER)
    app.config["PHOTO_MAX_BYTES"] = 1024 * 1024
    try:
        big = png(700, 700, noise=True)  # random pixels: about 1.4 MB
        assert len(big) > 1024 * 1024
        path = "/desk/catalogue/services/kids-club/photo"
        response = upload(client, path, big, "big.png")
        assert response.status_code == 413
        assert "too large: at most 1 MB" in response.text
        korean = upload(client, path, big, "big.png", lang="ko")
        assert korean.status_code == 413 and "최대 1MB" in korean.text
        far_too_big = upload(client, path, big * 2, "bigger.png")
        assert far_too_big.status_code == 413  # refused before it is read at all
    finally:
        app.config["PHOTO_MAX_BYTES"] = 8 * 1024 * 1024
    assert photo_rows(db) == 0


@pytest.mark.parametrize("role", [Role.RECEPTION, Role.STAFF])
def test_only_managers_change_pictures(client, auth, catalogue, db, role):
    auth.staff_login(role)
    response = upload(client, "/desk/catalogue/services/kids-club/photo", png(800, 450),
                      "a.png")
    assert response.status_code == 403
    assert photo_rows(db) == 0


def test_a_manager_removes_a_picture(client, auth, catalogue, db):
    auth.staff_login(Role.MANAGER)
    path = "/desk/catalogue/services/kids-club/photo"
    upload(client, path, png(800, 450), "a.png")
    response = client.post(f"{path}/remove", data={"csrf_token": csrf_token(client, path)})
    assert response.status_code == 303
    assert photo_rows(db) == 0
    assert "/photos/" not in client.get("/").text


def test_pictures_cost_the_home_page_no_statement(client, catalogue, db, count_queries):
    def counted() -> tuple[int, int, str]:
        """Statements of the home page rendered anew, then taken from the cache."""
        with count_queries() as rendered:
            client.get("/?lang=ko")
        with count_queries() as kept:
            page = client.get("/?lang=ko").text
        return rendered.count, kept.count, page

    *without, _page = counted()
    for number in range(6):
        make_service(f"extra-{number}", photo_key=f"{number:032d}")
    catalogue["club"].photo_key = "f" * 32
    db.session.commit()
    *with_pictures, page = counted()
    assert page.count("/photos/") == 7
    assert with_pictures == without
