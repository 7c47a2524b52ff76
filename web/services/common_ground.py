"""One common ground per pair, wherever the pair is shown.

The stored suggestion's common ground when there is one (the other person's
stored suggestion, flipped, when only they have it); otherwise the matcher's,
under the event's specificity now (the worker's event state). Scan page, My
contacts, follow-up reminders and rounds notes all read it here, so they say
what the suggestion card and the API say.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

import sqlalchemy as sa
from sqlalchemy.orm import Session

from matcher import CommonGround, EventState, Matcher, Tie, make_starters, wording
from models import Attendee, Contact, Event, Suggestion
from web.services.event_states import states_of
from web.services.matching import profile_of
from web.services.meeting_times import event_started

log = logging.getLogger(__name__)


_SAVED_BY_BOTH = (
    sa.select(Attendee)
    .join(Contact, Contact.other_id == Attendee.id)
    .where(
        Contact.owner_id == sa.bindparam("a"),
        Contact.other_id.in_(
            sa.select(Contact.other_id).where(Contact.owner_id == sa.bindparam("b"))
        ),
        Attendee.id != sa.bindparam("a"),
        Attendee.id != sa.bindparam("b"),
    )
    .order_by(Attendee.name)
)

# Built once: constructing a statement costs more than running it on SQLite. Plain
# Core over the tables: the scan page asks on every request, and the ORM's layer
# costs more than SQLite's answer.
_SUGGESTIONS = Suggestion.__table__.c
_STORED = sa.select(_SUGGESTIONS.attendee_id, _SUGGESTIONS.detail).where(
    sa.or_(
        sa.and_(
            _SUGGESTIONS.attendee_id == sa.bindparam("a"),
            _SUGGESTIONS.other_id == sa.bindparam("b"),
        ),
        sa.and_(
            _SUGGESTIONS.attendee_id == sa.bindparam("b"),
            _SUGGESTIONS.other_id == sa.bindparam("a"),
        ),
    )
)
_CONTACTS = Contact.__table__.c
_SAVED_BY_EITHER = sa.select(_CONTACTS.owner_id, _CONTACTS.other_id).where(
    _CONTACTS.owner_id.in_([sa.bindparam("a"), sa.bindparam("b")])
)


def saved_ids(session: Session, a: Attendee, b: Attendee) -> dict[int, set[int]]:
    """Whom `a` and whom `b` have saved: owner id -> saved ids (both keys present), in
    one query. Enough to tell whether either saved the other and whether any person
    was saved by both, without loading a contact."""
    saved: dict[int, set[int]] = {a.id: set(), b.id: set()}
    for owner, other in session.execute(_SAVED_BY_EITHER, {"a": a.id, "b": b.id}):
        saved[owner].add(other)
    return saved


def saved_by_both(session: Session, a: Attendee, b: Attendee) -> list[Attendee]:
    """People `a` and `b` have both already saved at this event."""
    return list(session.scalars(_SAVED_BY_BOTH, {"a": a.id, "b": b.id}))


def stored_common_ground(session: Session, a: Attendee, b: Attendee) -> CommonGround | None:
    """The pair's stored common ground from `a`'s side, if either has the other suggested.

    From the other side's suggestion it is that object flipped, with starters for `a`.
    """
    found = {row[0]: row[1] for row in session.execute(_STORED, {"a": a.id, "b": b.id})}
    if found.get(a.id):
        return CommonGround.from_dict(found[a.id])
    if found.get(b.id):
        cg = CommonGround.from_dict(found[b.id]).flipped()
        cg.starters = make_starters(
            profile_of(a), profile_of(b), cg, event_started=_started(session, a)
        )
        return cg
    return None


def event_common_ground(
    session: Session, matcher: Matcher, event: Event, *, scored: bool = True
) -> Callable[[Attendee, Attendee], CommonGround]:
    """A function giving a pair's common ground under the event's specificity now
    (for pairs without a stored one). It depends on the profiles only, so the state
    is brought up to date on its attendees alone (`EventStates.for_pairs`). Not
    `scored`: with a score of 0, for pages that show none (`EventState.common_ground`)."""
    states = states_of(matcher)
    got: list[EventState] = []  # brought up to date once, on the first pair

    def of(a: Attendee, b: Attendee) -> CommonGround:
        with states.lock:
            if not got:
                got.append(states.for_pairs(session, event))
            state = got[0]
            if str(a.id) in state and str(b.id) in state:
                return state.common_ground(str(a.id), str(b.id), scored=scored)
        # Someone with nothing to match on: no specificity to weigh, nothing to share
        # but an organization.
        return matcher.common_ground(profile_of(a), profile_of(b))

    return of


def pair_common_ground(
    session: Session, matcher: Matcher, a: Attendee, b: Attendee, *, scored: bool = True
) -> CommonGround:
    """The pair's one common ground, from `a`'s side (see the module docstring); not
    `scored`: a pair not suggested gets a score of 0 (`event_common_ground`)."""
    stored = stored_common_ground(session, a, b)
    if stored is not None:
        return stored
    event = session.get_one(Event, a.event_id)
    return event_common_ground(session, matcher, event, scored=scored)(a, b)


def common_ground_with_ties(
    session: Session,
    matcher: Matcher,
    a: Attendee,
    b: Attendee,
    saved: dict[int, set[int]] | None = None,
    *,
    scored: bool = True,
) -> CommonGround:
    """The pair's common ground from `a`'s side, plus the people both have saved.

    Mutual contacts are ties too: the reasons and starters are made again with
    them. When the matcher fails (say the model is missing), the result is empty
    common ground with starters from the profiles, so the page still works.
    `saved`: `saved_ids(session, a, b)` when the caller has it already; `scored`: as
    `pair_common_ground`.
    """
    try:
        cg = pair_common_ground(session, matcher, a, b, scored=scored)
    except Exception:
        # The scan moment must work even when the model cannot: the profiles
        # alone still give grounded starters, and saving still works.
        log.exception("common ground of attendees %s and %s failed", a.id, b.id)
        cg = CommonGround(score=0.0)
    known = {(t.kind, t.b.casefold()) for t in cg.ties}
    added = False
    saved = saved if saved is not None else saved_ids(session, a, b)
    mutual = (saved[a.id] & saved[b.id]) - {a.id, b.id}
    for person in saved_by_both(session, a, b) if mutual else ():
        if ("contact", person.name.casefold()) not in known:
            cg.ties.append(Tie(kind="contact", a=person.name, b=person.name))
            added = True
    if added:
        cg.reasons = wording.reasons(cg)
    if added or not cg.starters:
        cg.starters = make_starters(
            profile_of(a), profile_of(b), cg, event_started=_started(session, a)
        )
    return cg


def _started(session: Session, a: Attendee) -> bool:
    return event_started(session.get_one(Event, a.event_id))
