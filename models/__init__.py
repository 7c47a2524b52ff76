"""Typed SQLAlchemy 2.0 models of Common Ground, and their migrations."""

from models.api_key import ApiKey
from models.attendee import LIST_FIELDS, Attendee, hash_token
from models.base import Base, utcnow
from models.contact import FOLLOW_UP_AFTER, Contact, Scan
from models.event import Event, Organizer
from models.matching import PairExclusion, PhraseEmbedding, Suggestion
from models.rounds import RoundAssignment
from models.run import MatchRun

__all__ = [
    "FOLLOW_UP_AFTER",
    "LIST_FIELDS",
    "ApiKey",
    "Attendee",
    "Base",
    "Contact",
    "Event",
    "MatchRun",
    "Organizer",
    "PairExclusion",
    "PhraseEmbedding",
    "RoundAssignment",
    "Scan",
    "Suggestion",
    "hash_token",
    "utcnow",
]
