"""Forgetting an attendee's phrases: stored embeddings nobody else uses go with them.

Phrase embeddings are a cache keyed by the normalised phrase and shared by every
attendee (and event) using the same words. When someone deletes their data, the
phrases only they used would otherwise stay readable in `phrase_embeddings.text`;
those rows are removed. Phrases someone else still uses stay (they are that other
person's data too, and removing them would only cost a re-encode).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from models import Attendee, PhraseEmbedding
from web.matching import text_key

log = logging.getLogger(__name__)


def _normalisers() -> tuple[Callable[[str], str], Callable[[str], str]]:
    try:
        from matcher.normalise import normalise_goal, normalise_phrase
    except ImportError:  # pragma: no cover - older matcher without a normaliser module

        def normalise_phrase(text: str) -> str:
            return " ".join(text.split()).lower()

        normalise_goal = normalise_phrase
    return normalise_phrase, normalise_goal


def phrase_keys(people: Iterable[Any]) -> set[str]:
    """Every embedding key (normalised phrase, raw and lower-cased) of `people`'s profiles.

    `people` are attendees or rows with their four phrase columns.
    """
    topic, goal = _normalisers()
    keys: set[str] = set()
    for person in people:
        for item in [*person.interests, *person.personal_interests]:
            keys.update({topic(str(item)), str(item).strip().lower()})
        for item in [*person.looking_for, *person.offering]:
            keys.update({goal(str(item)), topic(str(item)), str(item).strip().lower()})
    keys.discard("")
    return keys


def forget_phrases(session: Session, attendee: Attendee) -> int:
    """Delete the stored embeddings of phrases only `attendee` uses; returns how many.

    Flushes only; the caller commits together with the attendee's deletion.
    """
    mine = phrase_keys([attendee])
    if not mine:
        return 0
    others = session.execute(
        sa.select(
            Attendee.interests, Attendee.personal_interests, Attendee.looking_for, Attendee.offering
        ).where(Attendee.id != attendee.id)
    )
    still_used = phrase_keys(others.yield_per(1000))
    hashes = [text_key(k) for k in mine - still_used]
    removed = 0
    for start in range(0, len(hashes), 500):
        result = session.execute(
            sa.delete(PhraseEmbedding).where(
                PhraseEmbedding.text_hash.in_(hashes[start : start + 500])
            )
        )
        removed += int(getattr(result, "rowcount", 0) or 0)
    log.info("attendee %s: %d unshared phrase embeddings removed", attendee.id, removed)
    return removed
