"""The badges blueprint: badge QR codes and the scan page (J3).

Endpoints: `badges.qr_png`, `badges.qr_svg` (the QR encodes the absolute URL
of `badges.scan`), `badges.scan` (GET /b/<token>) and `badges.save` (POST:
save the badge's owner to my contacts with a note).
"""

from flask import Blueprint

bp = Blueprint("badges", __name__)

from web.badges import views  # noqa: E402, F401  (routes register on import)
