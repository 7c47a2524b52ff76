"""How well one person's offers meet another's needs, need by need.

`need_credit` is the credit of every (need, offer) of a pair (`matcher.grades`,
`matcher.goal_fit`): what a complement is found from. `best_met` is, for each
need of a seeker, the best credit any of the people on the seeker's list earns
for it: a need is said met on a card only by that best provider (or by one who
meets it better still). The second and later providers of one need are
mostly topical neighbours, not people who meet it: on the labelled sets a need
met on several cards was right about half the time, a need met once nine times
in ten (BENCHMARKS.md). Needs many people meet at once (a seller's buyers, a
mentor's mentees: `matcher.goals.MANY`) are said met by every provider on the list.
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np

from matcher.facets import Facets
from matcher.goal_fit import (
    buyer_mask,
    colleagues,
    role_fit,
    role_mask,
    trade_credit,
    wording_credit,
)
from matcher.goal_scope import scope_clash, sum_clash
from matcher.goals import CONTEXT_MARK, DERIVED_PREFIX, KINDS, MANY, MONEY_PREFIX, K, goal_kind
from matcher.grades import goal_credit, role_credit
from matcher.materials import fibre_clash
from matcher.programmes import calls_cohort, eu_money, funding_programme, names_programme
from matcher.scoring import ScoreParams
from matcher.theses import rules_out, seeks_lead

# A provider within this much of the best credit for a need is as good as the best.
TIE = 1e-4


def aligned(facets: Facets, a_ids: np.ndarray, b_ids: np.ndarray) -> np.ndarray:
    """Cosines of each pair's phrases: (C, La), (C, Lb) -> (C, La, Lb)."""
    return np.matmul(facets.vectors[a_ids], facets.vectors[b_ids].transpose(0, 2, 1))


