"""Which language a profile is written in, and whether the model matches across languages.

The default model (all-MiniLM-L6-v2) was trained on English: "Wärmepumpen" and
"heat pumps" sit far apart in its space, so a German profile finds only other
German profiles. Detecting the language lets the service say so to the people it
affects instead of quietly giving them fewer suggestions.

Detection uses py3langid (a small model shipped inside the package; nothing is
downloaded), limited to the languages people at our events write in, and answers
only when it is sure: short tag lists ("Rust", "grid flexibility") are too short
to tell and count as English.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache
from typing import Any

from matcher.types import Profile

ENGLISH = "en"
LANGUAGE_NAMES = {
    "en": "English", "de": "German", "es": "Spanish", "fr": "French", "pt": "Portuguese",
    "it": "Italian", "nl": "Dutch", "pl": "Polish", "sv": "Swedish", "da": "Danish",
    "no": "Norwegian", "fi": "Finnish", "cs": "Czech", "tr": "Turkish", "ro": "Romanian",
    "hu": "Hungarian", "el": "Greek", "uk": "Ukrainian", "ru": "Russian", "ja": "Japanese",
    "zh": "Chinese", "ko": "Korean", "ar": "Arabic", "hi": "Hindi", "et": "Estonian",
    "lv": "Latvian", "lt": "Lithuanian", "sk": "Slovak", "sl": "Slovenian", "hr": "Croatian",
    "bg": "Bulgarian", "sr": "Serbian", "ca": "Catalan", "is": "Icelandic", "eu": "Basque",
    "lb": "Luxembourgish",
}  # fmt: skip
# Below this probability (among the languages above) the answer is "not sure".
MIN_CONFIDENCE = 0.9
MIN_LETTERS = 12
# Sentence-transformers models trained on many languages (their names say so).
_MULTILINGUAL = re.compile(r"multilingual|labse|xlm-r|bge-m3", re.IGNORECASE)

# Luxembourgish is told from German only in a text as long as a profile's: among all
# the languages it leaves the identifier unsure of many short German and Dutch items
# ("Kreislaufwirtschaft", "Obst und Gemüse"), which it reads as German otherwise.
LUXEMBOURGISH = "lb"
_LONG_LETTERS = 200

_lock = threading.Lock()
_identifier: Any = None
_german_or_luxembourgish: Any = None


def _load() -> Any:
    """The language identifier, loaded once per process (about a second)."""
    global _identifier
    with _lock:
        if _identifier is None:
            _identifier = _identifier_of([c for c in LANGUAGE_NAMES if c != LUXEMBOURGISH])
    return _identifier


def _load_lb() -> Any:
    """The identifier that tells Luxembourgish from German, loaded once per process."""
    global _german_or_luxembourgish
    with _lock:
        if _german_or_luxembourgish is None:
            _german_or_luxembourgish = _identifier_of(["de", LUXEMBOURGISH])
    return _german_or_luxembourgish


def _identifier_of(codes: list[str]) -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(codes)
    return identifier


def warm_up_language() -> None:
    """Load the language identifiers now rather than on the first page that needs them."""
    _load()
    _load_lb()


@lru_cache(maxsize=1 << 16)
def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of the language `text` is written in, or None when unsure."""
    if sum(ch.isalpha() for ch in text) < MIN_LETTERS:
        return None
    code, probability = _load().classify(text)
    if probability < MIN_CONFIDENCE:
        return None
    if code == "de" and sum(ch.isalpha() for ch in text) >= _LONG_LETTERS:
        code, probability = _load_lb().classify(text)
        return str(code) if probability >= MIN_CONFIDENCE else "de"
    return str(code)


def profile_text(profile: Profile) -> str:
    """The words of a profile a reader would take the language from (not its name)."""
    parts = [
        profile.headline,
        *profile.interests,
        *profile.personal_interests,
        *profile.looking_for,
        *profile.offering,
        profile.about,
    ]
    return ". ".join(p.strip() for p in parts if p and p.strip())


def profile_language(profile: Profile) -> str:
    """The profile's language code; English when it cannot tell (short tag lists)."""
    return detect_language(profile_text(profile)) or ENGLISH


def reads_across_languages(model_name: str) -> bool:
    """Whether the sentence-transformers model `model_name` (a name or a path) was
    trained to match the same meaning across languages."""
    return bool(_MULTILINGUAL.search(model_name))


def language_name(code: str) -> str:
    """ "German" for "de" (the code itself when unknown)."""
    return LANGUAGE_NAMES.get(code, code)
