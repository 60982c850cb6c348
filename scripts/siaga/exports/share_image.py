"""The picture a shared link shows (``og:image``), drawn at build time with Pillow.

WhatsApp, Telegram and Facebook show it beside the title and description of any page. It is
drawn here, not by Material's social plugin, because that plugin needs Cairo, a system library
the build machine may lack. The same content always gives the same bytes.
"""

from __future__ import annotations

import io

from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 1200, 630
RED = (183, 28, 28)
WHITE = (255, 255, 255)


def _shield(draw: ImageDraw.ImageDraw, left: int, top: int, size: int) -> None:
    """The site's logo, simplified: a white shield with a red roof line."""
    s = size / 24
    outline = [(12, 1.5), (20.5, 5), (20.5, 11.2), (18.5, 17.5), (12, 22.5), (5.5, 17.5), (3.5, 11.2), (3.5, 5)]
    draw.polygon([(left + x * s, top + y * s) for x, y in outline], fill=WHITE)
    roof = [(8.8, 11.8), (8.8, 8.8), (12, 6.6), (15.2, 8.8), (15.2, 11.8)]
    draw.line([(left + x * s, top + y * s) for x, y in roof], fill=RED, width=max(2, int(1.6 * s)), joint="curve")


def share_image(title: str, subtitle: str, lines: list[str]) -> bytes:
    """A 1200 x 630 PNG: the site's name, what it is for, and the numbers to call."""
    image = Image.new("RGB", (WIDTH, HEIGHT), RED)
    draw = ImageDraw.Draw(image)
    _shield(draw, 80, 80, 150)
    draw.text((270, 95), title, font=ImageFont.load_default(size=96), fill=WHITE)
    draw.text((272, 210), subtitle, font=ImageFont.load_default(size=40), fill=WHITE)
    small = ImageFont.load_default(size=44)
    for number, line in enumerate(lines):
        draw.text((80, 330 + number * 70), line, font=small, fill=WHITE)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
