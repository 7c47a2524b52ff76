"""Issue 16: a need and an offer that both name textile fibres and share none are no
complement (`matcher.materials`): recycled cotton is no recycled wool."""

from __future__ import annotations

from complements_met import met

from matcher.materials import fibres
from matcher.normalise import normalise_goal


def _fibres(text: str) -> int:
    return fibres(normalise_goal(text))


def test_fibres_are_read_in_the_sets_languages_and_a_blend_names_each() -> None:
    wool, cotton, polyester = _fibres("wool"), _fibres("cotton"), _fibres("polyester")
    assert len({wool, cotton, polyester}) == 3 and 0 not in {wool, cotton, polyester}
    assert _fibres("återvunnen ull med spårbarhet") == wool
    assert _fibres("filati e tessuti in lana rigenerata certificati GRS") == wool
    assert _fibres("fibra de algodón reciclado mecánicamente") == cotton
    assert _fibres("recyceltes Polyester aus Textil-zu-Textil-Recycling") == polyester
    assert _fibres("chemical recycling of polycotton blends") == cotton | polyester
    assert _fibres("partner per un filato lana-lyocell tracciabile") & wool
    # Words that only look like a fibre's.
    assert _fibres("multimodal transport lane") == 0
    assert _fibres("textile waste collection") == 0


def test_recycled_cotton_meets_no_need_for_recycled_wool_or_polyester(quality_event) -> None:  # type: ignore[no-untyped-def]
    """blind23: a mechanical recycler's "fibra de algodón reciclado" was offered for an
    outdoor brand's recycled wool and a sportswear buyer's recycled polyester, and a
    wool regenerator's yarns for the recycler's search for cotton-rich waste; its
    readers rejected all four. A fibre-sorted waste stream still meets the search."""
    blind23 = quality_event("blind23")
    assert not met(blind23, "elin-lindqvist", "javier-ruiz")
    assert not met(blind23, "katrin-schneider", "javier-ruiz")
    assert not met(blind23, "javier-ruiz", "lorenzo-bianchi")
    sorted_waste = {offer for _, offer in met(blind23, "javier-ruiz", "ricardo-matos")}
    assert "post-consumer textiles sorted by fibre & colour (NIR)" in sorted_waste
