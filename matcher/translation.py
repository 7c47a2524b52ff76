"""Profile items in German, Spanish, French, Portuguese, Italian, Dutch, Polish, Czech,
Finnish, Swedish, Danish, Norwegian, Estonian, Latvian, Lithuanian, Russian or Ukrainian,
said in English.

The bundled model reads English ("Wärmepumpen" and "heat pumps" sit far apart in
it), and no multilingual model installs offline. So the items of a profile
written in a language with a glossary (`matcher.glossary`: event vocabulary, roles,
goal verbs and everyday activities, one concept a row) are translated phrase by
phrase and word by word (`to_english`) before they are normalised and
embedded; words the glossary does not know stay as they are (names, brands,
acronyms). Only the embedding keys change: a claim still quotes each person's
own words ("same — you: Wärmepumpen · them: heat pumps").

German, Dutch, Scandinavian and Finnish compounds are split at a known head
("Wärme|pumpen", "Fachkräfte|mangel", "sairaala|hankinnat"), and in the Romance
languages adjectives that follow their noun are put before it ("hidrogénio verde" ->
"green hydrogen").

Which language to read a text in (`reading`, `say_in_english`): the profile's, told
from all its text (headline and about too) by the language identifier; for a few
tags too short for it, the one glossary language that knows most of their words;
for an item of an English profile, the language of its words that only a glossary
knows ("Wandern" among English hobbies). A word that is also a plain English word
("formation", "red", "stage") is translated only in a profile the identifier is
sure of (`matcher.english_words`).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache

from matcher.english_words import is_english_word
from matcher.glossary import TOKEN, Entry, Glossary, glossaries, translates
from matcher.language import ENGLISH, detect_language, profile_text
from matcher.script import in_script_of
from matcher.types import Profile

_ROMANCE = frozenset({"es", "ca", "fr", "pt", "it", "ro"})
# Elided articles and prepositions glued to the next word ("l'énergie", "dell'acqua").
_ELISION = re.compile(r"^(l|d|dell|all|nell|sull|dall|un|qu|j|n|s|c)['’](\w.*)$", re.IGNORECASE)


@lru_cache(maxsize=1 << 16)
def to_english(text: str, code: str, personal: bool = False, keep_english: bool = False) -> str:
    """`text`, written in language `code`, with every phrase and word the glossary
    knows said in English; the rest, spacing and punctuation kept. Unchanged for a
    language without a glossary. `personal`: a personal interest (an ambiguous word
    is read as the activity: "cuisine" -> "cooking"). `keep_english`: words that are
    also plain English words, and phrases of nothing else, stay as written (the text
    may be English: "red team", "team formation"). A phrase wins over its words; a
    name stays as written (`_names`: "vinho do Porto" is not "wine of ports")."""
    glossary = glossaries().get(code)
    if glossary is None or not text:
        return text
    text = _GENDER_FORMS[code](text) if code in _GENDER_FORMS else text
    tokens = TOKEN.findall(text)
    names = _names(tokens, code)
    units: list[tuple[str, str]] = []  # (text, pos); pos "" for untranslated, " " for space
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.isspace():
            units.append((" ", " "))
            i += 1
            continue
        if not token[0].isalnum():
            units.append((token, ""))
            i += 1
            continue
        if (
            _english_compound(tokens, i)
            or _acronym_not_word(glossary, token)
            or _round_letter(tokens, i)
        ):
            units.append((token, ""))
            i += 1
            continue
        matched = _phrase_at(glossary, tokens, i, personal, keep_english)
        if matched is not None:
            entry, i = matched
            units.append((entry.english, entry.pos))
            continue
        elided = _elided_phrase(glossary, tokens, i, personal, keep_english)
        if elided is not None:
            said, i = elided
            units.extend(said)
            continue
        if i in names:
            found = glossary.word(token)
            # A place the glossary names ("Alemania" -> "Germany") is still said in English.
            proper = found is not None and found.english[:1].isupper()
            units.append((found.english, found.pos) if proper and found else (token, ""))
        elif keep_english and (is_english_word(token) or _acronym(token)):
            units.append((token, ""))
        else:
            units.extend(_one_word(glossary, token, personal))
        i += 1
    if code in _ROMANCE:
        units = _adjectives_first(units)
    english = _joined(_to_before_verbs(units))
    return _SOUGHT_LAST.sub(_sought_first, english) if code in _VERB_LAST else english


# Languages that put the verb after what it governs: Hungarian "új kiskereskedelmi
# partnereket keresünk Erdélyben", Turkish "teknik kurucu ortak (CTO) arıyoruz",
# said word by word as "new retail partners looking for Erdélyben".
_VERB_LAST = frozenset(("hu", "tr"))
# A search said last in its clause (a place may follow it), and what it seeks.
_SOUGHT_LAST = re.compile(
    r"(?P<lead>^|[.;:!?–—|·]\s*|,\s*)(?P<sought>[^.;:!?,–—|·]*?\S)\s+looking for"
    r"(?P<place>\s+[A-ZÁÉÍÓÖŐÚÜŰÇĞİŞ][\w-]*)?(?=\s*(?:[.,;:!?)]|$))"
)


def _sought_first(m: re.Match[str]) -> str:
    """The search of `_SOUGHT_LAST` said in English order: "looking for <what>"."""
    return f"{m['lead']}looking for {m['sought']}{m['place'] or ''}"


def _elided_phrase(
    glossary: Glossary, tokens: list[str], i: int, personal: bool, keep_english: bool
) -> tuple[list[tuple[str, str]], int] | None:
    """A phrase the glossary knows after an elided article or preposition ("d'estrès
    hídric" -> "water stress", the article said where the glossary knows it): its
    units and the index after it, or None."""
    elided = _ELISION.match(tokens[i])
    if elided is None:
        return None
    rest = [*tokens[:i], elided.group(2), *tokens[i + 1 :]]
    matched = _phrase_at(glossary, rest, i, personal, keep_english)
    if matched is None or matched[1] == i + 1:  # one word: `_one_word` says it
        return None
    entry, after = matched
    small = glossary.word(elided.group(1))
    said = [(small.english, small.pos), (" ", " ")] if small is not None else []
    return [*said, (entry.english, entry.pos)], after


def _acronym_not_word(glossary: Glossary, token: str) -> bool:
    """Whether `token` is written in capitals ("EU", "PR") where the glossary knows its
    letters only as a small word or a verb (Romanian "eu" is "I", Italian "AI" is "to
    the"), or is "DACH": an acronym, kept as written."""
    if len(token) < 2 or not token.isupper():
        return False
    if token == "DACH":  # "in DACH und Frankreich": the German-speaking countries, no roof
        return True
    found = glossary.word(token)
    return found is not None and found.pos in ("f", "v")


_SERIES = re.compile(r"s[ée]ri[aeio]?s?", re.IGNORECASE)


def _round_letter(tokens: list[str], i: int) -> bool:
    """Whether token `i` is a funding round's capital letter ("Series A", "série A"):
    kept as written, not the Slovak or Czech "a" (and)."""
    token = tokens[i]
    if len(token) != 1 or not token.isupper() or i < 2 or not tokens[i - 1].isspace():
        return False
    return _SERIES.fullmatch(tokens[i - 2]) is not None


def _english_compound(tokens: list[str], i: int) -> bool:
    """Whether tokens[i] is an English word hyphen-joined to another ("seed-stage",
    "early-stage", "start-up"): an English compound, whatever the language around it
    (Italian and French "stage" is an internship), unlike "Seed-Runde"."""
    if not is_english_word(tokens[i]):
        return False
    joined = [
        tokens[j]
        for hyphen, j in ((i - 1, i - 2), (i + 1, i + 2))
        if 0 <= j < len(tokens) and tokens[hyphen] == "-"
    ]
    return any(is_english_word(word) for word in joined)


def _to_before_verbs(units: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """ "for" before a verb is "to" ("des solutions pour réduire" -> "solutions to
    reduce", "socios para cargar" -> "partners to load"): "pour", "para", "per",
    "um", "om" say both."""
    out = list(units)
    for k in range(len(out) - 2):
        if out[k] == ("for", "f") and out[k + 1][1] == " " and out[k + 2][1] == "v":
            out[k] = ("to", "f")
    return out


# Gender forms said as one word: German "Ingenieur:innen", "Mitarbeiter*innen",
# "MitarbeiterInnen" -> "...innen" (a plural the glossary knows); French inclusive
# writing "un·e", "étudiant·e·s" -> "un", "étudiant".
_GERMAN_GENDER = re.compile(r"(?<=[a-zäöüß])(?:[:*_·]i|I)(nnen|n)\b")
_FRENCH_GENDER = re.compile(r"(?<=\w)(?:[·•](?:e|es|s|ne|nes|rice|rices|euse|euses|ère|ères))+\b")
_GENDER_FORMS = {
    "de": lambda text: _GERMAN_GENDER.sub(r"i\1", text),
    "fr": lambda text: _FRENCH_GENDER.sub("", text),
}
# Punctuation that starts a new part of an item ("Técnica de planeamento, Câmara ...").
_PARTS = frozenset(",;:–—|/&.!?")


def _names(tokens: list[str], code: str) -> frozenset[int]:
    """The indexes of the tokens that are names, not words to translate: in a language
    that writes its nouns in lower case (all but German and Luxembourgish), a
    capitalised word inside a part of an item ("vinho do Porto", "centro de Lyon", "no
    Norte"), unless every word of that part is capitalised (a title: "Director de
    Operaciones"); and a hyphenated name of two capitalised words or more
    ("Saint-Genis-les-Monts")."""
    if code in ("de", "lb"):
        return frozenset()
    small = _small_words()
    names: set[int] = set()
    part: list[int] = []

    def close() -> None:
        words = [k for k in part if tokens[k].casefold() not in small]
        capitalised = [k for k in words if _capitalised(tokens[k])]
        if len(capitalised) < len(words):
            names.update(k for k in capitalised if k != part[0])
        part.clear()

    for k, token in enumerate(tokens):
        if token[0].isalnum():
            part.append(k)
        elif part and _ends_part(tokens, k):
            close()
    if part:
        close()
    # Hyphenated names: word-word-word with two capitalised parts or more.
    k = 0
    while k < len(tokens):
        j = k
        while j + 2 < len(tokens) and tokens[j + 1] == "-" and tokens[j + 2][0].isalnum():
            j += 2
        chain = range(k, j + 1, 2)
        if j > k and sum(_capitalised(tokens[c]) for c in chain) >= 2:
            names.update(chain)
        k = j + 1
    return frozenset(names)


def _capitalised(word: str) -> bool:
    """ "Porto", "Lyon": a capital first letter, not an acronym ("CLT", "PV")."""
    return word[:1].isupper() and not _acronym(word)


def _ends_part(tokens: list[str], k: int) -> bool:
    """Whether the token at `k` ends a part of an item: a comma, a dash, a full stop,
    or a hyphen between spaces ("Sloop - Recycling")."""
    token = tokens[k]
    if token.isspace():
        return False
    if set(token) & _PARTS:
        return True
    spaced = 0 < k < len(tokens) - 1 and tokens[k - 1].isspace() and tokens[k + 1].isspace()
    return token.strip() == "-" and spaced


def _phrase_at(
    glossary: Glossary, tokens: list[str], start: int, personal: bool, keep_english: bool = False
) -> tuple[Entry, int] | None:
    """The longest glossary phrase of two or more words at `tokens[start]`, and the
    index after it (with `keep_english`, none made of plain English words only).
    Its words may be joined by hyphens ("Langzeit-EKG", "nul-op-de-meter"), and its
    first or last word inflected (`Glossary.phrase`)."""
    words: list[str] = []
    ends: list[int] = []
    i = start
    while i < len(tokens) and len(words) < glossary.longest:
        token = tokens[i]
        if token.isspace() or (token == "-" and words):
            i += 1
            continue
        if not token[0].isalnum():
            break
        words.append(token.casefold())
        i += 1
        ends.append(i)
    for n in range(len(words), 1, -1):
        found = glossary.phrase(tuple(words[:n]), personal)
        if found is not None:
            if keep_english and all(is_english_word(w) for w in words[:n]):
                continue
            return found, ends[n - 1]
    return None


def _one_word(glossary: Glossary, token: str, personal: bool) -> list[tuple[str, str]]:
    """Units for one word: its entry, an elided article and its word, or the word."""
    found = glossary.word(token, personal=personal)
    if found is not None:
        return [(found.english, found.pos)]
    elided = _ELISION.match(token)
    if elided:
        small = glossary.word(elided.group(1))
        rest = glossary.word(elided.group(2))
        out = [(small.english, small.pos)] if small is not None else []
        return [*out, (" ", " "), (rest.english, rest.pos) if rest else (elided.group(2), "")]
    return [(token, "")]


def _adjectives_first(units: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Romance order to English order: a noun's following adjectives go before it,
    the nearest one last ("energia solar flutuante" -> "floating solar energy")."""
    out = list(units)
    i = 0
    while i < len(out):
        if out[i][1] in ("n", "p", "") and out[i][0][:1].isalnum():  # a word, not ")"
            j, adjectives = i + 1, []
            while j + 1 < len(out) and out[j][1] == " " and out[j + 1][1] == "a":
                adjectives.append(out[j + 1])
                j += 2
            if adjectives:
                moved: list[tuple[str, str]] = []
                for adjective in reversed(adjectives):
                    moved += [adjective, (" ", " ")]
                out[i:j] = [*moved, out[i]]
                i += len(moved)
        i += 1
    return out


def _joined(units: list[tuple[str, str]]) -> str:
    """The units as text: a hyphen between two words of which one was translated
    becomes a space ("Seed-Runde" -> "seed round"); empty translations drop out."""
    parts: list[str] = []
    for k, (text, _pos) in enumerate(units):
        if text == "-" and 0 < k < len(units) - 1:
            before, after = units[k - 1][1], units[k + 1][1]
            if before not in ("", " ") or after not in ("", " "):
                text = " "
        parts.append(text)
    return " ".join("".join(parts).split())


# A profile with none of these small words and no accented letter is English: the
# language identifier (about 0.2 ms a profile) is asked only about the others, and
# this check must stay cheap (a full run reads every profile of the event). Loanwords
# ("management", "studio", "director") make glossary words useless for it.
_SMALL_WORDS = frozenset(
    {"und", "für", "mit", "von", "zu", "ich", "wir", "unsere", "unser", "der", "die", "das",
     "el", "los", "las", "para", "con", "del", "y", "de", "la", "les", "des", "pour", "avec",
     "dans", "nos", "um", "uma", "com", "do", "da", "os", "il", "di", "per", "che", "het",
     "een", "van", "voor", "met", "op", "naar",
     "oraz", "dla", "się", "jest", "nie", "przez", "jsou", "ve", "také", "nebo", "jako",
     "ja", "sekä", "tai", "että", "ovat", "och", "för", "med", "att", "är", "jag", "av",
     "og", "af", "jeg", "til", "ikke"}
)  # fmt: skip
# The glossary languages' letters beyond ASCII (Latin-1, Latin Extended-A for Polish
# and Czech: "ł", "ę", "ř", "ů"; Cyrillic for Russian and Ukrainian).
_ACCENTED = re.compile(r"[À-ÖØ-öø-ÿĀ-žЀ-ӿ]")
_PUNCTUATION = str.maketrans(dict.fromkeys(".,;:!?()[]/\"'“”‘’«»&+*#", " "))
# A language guessed from glossary words when the identifier is unsure (short tag
# lists): at least this many words known, at least half of the profile's words.
_GUESS_WORDS = 2


def _plain_words(text: str) -> list[str]:
    return text.lower().translate(_PUNCTUATION).split()


def _acronym(word: str) -> bool:
    """ "LCA", "EPDs", "DiGA", "3DS2": an acronym or code, the same in any language."""
    return sum(c.isupper() for c in word) >= 2 or any(c.isdigit() for c in word)


def _evidence_words(text: str) -> list[str]:
    """The lower-cased words of `text` that may tell its language (no acronyms)."""
    return [w.lower() for w in text.translate(_PUNCTUATION).split() if not _acronym(w)]


def _maybe_other(text: str) -> bool:
    """Whether `text` may be in a language other than English (cheap, may say yes):
    accented letters, the glossary languages' small words, or a word that only a
    glossary knows ("logistica, rutas, flotas" has none of the first two)."""
    if not text.isascii() and _ACCENTED.search(text):
        return True
    words = text.lower().split()
    if not _SMALL_WORDS.isdisjoint(words):
        return True
    return any(_foreign_codes(w) for w in _evidence_words(text))


# Languages read only when the language identifier tells them, never guessed from a
# word or two: their one- and two-letter case endings make names of other languages
# parse (Estonian: "Moodle" -> "mood" + "-le", fashion; Slovenian, Croatian, Romanian
# and Turkish "-a", "-i", "-u", "-e"; Hungarian "-t", "-k", "-et"); and Catalan, which
# shares most short Spanish tags ("rutas", "flotas"), so a guess between the two would
# be a tie; and Luxembourgish, which shares as many with German.
_NEVER_GUESSED = frozenset({"et", "lv", "lt", "sl", "hr", "hu", "ca", "ro", "tr", "lb"})


def _guessable(word: str) -> dict[str, Glossary]:
    """The glossaries a word or a short item may be guessed to be in: of its script,
    and writing every letter of it ("přírodní" is Czech, never Slovak: Slovak has no
    "ř", though both glossaries know the word without its accents)."""
    own = {ch for ch in word.lower() if ch.isalpha() and not ch.isascii()}
    return {
        code: g
        for code, g in in_script_of(word).items()
        if code not in _NEVER_GUESSED and own <= g.letters
    }


@lru_cache(maxsize=1 << 16)
def _languages_knowing(word: str) -> tuple[str, ...]:
    """The glossary languages that say `word` in other English words; none for a
    plain English word ("formation", "stage"): it tells no language apart."""
    if is_english_word(word):
        return ()
    found = []
    for code, glossary in _guessable(word).items():
        entry = glossary.word(word)
        if entry is not None and entry.pos != "f" and entry.english.casefold() != word:
            found.append(code)
    return tuple(found)


@lru_cache(maxsize=1 << 17)
def _foreign_codes(word: str) -> tuple[str, ...]:
    """`_languages_knowing` without splitting compounds (cheap: every word of an
    English event passes here once)."""
    if len(word) < 3 or not word.isalpha() or is_english_word(word):
        return ()
    found = []
    for code, glossary in _guessable(word).items():
        entry = glossary.word(word, depth=2)
        if entry is not None and entry.pos != "f" and entry.english.casefold() != word:
            found.append(code)
    return tuple(found)


def glossary_guess(text: str) -> str | None:
    """The one glossary language that knows most of `text`'s words (at least
    `_GUESS_WORDS` of them and half, small words and acronyms aside), for text too
    short for the identifier; None when none or two languages know as many."""
    small = _small_words()
    words = [w for w in _evidence_words(text) if len(w) > 1 and w.isalpha() and w not in small]
    counts = Counter(code for w in words for code in _languages_knowing(w))
    ranked = counts.most_common(2)
    if not ranked:
        return None
    best, known = ranked[0]
    tied = len(ranked) > 1 and ranked[1][1] == known
    return best if known >= _GUESS_WORDS and 2 * known >= len(words) and not tied else None


@dataclass(frozen=True)
class Reading:
    """How a profile is read for matching: `code`, the glossary language it is
    translated from (None: English, or a language without a glossary); `sure`,
    whether the language identifier told it (not a guess from a few tags)."""

    code: str | None
    sure: bool = True
    # An English profile with a word that only a glossary knows ("Wandern"): its
    # items are looked at one by one (`item_language`); the others cost nothing more.
    mixed: bool = False


ENGLISH_READING = Reading(None)


def reading(profile: Profile) -> Reading:
    """How `profile` is read: in its language when the identifier is sure of it from
    all its text (headline and about included); a profile too short for the
    identifier (a few tags) in the one glossary language that knows most of its
    words, sparing its plain English words."""
    return _reading(profile_text(profile))


@lru_cache(maxsize=1 << 14)
def _reading(text: str) -> Reading:
    if not _maybe_other(text):
        return ENGLISH_READING
    code = detect_language(text)
    sure = code is not None
    code = code or glossary_guess(text) or ENGLISH
    if code != ENGLISH and translates(code):
        return Reading(code, sure)
    return Reading(None, mixed=any(_foreign_codes(w) for w in _evidence_words(text)))


def source_language(profile: Profile) -> str | None:
    """The language `profile` is translated from for matching (`reading`): its
    language when that is not English and has a glossary; None otherwise."""
    return reading(profile).code


def _lower_words(text: str) -> list[str]:
    """The words of `text` that start lower-case (not a name: "Castellón")."""
    return [w for w in text.split() if w[:1].islower()]


def _writing(codes: tuple[str, ...], writes: set[str]) -> tuple[str, ...]:
    """`codes` that are among the languages `writes` (those writing an item's letters)."""
    return tuple(code for code in codes if code in writes)


@lru_cache(maxsize=1 << 16)
def item_language(text: str) -> str | None:
    """The glossary language of an item of an English profile: the one that knows
    most of its words that are not English ("Wandern", "pesca"), or any of several
    that say it alike ("vela": sailing in Spanish, Portuguese and Italian), else the
    one of those that knows more of its words with their accents as typed; None when
    such words are fewer than its English words, or still several tie. A language
    that never writes one of the item's letters is not its language ("Almanca konuşma
    partneri" is Turkish, whatever else knows "partneri")."""
    words = [w for w in _evidence_words(text) if w not in _small_words()]
    own = {ch for w in _lower_words(text) for ch in w if ch.isalpha() and not ch.isascii()}
    writes = {code for code, g in glossaries().items() if own <= g.letters}
    foreign = [codes for w in words if (codes := _writing(_foreign_codes(w), writes))]
    english = sum(is_english_word(w) for w in words)
    # An English phrase with a loanword ("CSRD reporting in the Mittelstand") stays.
    if not foreign or 2 * len(foreign) < len(foreign) + english:
        return None
    counts = Counter(code for codes in foreign for code in codes)
    most = max(counts.values())
    best = [code for code, n in counts.items() if n == most]
    if len(best) == 1:
        return best[0]
    # Several know as many words ("logística": Spanish, Portuguese, Italian): the one
    # that says most of the item in English, if one does, or all say it alike.
    said = {code: to_english(text, code, keep_english=True) for code in best}
    if len(set(said.values())) == 1:
        return best[0]
    kept = {code: len(set(_plain_words(text)) & set(_plain_words(s))) for code, s in said.items()}
    fewest = min(kept.values())
    fewer = [code for code in best if kept[code] == fewest]
    if len(fewer) == 1:
        return fewer[0]
    # Still several ("transfer technologií": Czech and Slovak): the one that knows
    # more of its words with their accents as typed.
    typed = {code: sum(glossaries()[code].as_typed(w) for w in words) for code in fewer}
    most_typed = max(typed.values())
    first = [code for code in fewer if typed[code] == most_typed]
    return first[0] if len(first) == 1 else None


@lru_cache(maxsize=1)
def _small_words() -> frozenset[str]:
    """The glossary languages' small words ("de", "in", "la"): they tell no language."""
    small = set(_SMALL_WORDS)
    for glossary in glossaries().values():
        small.update(k[0] for k, e in glossary.entries.items() if len(k) == 1 and e.pos == "f")
    return frozenset(small)


def say_in_english(text: str, read: Reading, personal: bool = False) -> str:
    """One text of a profile read as `read`, said in English for matching: in the
    profile's language (its plain English words kept unless the identifier was
    sure); in an English profile, an item whose words only a glossary knows, in
    that glossary's language."""
    if read.code is not None:
        return to_english(text, read.code, personal, keep_english=not read.sure)
    code = item_language(text) if read.mixed and text else None
    return text if code is None else to_english(text, code, personal, keep_english=True)


def in_english(profile: Profile, read: Reading) -> Profile:
    """`profile` with every text said in English as read (`say_in_english`): what
    matching reads, never what is shown."""

    if read.code is None and not read.mixed:
        return profile

    def each(items: list[str], personal: bool = False) -> list[str]:
        return [say_in_english(x, read, personal) for x in items]

    # An English profile's headline and about stay as written: a few words no
    # English dictionary knows there are mostly names ("Huber Metallbau").
    return replace(
        profile,
        headline=say_in_english(profile.headline or "", read) if read.code else profile.headline,
        interests=each(profile.interests),
        personal_interests=each(profile.personal_interests, personal=True),
        looking_for=each(profile.looking_for),
        offering=each(profile.offering),
        about=say_in_english(str(profile.about or ""), read) if read.code else profile.about,
    )
