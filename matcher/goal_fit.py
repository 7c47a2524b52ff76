"""Whether the provider of a complement is the right person for the need.

A need and an offer of compatible kinds read alike whoever wrote them: every
mentoring offer reads like every mentoring need, "a city testbed for pilots" like
"school districts to pilot with", "seed funding" like "seed investors". What
decides is whether the provider works on what the need is about. So a need's
*subject* (its words without the kind words, `matcher.goals.subject`; the seeker's
own profile when the need says nothing else, as "a mentor" does) is compared with
the provider's *field* (`matcher.facets.field_vectors`: the whole profile with the
provider's own goals, where an investor's thesis is often written).

- Needs met by the offer's wording (know-how, pilots, partners, data, a hire, ...):
  by the wording and the fit of the need's subject with the provider's field
  together (`wording_credit`).
- Role needs (`matcher.goals.ROLE_KINDS`): capital, grants and deal flow by the two
  fields (the seeker's work against the provider's, goals included), or by one piece
  of each one's work that names the same field (`pieces_fit`); mentoring, press and
  startups sought by the fields and the subject together (`role_fit`).

- Needs and offers that name people ("data scientists to hire", "clinicians who advise
  startups", "mentoring for new engineering managers"): only with someone who is such
  a person (`role_mask`, `matcher.roles`), whatever the topical fit.

All functions take pairs of profile indices (seeker, giver: (P,) or (1,)) and the
seekers' padded need ids (P, Ln) or (1, Ln), and return (P, Ln) in [0, 1].
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from matcher.goals import (
    COMPATIBLE,
    DERIVED_PREFIX,
    KINDS,
    PROVIDER_SEEKS,
    ROLE,
    SUBJECT,
    VAGUE_WEIGHT,
    K,
)
from matcher.roles import cofounder_sides
from matcher.trades import practised, sought

if TYPE_CHECKING:
    from matcher.facets import Facets
    from matcher.scoring import ScoreParams


_COFOUNDING = [KINDS.index("cofounder"), KINDS.index("cofounding")]
_SOURCES = KINDS.index("sources")
_FOUNDERS = KINDS.index("founders")
_CAPITAL = KINDS.index("capital")
_DEBT = KINDS.index("debt")
_PRESS = KINDS.index("press")
_MENTOR = KINDS.index("mentor")
_SERVICE = KINDS.index("service")


def _ramp(x: np.ndarray, threshold: float, floor: float, full: float) -> np.ndarray:
    credit = np.subtract(x, floor, dtype=np.float32)
    credit *= np.float32(1.0 / (full - floor))
    np.clip(credit, 0.0, 1.0, out=credit)
    credit[x < threshold] = 0.0
    return credit


def need_fit(
    facets: Facets, seeker: np.ndarray, needs: np.ndarray, giver: np.ndarray
) -> np.ndarray:
    """Cosine of each need's subject (the seeker's whole profile when it has none)
    with the giver's field: -> (P, Ln); padding needs get 0."""
    vectors = facets.vectors
    pad = facets.pad
    subject = facets.subject[needs]  # (S, Ln)
    about = vectors[subject]  # (S, Ln, d); the padding row is zero
    none = (subject == pad) & (needs != pad)
    if none.any():
        own = vectors[facets.whole[seeker]]  # (S, d)
        about = np.where(none[:, :, None], own[:, None, :], about)
    field = facets.fields[giver]  # (P, d)
    fit: np.ndarray = np.matmul(about, field[:, :, None])[:, :, 0]  # (S or P, Ln, d) @ (P, d, 1)
    return fit


