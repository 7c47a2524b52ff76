"""Each worker's live matching state per event, kept in step with the database.

The database is the truth (profiles, suggestions, who met or declined whom); a
worker keeps one `matcher.EventState` per event it serves, so a sign-up is matched
against the whole event in milliseconds. Before each use the state is checked
against a version of the event read in one query (its attendees, suggestions,
saved contacts, declines and settings): attendees changed since are put in or
taken out, and lists, exclusions and settings another worker changed are read
again. After this worker writes, it records the version its own writes produced.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, replace
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from matcher import EventState, Matcher, Profile
from models import Attendee, Contact, Departure, Event, PairExclusion, Suggestion
from web.services.matching import met_or_declined_pairs
from web.services.meeting_times import event_started

log = logging.getLogger(__name__)

_PROFILE_COLUMNS = (
    Attendee.id,
    Attendee.name,
    Attendee.headline,
    Attendee.interests,
    Attendee.personal_interests,
    Attendee.looking_for,
    Attendee.offering,
    Attendee.organizations,
    Attendee.about,
    Attendee.company,
    # May be suggested: the attendee agreed and the organizer did not hide them.
    sa.and_(Attendee.listed, Attendee.hidden.is_(False)).label("listed"),
)


def _profile(row: Any) -> Profile:
    return Profile(
        id=str(row.id),
        name=row.name,
        headline=row.headline or "",
        interests=list(row.interests or []),
        personal_interests=list(row.personal_interests or []),
        looking_for=list(row.looking_for or []),
        offering=list(row.offering or []),
        organizations=list(row.organizations or []),
        about=row.about or "",
        company=row.company or "",
    )


def _complete(p: Profile) -> bool:
    lists = (p.interests, p.personal_interests, p.looking_for, p.offering, p.organizations)
    return any(lists) or bool(p.about.strip())


@dataclass(frozen=True)
class Version:
    """What an event's matching state depends on, read in one query."""

    attendees: tuple[Any, ...]  # latest departure, highest id, latest update
    suggestions: tuple[Any, ...]  # count, highest id
    pairs: tuple[Any, ...]  # saved contacts and declines: counts and highest ids
    settings: tuple[Any, ...]  # suggestions per attendee, exposure cap, same company


def attendees_version(session: Session, event: Event) -> tuple[Any, ...]:
    """The attendees' part of the event's `Version`: departures, highest id, latest
    update.

    Three lookups in one query, each from the end of an index: the event's latest
    departure (`models.departures`), its highest attendee id and latest update. Asked
    on every scan.
    """
    row = session.execute(_ATTENDEES_VERSION, {"event_id": event.id}).one()
    return tuple(row)


# Built once: constructing a statement costs more than running it on SQLite; plain
# Core over the table (the scan page asks on every request). Three scalar subqueries,
# not one select of aggregates: SQLite answers a lone max() from the end of an index,
# but reads every entry (and compares every timestamp) for them together, 1.1 ms
# against 0.2 ms at 10,000 attendees. Departures are rows of their own, not a count
# of the attendees: that read every one of them (0.2-0.5 ms at 10,000).
_ATTENDEE_COLUMNS = Attendee.__table__.c
_OF_EVENT = _ATTENDEE_COLUMNS.event_id == sa.bindparam("event_id")
_DEPARTURES = Departure.__table__.c
_ATTENDEES_VERSION = sa.select(
    sa.select(sa.func.max(_DEPARTURES.id))
    .where(_DEPARTURES.event_id == sa.bindparam("event_id"))
    .scalar_subquery(),
    sa.select(sa.func.max(_ATTENDEE_COLUMNS.id)).where(_OF_EVENT).scalar_subquery(),
    sa.select(sa.func.max(_ATTENDEE_COLUMNS.updated_at)).where(_OF_EVENT).scalar_subquery(),
)


_SUGGESTION_COLUMNS = Suggestion.__table__.c
# The matcher's rows (not pins, which states never hold) and the highest id of any.
_SUGGESTIONS_VERSION = sa.select(
    sa.func.count(_SUGGESTION_COLUMNS.id).filter(_SUGGESTION_COLUMNS.pinned.is_(False)),
    sa.func.max(_SUGGESTION_COLUMNS.id),
).where(_SUGGESTION_COLUMNS.event_id == sa.bindparam("event_id"))


def suggestions_version(session: Session, event: Event) -> tuple[Any, ...]:
    """The stored suggestions' part of the event's `Version`: how many the matcher's
    lists hold (pins left out) and the highest id."""
    return tuple(session.execute(_SUGGESTIONS_VERSION, {"event_id": event.id}).one())


