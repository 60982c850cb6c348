"""Indonesian phone numbers: parsed once, stored as E.164, shown in national format.

Every number in the content passes through :func:`normalise` while the model is
validated, so the rest of the tool only ever sees ``+62...`` strings.
"""

from __future__ import annotations

import functools
import re

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberFormat, PhoneNumberType

# phonenumbers maps letters to keypad digits ("0812-ABC" would become 0812222);
# a maintainer who types letters has made a mistake, so only these characters are allowed.
_ALLOWED = re.compile(r"^\+?[0-9(][0-9 ().\-]*$")
_EMERGENCY = re.compile(r"^1[0-9]{2}$")


def normalise(raw: str) -> str:
    """Return ``raw`` as E.164 (``+6281200000001``) or raise ``ValueError`` with a readable reason."""
    text = raw.strip()
    if not _ALLOWED.match(text):
        raise ValueError(f"{raw!r} bukan nomor telepon: hanya angka, spasi, tanda hubung dan '+' di depan")
    try:
        number = phonenumbers.parse(text, "ID")
    except NumberParseException as error:
        raise ValueError(f"{raw!r} bukan nomor telepon ({error})") from None
    if not phonenumbers.is_valid_number(number):
        raise ValueError(
            f"{raw!r} bukan nomor telepon Indonesia yang sah "
            "(contoh bentuk yang benar: 0812-3456-7890 atau 0254-123456)"
        )
    return phonenumbers.format_number(number, PhoneNumberFormat.E164)


def normalise_emergency(raw: str) -> str:
    """Return a three-digit national emergency number (112, 110, ...) or raise ``ValueError``."""
    text = raw.strip()
    if not _EMERGENCY.match(text):
        raise ValueError(f"{raw!r} bukan nomor darurat tiga angka (misalnya 112)")
    return text


@functools.cache  # one number shows on several list pages; parsing it is the cost
def national(e164: str) -> str:
    """Format an E.164 number the way Indonesians write it: ``0812-0000-0001``, ``(0254) 200000``."""
    if _EMERGENCY.match(e164):
        return e164
    return phonenumbers.format_number(phonenumbers.parse(e164, "ID"), PhoneNumberFormat.NATIONAL)


@functools.cache
def masked(e164: str) -> str:
    """A sample number as nobody can dial it: the area or operator prefix kept, every other digit an x.

    Sample numbers have real formats and may belong to somebody; the page still shows what a number looks like.
    """
    national_form = national(e164)
    prefix_end = next((i for i, char in enumerate(national_form) if char in "-) "), len(national_form))
    return national_form[:prefix_end] + re.sub(r"[0-9]", "x", national_form[prefix_end:])


@functools.cache
def is_mobile(e164: str) -> bool:
    """True for mobile numbers, the only ones a WhatsApp link makes sense for."""
    if _EMERGENCY.match(e164):
        return False
    kind = phonenumbers.number_type(phonenumbers.parse(e164, "ID"))
    return kind in (PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE)


def tel_url(e164: str) -> str:
    """The ``tel:`` link target for a number."""
    return f"tel:{e164}"


def whatsapp_url(e164: str) -> str:
    """The click-to-chat link WhatsApp documents: wa.me followed by the digits only."""
    return f"https://wa.me/{e164.lstrip('+')}"
