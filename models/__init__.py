"""Typed SQLAlchemy 2.0 models of Common Ground, and their migrations."""

from models.api_key import ApiKey
from models.attendee import Attendee, hash_token
from models.base import Base, utcnow
from models.contact import FOLLOW_UP_AFTER, Contact, Scan
from models.departures import Departure, count_departures
from models.event import Event, Organizer
from models.job import Job
from models.matching import PairExclusion, PhraseEmbedding, PinnedIntroduction, Suggestion
from models.meetings import Booking, Meeting, MeetingPlace, MeetingSlot, PlaceSeat
from models.notifications import Feedback, Notification
from models.profile import (
    EMAIL_MAX_LENGTH,
    FIELDS_BY_NAME,
    LIST_FIELDS,
    MATCHED_FIELDS,
    PROFILE_FIELDS,
    TEXT_FIELDS,
    ProfileField,
)
from models.rounds import RoundAssignment
from models.run import MatchRun

__all__ = [
    "EMAIL_MAX_LENGTH",
    "FIELDS_BY_NAME",
    "FOLLOW_UP_AFTER",
    "LIST_FIELDS",
    "MATCHED_FIELDS",
    "PROFILE_FIELDS",
    "TEXT_FIELDS",
    "ApiKey",
    "Attendee",
    "Base",
    "Booking",
    "Contact",
    "Departure",
    "Event",
    "Feedback",
    "Job",
    "MatchRun",
    "Meeting",
    "MeetingPlace",
    "MeetingSlot",
    "Notification",
    "Organizer",
    "PairExclusion",
    "PhraseEmbedding",
    "PinnedIntroduction",
    "PlaceSeat",
    "ProfileField",
    "RoundAssignment",
    "Scan",
    "Suggestion",
    "count_departures",
    "hash_token",
    "utcnow",
]
