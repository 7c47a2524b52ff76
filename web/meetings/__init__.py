"""The meetings blueprint: from a suggestion to a booked conversation, and feedback (J10).

Attendee pages, all behind `attendee_required`:

- `meetings.person` — "You and NAME": the common ground of a suggestion (or of someone
  I have a meeting or contact with), with "I'd like to meet", "Not for me", "We met";
- `meetings.index`, `meetings.meeting` — my meetings; accept, decline, propose another
  time, reschedule, cancel; `meetings.ics` — the calendar file;
- `meetings.notifications` — what happened, unread first, and the email setting;
- `meetings.feedback` — "How much did you have in common?".

The organizer's meeting pages live in `web.organizer.meetings`; reminders are sent by
`commonground send-meeting-reminders` (web.cli.meetings).
"""

from flask import Blueprint

bp = Blueprint("meetings", __name__)

from web.meetings import feedback, helpers, people, views  # noqa: E402, F401
from web.meetings import notifications as notification_views  # noqa: E402, F401
