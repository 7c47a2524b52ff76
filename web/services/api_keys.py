"""Creating, listing, revoking and checking organizer API keys (no Flask in here)."""

from __future__ import annotations

import datetime as dt
import hmac
import logging

import sqlalchemy as sa
from sqlalchemy.orm import Session

from models import ApiKey, Organizer, utcnow
from models.api_key import KEY_PREFIX, hash_api_key, new_api_key

log = logging.getLogger(__name__)

MAX_NAME = 100
# Recording every use would write on every read; once a minute is plenty to show it.
TOUCH_EVERY = dt.timedelta(minutes=1)


def create_key(session: Session, organizer: Organizer, name: str = "") -> tuple[ApiKey, str]:
    """A new key of `organizer`; returns the row and the key itself (shown once). Flushes."""
    name = " ".join(name.split())[:MAX_NAME] or "API key"
    for _ in range(5):  # a prefix collision is astronomically rare; retry anyway
        key, prefix = new_api_key()
        if session.scalar(sa.select(ApiKey.id).where(ApiKey.prefix == prefix)) is None:
            break
    row = ApiKey(organizer_id=organizer.id, name=name, prefix=prefix, key_hash=hash_api_key(key))
    session.add(row)
    session.flush()
    log.info("organizer %s created API key %s", organizer.id, prefix)
    return row, key


def keys_of(session: Session, organizer: Organizer) -> list[ApiKey]:
    """The organizer's keys, newest first (revoked ones too, for the record)."""
    return list(
        session.scalars(
            sa.select(ApiKey)
            .where(ApiKey.organizer_id == organizer.id)
            .order_by(ApiKey.revoked_at.is_not(None), ApiKey.id.desc())
        )
    )


def revoke_key(session: Session, key: ApiKey) -> bool:
    """Revoke `key` at once; False when it was revoked already. Flushes."""
    if key.revoked_at is not None:
        return False
    key.revoked_at = utcnow()
    session.flush()
    log.info("API key %s revoked", key.prefix)
    return True


def key_for_token(session: Session, token: str) -> ApiKey | None:
    """The active key a presented Bearer token is, or None."""
    if not token.startswith(KEY_PREFIX) or len(token) > 200:
        return None
    digest = hash_api_key(token)
    key = session.scalar(sa.select(ApiKey).where(ApiKey.key_hash == digest))
    if key is None or key.revoked_at is not None:
        return None
    # The lookup is by hash; compare again in constant time for good measure.
    if not hmac.compare_digest(key.key_hash, digest):
        return None
    return key


def use_to_record(key: ApiKey) -> bool:
    """Whether a use of `key` now is worth recording (the last one is over a minute old)."""
    last = key.last_used_at
    if last is not None and last.tzinfo is None:  # SQLite hands back naive datetimes
        last = last.replace(tzinfo=dt.UTC)
    return last is None or utcnow() - last > TOUCH_EVERY


def touch(session: Session, key: ApiKey) -> None:
    """Remember that the key was used (at most once a minute). Flushes."""
    if use_to_record(key):
        key.last_used_at = utcnow()
        session.flush()
