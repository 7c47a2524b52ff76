"""Forms of the meeting pages; every POST carries a CSRF token."""

from __future__ import annotations

from collections.abc import Sequence
from zoneinfo import ZoneInfo

from flask_wtf import FlaskForm
from wtforms import BooleanField, RadioField, SelectField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, Length, Optional

from models import MeetingSlot
from web.services.booking import MAX_MESSAGE_LENGTH
from web.services.meeting_times import day_label, local, slot_label


def slot_choices(slots: Sequence[MeetingSlot], zone: ZoneInfo) -> list[SelectChoice]:
    """Slots as <select> options grouped by day: optgroup "Thu 3 Dec", label "14:00–14:15"."""
    return [
        SelectChoice(
            str(slot.id),
            slot_label(slot, zone, with_day=False),
            optgroup=day_label(local(slot.starts_at, zone).date()),
        )
        for slot in slots
    ]


class SlotForm(FlaskForm):
    """Choose one of the offered times (propose another time, reschedule)."""

    slot = SelectField(
        "Time", coerce=int, validators=[InputRequired("Choose a time.")], validate_choice=True
    )

    def offer(self, slots: Sequence[MeetingSlot], zone: ZoneInfo) -> None:
        """Offer these slots (the field stays empty until one is chosen)."""
        self.slot.choices = slot_choices(slots, zone)


class RequestForm(SlotForm):
    """ "I'd like to meet": a time (when the event has meeting times) and a short message."""

    message = TextAreaField(
        "A short message",
        description="Say what you would like to talk about. They see it with your request.",
        validators=[
            Length(
                max=MAX_MESSAGE_LENGTH,
                message=f"Keep the message under {MAX_MESSAGE_LENGTH} characters.",
            )
        ],
        render_kw={"rows": 3, "maxlength": MAX_MESSAGE_LENGTH, "autocomplete": "off"},
    )


class RequestWithoutTimeForm(FlaskForm):
    """ "I'd like to meet" at an event without meeting times: only the message."""

    message = RequestForm.message


class ActionForm(FlaskForm):
    """One-button actions (accept, decline, cancel, not for me, we met)."""


RATINGS = [
    SelectChoice("1", "1 · Very little"),
    SelectChoice("2", "2 · A little"),
    SelectChoice("3", "3 · Some"),
    SelectChoice("4", "4 · A lot"),
    SelectChoice("5", "5 · Very much"),
]


class FeedbackForm(FlaskForm):
    """The one short question after meeting someone."""

    rating = RadioField(
        "How much did you have in common?",
        choices=RATINGS,
        validators=[InputRequired("Choose how much you had in common, from 1 to 5.")],
    )
    meet_again = RadioField(
        "Would you meet again?",
        choices=[SelectChoice("yes", "Yes"), SelectChoice("no", "No")],
        validators=[Optional()],
    )


class EmailSettingForm(FlaskForm):
    """Whether meeting news also comes by email."""

    email_notifications = BooleanField(
        "Email me about meeting requests, bookings and reminders",
        description="You always see them on your page.",
    )
