"""Feedback after meeting someone, and the match quality the organizer sees from it.

After a meeting's time, or after saving a contact, an attendee answers "How much did
you have in common?" (1-5) and "Would you meet again?". Low answers become pair
exclusions (the matcher never suggests the pair again); the answers, grouped by the
kind of reason the pair was introduced for, tell the organizer how good the
introductions were. Flushes only.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session, aliased

from models import Attendee, Contact, Feedback, Meeting, MeetingSlot, utcnow
from models.meetings import MEETING_ACCEPTED
from web.services import pairs
from web.services.availability import newest_of_pair

# Kinds of reason a pair has in common (Feedback.kinds), with the organizer's words.
SHARED_TOPIC = "shared_topic"
COMPLEMENT = "complement"
PERSONAL = "personal"
NEARBY = "nearby"  # a list's fill (the closest remaining profile), no reason stated
KIND_LABELS = {
    SHARED_TOPIC: "Shared topic",
    COMPLEMENT: "Complementary goals",
    PERSONAL: "Personal interest",
    NEARBY: "Completing a list (no reason stated)",
}
HIGH = 4  # ratings from here up count as "a lot in common"
LOW = 2  # ratings up to here (or "would not meet again") exclude the pair from now on


def kinds_of(detail: dict[str, Any]) -> list[str]:
    """The kinds of reason in a serialised CommonGround (a pair may have several)."""
    shared = detail.get("shared") or []
    kinds = []
    if any(item.get("kind") != "personal" for item in shared):
        kinds.append(SHARED_TOPIC)
    if detail.get("complements"):
        kinds.append(COMPLEMENT)
    if any(item.get("kind") == "personal" for item in shared):
        kinds.append(PERSONAL)
    if any(tie.get("kind") == "nearby" for tie in detail.get("ties") or []):
        kinds.append(NEARBY)
    return kinds


def feedback_of(session: Session, rater_id: int, other_id: int) -> Feedback | None:
    """`rater`'s answer about `other`, if given."""
    return session.scalar(
        sa.select(Feedback).where(Feedback.rater_id == rater_id, Feedback.other_id == other_id)
    )


def rate(
    session: Session,
    rater: Attendee,
    other: Attendee,
    rating: int,
    meet_again: bool | None,
    kinds: list[str],
    meeting_id: int | None = None,
) -> Feedback:
    """Record (or change) `rater`'s answer about `other`.

    A low rating or "No" to meeting again excludes the pair from later suggestions;
    changing the answer to a better one lifts that exclusion again.
    """
    if not 1 <= rating <= 5:
        raise ValueError("a rating is 1 to 5")
    values = {
        "event_id": rater.event_id,
        "rater_id": rater.id,
        "other_id": other.id,
        "meeting_id": meeting_id,
        "rating": rating,
        "meet_again": meet_again,
        "kinds": kinds,
        "updated_at": utcnow(),
    }
    dialect = session.get_bind().dialect.name
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    stmt = insert(Feedback).values(values)
    # A double tap or two devices: one answer per pair and rater, the last one wins.
    session.execute(
        stmt.on_conflict_do_update(
            index_elements=["rater_id", "other_id"],
            set_={k: stmt.excluded[k] for k in ("rating", "meet_again", "kinds", "updated_at")},
        )
    )
    if rating <= LOW or meet_again is False:
        pairs.exclude_pair(session, rater.id, other.id, pairs.LOW_RATING)
    else:
        pairs.include_pair(session, rater.id, other.id, pairs.LOW_RATING)
    session.flush()
    feedback = feedback_of(session, rater.id, other.id)
    assert feedback is not None
    session.refresh(feedback)
    return feedback


def last_meeting(session: Session, a_id: int, b_id: int, now: dt.datetime) -> Meeting | None:
    """The pair's most recent accepted meeting whose time has come (or None)."""
    return newest_of_pair(
        session,
        a_id,
        b_id,
        Meeting.status == MEETING_ACCEPTED,
        sa.or_(Meeting.slot_id.is_(None), MeetingSlot.starts_at <= now),
    )


def may_rate(session: Session, rater_id: int, other_id: int, now: dt.datetime) -> bool:
    """After a meeting's time, or once `rater` saved `other` as a contact."""
    saved = session.scalar(
        sa.select(Contact.id).where(Contact.owner_id == rater_id, Contact.other_id == other_id)
    )
    return saved is not None or last_meeting(session, rater_id, other_id, now) is not None


