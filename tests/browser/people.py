"""The people the browser journeys sign up or seed: their profiles, in one place."""

from __future__ import annotations

from typing import Any

# Their interests overlap only in different words: running on trails <-> trail running.
ALMA: dict[str, Any] = {
    "name": "Alma Şahin",
    "email": "alma@example.org",
    "headline": "Product designer at Fjord",
    "interests": ["design systems", "accessibility"],
    "personal_interests": ["running on trails"],
}
BRUNO: dict[str, Any] = {
    "name": "Bruno Ferreira-Lima",
    "email": "bruno@example.org",
    "headline": "Backend engineer",
    "interests": ["distributed databases", "Rust"],
    "personal_interests": ["trail running"],
}

# The meeting journey's pair: a soil scientist looking for farms, a farmer offering one.
SOIL_ALMA: dict[str, Any] = {
    "email": "alma@example.org",
    "name": "Alma Şahin",
    "headline": "Soil scientist at Terra Labs",
    "interests": ["soil carbon", "regenerative agriculture"],
    "personal_interests": ["running on trails"],
    "looking_for": ["farms to run field trials with"],
}
FARMER_BRUNO: dict[str, Any] = {
    "email": "bruno@example.org",
    "name": "Bruno Ferreira-Lima",
    "headline": "Farmer and agronomist",
    "interests": ["regenerative agriculture", "cover crops"],
    "personal_interests": ["trail running"],
    "offering": ["a farm for field trials"],
}
