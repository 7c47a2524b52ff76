"""The attendee blueprint: sign-up (J1), the private link and my page (J2).

Endpoints other areas link to: `attendee.index`, `attendee.join`,
`attendee.private_link`, `attendee.me`, `attendee.edit`, `attendee.delete`.
Access helpers for private pages live in `web.attendee.auth`.
"""

from flask import Blueprint

bp = Blueprint("attendee", __name__)

from web.attendee import devices, limits, my_data, pages, private_link, views  # noqa: E402, F401  (routes register on import)
