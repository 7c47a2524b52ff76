"""Suggestions in the database: profiles for the matcher, full and per-attendee refreshes,
and the job that asks for a refresh (`refresh_later`).

No Flask here: the worker's matcher is passed in (`web.extensions` binds it to the
app); its event states (`web.services.event_states`) make per-attendee refreshes.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from matcher import Change, Matcher, Profile, Suggestion
from models import MATCHED_FIELDS, Attendee, Contact, Event, Job, PairExclusion
from models import Suggestion as StoredSuggestion
from web.services.feedback import NEARBY, kinds_of
from web.services.jobs import enqueue

log = logging.getLogger(__name__)


def profile_of(attendee: Attendee) -> Profile:
    """The matcher's view of an attendee: its matched profile fields (lists copied)."""
    values: dict[str, Any] = {}
    for name in MATCHED_FIELDS:
        value = getattr(attendee, name)
        values[name] = list(value) if isinstance(value, list) else value
    return Profile(id=str(attendee.id), **values)


def met_or_declined_pairs(session: Session, event: Event) -> set[tuple[str, str]]:
    """Pairs never to suggest: saved contacts (met) and declined pairs, as id strings."""
    pairs: set[tuple[str, str]] = set()
    contacts = session.execute(
        sa.select(Contact.owner_id, Contact.other_id).where(Contact.event_id == event.id)
    )
    declined = session.execute(
        sa.select(PairExclusion.attendee_id, PairExclusion.other_id)
        .join(Attendee, Attendee.id == PairExclusion.attendee_id)
        .where(Attendee.event_id == event.id)
    )
    for owner, other in [*contacts, *declined]:
        pairs.add((str(owner), str(other)))
    return pairs


def lock_event(session: Session, event: Event, *, writer: bool = False) -> None:
    """Serialise suggestion writers of one event until this transaction ends.

    Concurrent refreshes would otherwise delete and insert the same rows (unique
    violations), and one computed from a view older than another's commit would store
    over it. Taken before reading attendees and lists, so the last writer sees every
    committed sign-up and every list stored before it.

    PostgreSQL: a NO KEY UPDATE lock on the event's row, which does not block sign-ups
    inserting rows that reference the event. SQLite has one writer at a time: with
    `writer` this transaction becomes it now (BEGIN IMMEDIATE), waiting for the busy
    timeout if another holds it; sign-ups wait for it too, so only a sign-up's refresh
    (milliseconds, or a small event recomputed whole) asks for it. Without `writer`,
    SQLite takes nothing: a long run must not keep sign-ups waiting for minutes.
    """
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        session.execute(
            sa.select(Event.id).where(Event.id == event.id).with_for_update(key_share=True)
        )
    elif dialect == "sqlite" and writer:
        raw = session.connection().connection.dbapi_connection
        assert isinstance(raw, sqlite3.Connection)
        if not raw.in_transaction:  # a write in this transaction holds the lock already
            raw.execute("BEGIN IMMEDIATE")


def refresh_suggestions(
    session: Session,
    matcher: Matcher,
    event: Event,
    progress: Callable[[str, float], None] | None = None,
) -> int:
    """Recompute and store every attendee's suggestions for `event`; returns how many.

    Each suggestion is stored with its common ground, explained in batches after
    the lists are chosen. Flushes only; the caller's transaction boundary commits.
    """
    lock_event(session, event)
    attendees = session.scalars(
        sa.select(Attendee).where(Attendee.event_id == event.id).order_by(Attendee.id)
    ).all()
    read = {a.id: (a.profile_version, a.listed, a.hidden) for a in attendees}
    if progress:
        progress("loading", 0.05)
    profiles = [profile_of(a) for a in attendees if a.is_complete]
    exclude = met_or_declined_pairs(session, event)
    result = matcher.suggest(
        profiles,
        k=event.suggestions_per_attendee,
        exclude=exclude,
        hidden=[str(a.id) for a in attendees if not a.suggestable],
        max_exposure=event.exposure_cap,
        exclude_same_company=event.exclude_same_company,
        progress=(lambda phase, f: progress(phase, 0.05 + 0.6 * f)) if progress else None,
        personal_weight=event.personal_weight,
    )
    matcher.explain_all(
        result, progress=(lambda f: progress("explaining", 0.65 + 0.25 * f)) if progress else None
    )
    if progress:
        progress("saving", 0.9)
    session.execute(sa.delete(StoredSuggestion).where(StoredSuggestion.event_id == event.id))
    # From the delete on, this transaction is the event's writer on SQLite too.
    stale = _changed_since(session, event, read, exclude, result)
    count = _insert_lists(session, event, result)
    session.flush()
    _store_pins(session, matcher, event)
    for attendee_id in sorted(stale):
        refresh_later(session, event.id, attendee_id)
    if progress:
        progress("done", 1.0)
    log.info("event %s: %d suggestions for %d attendees", event.slug, count, len(profiles))
    return count