def piece_fit(
    facets: Facets, seeker: np.ndarray, needs: np.ndarray, giver: np.ndarray
) -> np.ndarray:
    """(P, Ln) best cosine of each need's subject with one piece of the giver's work:
    a work interest, a phrase of their about, the subject of an offer. A mentor's
    subject is often one word of theirs ("fundraising" for "a mentor on fundraising
    strategy"), which the mean of a whole profile dilutes. Needs without a subject
    (the seeker's whole profile stands for it) get 0."""
    subject = facets.subject[needs]  # (S, Ln)
    about = facets.vectors[subject]  # (S, Ln, d); padding rows are zero
    pad = facets.pad
    topics = facets.topics.padded(giver, pad)  # (P, Lt)
    work = np.where(facets.personal.padded(giver, 1) == 1, pad, topics)
    offers = facets.offers.padded(giver, pad)  # (P, Lo)
    own = facets.kind[np.minimum(offers, pad)] < K  # not a need offered
    offered = np.where(own, facets.subject[np.minimum(offers, pad)], pad)
    pieces = facets.vectors[np.concatenate([work, offered], axis=1)]  # (P, L, d)
    if pieces.shape[1] == 0:
        return np.zeros(np.broadcast_shapes(subject.shape, (len(giver), 1)), dtype=np.float32)
    fit: np.ndarray = np.matmul(about, pieces.transpose(0, 2, 1)).max(axis=2)  # (P, Ln)
    return fit


def _work_pieces(facets: Facets, people: np.ndarray) -> np.ndarray:
    """(P, L) phrase ids of each person's work: their work interests and about phrases,
    and the subjects of their own goals (a need offered left out); padding where none."""
    pad = facets.pad
    topics = facets.topics.padded(people, pad)
    work = np.where(facets.personal.padded(people, 1) == 1, pad, topics)
    goals = np.concatenate(
        [facets.needs.padded(people, pad), facets.offers.padded(people, pad)], axis=1
    )
    own = facets.kind[np.minimum(goals, pad)] < K
    subjects = np.where(own, facets.subject[np.minimum(goals, pad)], pad)
    return np.concatenate([work, subjects], axis=1)


