"""Specificity: how rare a concept is in the event (IDF over semantic neighbourhoods).

A phrase's concept is its semantic neighbourhood: every phrase at cosine >= the
cluster threshold ("ML" and "machine learning" are one concept). Its document
frequency is the number of attendees holding any phrase of that neighbourhood; a
small prior (generic topics every event has) smooths it so two people alone still
know that "AI" is common and "carbon capture" is not.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from matcher.arrays import unique_sorted
from matcher.concepts import ConceptStats, concept_stats
from matcher.encoding import PhraseVectors
from matcher.facets import Facets

# Topics that nearly every professional event has plenty of, with a rough share of
# attendees listing them. Used only as a prior; the event's own counts dominate.
GENERIC_TOPICS: dict[str, float] = {
    "artificial intelligence": 0.35,
    "machine learning": 0.25,
    "generative ai": 0.2,
    "technology": 0.3,
    "tech": 0.3,
    "innovation": 0.25,
    "startups": 0.3,
    "entrepreneurship": 0.25,
    "networking": 0.3,
    "business": 0.25,
    "leadership": 0.2,
    "marketing": 0.15,
    "data": 0.2,
    "data science": 0.15,
    "software": 0.2,
    "software engineering": 0.15,
    "product": 0.15,
    "product management": 0.12,
    "sustainability": 0.15,
    "digital transformation": 0.12,
    "investing": 0.12,
    "finance": 0.12,
    "education": 0.12,
    "design": 0.12,
    "travel": 0.3,
    "music": 0.25,
    "reading": 0.25,
    "books": 0.2,
    "food": 0.2,
    "cooking": 0.15,
    "coffee": 0.2,
    "movies": 0.15,
    "sports": 0.15,
    "fitness": 0.15,
    "running": 0.12,
    "hiking": 0.12,
    "yoga": 0.1,
    "photography": 0.1,
    "podcasts": 0.12,
    "gaming": 0.1,
    "family": 0.15,
    "learning": 0.15,
    "meeting new people": 0.2,
}
DEFAULT_PREVALENCE = 0.01


@dataclass(frozen=True)
class SpecificityParams:
    """How specificity is estimated."""

    cluster_threshold: float = 0.7  # cosine at which two phrases are one concept
    prior_strength: float = 20.0  # pseudo-attendees the prior stands for
    rare_prevalence: float = 0.01  # a concept this rare (or rarer) gets full weight
    min_weight: float = 0.01


def _weight(prevalence: np.ndarray, params: SpecificityParams) -> np.ndarray:
    """Squared IDF, rescaled so a concept at `rare_prevalence` weighs 1: (n,) -> (n,) in (0, 1].

    Squared because a shared concept is evidence from both sides, as in the cosine
    of two tf-idf vectors, where a shared term contributes idf x idf.
    """
    idf = np.log(1.0 / np.clip(prevalence, 1e-9, 1.0)) / np.log(1.0 / params.rare_prevalence)
    return np.clip(np.clip(idf, 0.0, 1.0) ** 2, params.min_weight, 1.0).astype(np.float32)


def prior_prevalence(
    vectors: np.ndarray, table: PhraseVectors, params: SpecificityParams
) -> np.ndarray:
    """Prior share of attendees holding each phrase's concept: (n, d) -> (n,)."""
    generic = list(GENERIC_TOPICS)
    gvec = table.matrix(generic)
    share = np.array([GENERIC_TOPICS[g] for g in generic], dtype=np.float32)
    sims = vectors @ gvec.T  # (n, G) — G is small
    near = np.where(sims >= params.cluster_threshold, share[None, :], 0.0)
    return np.maximum(near.max(axis=1, initial=0.0), DEFAULT_PREVALENCE).astype(np.float32)


def counted_weights(
    df: np.ndarray, prior: np.ndarray, n: int, params: SpecificityParams
) -> np.ndarray:
    """Specificity from attendee counts: holders (T,), prior share (T,), attendees -> (T,).

    The prior stands for `prior_strength` pseudo-attendees, so a concept two people
    share in a tiny event is still known to be common or rare.
    """
    m = params.prior_strength
    return _weight((df + m * prior) / (n + m), params)


def topic_weights(
    facets: Facets,
    table: PhraseVectors,
    params: SpecificityParams | None = None,
    prior_only: bool = False,
    concepts: ConceptStats | None = None,
) -> np.ndarray:
    """Specificity of every phrase as a topic: -> (U + 1,) float32, padding row 0.

    `prior_only`: the profiles are not a population (say, the two people of one
    badge scan), so their own lists are no evidence of how common a concept is.
    `concepts`: the event's concept statistics if already computed (a full run
    computes them once for specificity and candidates).
    """
    params = params or SpecificityParams()
    n_phrases = len(facets.phrases)
    weights = np.zeros(n_phrases + 1, dtype=np.float32)
    topic_ids = unique_sorted(facets.topics.values)
    if len(topic_ids) == 0:
        return weights
    vecs = facets.vectors[topic_ids]
    prior = prior_prevalence(vecs, table, params)
    if prior_only:
        weights[topic_ids] = _weight(prior, params)
        return weights
    if concepts is None or concepts.df is None:
        concepts = concept_stats(
            facets.topics, facets.vectors, facets.n, params.cluster_threshold, None
        )
    df = concepts.df
    assert df is not None and len(df) == len(topic_ids)
    weights[topic_ids] = counted_weights(df, prior, facets.n, params)
    return weights


def org_counts(facets: Facets) -> np.ndarray:
    """Attendees listing each organization: -> (n_orgs,) float32."""
    return np.bincount(facets.orgs.values, minlength=len(facets.org_keys)).astype(np.float32)


def counted_org_weights(
    df: np.ndarray, n: int, params: SpecificityParams, prior_only: bool = False
) -> np.ndarray:
    """Specificity of organizations from their attendee counts (n_orgs,) -> (n_orgs,)."""
    if prior_only:
        return _weight(np.full(len(df), DEFAULT_PREVALENCE, dtype=np.float32), params)
    m = params.prior_strength
    return _weight((df + m * DEFAULT_PREVALENCE) / (n + m), params)


def org_weights(
    facets: Facets, params: SpecificityParams | None = None, prior_only: bool = False
) -> np.ndarray:
    """Specificity of every organization: -> (n_orgs,) float32 (a shared small school > a giant)."""
    params = params or SpecificityParams()
    return counted_org_weights(org_counts(facets), facets.n, params, prior_only)