@dataclass(frozen=True)
class Prompt:
    """Someone `attendee` met and has not rated yet."""

    other: Attendee
    meeting: Meeting | None
    since: dt.datetime


# Built once (my page asks on every visit; building costs more than running them).
_RATED = sa.select(Feedback.other_id).where(Feedback.rater_id == sa.bindparam("me"))
_MET = (
    sa.select(Meeting, MeetingSlot.starts_at)
    .join(MeetingSlot, MeetingSlot.id == Meeting.slot_id)
    .where(
        sa.or_(
            Meeting.requester_id == sa.bindparam("me"), Meeting.recipient_id == sa.bindparam("me")
        ),
        Meeting.status == MEETING_ACCEPTED,
        MeetingSlot.starts_at <= sa.bindparam("now"),
    )
    .order_by(MeetingSlot.starts_at.desc())
)
_OTHER = aliased(Attendee)
_SAVED = (
    sa.select(_OTHER, Contact.created_at)
    .join(Contact, Contact.other_id == _OTHER.id)
    .where(Contact.owner_id == sa.bindparam("me"))
)


def to_rate(
    session: Session,
    attendee_id: int,
    now: dt.datetime | None = None,
    limit: int = 5,
    meetings: list[Meeting] | None = None,
) -> list[Prompt]:
    """People met (a meeting's time has come, or saved as a contact) and not rated, newest first.

    `meetings`: every meeting of the attendee, when the caller has them (my page):
    with none accepted at a slot, the met ones are not asked for.
    """
    now = now or utcnow()
    prompts: dict[int, Prompt] = {}
    booked = meetings is None or any(
        m.status == MEETING_ACCEPTED and m.slot_id is not None for m in meetings
    )
    rows = session.execute(_MET, {"me": attendee_id, "now": now}).all() if booked else []
    for meeting, starts_at in rows:
        other_id = meeting.other_id(attendee_id)
        if other_id not in prompts:
            prompts[other_id] = Prompt(meeting.other(attendee_id), meeting, _aware(starts_at))
    for person, saved_at in session.execute(_SAVED, {"me": attendee_id}).all():
        prompts.setdefault(person.id, Prompt(person, None, _aware(saved_at)))
    done = set(session.scalars(_RATED, {"me": attendee_id})) if prompts else set()
    pending = [p for p in prompts.values() if p.other.id not in done]
    pending.sort(key=lambda p: p.since, reverse=True)
    return pending[:limit]


def _aware(moment: dt.datetime) -> dt.datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


@dataclass(frozen=True)
class Quality:
    """Answers of one group: how many, the mean rating, the share rated 4 or 5."""

    label: str
    answers: int
    mean: float | None
    share_high: float | None
    meet_again: float | None  # share answering yes, among those who answered


@dataclass(frozen=True)
class MatchQuality:
    """The introductions' quality from attendees' own answers, overall and by kind."""

    overall: Quality
    by_kind: list[Quality]


def _quality(label: str, rows: list[tuple[int, bool | None]]) -> Quality:
    if not rows:
        return Quality(label, 0, None, None, None)
    ratings = [r for r, _ in rows]
    again = [a for _, a in rows if a is not None]
    return Quality(
        label=label,
        answers=len(rows),
        mean=sum(ratings) / len(ratings),
        share_high=sum(r >= HIGH for r in ratings) / len(ratings),
        meet_again=(sum(again) / len(again)) if again else None,
    )


def match_quality(session: Session, event_id: int) -> MatchQuality:
    """Match quality of an event from its attendees' feedback (for the organizer).

    Each answer counts once overall and once under every kind of reason its pair had
    (a pair with a shared topic and a complement counts under both).
    """
    rows = session.execute(
        sa.select(Feedback.rating, Feedback.meet_again, Feedback.kinds).where(
            Feedback.event_id == event_id
        )
    ).all()
    overall = _quality("All answers", [(r, a) for r, a, _ in rows])
    by_kind = [
        _quality(label, [(r, a) for r, a, kinds in rows if kind in (kinds or [])])
        for kind, label in KIND_LABELS.items()
    ]
    return MatchQuality(overall, by_kind)
