"""Pictures of an event on its console page: topics, goals, fairness, scores, ratings.

Each picture is an SVG image served from its own URL (the CSP allows no inline
script or style) with alt text; the event page shows the same numbers as tables
(`event_pictures`). Both read the same functions of web.services.pictures and
web.services.topic_map, so picture and table agree.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from flask import Response, abort

from models import Event
from web.db import get_session
from web.extensions import get_matcher
from web.organizer import bp
from web.organizer.auth import event_for_organizer, organizer_required
from web.services import pictures, svg_charts
from web.services.feedback import MatchQuality, match_quality
from web.services.topic_map import TopicMap, map_alt, topic_map

log = logging.getLogger(__name__)


def _vectors(phrases: Sequence[str]) -> dict[str, np.ndarray]:
    """The stored vectors of these phrases (matching saved them); never the model: a
    page must not wait for it while a matching run uses it."""
    matcher = get_matcher()
    if matcher.store is None:
        return {}
    found = matcher.store.load(matcher.vectors.model, list(phrases))
    out = {}
    for phrase, vector in found.items():
        norm = float(np.linalg.norm(vector))
        if norm > 0:
            out[phrase] = np.asarray(vector, dtype=np.float64) / norm
    return out


def _topic_map(event: Event) -> TopicMap | None:
    try:
        return topic_map(get_session(), event, _vectors)
    except Exception:  # a picture never breaks the event page
        log.warning("event %s: no topic map", event.slug, exc_info=True)
        return None


@dataclass
class EventPictures:
    """Everything the pictures card shows, read once per page."""

    topics: TopicMap | None
    goals: list[pictures.Goal]
    fairness: pictures.Fairness
    scores: list[tuple[str, int]]
    ratings: list[tuple[str, int]]
    quality: MatchQuality  # the ratings by kind of reason (web.services.feedback)

    @property
    def topics_alt(self) -> str:
        """Alt text of the topic map."""
        return map_alt(self.topics) if self.topics else "The topic map could not be drawn."

    @property
    def goals_alt(self) -> str:
        """Alt text of the goals picture."""
        if not self.goals:
            return "Nobody has said what they look for or offer yet."
        return "Goals: " + "; ".join(
            f"{g.seekers} look for {g.label}, {g.offerers} offer it" for g in self.goals
        )

    @property
    def fairness_alt(self) -> str:
        """Alt text of the exposure picture."""
        return "People by how many lists they appear in: " + ", ".join(
            f"{n} lists: {people}" for n, people in self.fairness.bins
        )

    @property
    def scores_alt(self) -> str:
        """Alt text of the score picture."""
        return "Suggestions by score: " + ", ".join(f"{b}: {n}" for b, n in self.scores)

    @property
    def ratings_alt(self) -> str:
        """Alt text of the ratings picture."""
        return "Answers by rating: " + ", ".join(f"{r}: {n}" for r, n in self.ratings)


@bp.app_template_global("event_pictures")
def event_pictures(event: Event) -> EventPictures:
    """The numbers of the event page's pictures (the tables under each image)."""
    session = get_session()
    return EventPictures(
        topics=_topic_map(event),
        goals=pictures.goal_balance(session, event, _vectors),
        fairness=pictures.fairness(session, event),
        scores=pictures.score_bins(session, event),
        ratings=pictures.rating_bins(session, event),
        quality=match_quality(session, event.id),
    )


def _svg(body: str) -> Response:
    return Response(
        body,
        mimetype="image/svg+xml",
        # Names of attendees' groups are in it: the organizer's browser only.
        headers={"Cache-Control": "private, no-store"},
    )


@bp.get("/events/<slug>/pictures/<name>.svg")
@organizer_required
def picture(slug: str, name: str) -> Any:
    """One picture of the event as SVG: topics, goals, fairness, scores or ratings."""
    event = event_for_organizer(slug)
    session = get_session()
    if name == "topics":
        tmap = _topic_map(event)
        if tmap is None:
            abort(404)
        title = f"{tmap.mapped} attendees by interest, in {len(tmap.groups)} groups"
        return _svg(svg_charts.scatter(tmap.points, tmap.centres(), title))
    if name == "goals":
        goals = pictures.goal_balance(session, event, _vectors)
        rows = [(g.label, g.seekers, g.offerers) for g in goals]
        return _svg(
            svg_charts.diverging(rows, "What people look for and offer", "look for", "offer")
        )
    if name == "fairness":
        fair = pictures.fairness(session, event)
        return _svg(
            svg_charts.histogram(
                fair.bins,
                "How many attendees' lists each person is in",
                "lists a person is in",
                "people",
                highlight=[label == "0" for label, _ in fair.bins],
            )
        )
    if name == "scores":
        return _svg(
            svg_charts.histogram(
                pictures.score_bins(session, event),
                "Suggested introductions by score",
                "score",
                "suggestions",
            )
        )
    if name == "ratings":
        return _svg(
            svg_charts.histogram(
                pictures.rating_bins(session, event),
                "How much people had in common, in their own words (1–5)",
                "rating",
                "answers",
            )
        )
    abort(404)