def event_version(session: Session, event: Event) -> Version:
    """The event's current `Version` (as this session sees it)."""

    def scalar(stmt: Any) -> Any:
        return stmt.scalar_subquery()

    attendees = sa.select(Attendee.id).where(Attendee.event_id == event.id)
    stored = _SUGGESTIONS_VERSION.params(event_id=event.id).subquery()
    row = session.execute(
        sa.select(
            *stored.c,
            scalar(sa.select(sa.func.count(Contact.id)).where(Contact.event_id == event.id)),
            scalar(sa.select(sa.func.max(Contact.id)).where(Contact.event_id == event.id)),
            scalar(
                sa.select(sa.func.count(PairExclusion.id)).where(
                    PairExclusion.attendee_id.in_(attendees)
                )
            ),
            scalar(
                sa.select(sa.func.max(PairExclusion.id)).where(
                    PairExclusion.attendee_id.in_(attendees)
                )
            ),
        )
    ).one()
    return Version(
        attendees=attendees_version(session, event),
        suggestions=tuple(row[0:2]),
        pairs=tuple(row[2:6]),
        settings=(
            event.suggestions_per_attendee,
            event.exposure_cap,
            event.exclude_same_company,
            event.personal_weight,
        ),
    )


@dataclass
class _Entry:
    state: EventState
    version: Version


class EventStates:
    """This worker's `EventState` per event. Hold `lock` while using one."""

    def __init__(self, matcher: Matcher) -> None:
        self.matcher = matcher
        self.lock = threading.RLock()
        self._entries: dict[int, _Entry] = {}
        self.list_rows_read = 0  # stored suggestions read into states (a measure)

    def get(
        self, session: Session, event: Event, *, leave: frozenset[int] = frozenset()
    ) -> EventState:
        """The event's state, in step with the database; attendees in `leave` are left
        as the state had them (the caller is about to change them itself)."""
        version = event_version(session, event)
        entry = self._entries.get(event.id)
        # A new balance of personal and professional ground changes every pair's score:
        # the state is made again under it.
        if entry is None or entry.version.settings[3] != version.settings[3]:
            entry = self._build(session, event, version, leave)
        elif entry.version != version:
            self._catch_up(session, event, entry, version, leave)
        self._entries[event.id] = entry
        entry.state.event_started = event_started(event)
        return entry.state

    def for_pairs(self, session: Session, event: Event) -> EventState:
        """The event's state with its attendees in step with the database: enough for
        a pair's common ground, which depends on the profiles only (not on lists,
        blocked pairs or settings; `get` catches those up when a list is chosen).

        One small query per call where `get` asks for the whole `Version`: the scan
        page asks on every request.
        """
        entry = self._entries.get(event.id)
        if entry is None or entry.version.settings[3] != event.personal_weight:
            return self.get(session, event)  # a new balance changes every pair's score
        attendees = attendees_version(session, event)
        if attendees != entry.version.attendees:
            self._catch_up_attendees(
                session, event, entry.state, entry.version.attendees, attendees, frozenset()
            )
            entry.version = replace(entry.version, attendees=attendees)
        entry.state.event_started = event_started(event)
        return entry.state

    def record(self, session: Session, event: Event) -> None:
        """Remember the stored lists this session's writes produced (call once, after
        flushing every write of the job).

        Only the suggestions' part of the version is read again: the rest stays as
        `get` read it, which is what the state holds. A sign-up committed meanwhile
        is left for the next `get` to put in, where a whole new version would count
        it as held already.
        """
        entry = self._entries.get(event.id)
        if entry is not None:
            entry.version = replace(entry.version, suggestions=suggestions_version(session, event))

    def forget(self, event_id: int) -> None:
        """Drop an event's state (the next use builds it again)."""
        self._entries.pop(event_id, None)

    # -- building and catching up ------------------------------------------------

    def _rows(
        self, session: Session, event: Event, since: tuple[Any, ...] | None = None
    ) -> list[Any]:
        where = [Attendee.event_id == event.id]
        if since is not None and since[2] is not None:
            where.append(sa.or_(Attendee.updated_at >= since[2], Attendee.id > (since[1] or 0)))
        return list(
            session.execute(sa.select(*_PROFILE_COLUMNS).where(*where).order_by(Attendee.id))
        )

    def _build(
        self, session: Session, event: Event, version: Version, leave: frozenset[int]
    ) -> _Entry:
        rows = [r for r in self._rows(session, event) if r.id not in leave]
        profiles = [p for p in map(_profile, rows) if _complete(p)]
        state = self.matcher.event(
            profiles,
            k=event.suggestions_per_attendee,
            exclude=met_or_declined_pairs(session, event),
            hidden=[str(r.id) for r in rows if not r.listed],
            max_exposure=event.exposure_cap,
            exclude_same_company=event.exclude_same_company,
            personal_weight=event.personal_weight,
        )
        lists = _stored_lists(session, event)
        self.list_rows_read += sum(map(len, lists.values()))
        state.set_lists(lists)
        log.info("event %s: matching state built over %d attendees", event.slug, len(profiles))
        return _Entry(state, version)

    def _catch_up(
        self,
        session: Session,
        event: Event,
        entry: _Entry,
        version: Version,
        leave: frozenset[int],
    ) -> None:
        state, old = entry.state, entry.version
        if version.settings != old.settings:
            state.k = event.suggestions_per_attendee
            state.cap = (
                event.exposure_cap
                if event.exposure_cap is not None
                else state.params.exposure_factor * event.suggestions_per_attendee
            )
            state.exclude_same_company = event.exclude_same_company
        if version.attendees != old.attendees:
            self._catch_up_attendees(session, event, state, old.attendees, version.attendees, leave)
        if version.pairs != old.pairs:
            state.set_blocked(met_or_declined_pairs(session, event))
        if version.suggestions != old.suggestions:  # another worker (or run) wrote lists
            self._catch_up_lists(session, event, state, old, version)
        entry.version = version

    def _catch_up_lists(
        self, session: Session, event: Event, state: EventState, old: Version, new: Version
    ) -> None:
        """Read again the lists written since `old`, or every list when that does not
        account for all the rows `new` counts (a list emptied, a pin in place of a
        suggestion).

        A writer replaces whole lists (`store_change`), its rows taking ids above any
        before (writers of one event are serialised by `lock_event`): reading only the
        receivers with a row above `old`'s highest id keeps a catch-up to the lists the
        other worker changed, where reading all of them cost seconds at 10,000.
        """
        since = old.suggestions[1]
        if since is not None:
            changed = _stored_lists(session, event, since=since)
            self.list_rows_read += sum(map(len, changed.values()))
            state.replace_lists(changed)
            # Fills are stored rows too, but take no place in `load` (matcher.fill).
            if int(state.lists.load.sum()) + state.lists.fill_count() == new.suggestions[0]:
                return
        lists = _stored_lists(session, event)
        self.list_rows_read += sum(map(len, lists.values()))
        state.set_lists(lists)
        log.info("event %s: every stored list read again", event.slug)

    def _catch_up_attendees(
        self,
        session: Session,
        event: Event,
        state: EventState,
        old: tuple[Any, ...],
        new: tuple[Any, ...],
        leave: frozenset[int],
    ) -> None:
        """Put in the attendees added or changed since the attendees' version `old`, and
        take out those gone (`new`: the version now)."""
        for row in self._rows(session, event, old):
            if row.id in leave:
                continue
            profile = _profile(row)
            if _complete(profile):
                state.put(profile, hidden=not row.listed)
            elif profile.id in state:
                state.drop(profile.id)
        if new[0] == old[0]:
            # Nobody was deleted since (the event's latest departure is as it was):
            # reading every id of the event (10,000 at 10,000) would find nothing to
            # take out.
            return
        present = set(session.scalars(sa.select(Attendee.id).where(Attendee.event_id == event.id)))
        for pid in state.ids:
            if int(pid) not in present and int(pid) not in leave:
                state.drop(pid)