def _changed_since(
    session: Session,
    event: Event,
    read: dict[int, tuple[int, bool, bool]],
    exclude: set[tuple[str, str]],
    lists: dict[str, list[Suggestion]],
) -> set[int]:
    """Who changed while a full run computed; takes out of `lists` the people who left.

    On SQLite a full run reads without the writer lock (sign-ups must not wait for it),
    so people could sign up, edit, leave, meet or decline someone meanwhile, and
    their own refresh stored lists that the run has just deleted. Returns whom to
    refresh again once the run commits: those who came or changed, the owners of new
    met or declined pairs, and the people whose computed list held someone who left.
    On PostgreSQL the run holds the event's lock from the start: their refreshes wait
    for it, and the few found here are refreshed twice (refreshes are idempotent).
    """
    now = {
        row.id: (row.profile_version, row.listed, row.hidden)
        for row in session.execute(
            sa.select(
                Attendee.id, Attendee.profile_version, Attendee.listed, Attendee.hidden
            ).where(Attendee.event_id == event.id)
        )
    }
    stale = {i for i, version in now.items() if read.get(i) != version}
    stale |= {int(owner) for owner, _ in met_or_declined_pairs(session, event) - exclude}
    gone = {str(i) for i in read.keys() - now.keys()}
    for receiver in list(lists) if gone else ():
        if receiver in gone:
            del lists[receiver]
        elif any(s.other_id in gone for s in lists[receiver]):
            lists[receiver] = [s for s in lists[receiver] if s.other_id not in gone]
            stale.add(int(receiver))
    if stale or gone:
        log.info("event %s: %d changed during the run, %d left", event.slug, len(stale), len(gone))
    return stale & now.keys()


def refresh_later(session: Session, event_id: int, attendee_id: int) -> Job:
    """Ask for the lists to follow `attendee_id`'s sign-up, edit or deletion. Flushes."""
    return enqueue(
        session,
        "refresh_attendee",
        {"event_id": event_id, "attendee_id": attendee_id},
        event_id=event_id,
        key=refresh_key(attendee_id),
    )


def refresh_key(attendee_id: int) -> str:
    """The key of the jobs that refresh lists after `attendee_id` changed."""
    return f"refresh:{attendee_id}"


Stored = dict[tuple[int, int], tuple[float, dict[str, Any]]]


def _insert_lists(
    session: Session,
    event: Event,
    lists: dict[str, list[Suggestion]],
    stored: Stored | None = None,
    matcher: Matcher | None = None,
) -> int:
    """Insert these lists (receiver id -> suggestions, best first); -> rows inserted.

    `stored`: (receiver, other) -> (score, detail) of rows these lists replace; a
    suggestion with the same pair and score keeps its stored detail instead of being
    explained again, and `matcher` explains the others.
    """
    details: dict[tuple[int, int], dict[str, Any]] = {}
    fresh: dict[str, list[Suggestion]] = {}
    stored = stored or {}
    for attendee_id, suggestions in lists.items() if stored else ():
        for s in suggestions:
            pair = (int(attendee_id), int(s.other_id))
            known = stored.get(pair)
            if known is not None and known[0] == float(s.score):
                details[pair] = known[1]
            else:
                fresh.setdefault(attendee_id, []).append(s)
    if details and matcher is not None:
        # The others only: reading one suggestion would explain a batch from it on.
        matcher.explain_all(fresh)
    rows = []
    for attendee_id, suggestions in lists.items():
        said = [
            (s, details.get((int(attendee_id), int(s.other_id))) or s.common_ground.to_dict())
            for s in suggestions
        ]
        # A card with no reason the matcher can state (a fill, or a suggestion whose
        # claims were all held back) after every card with one: the page says the last
        # cards of a list complete it.
        said.sort(key=lambda item: NEARBY in kinds_of(item[1]))
        rows += [
            {
                "event_id": event.id,
                "attendee_id": int(attendee_id),
                "other_id": int(s.other_id),
                "rank": rank,
                "score": float(s.score),
                "detail": detail,
            }
            for rank, (s, detail) in enumerate(said, start=1)
        ]
    # Core executemany in batches: the ORM's unit of work for 50,000 objects took
    # longer than the matching itself.
    for start in range(0, len(rows), 5000):
        session.execute(sa.insert(StoredSuggestion), rows[start : start + 5000])
    return len(rows)


