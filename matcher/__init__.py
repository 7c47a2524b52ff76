"""Common Ground's matching library: who shares real common ground, and why.

No Flask or database imports here; see PRODUCT.md §4 for the stable contract.
Everything the service uses is named here; the submodules are internal, except
`matcher.wording` (every sentence about a pair), exported as `wording`.
"""

from matcher import wording
from matcher.encoding import (
    BUNDLED_MODEL,
    EmbeddingStore,
    Encoder,
    ModelUnavailable,
    SentenceTransformerEncoder,
    resolve_model_path,
)
from matcher.event import Change, EventState
from matcher.facets import phrase_keys
from matcher.followup import Draft, draft_follow_up, note_line
from matcher.glossary import glossary_languages, translates
from matcher.language import (
    language_name,
    profile_language,
    reads_across_languages,
    warm_up_language,
)
from matcher.matcher import Matcher, MatchParams
from matcher.normalise import normalise_goal, normalise_phrase
from matcher.onnx_encoding import OnnxEncoder
from matcher.places import only_places
from matcher.rounds import RoundsError, Schedule, plan_rounds
from matcher.starters import make_starters
from matcher.translation import source_language
from matcher.types import CommonGround, Complement, Profile, SharedItem, Suggestion, Tie

__all__ = [
    "BUNDLED_MODEL",
    "Change",
    "CommonGround",
    "Complement",
    "Draft",
    "EmbeddingStore",
    "Encoder",
    "EventState",
    "MatchParams",
    "Matcher",
    "ModelUnavailable",
    "OnnxEncoder",
    "Profile",
    "RoundsError",
    "Schedule",
    "SentenceTransformerEncoder",
    "SharedItem",
    "Suggestion",
    "Tie",
    "draft_follow_up",
    "glossary_languages",
    "language_name",
    "make_starters",
    "normalise_goal",
    "normalise_phrase",
    "note_line",
    "only_places",
    "phrase_keys",
    "plan_rounds",
    "profile_language",
    "reads_across_languages",
    "resolve_model_path",
    "source_language",
    "translates",
    "warm_up_language",
    "wording",
]
