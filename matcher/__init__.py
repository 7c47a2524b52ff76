"""Common Ground's matching library: who shares real common ground, and why.

No Flask or database imports here; see PRODUCT.md §4 for the stable contract.
"""

from matcher.encoding import (
    BUNDLED_MODEL,
    EmbeddingStore,
    Encoder,
    ModelUnavailable,
    SentenceTransformerEncoder,
)
from matcher.matcher import Matcher
from matcher.onnx_encoding import OnnxEncoder
from matcher.types import CommonGround, Complement, Profile, SharedItem, Suggestion, Tie

__all__ = [
    "BUNDLED_MODEL",
    "CommonGround",
    "Complement",
    "EmbeddingStore",
    "Encoder",
    "Matcher",
    "ModelUnavailable",
    "OnnxEncoder",
    "Profile",
    "SentenceTransformerEncoder",
    "SharedItem",
    "Suggestion",
    "Tie",
]