def need_credit(
    facets: Facets, needer: np.ndarray, giver: np.ndarray, params: ScoreParams
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """For each pair p, how well giver[p]'s offers meet needer[p]'s needs:
    (needs (C, Ln), offers (C, Lo), cosines (C, Ln, Lo), credit (C, Ln, Lo)), the
    phrase ids padded with `facets.pad` and their credit 0."""
    needs = facets.needs.padded(needer, facets.pad)
    offers = facets.offers.padded(giver, facets.pad)
    if needs.shape[1] == 0 or offers.shape[1] == 0:
        empty = np.zeros((len(needer), needs.shape[1], offers.shape[1]), dtype=np.float32)
        return needs, offers, empty, empty
    sims = aligned(facets, needs, offers)  # (C, Ln, Lo); padding is 0
    kind = facets.kind
    need_kind, offer_kind = kind[needs][:, :, None], kind[offers][:, None, :]
    vague = facets.vague[needs][:, :, None]
    named = facets.names_provider[needs][:, :, None]
    credit = goal_credit(sims, need_kind, offer_kind, vague, params, named)
    # Needs met by wording: the need's subject fits the giver's field too; role needs:
    # a compatible offer and the fit of the two people (`matcher.goal_fit`).
    credit = wording_credit(credit, facets, (needer, needs), giver, params)
    fit = role_fit(facets, needer, needs, giver, params)[:, :, None]
    clash = scope_clash(facets.scope[needs][:, :, None], facets.scope[offers][:, None, :])
    clash |= fibre_clash(facets, needs, offers)
    credit = np.maximum(credit, role_credit(sims, need_kind, offer_kind, vague, params) * fit)
    credit = np.maximum(credit, trade_credit(facets, (needer, needs), (giver, offers), params))
    credit *= ~clash
    _hold_rounds(credit, facets, needer, needs, offers)
    _hold_led_rounds(credit, facets, needs, offers)
    _hold_searches(credit, facets, needer, needs, offers)
    _hold_channel_searches(credit, facets, needs, offers)
    _hold_investor_searches(credit, facets, needs, (giver, offers))
    _hold_rounds_by_tickets(credit, facets, (needer, needs), offers)
    _hold_other_programmes(credit, facets, needs, offers)
    _hold_eu_grants(credit, facets, needs, offers)
    # Needs naming people only from such a giver; offers for named people only to them.
    credit *= role_mask(facets, giver, needs, False, params)[:, :, None]
    credit *= role_mask(facets, needer, offers, True, params)[:, None, :]
    credit *= ~colleagues(facets, needer, giver)[:, None, None]
    _hold_limits(credit, facets, (needer, needs), (giver, offers))
    # Sales only in a buyer's category.
    credit *= buyer_mask(facets, (needer, giver), needs, False, params)[:, :, None]
    credit *= buyer_mask(facets, (needer, giver), offers, True, params)[:, None, :]
    return needs, offers, sims, credit


_FOUNDERS = KINDS.index("founders")
_RAISED = KINDS.index("capital") + K  # a round sought, offered as a startup raising
# A search for startups that names their stage or a programme for them.
_EARLY = re.compile(
    r"\b(?:pre-?seed|seed|series [a-d]|(?:early|idea|growth)[- ]stage|first[- ]time|"
    r"first (?:round|cheque|check|customers)|beginn\w*|cohorts?|programmes?|programs?|"
    r"accelerat\w*|incubat\w*|rounds?|raising|funding|invest\w*|back(?:ing)?)\b"
)


@lru_cache(maxsize=1 << 12)
def _names_early(key: str) -> bool:
    return _EARLY.search(key) is not None


def _hold_rounds(
    credit: np.ndarray,
    facets: Facets,
    needer: np.ndarray,
    needs: np.ndarray,
    offers: np.ndarray,
) -> None:
    """Zero, in `credit` (C, Ln, Lo), a search for startups met by a startup's round
    (its need for capital, offered) when the seeker neither backs startups nor names
    their stage or a programme for them: to an investor or an accelerator the round
    says what the startup is; to a journalist, a recruiter or a co-op looking for
    partners it says nothing of what they seek (readers rejected those, 2026-12-05)."""
    founders = facets.kind[needs] % K == _FOUNDERS  # (C, Ln)
    raised = facets.kind[offers] == _RAISED  # (C, Lo)
    if not (founders.any() and raised.any()):
        return
    for c, n in zip(*np.nonzero(founders), strict=True):
        if "family:investor" in facets.identities[int(needer[c])]:
            continue
        if not _names_early(facets.phrases[int(needs[c, n])]):
            credit[c, n, raised[c]] = 0.0


def _hold_led_rounds(
    credit: np.ndarray, facets: Facets, needs: np.ndarray, offers: np.ndarray
) -> None:
    """Zero, in `credit` (C, Ln, Lo), a founder's co-investors sought (a round with its
    lead: `matcher.goals.MONEY_PREFIX`) met by a programme's money ("12-week pre-seed
    program (€30k for 7%)"), and a programme's call for a cohort met by such a round
    offered: an accelerator's deal joins no one's round (blind25's readers rejected
    both)."""
    bits = _marks(facets)[0]
    need_bits, offer_bits = bits[needs], bits[offers]
    led_needs = (need_bits & _LED) > 0
    led_offers = (offer_bits & _LED_OFFERED) > 0
    if not (led_needs.any() or led_offers.any()):
        return
    programmes = (offer_bits & _PROGRAMME) > 0
    calls = (need_bits & _CALL) > 0
    credit[led_needs[:, :, None] & programmes[:, None, :]] = 0.0
    credit[calls[:, :, None] & led_offers[:, None, :]] = 0.0


# The marks of a phrase (`_marks`), as bits.
_LED, _LED_OFFERED, _PROGRAMME, _CALL, _EU = 1, 2, 4, 8, 16


def _marks(facets: Facets) -> tuple[np.ndarray, np.ndarray]:
    """(U + 1,) each phrase's marks as bits (a round with its lead sought or offered, a
    programme named, a call for a cohort, the EU's money), and the funding programme
    it names as a number (0: none), the padding 0; made on first use."""
    if facets.marks is None or len(facets.marks[0]) != len(facets.phrases) + 1:
        bits = np.zeros(len(facets.phrases) + 1, dtype=np.int64)
        numbers = np.zeros(len(facets.phrases) + 1, dtype=np.int64)
        seen: dict[str, int] = {}
        for i, key in enumerate(facets.phrases):
            bits[i] = (
                _LED * _led(key)
                | _LED_OFFERED * _led(key.removeprefix(DERIVED_PREFIX))
                | _PROGRAMME * names_programme(key)
                | _CALL * calls_cohort(key)
                | _EU * eu_money(key)
            )
            programme = funding_programme(key)
            if programme is not None:
                numbers[i] = seen.setdefault(programme, len(seen) + 1)
        facets.marks = (bits, numbers)
    return facets.marks


def _led(key: str) -> bool:
    return key.startswith(MONEY_PREFIX) and goal_kind(key) % K == _CAPITAL


_CAPITAL, _DEBT, _DEALFLOW = KINDS.index("capital"), KINDS.index("debt"), KINDS.index("dealflow")


def _rows(first: np.ndarray, second: np.ndarray) -> list[int]:
    """The rows of two (C, L) masks where both hold somewhere."""
    return np.flatnonzero(first.any(axis=1) & second.any(axis=1)).tolist()


def _misfit(facets: Facets, money: int, person: int) -> bool:
    """Whether a sum sought or raised (phrase id `money`) fits none of the tickets
    `person` offers, when they offer some (`matcher.goal_scope.sum_clash`)."""
    own = facets.offers.row(person)
    tickets = own[facets.kind[own] == _CAPITAL]
    return tickets.size > 0 and bool(sum_clash(facets.scope[money], facets.scope[tickets]).all())


def _hold_investor_searches(
    credit: np.ndarray,
    facets: Facets,
    needs: np.ndarray,
    giving: tuple[np.ndarray, np.ndarray],
) -> None:
    """Zero, in `credit` (C, Ln, Lo), money sought that an investor's search for
    companies meets ("agritech startups with first revenue (pre-seed/seed)") when what
    they offer says they do not: a lender who offers loans and no equity ("pre-seed
    angels (raising €400k)" / "VC-backed tech companies looking for non-dilutive
    runway"), or tickets of a size the round is not ("€50–100k" / "tickets
    €250k–1.5M")."""
    giver, offers = giving
    wants = facets.kind[needs] == _CAPITAL  # (C, Ln)
    searches = facets.kind[offers] == _DEALFLOW + K  # (C, Lo): a search offered
    givers = np.broadcast_to(giver, (credit.shape[0],))
    for c in _rows(wants, searches):
        g = int(givers[c])
        kinds = facets.kind[facets.offers.row(g)]
        if (kinds == _DEBT).any() and not (kinds == _CAPITAL).any():
            credit[c, wants[c][:, None] & searches[c][None, :]] = 0.0
            continue
        for n in np.flatnonzero(wants[c]).tolist():
            if _misfit(facets, int(needs[c, n]), g):
                credit[c, n, searches[c]] = 0.0


def _hold_rounds_by_tickets(
    credit: np.ndarray,
    facets: Facets,
    seeking: tuple[np.ndarray, np.ndarray],
    offers: np.ndarray,
) -> None:
    """Zero, in `credit` (C, Ln, Lo), an investor's search for companies met by a
    round (a founder's need for capital, offered) that none of the investor's tickets
    fits ("tickets €250k–1.5M" / "€50–100k")."""
    needer, needs = seeking
    searches = facets.kind[needs] == _DEALFLOW  # (C, Ln)
    rounds = facets.kind[offers] == _RAISED  # (C, Lo)
    needers = np.broadcast_to(needer, (credit.shape[0],))
    for c in _rows(searches, rounds):
        for o in np.flatnonzero(rounds[c]).tolist():
            if _misfit(facets, int(offers[c, o]), int(needers[c])):
                credit[c, searches[c], o] = 0.0


_MONEY = np.array([k in ("capital", "debt", "accelerator") for k in KINDS], dtype=bool)
# What an investor gives the companies it backs besides money: customers, pilots.
_PORTFOLIO = np.array([k == "customers" for k in KINDS], dtype=bool)
_BACKS = np.array([k in ("dealflow", "founders") for k in KINDS], dtype=bool)


def _hold_limits(
    credit: np.ndarray,
    facets: Facets,
    seeking: tuple[np.ndarray, np.ndarray],
    giving: tuple[np.ndarray, np.ndarray],
) -> None:
    """Zero, in `credit` (C, Ln, Lo), money (or a place in a programme) sought from an
    investor who rules the seeker's sector out, and customers or pilots sought from one
    (its "access to Mittelstand customers" is for the companies it backs: blind8's
    software-first founder is none), a lead sought from one who never leads,
    and an investor's search for companies met by a company in a sector they rule out
    (`matcher.theses`: "no hardware", "medical devices only") or, for one who never
    leads, by a round that seeks its lead."""
    needer, needs = seeking
    giver, offers = giving
    limited = facets.limited
    if not limited.any():
        return
    rows = credit.shape[0]
    kind = facets.kind[needs] % K  # (C or 1, Ln)
    money = np.broadcast_to(_MONEY[kind], (rows, kind.shape[1]))
    portfolio = np.broadcast_to(_PORTFOLIO[kind], (rows, kind.shape[1]))
    backs = np.broadcast_to(_BACKS[kind], (rows, kind.shape[1]))
    needers, givers = np.broadcast_to(needer, (rows,)), np.broadcast_to(giver, (rows,))
    sought = money | portfolio
    asked = (limited[givers] & sought.any(axis=1)) | (limited[needers] & backs.any(axis=1))
    limits, sectors = facets.limits, facets.sectors
    for c in np.flatnonzero(asked).tolist():
        n, g = int(needers[c]), int(givers[c])
        if limits[g] and sought[c].any() and rules_out(limits[g], sectors[n]):
            credit[c, sought[c]] = 0.0
        if limits[g].follows and money[c].any():
            # A lead sought from one who never leads.
            row = needs[min(c, needs.shape[0] - 1)]
            for i in np.flatnonzero(money[c]).tolist():
                if seeks_lead(facets.phrases[int(row[i])]):
                    credit[c, i] = 0.0
        if limits[n] and backs[c].any() and rules_out(limits[n], sectors[g]):
            credit[c, backs[c]] = 0.0
        if limits[n].follows and backs[c].any() and _lacks_lead(facets, g):
            # A follower's search for companies met by a company whose round seeks its
            # lead ("Seed lead investor (€1.5M round)", whatever else it seeks).
            row = offers[min(c, offers.shape[0] - 1)]
            raised = facets.kind[row] == _RAISED
            credit[c, backs[c][:, None] & raised[None, :]] = 0.0


def _lacks_lead(facets: Facets, person: int) -> bool:
    """Whether one of the rounds `person` raises seeks its lead (`seeks_lead`)."""
    own = facets.offers.row(person)
    return any(seeks_lead(facets.phrases[int(o)]) for o in own[facets.kind[own] == _RAISED])


_PILOTS = KINDS.index("customers") + K  # customers or a pilot sought, offered as a startup
_PARTNERS = KINDS.index("partners")
_GRANT = KINDS.index("grant")
# How well a search offered must read as the seeker's own work.
SEARCH_FIT = 0.3
# (the need's kind, the search offered): a search for startups met by a startup's
# search for pilots; a search for partners met by another's search for partners.
_SEARCHES = ((_FOUNDERS, _PILOTS), (_PARTNERS, _PARTNERS + K))


def _hold_other_programmes(
    credit: np.ndarray, facets: Facets, needs: np.ndarray, offers: np.ndarray
) -> None:
    """Zero, in `credit` (C, Ln, Lo), partners sought for one funding programme's
    project met by another's search for partners for another programme ("industry
    partners for a Horizon Europe consortium" / "Norwegian and Swedish partners for
    Interreg projects"): each seeks partners, neither joins the other's (blind26,
    rejected twice)."""
    programme = _marks(facets)[1]
    need = np.where(facets.kind[needs] % K == _PARTNERS, programme[needs], 0)  # (C, Ln)
    offer = np.where(facets.kind[offers] % K == _PARTNERS, programme[offers], 0)  # (C, Lo)
    if not (need.any() and offer.any()):
        return
    need, offer = need[:, :, None], offer[:, None, :]
    credit[(need > 0) & (offer > 0) & (need != offer)] = 0.0


def _hold_eu_grants(
    credit: np.ndarray, facets: Facets, needs: np.ndarray, offers: np.ndarray
) -> None:
    """Zero, in `credit` (C, Ln, Lo), the EU's money sought ("EU funding (Interreg /
    Digital Europe)") met by a grant that is not the EU's: a national agency's "R&D
    grants for Finnish SMEs", a foundation's grants for nonprofits (blind3, rejected
    twice). Help with an application (a service) still meets it."""
    eu = (_marks(facets)[0] & _EU) > 0
    sought = (facets.kind[needs] % K == _GRANT) & eu[needs]  # (C, Ln)
    granted = (facets.kind[offers] == _GRANT) & ~eu[offers]  # (C, Lo)
    if sought.any() and granted.any():
        credit[sought[:, :, None] & granted[:, None, :]] = 0.0


def _hold_searches(
    credit: np.ndarray,
    facets: Facets,
    needer: np.ndarray,
    needs: np.ndarray,
    offers: np.ndarray,
) -> None:
    """Zero, in `credit` (C, Ln, Lo), a search met by the giver's own search
    (`_SEARCHES`) when the seeker is not whom the giver seeks: the subject of the
    giver's search against the seeker's field, below `SEARCH_FIT`.

    A port's innovation programme is met by a startup seeking port authorities to pilot
    with; a law firm, a journalist, a grant agency or a coworking looking for startups
    is not by that search, which says only what the startup wants. Readers rejected 9
    of 19 such complements (2026-12-06); 7 of the 9 fall below the bar, and 2 of the 10
    right ones (a Polish search for waterworks the glossary reads only in part, a
    Finnish pilot plant for an alt-protein co-development); the port, the hospital,
    the city and the utility stay. Two searches for partners meet only as far as each
    is whom the other seeks: readers rejected 8 of 17 (an NGO's citizen-science
    partner met by a university's Horizon consortium search; a footwear brand sought,
    met by an apparel maker's search for retailers); 4 of the 8 fall below the bar,
    and 1 of the 9 right ones (two security firms each seeking resellers, whose
    search names only its channel)."""
    rows = credit.shape[0]
    for need_kind, offer_kind in _SEARCHES:
        seeks = np.broadcast_to(facets.kind[needs] % K == need_kind, (rows, needs.shape[1]))
        offered = np.broadcast_to(facets.kind[offers] == offer_kind, (rows, offers.shape[1]))
        both = np.flatnonzero(seeks.any(axis=1) & offered.any(axis=1))
        if not len(both):
            continue
        subject = np.broadcast_to(facets.subject[offers], offered.shape)[both]  # (B, Lo)
        seeker = np.broadcast_to(needer, (rows,))[both]
        fit = np.einsum("bod,bd->bo", facets.vectors[subject], facets.fields[seeker])
        far = offered[both] & (subject != facets.pad) & (fit < SEARCH_FIT)  # (B, Lo)
        credit[both] *= ~(seeks[both][:, :, None] & far[:, None, :])


# A partner sought to sell, ship or deliver through ("a distributor or integrator in
# Poland", "partner for fulfilment in CZ/SK", "franchise partners", "local content
# partners"): a channel, which another's search for a channel never is.
_CHANNEL = re.compile(
    r"\b(?:distribut\w*|integrators?|integrador\w*|intégrateur\w*|integratorzy|resellers?|"
    r"resale|take-back|fulfil?ment|logistics|delivery|franchis\w*|sales|wholesal\w*|"
    r"importers?|showrooms?|inspection|local content)\b"
)


@lru_cache(maxsize=1 << 14)
def _names_channel(key: str) -> bool:
    text = key.removeprefix(DERIVED_PREFIX).split(CONTEXT_MARK)[0]
    return _CHANNEL.search(text) is not None


def _hold_channel_searches(
    credit: np.ndarray, facets: Facets, needs: np.ndarray, offers: np.ndarray
) -> None:
    """Zero, in `credit` (C, Ln, Lo), a search for partners met by the giver's own
    search for partners when either names a channel (`_CHANNEL`): two sellers who each
    seek integrators in Poland, a distributor or a fulfilment partner are peers, neither
    is what the other seeks. Readers rejected all 16 such complements shown on the sets
    (2026-12-07: two start-ups each seeking integrators in Poland; a retailer's resale
    partner offered as a logistics partner; two searches for distributors in Morocco);
    partners for a project or for research, who do meet, name no channel."""
    seeks = facets.kind[needs] == _PARTNERS  # (C, Ln)
    offered = facets.kind[offers] == _PARTNERS + K  # (C, Lo)
    if not (seeks.any() and offered.any()):
        return
    ids = np.unique(np.concatenate([needs[seeks], offers[offered]]))
    channel = np.zeros(len(facets.phrases) + 1, dtype=bool)
    channel[ids] = [_names_channel(facets.phrases[i]) for i in ids.tolist()]
    either = (seeks & channel[needs])[:, :, None] & offered[:, None, :]
    either |= seeks[:, :, None] & (offered & channel[offers])[:, None, :]
    credit *= ~either


def best_met(
    facets: Facets, seekers: np.ndarray, members: list[np.ndarray], params: ScoreParams
) -> list[np.ndarray]:
    """For each seeker s (position in `facets`): the best credit any of `members[s]`
    (positions: the people on s's list) earns for each of s's needs, in their order;
    0 for needs many people meet at once (`matcher.goals.MANY`)."""
    lengths = facets.needs.lengths()[seekers].tolist()
    # Seekers without needs cost nothing.
    counts = np.array([len(m) if n else 0 for m, n in zip(members, lengths, strict=True)])
    out = [np.zeros(n, dtype=np.float32) for n in lengths]
    if not counts.sum():
        return out
    owner = np.repeat(np.arange(len(seekers)), counts)
    needer = seekers[owner]
    giver = np.concatenate([m for m, n in zip(members, lengths, strict=True) if n]).astype(np.int64)
    for start in range(0, len(needer), _CHUNK):
        stop = start + _CHUNK
        credit = need_credit(facets, needer[start:stop], giver[start:stop], params)[3]
        if not credit.shape[2]:
            continue
        best = credit.max(axis=2)
        for q, s in enumerate(owner[start:stop].tolist()):
            np.maximum(out[s], best[q, : lengths[s]], out=out[s])
    for s, seeker in enumerate(seekers.tolist()):
        out[s][MANY[facets.kind[facets.needs.row(seeker)] % K]] = 0.0
    return out


_CHUNK = 512
