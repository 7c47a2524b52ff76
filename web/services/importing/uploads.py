"""Uploaded files kept between the preview and the commit, under a random id.

The id alone is not enough to use a file: its owner (organizer and event) is stored
next to it and checked on every use, and files older than a day are removed.
"""

from __future__ import annotations

import json
import logging
import os
import re
import secrets
import shutil
import time
from pathlib import Path
from typing import IO, Any

log = logging.getLogger(__name__)

MAX_AGE = 24 * 3600
_ID = re.compile(r"^[A-Za-z0-9_-]{22}$")


def _private(path: Path) -> IO[bytes]:
    return os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb")


class UploadStore:
    """A folder of uploads: `<id>.csv` plus `<id>.json` describing its owner."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def save(self, stream: IO[bytes], owner: dict[str, Any], filename: str = "") -> str:
        """Store the upload (streamed to disk) and return its new id."""
        self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        self.prune()
        upload_id = secrets.token_urlsafe(16)
        # Registration lists are personal data: readable by this service only.
        with _private(self.folder / f"{upload_id}.csv") as fh:
            shutil.copyfileobj(stream, fh, 1 << 20)
        meta = {"owner": owner, "filename": filename[:200], "created": time.time()}
        with _private(self.folder / f"{upload_id}.json") as fh:
            fh.write(json.dumps(meta).encode())
        return upload_id

    def _meta(self, upload_id: str) -> dict[str, Any] | None:
        if not _ID.match(upload_id):
            return None
        try:
            meta: dict[str, Any] = json.loads((self.folder / f"{upload_id}.json").read_text())
        except (OSError, ValueError):
            return None
        if time.time() - float(meta.get("created", 0)) > MAX_AGE:
            return None
        return meta

    def open(self, upload_id: str, owner: dict[str, Any]) -> tuple[Path, str] | None:
        """The stored file and its original name, if `owner` uploaded it (and it is fresh)."""
        meta = self._meta(upload_id)
        path = self.folder / f"{upload_id}.csv"
        if meta is None or meta.get("owner") != owner or not path.exists():
            return None
        return path, str(meta.get("filename", ""))

    def delete(self, upload_id: str) -> None:
        """Remove an upload (after its import was committed)."""
        if _ID.match(upload_id):
            for suffix in (".csv", ".json"):
                (self.folder / f"{upload_id}{suffix}").unlink(missing_ok=True)

    def prune(self) -> None:
        """Remove uploads older than a day."""
        cutoff = time.time() - MAX_AGE
        for path in self.folder.glob("*.*"):
            try:
                if path.stat().st_mtime < cutoff:
                    path.unlink(missing_ok=True)
            except OSError:
                log.debug("could not prune %s", path)
