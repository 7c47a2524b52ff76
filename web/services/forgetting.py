"""Forgetting an attendee's phrases: stored embeddings nobody else uses go with them.

Phrase embeddings are a cache keyed by the normalised phrase and shared by every
attendee (and event) using the same words. When someone deletes their data, the
phrases only they used would otherwise stay readable in `phrase_embeddings.text`;
those rows are removed. Phrases someone else still uses stay (they are that other
person's data too, and removing them would only cost a re-encode).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from matcher import Profile
from matcher import phrase_keys as matcher_phrase_keys
from models import PROFILE_FIELDS, Attendee, PhraseEmbedding
from web.services.store import text_key

log = logging.getLogger(__name__)

# The profile fields whose phrases the matcher embeds (models.profile).
_PHRASE_FIELDS = tuple(f.name for f in PROFILE_FIELDS if f.phrases in ("topic", "goal"))


def phrase_keys(people: Iterable[Any]) -> set[str]:
    """The embedding keys of `people`'s profiles, exactly as the matcher makes them
    (`matcher.phrase_keys`). `people` are attendees or rows with their phrase fields."""
    keys: set[str] = set()
    for person in people:
        profile = Profile(id="", name="")
        for name in _PHRASE_FIELDS:
            setattr(profile, name, list(getattr(person, name) or []))
        keys |= matcher_phrase_keys(profile)
    return keys


def forget_phrases(session: Session, attendee: Attendee) -> int:
    """Delete the stored embeddings of phrases only `attendee` uses; returns how many.

    Flushes only; the caller commits together with the attendee's deletion.
    """
    mine = phrase_keys([attendee])
    if not mine:
        return 0
    columns = [getattr(Attendee, name) for name in _PHRASE_FIELDS]
    others = session.execute(sa.select(*columns).where(Attendee.id != attendee.id))
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
