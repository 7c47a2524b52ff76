"""QR codes of badge URLs, as PNG or SVG bytes (pure functions over segno)."""

from __future__ import annotations

import io

import segno
from flask import current_app, url_for


def scan_url(token: str) -> str:
    """The absolute URL a badge's QR encodes: PUBLIC_BASE_URL when set, else this host."""
    base = current_app.config.get("PUBLIC_BASE_URL", "")
    if base:
        return base.rstrip("/") + url_for("badges.scan", token=token)
    return url_for("badges.scan", token=token, _external=True)


def qr_png(data: str, scale: int = 8) -> bytes:
    """`data` as a PNG QR code (error correction M, quiet zone of 4 modules)."""
    buffer = io.BytesIO()
    segno.make(data, error="m", micro=False).save(buffer, kind="png", scale=scale, border=4)
    return buffer.getvalue()


def qr_svg(data: str) -> bytes:
    """`data` as a scalable SVG QR code with a white background."""
    buffer = io.BytesIO()
    segno.make(data, error="m", micro=False).save(
        buffer, kind="svg", scale=4, border=4, light="#fff", xmldecl=False, svgclass=None
    )
    return buffer.getvalue()
