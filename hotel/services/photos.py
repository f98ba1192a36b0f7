"""Pictures of services and packages: an upload is checked to be a picture by decoding it,
resized into the sizes the pages show, and stored under the hash of what was uploaded.

Only the pixels are kept: what the file said it was (its name, its media type) is never
trusted, and the stored picture is one we wrote ourselves, so nothing the uploader hid in
the file (a script, a program, metadata) is ever served. Giving a service or package its
picture changes the catalogue, so its version goes up and every cached page shows it.
"""

import hashlib
import io
import warnings
from dataclasses import dataclass
from pathlib import Path

from flask import current_app
from flask_babel import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError
from sqlalchemy import delete, exists, select

from hotel.database import write_transaction
from hotel.extensions import db
from hotel.models import Package, Photo, Service, StaffUser
from hotel.services import audit
from hotel.services.errors import DomainError


@dataclass(frozen=True)
class PhotoSize:
    """A size the pages show pictures in: cropped to fill width × height."""

    width: int
    height: int


# Cards on the catalogue (a phone's width at 2× and a desk column), and the top of a page.
SIZES = {"card": PhotoSize(720, 405), "large": PhotoSize(1440, 810)}
JPEG_QUALITY = 82
SVG = "image/svg+xml"

# The first bytes of programs and scripts, which no picture starts with.
_PROGRAM_STARTS = (b"MZ", b"\x7fELF", b"#!", b"\xca\xfe\xba\xbe", b"\xcf\xfa\xed\xfe",
                   b"\xce\xfa\xed\xfe", b"PK\x03\x04")


class PhotoRefused(DomainError):
    """The upload is not a picture we take."""

    status = 422


class PhotoTooLarge(PhotoRefused):
    """The upload is larger than PHOTO_MAX_BYTES."""

    status = 413


def max_photo_bytes() -> int:
    """Return the largest upload taken, in bytes."""
    return current_app.config["PHOTO_MAX_BYTES"]


def _decoded(data: bytes) -> Image.Image:
    """Return the picture in ``data``, fully decoded.

    :raises PhotoRefused: it is a program, not a picture, or broken.
    """
    if data.startswith(_PROGRAM_STARTS):
        raise PhotoRefused(_("This file is a program, not a picture. Please upload a photo "
                             "(JPEG, PNG or WebP)."), "photo")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data), formats=("JPEG", "PNG", "WEBP", "GIF"))
            image.load()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError,
            Image.DecompressionBombWarning, Image.DecompressionBombError):
        raise PhotoRefused(_("This file is not a picture we can read. Please upload a photo "
                             "(JPEG, PNG or WebP)."), "photo") from None
    return image


def _resized(image: Image.Image, size: PhotoSize) -> tuple[bytes, int, int]:
    image = ImageOps.exif_transpose(image)
    if image.mode not in ("RGB", "L"):
        background = Image.new("RGB", image.size, "white")
        image = image.convert("RGBA")
        background.paste(image, mask=image.getchannel("A"))
        image = background
    fitted = ImageOps.fit(image.convert("RGB"), (size.width, size.height),
                          Image.Resampling.LANCZOS)
    out = io.BytesIO()
    fitted.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)
    return out.getvalue(), size.width, size.height


def _keep(key: str, rows: dict[str, tuple[str, bytes, int, int]]) -> None:
    if db.session.get(Photo, (key, next(iter(rows)))) is not None:
        return  # the same picture, uploaded before
    for size, (content_type, data, width, height) in rows.items():
        db.session.add(Photo(key=key, size=size, content_type=content_type, data=data,
                             width=width, height=height))


def _forget_unused(key: str | None) -> None:
    """Delete a picture that no service or package shows any more."""
    if key is None:
        return
    used = select(Service.id).where(Service.photo_key == key).union_all(
        select(Package.id).where(Package.photo_key == key))
    if not db.session.scalar(select(exists(used.subquery().select()))):
        db.session.execute(delete(Photo).where(Photo.key == key))


def set_photo(owner: Service | Package, data: bytes, actor: StaffUser) -> str:
    """Give a service or package the picture uploaded as ``data``, in every size.

    :raises PhotoTooLarge: larger than PHOTO_MAX_BYTES.
    :raises PhotoRefused: not a picture (a program, a text, a broken file).
    :returns: the picture's key.
    """
    if not data:
        raise PhotoRefused(_("Please choose a picture to upload."), "photo")
    if len(data) > max_photo_bytes():
        raise PhotoTooLarge(_("This picture is too large: at most %(megabytes)d MB, please.",
                              megabytes=max_photo_bytes() // (1024 * 1024) or 1), "photo")
    image = _decoded(data)
    key = hashlib.sha256(data).hexdigest()[:32]
    resized = {name: ("image/jpeg", *_resized(image, size)) for name, size in SIZES.items()}
    with write_transaction():
        _keep(key, resized)
        return _give(owner, key, actor)


def _give(owner: Service | Package, key: str | None, actor: StaffUser) -> str | None:
    before = owner.photo_key
    owner.photo_key = key  # a change of the catalogue: its version goes up with it
    db.session.flush()
    if before != key:
        _forget_unused(before)
        audit.record("photo.changed" if key else "photo.removed", owner, actor, photo=key)
    return key


def remove_photo(owner: Service | Package, actor: StaffUser) -> None:
    """Take a service's or package's picture away."""
    with write_transaction():
        _give(owner, None, actor)


def set_drawing(owner: Service | Package, path: Path) -> bool:
    """Give a service or package one of our own drawings (SVG), unless it has it already.

    Drawings are ours, not uploads; they are served as they are, in every size.
    :returns: whether anything changed.
    """
    data = path.read_bytes()
    key = hashlib.sha256(data).hexdigest()[:32]
    if owner.photo_key == key:
        return False
    size = SIZES["large"]
    _keep(key, {name: (SVG, data, size.width, size.height) for name in SIZES})
    before, owner.photo_key = owner.photo_key, key
    db.session.flush()
    _forget_unused(before)  # a drawing redrawn: the old one is no one's any more
    return True


def photo_of(key: str, size: str) -> Photo | None:
    """Return one size of a picture, or None."""
    if size not in SIZES:
        return None
    return db.session.get(Photo, (key, size))