def store_change(session: Session, matcher: Matcher, event: Event, change: Change) -> int:
    """Replace the lists a change touched (and drop those of people who left); -> rows
    inserted. Flushes only.

    A changed list mostly holds the people it held (a newcomer enters it, one
    leaves): those pairs keep the common ground stored with them, and only the new
    ones are explained. Pairs with the changed person are always explained again.
    """
    receivers = [int(r) for r in [*change.lists, *change.dropped]]
    stored = _stored_pairs(session, [int(r) for r in change.lists if r != change.person], change)
    for start in range(0, len(receivers), 500):
        session.execute(
            sa.delete(StoredSuggestion).where(
                StoredSuggestion.attendee_id.in_(receivers[start : start + 500])
            )
        )
    count = _insert_lists(session, event, change.lists, stored, matcher)
    session.flush()
    return count


def _stored_pairs(session: Session, receivers: list[int], change: Change) -> Stored:
    """The matcher's stored rows of `receivers`, but for pairs with `change.person`:
    (receiver, other) -> (score, detail)."""
    person = int(change.person)
    stored: Stored = {}
    for start in range(0, len(receivers), 500):
        rows = session.execute(
            sa.select(
                StoredSuggestion.attendee_id,
                StoredSuggestion.other_id,
                StoredSuggestion.score,
                StoredSuggestion.detail,
            ).where(
                StoredSuggestion.attendee_id.in_(receivers[start : start + 500]),
                StoredSuggestion.other_id != person,
                StoredSuggestion.pinned.is_(False),
            )
        )
        for receiver, other, score, detail in rows:
            stored[(int(receiver), int(other))] = (float(score), detail)
    return stored


def refresh_for_attendee(
    session: Session,
    matcher: Matcher,
    event: Event,
    attendee_id: int,
    incremental_from: int,
) -> int:
    """Bring suggestions up to date after one attendee signed up, changed their profile
    or left (call after that change is committed); returns the suggestions stored.

    Events smaller than `incremental_from` (MATCHING_INCREMENTAL_FROM)
    are recomputed whole; in larger ones the worker's event state (`EventState`)
    recomputes that attendee's list and the lists the change touches, which takes
    milliseconds instead of minutes. Flushes only.
    """
    from web.services.event_states import states_of  # it builds on this module

    changed = session.get(Attendee, attendee_id)
    if changed is not None and changed.is_complete:
        # Its phrases embedded and stored before this transaction becomes the event's
        # writer (SQLite skips a save while another transaction writes). Best effort:
        # the refresh embeds what is missing, and fails there if the model does.
        try:
            matcher.warm_up([profile_of(changed)])
        except Exception:
            log.warning("attendee %s: phrases not embedded ahead of the refresh", attendee_id)
    lock_event(session, event, writer=True)
    session.expire_all()  # read again under the lock
    count = session.scalar(
        sa.select(sa.func.count(Attendee.id)).where(Attendee.event_id == event.id)
    )
    if int(count or 0) < incremental_from:
        return refresh_suggestions(session, matcher, event)
    states = states_of(matcher)
    with states.lock:
        state = states.get(session, event, leave=frozenset({attendee_id}))
        attendee = session.get(Attendee, attendee_id)
        pid = str(attendee_id)
        if attendee is not None and attendee.is_complete:
            change = state.add(profile_of(attendee), hidden=not attendee.suggestable)
        elif pid in state:
            change = state.remove(pid)
        else:
            return 0
        written = store_change(session, matcher, event, change)
        _store_pins(session, matcher, event)
        states.record(session, event)
    log.info(
        "event %s: attendee %s changed %d lists (%d suggestions), entered %d",
        event.slug,
        attendee_id,
        len(change.lists),
        written,
        len(change.entered()),
    )
    return written


def _store_pins(session: Session, matcher: Matcher, event: Event) -> None:
    """Put the organizer's pinned introductions back after the matcher's lists changed."""
    from web.services.common_ground import event_common_ground  # they build on this module
    from web.services.pins import store_pins

    store_pins(session, event, event_common_ground(session, matcher, event))
