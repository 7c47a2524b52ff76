"""QR codes of badge URLs (web.services.qr_codes draws them, from the `qrcode` package)."""

from __future__ import annotations

from web.config import external_url
from web.services.qr_codes import qr_png, qr_svg

__all__ = ["qr_png", "qr_svg", "scan_url"]


def scan_url(token: str) -> str:
    """The absolute URL a badge's QR encodes: PUBLIC_BASE_URL when set, else this host."""
    return external_url("badges.scan", token=token)
