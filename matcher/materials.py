"""The fibres a goal names: recycled cotton is no recycled wool.

A need and an offer that both name textile fibres and share none are no complement,
whatever else their words share: "återvunnen ull med spårbarhet" (traceable recycled
wool) is not met by "fibra de algodón reciclado" (recycled cotton fibre), nor
"recyceltes Polyester" by it. The model reads "recycled" and the trade alike and the
fibre as one word among several. Fibres are read in the languages of the events' sets;
a blend ("polycotton", "lana-lyocell") names each of its fibres.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np

from matcher.goals import CONTEXT_MARK, DERIVED_PREFIX

if TYPE_CHECKING:
    from matcher.facets import Facets

# One pattern per fibre, its bit its place. Not "lane" (a road's) nor "modal" (of
# transport); "ull" is Swedish and Norwegian wool (a Catalan eye, rare in a goal).
_FIBRES = tuple(
    re.compile(pattern)
    for pattern in (
        # wool
        r"\bwool\w*|\bmerino\b|\bcashmere\b|\balpaca\b|\bmohair\b|\blã\b|\blana\b|"
        r"\blaine\b|\bwolle\b|\bull\b|\blanifici\w*",
        # cotton
        r"cotton\b|\balgod[aã]o\b|\balgod[oó]n\b|\bcoton\b|\bcotone\b|\bbaumwoll\w*|"
        r"\bbomull\b|\bcotó\b",
        # polyester and other synthetics
        r"\bpoly(?:ester|amide?|cotton)\w*|\bpoli[eé]ster\w*|\bpoliammid\w*|\bnylon\b|"
        r"\belastane\b|\brpet\b",
        # silk
        r"\bsilk\b|\bseda\b|\bsoie\b|\bseta\b|\bseide\b|\bsiden\b",
        # linen and flax
        r"\blinen\b|\bflax\b|\blinho\b|\bleinen\b|\blinne\b",
        # hemp
        r"\bhemp\b|\bc[aâ]nhamo\b|\bc[aá][nñ]amo\b|\bchanvre\b|\bcanapa\b|\bhanf\b",
        # man-made cellulose
        r"\blyocell\b|\btencel\b|\bviscose\b|\bcellulos\w*|\bcelulos\w*",
    )
)


@lru_cache(maxsize=1 << 16)
def fibres(key: str) -> int:
    """Bit mask of the fibres a normalised goal phrase names (0: none)."""
    text = key.removeprefix(DERIVED_PREFIX).split(CONTEXT_MARK)[0]
    return sum(1 << i for i, pattern in enumerate(_FIBRES) if pattern.search(text))


def _table(facets: Facets) -> np.ndarray:
    """(U + 1,) the fibres of each phrase, padding 0; made on first use."""
    if facets.fibres is None or len(facets.fibres) != len(facets.phrases) + 1:
        out = np.zeros(len(facets.phrases) + 1, dtype=np.int64)
        for i, key in enumerate(facets.phrases):
            out[i] = fibres(key)
        facets.fibres = out
    return facets.fibres


def fibre_clash(facets: Facets, needs: np.ndarray, offers: np.ndarray) -> np.ndarray:
    """(C, Ln, Lo) bool: the need and the offer both name fibres and share none."""
    table = _table(facets)
    a, b = table[needs][:, :, None], table[offers][:, None, :]
    out: np.ndarray = (a > 0) & (b > 0) & ((a & b) == 0)
    return out
