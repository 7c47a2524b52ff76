"""QR codes as bytes (PNG, SVG) or a module matrix, from the `qrcode` package. No Flask.

Error correction M and a quiet zone of four modules everywhere: badges, the help
desk's link codes and the printed PDF all decode with a standard reader.
"""

from __future__ import annotations

import io

import qrcode
import qrcode.constants
from qrcode.image.pure import PyPNGImage
from qrcode.image.svg import SvgPathFillImage

QUIET_MODULES = 4


def _code(data: str, scale: int = 1) -> qrcode.QRCode:
    code = qrcode.QRCode(
        error_correction=qrcode.constants.ERROR_CORRECT_M, box_size=scale, border=QUIET_MODULES
    )
    code.add_data(data)
    code.make(fit=True)
    return code


def qr_matrix(data: str) -> list[list[bool]]:
    """The dark (True) and light modules of `data`'s code, without the quiet zone."""
    code = _code(data)
    code.border = 0
    return [list(row) for row in code.get_matrix()]


def qr_png(data: str, scale: int = 8) -> bytes:
    """`data` as a PNG QR code, `scale` pixels per module."""
    buffer = io.BytesIO()
    _code(data, scale).make_image(image_factory=PyPNGImage).save(buffer)
    return buffer.getvalue()


def qr_svg(data: str) -> bytes:
    """`data` as a scalable SVG QR code with a white background (no XML declaration:
    it may be inlined in HTML as well as served)."""
    image = _code(data, 10).make_image(image_factory=SvgPathFillImage)
    return bytes(image.to_string(xml_declaration=False))