_STATES_LOCK = threading.Lock()


def states_of(matcher: Matcher) -> EventStates:
    """The event states this worker keeps with its matcher (made on first use)."""
    with _STATES_LOCK:
        states = matcher.extensions.get("event_states")
        if states is None:
            states = matcher.extensions["event_states"] = EventStates(matcher)
        assert isinstance(states, EventStates)
        return states


def _stored_lists(
    session: Session, event: Event, since: int | None = None
) -> dict[str, list[tuple[str, float]]]:
    """Every stored list of the event: receiver id -> [(other id, score)], by rank; with
    `since`, only the lists of receivers with a row of a higher id (written since)."""
    lists: dict[str, list[tuple[str, float]]] = {}
    # Pinned introductions are the organizer's, not the matcher's (web.services.pins).
    where = [Suggestion.event_id == event.id, Suggestion.pinned.is_(False)]
    if since is not None:
        written = sa.select(Suggestion.attendee_id).where(*where, Suggestion.id > since)
        where.append(Suggestion.attendee_id.in_(written))
    rows = session.execute(
        sa.select(Suggestion.attendee_id, Suggestion.other_id, Suggestion.score)
        .where(*where)
        .order_by(Suggestion.attendee_id, Suggestion.rank)
    )
    for receiver, other, score in rows:
        lists.setdefault(str(receiver), []).append((str(other), float(score)))
    return lists
