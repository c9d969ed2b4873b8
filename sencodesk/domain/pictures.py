"""Whether a pupil's photo can be drawn: a PNG or JPEG that decodes to its last byte.

A file cut short keeps a valid header, so reading the size alone passes it and drawing it
later fails; decoding it whole here finds that when the photo is chosen, and reports fall back
to initials for any photo stored before this check.
"""

from __future__ import annotations

import io

from PIL import Image, UnidentifiedImageError

from sencodesk.domain.errors import ValidationError

#: Far beyond any school photo, and small enough that decoding cannot exhaust memory.
MAX_PIXELS = 40_000_000
FORMATS = ("PNG", "JPEG")


def picture_size(data: bytes) -> tuple[int, int] | None:
    """Width and height of a PNG or JPEG that decodes whole, or None if it does not."""
    try:
        with Image.open(io.BytesIO(data), formats=FORMATS) as image:
            if image.width * image.height > MAX_PIXELS:
                return None
            image.load()
            return image.size
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError,
            UnidentifiedImageError):
        return None


def check_photo(data: bytes, *, field: str = "photo") -> tuple[int, int]:
    """The photo's size, or ValidationError saying plainly why it cannot be used."""
    if not data.startswith((b"\x89PNG", b"\xff\xd8")):
        raise ValidationError(field, "use a PNG or JPEG picture")
    size = picture_size(data)
    if size is None:
        raise ValidationError(field, "the picture is damaged or cut short (it cannot be read "
                              "to the end), or is too large; save it again and choose it again")
    return size