def pieces_fit(facets: Facets, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """(P,) best cosine of one piece of `a`'s work with one piece of `b`'s
    (`_work_pieces`): an investor's thesis ("B2B SaaS") against one line of a founder's
    work ("SME SaaS"), which the two whole profiles dilute."""
    pa, pb = _work_pieces(facets, a), _work_pieces(facets, b)
    if pa.shape[1] == 0 or pb.shape[1] == 0:
        return np.zeros(max(len(a), len(b)), dtype=np.float32)
    va, vb = facets.vectors[pa], facets.vectors[pb]  # padding rows are zero
    out: np.ndarray = np.matmul(va, vb.transpose(0, 2, 1)).max(axis=(1, 2))
    return out


def wording_credit(
    best: np.ndarray,
    facets: Facets,
    seeking: tuple[np.ndarray, np.ndarray],
    giver: np.ndarray,
    p: ScoreParams,
) -> np.ndarray:
    """Credit of needs met by an offer's wording, `best` (P, Ln) or (P, Ln, Lo), when the
    provider is weighed too: the ramp of the mean of the wording's cosine and the fit of
    the need's subject with the giver's field (`need_fit`), nothing below
    `goal_fit_threshold`; same shape. Role needs (met by wording only when worded
    alike) keep `best`. `seeking`: (seeker, its needs (S, Ln))."""
    seeker, needs = seeking
    span = np.float32(p.goal_full - p.goal_floor)
    weight = np.where(facets.vague[needs], np.float32(VAGUE_WEIGHT), np.float32(1.0))
    read = need_fit(facets, seeker, needs, giver)
    named = np.broadcast_to(facets.names_provider[needs], read.shape)
    if named.any():
        # A need naming people ("a pro bono graphic designer") met by such a person
        # (`role_mask`): what they would do is read from any piece of their work, as a
        # mentor's subject is (a designer's "pro bono hours for nonprofits").
        named = named & (role_mask(facets, giver, needs, False, p) > 0)
        read = np.where(named, np.maximum(read, piece_fit(facets, seeker, needs, giver)), read)
    fit = (read - np.float32(p.goal_floor)) / span
    fit = np.clip(fit, 0.0, 1.0) * weight  # (P, Ln), weighted like `best`
    bar = (np.float32(p.goal_fit_threshold) - np.float32(p.goal_floor)) / span * weight
    role = ROLE[facets.kind[needs] % K]
    if best.ndim == 3:
        fit, bar, role = fit[:, :, None], bar[..., None], role[..., None]
    mixed = (best + fit) / 2
    mixed[(best <= 0) | (mixed < bar)] = 0.0
    # A professional sought by name and met by one ("accountant for our Romanian SRL" /
    # an accountant's "accounting for companies with foreign founders"): the
    # profession is the fit, whatever else the two fields say.
    hired = named & (facets.kind[needs] % K == _SERVICE)
    if best.ndim == 3:
        hired = hired[..., None]
    mixed = np.where(hired, np.maximum(mixed, best), mixed)
    out: np.ndarray = np.where(role, best, mixed).astype(np.float32)
    return out


def field_fit(facets: Facets, seeker: np.ndarray, giver: np.ndarray) -> np.ndarray:
    """(P,) cosine of the seeker's whole profile with the giver's field."""
    return (facets.vectors[facets.whole[seeker]] * facets.fields[giver]).sum(axis=1)


def _fields(facets: Facets, seeker: np.ndarray, needs: np.ndarray, giver: np.ndarray) -> np.ndarray:
    """(P, Ln) fit of the two fields for each need: the field (goals included) of the one
    who provides the role (an investor, a mentor, a journalist) against the other's
    whole profile. An investor seeking deal flow or a mentor seeking mentees provides
    it themselves; the founder's goals ("impact investors") say nothing of their work."""
    provides = PROVIDER_SEEKS[facets.kind[needs] % K]  # (S, Ln)
    given = field_fit(facets, seeker, giver)[:, None]  # (P, 1)
    if not provides.any():
        return np.broadcast_to(given, (len(given), needs.shape[1]))
    own = field_fit(facets, giver, seeker)[:, None]
    return np.where(provides, own, given)


def _sided(facets: Facets, needs: np.ndarray) -> np.ndarray:
    """(S, Ln) bool: co-founder needs that name a side (`matcher.roles.cofounder_sides`)."""
    out = np.zeros(needs.shape, dtype=bool)
    cofounder = np.isin(facets.kind[needs] % K, _COFOUNDING) & (needs != facets.pad)
    for at in zip(*np.nonzero(cofounder), strict=True):
        out[at] = bool(cofounder_sides(facets.phrases[int(needs[at])].split(" — ")[0]))
    return out


def _take(x: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """The rows `rows` of a per-pair array, or the array itself when it has one row
    (broadcast against the others)."""
    return x[rows] if len(x) > 1 else x


def role_fit(
    facets: Facets,
    seeker: np.ndarray,
    needs: np.ndarray,
    giver: np.ndarray,
    p: ScoreParams,
    wanted: np.ndarray | None = None,
) -> np.ndarray:
    """(P, Ln) fit of a role need met by kind: the two fields (capital, grants, deal
    flow; up to their bar when one piece of the two people's work is the same field,
    `pieces_fit`; money sought from investors of a named kind, "growth investors with
    industrial software focus", also by that kind and the fields together), or the
    fields and the need's subject together (mentoring, press). A
    co-founder need naming a side (a technical co-founder; oneself as the commercial
    one) has that side checked on the person (`role_mask`): the rest of its words say
    little, so the two fields alone may carry it, as for capital. `wanted` (P, Ln)
    bool, if given: the needs whose fit is used (a compatible offer is there); the
    pieces are compared only for those."""
    fields = _fields(facets, seeker, needs, giver)  # (P, Ln)
    kinds = facets.kind[needs] % K
    by_subject = SUBJECT[kinds]  # (S, Ln)
    used = np.broadcast_to(needs != facets.pad, fields.shape)
    if wanted is not None:
        used = used & wanted
    # Money and deal flow: one piece of the two people's work that is the same field (an
    # investor's "B2B SaaS", a founder's "SME SaaS & marketplaces") carries the two
    # fields to their bar, however far apart the rest of the two profiles.
    low = used & ROLE[kinds] & ~by_subject & (fields < np.float32(p.fit_threshold))
    rows = np.nonzero(low.any(axis=1))[0]
    if len(rows):
        near = pieces_fit(facets, _take(seeker, rows), _take(giver, rows))
        lift = low[rows] & (near >= np.float32(p.topic_same))[:, None]
        fields = np.array(fields, dtype=np.float32)
        fields[rows] = np.where(lift, np.float32(p.fit_threshold), fields[rows])
    fit = whole = need_fit(facets, seeker, needs, giver)
    rows = np.nonzero((used & by_subject).any(axis=1))[0]
    if len(rows):
        # What a mentor or a journalist covers is often one piece of their profile.
        pieces = piece_fit(facets, _take(seeker, rows), _take(needs, rows), _take(giver, rows))
        # Coverage of oneself ("press coverage when we announce the round"): what a
        # journalist covers is one piece of each one's work ("hydrogen" / "green
        # hydrogen"), which the journalist's whole field dilutes.
        own = _take(needs, rows)
        own = (facets.kind[own] % K == _PRESS) & (facets.subject[own] == facets.pad)
        if own.any():
            near = pieces_fit(facets, _take(seeker, rows), _take(giver, rows))
            pieces = np.where(own, np.maximum(pieces, near[:, None]), pieces)
        fit = np.array(np.broadcast_to(fit, fields.shape), dtype=np.float32)
        subject_rows = np.broadcast_to(by_subject, fields.shape)[rows]
        fit[rows] = np.where(subject_rows, np.maximum(fit[rows], pieces), fit[rows])
    mixed = (fields + fit) / 2
    # A mentor sought for what they have done ("a mentor who has sold to
    # municipalities"): that experience, read against the mentor's whole profile (one
    # piece of it says too little: "mentor network of 80 retail execs" is no mentor on
    # running a circular business), weighs twice the two people's fields, which differ
    # as a mentor's and a mentee's work does (a sensor start-up, a govtech seller).
    told = (kinds == _MENTOR) & (facets.subject[needs] != facets.pad)
    mixed = np.where(told, np.maximum(mixed, (fields + 2 * whole) / 3), mixed)
    x = np.where(by_subject, mixed, fields)
    # Money sought from investors of a named kind ("growth investors with industrial
    # software focus", "angels with a devtools background"): the kind named fits too.
    named = (kinds == _CAPITAL) & (facets.subject[needs] != facets.pad)
    x = np.where(named, np.maximum(x, mixed), x)
    # A loan sought names its kind ("venture debt to extend runway to Series B"), which
    # a lender's field says, not the field of the borrower's work: either fits.
    x = np.where(kinds == _DEBT, np.maximum(x, fit), x)
    # Material to cover is about its subject alone: a health-tech comms office is no
    # social enterprise in care, however alike the two fields.
    x = np.where(facets.kind[needs] % K == _SOURCES, fit, x)
    # Startups sought are met at the fields' bar: the two fields and the subject
    # together, where a mentor's or a journalist's subject must fit more closely.
    strict = by_subject & (facets.kind[needs] % K != _FOUNDERS)
    threshold = np.where(strict, p.subject_fit_threshold, p.fit_threshold)
    sided = _sided(facets, needs)
    if sided.any():
        x = np.where(sided, np.maximum(mixed, fields), x)
        threshold = np.where(sided, p.fit_threshold, threshold)
    programme = _programme_needs(facets, needs)
    if programme.any():
        x = np.where(programme, _programme_fit(facets, seeker, giver, p)[:, None], x)
        threshold = np.where(programme, p.fit_threshold, threshold)
    credit = _ramp(x, 0.0, p.fit_floor, p.fit_full)
    credit[x < threshold] = 0.0
    return credit


_ACCELERATOR = KINDS.index("accelerator")


def _programme_needs(facets: Facets, needs: np.ndarray) -> np.ndarray:
    """(S, Ln) bool: a place in a programme sought (`matcher.programmes`)."""
    out: np.ndarray = (facets.kind[needs] % K == _ACCELERATOR) & (needs != facets.pad)
    return out


def _programme_fit(
    facets: Facets, seeker: np.ndarray, giver: np.ndarray, p: ScoreParams
) -> np.ndarray:
    """(P,) fit of a founder and a programme: the closer of the two fields (either
    one's whole profile against the other's field, goals included), at least the bar
    where one piece of each one's work is close (`pieces_fit` from `fit_full`). An
    accelerator's profile spans every field it takes, so the whole fit is diluted;
    the founder's line of work is one piece of it ("tele-rehab after knee surgery" and
    "early-stage healthtech")."""
    both = np.maximum(field_fit(facets, seeker, giver), field_fit(facets, giver, seeker))
    near = pieces_fit(facets, seeker, giver) >= np.float32(p.fit_full)
    out: np.ndarray = np.where(near, np.maximum(both, np.float32(p.fit_threshold)), both)
    return out.astype(np.float32)


_CUSTOMERS = KINDS.index("customers")


def buyer_mask(
    facets: Facets,
    pair: tuple[np.ndarray, np.ndarray],
    phrases: np.ndarray,
    as_offer: bool,
    p: ScoreParams,
) -> np.ndarray:
    """1 where a sale is in the buyer's category, else 0: pair (seeker, giver), each (X,)
    or (1,); phrases (Y, L) -> (max(X, Y), L) float32.

    A buyer whose headline names what they buy ("Category manager fresh vegetables",
    `Facets.category`) meets a seller only when the seller's whole profile fits it (from
    `fit_floor`): a fresh-vegetables listing is no shelf for a hot sauce. `as_offer`
    False: the phrases are the seeker's needs, and a need for customers (the seeker
    sells) is checked against the giver's category; True: the phrases are the giver's
    offers, and another's wish for customers offered (the giver sells) against the
    seeker's category. Other goals are 1."""
    seeker, giver = pair
    flags = facets.kind[phrases] == (_CUSTOMERS + (K if as_offer else 0))
    rows = max(len(seeker), len(giver), len(phrases))
    out = np.ones((rows, phrases.shape[1]), dtype=np.float32)
    if as_offer:
        out *= _supplies(facets, seeker, phrases, p)
    if not flags.any():
        return out
    seller, buyer = (giver, seeker) if as_offer else (seeker, giver)
    category, whole = facets.category[buyer], facets.whole[seller]
    fit = (facets.vectors[category] * facets.vectors[whole]).sum(axis=1)
    pad = facets.pad
    fails = (category != pad) & (whole != pad) & (fit < np.float32(p.fit_floor))
    out[np.broadcast_to(flags, out.shape) & np.broadcast_to(fails[:, None], out.shape)] = 0.0
    return out


_SUPPLIERS = K + KINDS.index("solution")


def _supplies(facets: Facets, seller: np.ndarray, offers: np.ndarray, p: ScoreParams) -> np.ndarray:
    """(rows, Lo) 0 where an offer is another's search for suppliers (a need offered,
    met by a seller's need for customers) of goods the seller's whole profile does not
    fit (below `fit_floor`): a concept store's "makers of sustainable home objects" is
    no shop for a cheesemaker. The search's subject (its words without the kind words)
    says what is bought."""
    shape = np.broadcast_shapes(offers.shape, (len(seller), 1))
    out = np.ones(shape, dtype=np.float32)
    flags = np.broadcast_to(facets.kind[offers] == _SUPPLIERS, shape)
    if not flags.any():
        return out
    pad = facets.pad
    r, c = np.nonzero(flags)
    at = np.broadcast_to(offers, shape)[r, c]
    bought = np.where(facets.subject[at] == pad, at, facets.subject[at])
    whole = np.broadcast_to(facets.whole[seller], shape[:1])[r]
    fit = (facets.vectors[bought] * facets.vectors[whole]).sum(axis=1)
    fails = (whole != pad) & (fit < np.float32(p.fit_floor))
    out[r[fails], c[fails]] = 0.0
    return out


def colleagues(facets: Facets, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """(P,) bool: the two work at one company (the same current company): what one
    needs the other's colleague offers in-house, with no introduction."""
    ca, cb = facets.company[a], facets.company[b]
    out: np.ndarray = (ca >= 0) & (ca == cb)
    return out


_TRADE_KINDS = np.array([name in ("customers", "solution") for name in KINDS], dtype=bool)


def _trades(facets: Facets) -> tuple[np.ndarray, np.ndarray]:
    """(trades each phrase asks for, trades each profile's headline names), as bits."""
    if facets.trades is None or len(facets.trades[1]) != facets.n:
        asks = np.zeros(len(facets.phrases) + 1, dtype=np.int64)
        for i, key in enumerate(facets.phrases):
            if _TRADE_KINDS[facets.kind[i] % K]:
                asks[i] = sought(key.removeprefix(DERIVED_PREFIX).split(" — ")[0])[0]
        are = np.fromiter((practised(h) for h in facets.headlines), np.int64, facets.n)
        facets.trades = (asks, are)
    return facets.trades


def trade_credit(
    facets: Facets,
    seeking: tuple[np.ndarray, np.ndarray],
    giving: tuple[np.ndarray, np.ndarray],
    p: ScoreParams,
) -> np.ndarray:
    """(P, Ln, Lo) credit of a search for customers or suppliers that names a trade
    ("shops that age & sell", "craft producers") met by a giver whose headline says
    they are of it and who looks for the other side in turn (a compatible need of
    theirs, offered): by the fit of the two fields, as capital is (`matcher.trades`)."""
    seeker, needs = seeking
    giver, offers = giving
    asks, are = _trades(facets)
    named = (asks[needs] & are[giver][:, None]) != 0  # (P, Ln)
    out = np.zeros(np.broadcast_shapes(named.shape + (1,), offers[:, None, :].shape), np.float32)
    if not named.any():
        return out
    named = named.copy()
    people = np.broadcast_to(giver[:, None], named.shape)
    phrases = np.broadcast_to(needs, named.shape)
    for at in zip(*np.nonzero(named), strict=True):
        # The search says which producers or shops: one of its words is the giver's.
        which = sought(facets.phrases[int(phrases[at])])[1]
        if which and not which & facets.identities[int(people[at])]:
            named[at] = False
    need_kind = facets.kind[needs][:, :, None] % K
    offer_kind = facets.kind[offers][:, None, :]
    mutual = (offer_kind >= K) & (COMPATIBLE[need_kind, offer_kind] > 0)
    fit = _ramp(field_fit(facets, seeker, giver), p.fit_threshold, p.fit_floor, p.fit_full)
    weight = np.where(facets.vague[needs], np.float32(VAGUE_WEIGHT), np.float32(1.0))
    out[...] = (named * weight)[:, :, None] * mutual * fit[:, None, None]
    return out


def role_mask(
    facets: Facets, people: np.ndarray, phrases: np.ndarray, as_offer: bool, p: ScoreParams
) -> np.ndarray:
    """1 where each person is whom a goal names (`matcher.roles`), else 0: people (X,),
    phrases (Y, L), X or Y 1 or equal -> (max(X, Y), L) float32.

    `as_offer` False: the phrases are the seeker's needs and `people` the providers
    ("data scientists to hire" needs a data scientist); True: the phrases are the
    provider's offers and `people` the seekers ("mentoring for new engineering
    managers" meets engineering managers). Goals that name nobody are 1."""
    flags = (facets.names_seeker if as_offer else facets.names_provider)[phrases]
    rows = max(len(people), len(phrases))
    out = np.ones((rows, phrases.shape[1]), dtype=np.float32)
    if not flags.any():
        return out
    flags = np.broadcast_to(flags, out.shape)
    people = np.broadcast_to(people, (rows,))
    phrases = np.broadcast_to(phrases, out.shape)
    for r, c in zip(*np.nonzero(flags), strict=True):
        if not facets.role_ok(int(people[r]), int(phrases[r, c]), as_offer, p.role_headline):
            out[r, c] = 0.0
    return out
