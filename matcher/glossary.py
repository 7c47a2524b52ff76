"""The bundled glossary (`glossary.csv` beside this file, semicolon-separated): event
vocabulary in German, Spanish, Catalan, French, Portuguese, Italian, Dutch, Polish,
Czech, Slovak, Finnish, Swedish, Danish, Norwegian, Estonian, Latvian, Lithuanian,
Russian, Ukrainian, Slovenian, Croatian, Hungarian, Greek, Romanian, Turkish and
Luxembourgish, one
concept a row with its English, and how one word is looked up in it. A row may end
early: the languages after its last cell have no word for it. The Russian and Ukrainian
columns hold Cyrillic wordings only, the Greek column Greek ones (a Latin loanword is
English already).

A word is found as written, without accents, without an inflection ending (a noun's
plural said in English too: "fincas" -> "farms"; a Finnish, Estonian, Baltic, Slavic,
Hungarian, Romanian or Turkish case ending: "järjestelmään" -> "system", "akudele" ->
"batteries", "pompach" -> "pumps", "инвесторам" -> "investors", "erőforrásokkal" ->
"resources", "fabrikasıyla" -> "factory"),
or, in the Germanic languages (Luxembourgish too), Finnish, Estonian and Hungarian, as a
compound of known
parts split at a known head ("Wärme|pumpen" -> "heat pumps", "sairaala|hankinnat" ->
"hospital procurement").
`matcher.translation` says whole items in English with it.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

GLOSSARY = Path(__file__).with_name("glossary.csv")
_COMPOUNDING = frozenset({"de", "nl", "sv", "da", "no", "fi", "et", "hu", "lb"})
# Endings tried, longest first, when a word is not in the glossary as written
# (plurals and inflections); each is (ending, replacement).
_ENDINGS: dict[str, tuple[tuple[str, str], ...]] = {
    "de": (("innen", ""), ("ern", ""), ("en", ""), ("er", ""), ("es", ""), ("em", ""),
           ("in", ""), ("n", ""), ("e", ""), ("s", "")),
    "nl": (("zen", "s"), ("ven", "f"), ("en", ""), ("s", ""), ("e", ""), ("ën", "")),
    # Luxembourgish: German's plurals, and an "-n" its n-rule drops or keeps ("Banken",
    # "Assurancen", "Donnéeën", "Memberen").
    "lb": (("ën", ""), ("en", ""), ("er", ""), ("n", ""), ("e", ""), ("s", "")),
    "es": (("ces", "z"), ("es", ""), ("as", "o"), ("os", "o"), ("s", ""), ("a", "o")),
    "pt": (("ões", "ão"), ("ais", "al"), ("eis", "el"), ("ns", "m"), ("as", "o"),
           ("os", "o"), ("es", ""), ("s", ""), ("a", "o")),
    "fr": (("aux", "al"), ("es", ""), ("s", ""), ("x", ""), ("e", "")),
    "it": (("che", "ca"), ("ghi", "go"), ("i", "o"), ("i", "e"), ("i", "io"), ("e", "a"),
           ("a", "o"), ("e", "o")),
    # Catalan: plurals and feminines back to the masculine singular the glossary writes
    # ("empreses" -> "empresa", "solucions" -> "solució", "tècniques" -> "tècnic").
    # Slovenian and Croatian: case and number endings of nouns and adjectives, each with
    # the ending of the form the glossary writes first (nominative singular).
    "sl": (("ijami", "ija"), ("skega", "ski"), ("škega", "ški"), ("anjem", "anje"),
           ("ostjo", "ost"), ("lcev", "lec"), ("lcih", "lec"), ("rjev", "r"), ("rjih", "r"),
           ("ijah", "ija"), ("ijam", "ija"), ("skih", "ski"), ("ških", "ški"),
           ("nega", "ni"), ("anja", "anje"), ("anju", "anje"), ("enja", "enje"),
           ("enju", "enje"), ("osti", "ost"), ("ami", "a"), ("ije", "ija"), ("iji", "ija"),
           ("ijo", "ija"), ("lca", "lec"), ("lci", "lec"), ("lcu", "lec"), ("rja", "r"),
           ("rji", "r"), ("rju", "r"), ("tva", "tvo"), ("tvu", "tvo"), ("nih", "ni"),
           ("ega", "i"), ("ov", ""), ("ih", ""), ("ah", "a"), ("am", "a"), ("e", "a"),
           ("i", ""), ("u", "")),
    "hr": (("ijama", "ija"), ("ovima", ""), ("evima", ""), ("njima", "nje"),
           ("stvom", "stvo"), ("ošću", "ost"), ("osti", "ost"), ("stva", "stvo"),
           ("stvu", "stvo"), ("njem", "nje"), ("ijom", "ija"), ("ama", "a"), ("ima", ""),
           ("ova", ""), ("eva", ""), ("ovi", ""), ("evi", ""), ("ove", ""), ("ije", "ija"),
           ("iji", "ija"), ("iju", "ija"), ("nja", "nje"), ("nju", "nje"), ("om", ""),
           ("em", ""), ("og", "i"), ("eg", "i"), ("oj", "i"), ("ih", "i"), ("im", "i"),
           ("e", "a"), ("i", ""), ("u", ""), ("a", "")),
    # Hungarian: case suffixes (in, with, onto, for, as, the object) on the singular and
    # the plural, back to the bare noun ("erőforrásokkal" -> "erőforrás"); stems that
    # change ("ügyfelek") are listed in the glossary itself.
    "hu": (("ákban", "a"), ("ákkal", "a"), ("okban", ""), ("ekben", ""), ("okkal", ""),
           ("ekkel", ""), ("ákat", "a"), ("okat", ""), ("eket", ""), ("kkal", ""),
           ("kkel", ""), ("ában", "a"), ("ében", "e"), ("ával", "a"), ("ssal", "s"),
           ("ssel", "s"), ("ggal", "g"), ("ggel", "g"), ("ttal", "t"), ("ttel", "t"),
           ("ként", ""), ("kat", ""), ("ban", ""), ("ben", ""), ("nak", ""), ("nek", ""),
           ("val", ""), ("vel", ""), ("át", "a"), ("ét", "e"), ("ák", "a"), ("ék", "e"),
           ("ok", ""), ("ek", ""), ("ök", ""), ("ot", ""), ("et", ""), ("ra", ""),
           ("re", ""), ("t", ""), ("k", "")),
    # Romanian: the definite and plural endings back to the indefinite singular
    # ("brandurilor", "brandurile", "branduri" -> "brand"; "producția" -> "producție").
    "ro": (("urilor", ""), ("urile", ""), ("ului", ""), ("uri", ""), ("iile", "ie"),
           ("ilor", ""), ("ția", "ție"), ("ele", "ă"), ("ile", ""), ("ul", ""), ("ii", "ie"),
           ("ii", "i"), ("ea", "e"), ("le", ""), ("a", "ă"), ("i", "")),
    # Turkish: case and possessive endings after a proper name's apostrophe ("Milano'da")
    # or on the word, and plurals, back to the bare noun ("fabrikasıyla" -> "fabrika").
    "tr": (("'nın", ""), ("'nin", ""), ("'dan", ""), ("'den", ""), ("'tan", ""),
           ("'ten", ""), ("'da", ""), ("'de", ""), ("'ta", ""), ("'te", ""), ("'ya", ""),
           ("'ye", ""), ("'ın", ""), ("'in", ""), ("'a", ""), ("'e", ""), ("'ı", ""),
           ("'i", ""), ("larından", ""), ("lerinden", ""), ("larında", ""), ("lerinde", ""),
           ("larına", ""), ("lerine", ""), ("larını", ""), ("lerini", ""), ("larla", ""),
           ("lerle", ""), ("ları", ""), ("leri", ""), ("sıyla", ""), ("siyle", ""), ("ıyla", ""),
           ("iyle", ""), ("ından", ""), ("inden", ""), ("ında", ""), ("inde", ""),
           ("lar", ""), ("ler", ""), ("dan", ""), ("den", ""), ("tan", ""), ("ten", ""),
           ("sı", ""), ("si", ""), ("su", ""), ("sü", ""), ("da", ""), ("de", ""), ("ta", ""),
           ("te", ""), ("ı", ""), ("i", ""), ("u", ""), ("ü", ""), ("a", ""), ("e", "")),
    "ca": (("cions", "ció"), ("sions", "sió"), ("essos", "és"), ("iques", "ic"),
           ("eres", "er"), ("ores", "or"), ("ades", "at"), ("ides", "it"), ("ives", "iu"),
           ("oses", "ós"), ("ssos", "s"), ("ques", "ca"), ("gues", "ga"), ("ces", "ça"),
           ("ges", "ja"), ("xos", "x"), ("ans", "à"), ("ins", "í"), ("ons", "ó"),
           ("ada", "at"), ("ida", "it"), ("iva", "iu"), ("osa", "ós"), ("ica", "ic"),
           ("era", "er"), ("ora", "or"), ("ns", ""), ("es", "a"), ("es", "e"), ("s", "")),
    # Polish and Czech: case and number endings of nouns and adjectives, each with the
    # ending of the form the glossary writes (a masculine noun has none).
    "pl": (("ami", ""), ("ami", "a"), ("ach", ""), ("ach", "a"), ("ych", "y"), ("ymi", "y"),
           ("ego", "y"), ("emu", "y"), ("iej", "a"), ("ów", ""), ("ów", "a"), ("om", ""),
           ("om", "a"), ("em", ""), ("ie", ""), ("ie", "a"), ("ej", "a"), ("ym", "y"), ("y", ""),
           ("y", "a"), ("i", ""), ("i", "a"), ("a", ""), ("u", ""), ("ę", "a"), ("ą", "a"),
           ("e", "a"), ("e", "y"), ("o", "a"), ("ie", "o"), ("a", "o"), ("u", "o"),
           ("em", "o"), ("ach", "o"), ("ami", "o"), ("iem", "ie")),
    "cs": (("ami", "a"), ("ách", "a"), ("ích", "e"), ("ech", ""), ("ům", ""), ("ými", "ý"),
           ("ých", "ý"), ("ého", "ý"), ("ému", "ý"), ("ům", "a"), ("ou", "a"), ("em", ""),
           ("ům", "o"), ("ů", ""), ("y", ""), ("y", "a"), ("u", ""), ("u", "a"), ("a", ""),
           ("e", ""), ("e", "a"), ("ě", "a"), ("i", ""), ("í", "e"), ("é", "ý"), ("á", "ý"),
           ("u", "o"), ("a", "o"), ("ě", "o"), ("ech", "o"), ("ám", "a"), ("ím", "e"),
           ("emi", "e"), ("ce", "ec"), ("é", "á"), ("ou", "á")),
    # Slovak: as Czech, with its own endings ("investorov", "firmách", "stratégiu",
    # "riadenia", "umelej"), each back to the form the glossary writes.
    "sk": (("iami", "ia"), ("iách", "ia"), ("iach", "ie"), ("iami", "ie"), ("iam", "ie"),
           ("iám", "ia"), ("ými", "ý"), ("ých", "ý"), ("ého", "ý"), ("ému", "ý"),
           ("ami", "a"), ("ami", "o"), ("ami", ""), ("ách", "a"), ("ách", "o"),
           ("och", ""), ("ovi", ""), ("iou", "ia"), ("ie", "ia"), ("ii", "ia"),
           ("iu", "ia"), ("ií", "ia"), ("ia", "ie"), ("iu", "ie"), ("ím", "ie"),
           ("í", "ie"), ("ám", "a"), ("ám", "o"), ("ov", ""), ("om", ""), ("om", "o"),
           ("om", "ý"), ("ým", "ý"), ("mi", ""), ("ou", "a"), ("ou", ""), ("ej", "á"),
           ("ú", "á"), ("é", "á"), ("é", "ý"), ("í", "ý"), ("á", "o"), ("y", ""), ("y", "a"),
           ("e", "a"), ("e", "o"), ("e", ""), ("u", "a"), ("u", "o"), ("u", ""), ("a", "o"),
           ("a", ""), ("i", ""), ("i", "a")),
    # Finnish: case endings (in, on, from, to, of, partitive), plural stems and their
    # vowels ("hoitajia" -> "hoitaja", "järjestelmiä" -> "järjestelmä").
    "fi": (("issä", "ä"), ("issa", "a"), ("istä", "ä"), ("ista", "a"), ("illa", "a"),
           ("illä", "ä"), ("ille", "a"), ("ille", "ä"), ("iden", "a"), ("iden", "ä"),
           ("ien", "a"), ("ien", "ä"), ("ien", "i"), ("jen", ""), ("ihin", "a"), ("ihin", "ä"),
           ("ssa", ""), ("ssä", ""), ("sta", ""), ("stä", ""), ("lla", ""), ("llä", ""),
           ("lta", ""), ("ltä", ""), ("lle", ""), ("ksi", ""), ("aan", "a"), ("ään", "ä"),
           ("een", "e"), ("iin", "i"), ("oon", "o"), ("uun", "u"), ("ita", "a"), ("itä", "ä"),
           ("ja", ""), ("jä", ""), ("ia", "a"), ("iä", "ä"), ("ta", ""), ("tä", ""),
           ("na", ""), ("nä", ""), ("n", ""), ("t", ""), ("a", ""), ("ä", ""),
           # Nouns in -s ("opetus" -> "opetuksen", "potilas" -> "potilaille") and the
           # possessive "our", "their" ("koulumme", "asiakkaansa").
           ("ksen", "s"), ("kset", "s"), ("ksia", "s"), ("ksiä", "s"), ("kseen", "s"),
           ("ksessa", "s"), ("ksessä", "s"), ("ksella", "s"), ("ksellä", "s"),
           ("aan", "as"), ("aat", "as"), ("aita", "as"), ("aiden", "as"), ("aille", "as"),
           ("mme", ""), ("nsa", ""), ("nsä", "")),
    # Swedish, Danish, Norwegian: plurals and the definite article joined to the noun.
    "sv": (("arna", ""), ("erna", ""), ("orna", "a"), ("arna", "e"), ("ar", ""), ("er", ""),
           ("or", "a"), ("ar", "e"), ("en", ""), ("et", ""), ("na", ""), ("n", ""), ("s", ""),
           ("a", "")),
    "da": (("erne", ""), ("erne", "e"), ("ene", ""), ("er", ""), ("er", "e"), ("en", ""),
           ("et", ""), ("ne", ""), ("e", ""), ("s", "")),
    "no": (("ene", ""), ("ene", "e"), ("er", ""), ("er", "e"), ("en", ""), ("et", ""),
           ("a", ""), ("e", ""), ("s", "")),
    # Estonian: case endings on the genitive stem (the glossary lists it where it is
    # not the nominative: "võrk|võrgu"), singular and plural ("akudele" -> "aku",
    # "ettevõtetele" -> "ettevõte", "võrgus" -> "võrgu"), and the partitive.
    "et": (("desse", ""), ("tesse", ""), ("delt", ""), ("telt", ""), ("deks", ""),
           ("teks", ""), ("dega", ""), ("tega", ""), ("dele", ""), ("tele", ""),
           ("dest", ""), ("test", ""), ("sid", ""), ("des", ""), ("tes", ""), ("del", ""),
           ("tel", ""), ("sse", ""), ("ks", ""), ("st", ""), ("lt", ""), ("le", ""),
           ("ga", ""), ("ni", ""), ("na", ""), ("ta", ""), ("de", ""), ("te", ""),
           ("id", ""), ("s", ""), ("l", ""), ("d", ""), ("t", "")),
    # Latvian and Lithuanian: case endings of the singular and plural, each with the
    # ending of the nominative singular the glossary writes (it lists the nominative,
    # genitive and accusative plural as well: "investori|investoru|investorus").
    "lv": (("iem", "s"), ("iem", "is"), ("ām", "a"), ("ēm", "e"), ("ās", "a"), ("ēs", "e"),
           ("os", "s"), ("am", "s"), ("as", "a"), ("es", "e"), ("ai", "a"), ("ei", "e"),
           ("im", "is"), ("ā", "a"), ("ē", "e"), ("ī", "is"), ("a", "s"), ("u", "s"),
           ("u", "a"), ("i", "s"), ("i", "is"), ("us", "s")),
    "lt": (("iuose", "is"), ("uose", "as"), ("iams", "is"), ("iais", "is"), ("ams", "as"),
           ("ais", "as"), ("omis", "a"), ("oms", "a"), ("ose", "a"), ("oje", "a"),
           ("ėmis", "ė"), ("ėms", "ė"), ("ėse", "ė"), ("ėje", "ė"), ("yje", "is"),
           ("iui", "is"), ("aus", "us"), ("ums", "us"), ("io", "is"), ("ių", "is"),
           ("ių", "ė"), ("ius", "is"), ("iu", "is"), ("ui", "as"), ("ai", "as"), ("ai", "a"),
           ("os", "a"), ("ės", "ė"), ("ei", "ė"), ("ūs", "us"), ("ą", "as"), ("ą", "a"),
           ("ę", "ė"), ("į", "is"), ("ų", "as"), ("ų", "a"), ("us", "as"), ("as", "a"),
           ("es", "ė"), ("o", "as"), ("u", "as"), ("e", "as"), ("a", "as"), ("e", "ė")),
    # Russian and Ukrainian: case endings of nouns and adjectives, singular and plural,
    # each with the ending of a form the glossary writes (nominative singular and plural,
    # genitive singular and plural: "инвестор|инвесторы|инвестора|инвесторов"; an
    # adjective's masculine nominative).
    "ru": (("иями", "ие"), ("иях", "ие"), ("иям", "ие"), ("ами", ""), ("ами", "а"),
           ("ями", "я"), ("ями", "ь"), ("ого", "ый"), ("его", "ий"), ("ому", "ый"),
           ("ему", "ий"), ("ыми", "ый"), ("ими", "ий"), ("ием", "ие"), ("ах", ""), ("ах", "а"),
           ("ях", "я"), ("ях", "ь"), ("ам", ""), ("ам", "а"), ("ям", "я"), ("ям", "ь"),
           ("ых", "ый"), ("их", "ий"), ("ым", "ый"), ("им", "ий"), ("ую", "ая"), ("юю", "яя"),
           ("ом", ""), ("ом", "о"), ("ем", "ь"), ("ем", "е"), ("ой", "а"), ("ой", "ая"),
           ("ей", "я"), ("ей", "ь"), ("ою", "а"), ("ии", "ия"), ("ии", "ие"), ("ию", "ия"),
           ("ию", "ие"), ("у", ""), ("у", "а"), ("у", "о"), ("ю", "я"), ("ю", "ь"), ("е", ""),
           ("е", "а"), ("е", "о"), ("е", "я"), ("и", "я"), ("и", "ь"), ("ы", "а"), ("а", "о")),
    "uk": (("ями", "я"), ("ями", "ь"), ("ами", ""), ("ами", "а"), ("ого", "ий"),
           ("ому", "ий"), ("ими", "ий"), ("нням", "ння"), ("ові", ""), ("еві", "ь"),
           ("ах", ""), ("ах", "а"), ("ях", "я"), ("ях", "ь"), ("ам", ""), ("ам", "а"),
           ("ям", "я"), ("ям", "ь"), ("их", "ий"), ("им", "ий"), ("ім", "ій"), ("ом", ""),
           ("ом", "о"), ("ем", "ь"), ("ою", "а"), ("ею", "я"), ("єю", "я"), ("ої", "а"),
           ("ої", "ий"), ("ій", "а"), ("ій", "ий"), ("нню", "ння"), ("нні", "ння"),
           ("у", ""), ("у", "а"), ("у", "о"), ("ю", "я"), ("ю", "ь"), ("і", ""), ("і", "а"),
           ("і", "о"), ("і", "ий"), ("ї", "я"), ("а", "о"), ("е", "ий"), ("а", "ий")),
}  # fmt: skip
TOKEN = re.compile(r"\w+(?:['’·]\w+)*|[^\w\s]+|\s+")
_LINKS = ("s", "es", "n", "en", "e", "")  # German / Dutch linking letters in compounds
_MIN_PART = 3
# Endings that make a noun plural (the English is made plural too: "fincas" -> "farms").
_PLURALS: dict[str, frozenset[str]] = {
    "de": frozenset({"en", "n", "e", "er", "ern", "s", "innen"}),
    "nl": frozenset({"zen", "ven", "en", "s", "ën"}),
    "lb": frozenset({"ën", "en", "er", "n", "s"}),
    "es": frozenset({"ces", "es", "as", "os", "s"}),
    "pt": frozenset({"ões", "ais", "eis", "ns", "as", "os", "es", "s"}),
    "fr": frozenset({"aux", "es", "s", "x"}),
    "it": frozenset({"che", "ghi", "i", "e"}),
    "sl": frozenset({"ijami", "lcev", "lcih", "rjev", "rjih", "ijah", "ijam", "skih",
                     "ških", "ami", "lci", "rji", "nih", "ov", "ih", "ah", "am", "i"}),
    "hr": frozenset({"ijama", "ovima", "evima", "njima", "ama", "ima", "ovi", "evi", "ove",
                     "i"}),
    "hu": frozenset({"ákban", "ákkal", "okban", "ekben", "okkal", "ekkel", "ákat", "okat",
                     "eket", "kkal", "kkel", "kat", "ák", "ék", "ok", "ek", "ök", "k"}),
    "ca": frozenset({"cions", "sions", "essos", "iques", "eres", "ores", "ades", "ides",
                     "ives", "oses", "ssos", "ques", "gues", "ces", "ges", "xos", "ans",
                     "ins", "ons", "ns", "es", "s"}),
    "pl": frozenset({"ami", "ach", "ów", "om", "y", "i"}),
    "cs": frozenset({"ami", "ách", "ích", "ech", "ům", "ů", "y", "ám", "ím", "emi"}),
    "sk": frozenset({"iami", "iách", "iach", "iam", "iám", "ií", "ami", "ách", "och", "ov",
                     "mi", "ám", "y"}),
    "fi": frozenset({"issä", "issa", "istä", "ista", "illa", "illä", "ille", "iden", "ien",
                     "jen", "ihin", "ita", "itä", "ja", "jä", "ia", "iä", "t", "kset", "ksia",
                     "ksiä", "aat", "aita", "aiden", "aille"}),
    "sv": frozenset({"arna", "erna", "orna", "ar", "er", "or"}),
    "da": frozenset({"erne", "ene", "er"}),
    "no": frozenset({"ene", "er"}),
    "et": frozenset({"desse", "tesse", "delt", "telt", "deks", "teks", "dega", "tega",
                     "dele", "tele", "dest", "test", "sid", "des", "tes", "del", "tel",
                     "de", "te", "id", "d"}),
    "lv": frozenset({"iem", "ām", "ēm", "os", "ās", "ēs"}),
    "lt": frozenset({"iuose", "uose", "iams", "iais", "ams", "ais", "omis", "oms", "ose",
                     "ėmis", "ėms", "ėse", "ių", "ius"}),
    "ru": frozenset({"иями", "иях", "иям", "ами", "ями", "ах", "ях", "ам", "ям"}),
    "uk": frozenset({"ями", "ами", "ах", "ях", "ам", "ям"}),
}  # fmt: skip
_MAX_SEEN = 1 << 17


@dataclass(frozen=True)
class Entry:
    """One glossary meaning: the English words and the part of speech
    ("n" noun, "p" personal activity, "a" adjective placed after its noun in Romance
    languages, "f" small word, "v" verb or goal phrase, "x" anything else)."""

    english: str
    pos: str


# What `Glossary.word` keeps for a word not looked up yet (compared by identity).
_UNSEEN = Entry("", "")


class Glossary:
    """One language's entries: words and phrases (`longest` words at most), keyed by
    their case-folded words, with and without accents."""

    def __init__(
        self,
        code: str,
        entries: dict[tuple[str, ...], Entry],
        personal: dict[tuple[str, ...], Entry],
        letters: frozenset[str] = frozenset(),
        typed: frozenset[str] = frozenset(),
    ) -> None:
        self.code = code
        self.entries = entries
        self.personal = personal  # personal activities ("p" rows) only
        # The letters beyond a-z its words are written with ("ľ", "ô" in Slovak).
        self.letters = letters
        self.typed = typed  # its one-word variants as written, accents kept
        # Words looked up so far: a long unknown German word tries every split (ms).
        self._seen: dict[tuple[str, int, bool], Entry | None] = {}
        self.longest = max((len(k) for k in entries), default=1)
        # The first words of phrases: a phrase whose two ends are both inflected
        # ("energii odnawialnej") is looked for only from a word that starts one.
        self.starts = frozenset(k[0] for k in entries if len(k) > 1)

    def get(self, words: tuple[str, ...], personal: bool = False) -> Entry | None:
        """The entry of case-folded `words` as written or without accents; a personal
        interest's meaning first when `personal` ("cuisine": cooking, not a kitchen)."""
        plain = tuple(_plain(w) for w in words)
        if personal:
            found = self.personal.get(words) or self.personal.get(plain)
            if found is not None:
                return found
        return self.entries.get(words) or self.entries.get(plain)

    def as_typed(self, word: str) -> bool:
        """Whether case-folded `word` is known with its accents as typed, or with an
        inflection ending taken off ("technologií" in Czech, not in Slovak)."""
        folded = word.casefold()
        return folded in self.typed or any(stem in self.typed for stem, _ in self._stems(folded))

    def word(self, word: str, depth: int = 0, personal: bool = False) -> Entry | None:
        """The entry of one word: as written, without an inflection ending (a noun's
        plural said in English too), or (German and Dutch) as a compound of known parts."""
        key = (word, depth, personal)
        seen = self._seen.get(key, _UNSEEN)  # one read: another thread may clear it
        if seen is not _UNSEEN:
            return seen
        found = self._word(word, depth, personal)
        if len(self._seen) > _MAX_SEEN:
            self._seen.clear()
        self._seen[key] = found
        return found

    def _word(self, word: str, depth: int, personal: bool) -> Entry | None:
        folded = word.casefold()
        found = self.get((folded,), personal)
        if found is not None:
            return found
        for stem, plural in self._stems(folded):
            found = self.get((stem,), personal)
            if found is not None:
                noun = plural and found.pos == "n"
                return Entry(_plural(found.english), found.pos) if noun else found
        if self.code in _COMPOUNDING and depth < 2:
            return self._compound(folded, depth)
        return None

    def _stems(self, folded: str) -> list[tuple[str, bool]]:
        """`folded` without an inflection ending, longest ending first, each with
        whether the ending makes a noun plural ("huizen" -> "huis", "bedrijven" ->
        "bedrijf", "pannen" -> "pan" in Dutch)."""
        plurals = _PLURALS.get(self.code, frozenset())
        out = [
            (folded[: len(folded) - len(ending)] + replacement, ending in plurals)
            for ending, replacement in _ENDINGS.get(self.code, ())
            if folded.endswith(ending) and len(folded) - len(ending) >= _MIN_PART
        ]
        # A Dutch plural doubles the consonant after a short vowel ("pannen" -> "pan").
        if self.code == "nl" and len(folded) > 5 and folded.endswith("en"):
            double = folded[-4:-2]
            if double[0] == double[1] and double[0] not in "aeiou":
                out.append((folded[:-3], True))
        # A Finnish ending weakens the stem's last consonants ("hoito" -> "hoidosta").
        if self.code == "fi":
            out += [(strong, plural) for stem, plural in out for strong in _finnish_strong(stem)]
        return out

    def phrase(self, words: tuple[str, ...], personal: bool = False) -> Entry | None:
        """The entry of a phrase of case-folded `words`: as written, or with its first
        or its last word inflected ("maîtres d'ouvrage", "puntos de recarga",
        "klinischen Prüfungen"): the head of a phrase is one of its ends."""
        found = self.get(words, personal)
        if found is not None or len(words) < 2:
            return found
        for k in (0, len(words) - 1):
            for stem, plural in self._stems(words[k]):
                found = self.get((*words[:k], stem, *words[k + 1 :]), personal)
                if found is not None:
                    noun = plural and found.pos == "n"
                    return Entry(_plural(found.english), found.pos) if noun else found
        # Both ends inflected, as a Slavic noun and its adjective agree ("pomp ciepła",
        # "energii odnawialnej"): the case of the first word says the number.
        for first, plural in self._stems(words[0]):
            if first not in self.starts and _plain(first) not in self.starts:
                continue
            for last, _ in self._stems(words[-1]):
                found = self.get((first, *words[1:-1], last), personal)
                if found is not None:
                    noun = plural and found.pos == "n"
                    return Entry(_plural(found.english), found.pos) if noun else found
        return None

    def _compound(self, word: str, depth: int) -> Entry | None:
        """A compound word as its known modifier and head ("wärme" + "pumpen")."""
        for cut in range(_MIN_PART, len(word) - _MIN_PART + 1):  # longest head first
            head = self.word(word[cut:], depth + 1)
            if head is None or head.pos == "f":
                continue
            left = word[:cut]
            for link in _LINKS:
                if link and not left.endswith(link):
                    continue
                stem = left[: len(left) - len(link)] if link else left
                if len(stem) < _MIN_PART:
                    continue
                modifier = self.word(stem, depth + 1)
                if modifier is not None and modifier.pos != "f":
                    return Entry(_overlapped(modifier.english, head.english), head.pos)
        return None


# Finnish consonant gradation, weak to strong: the last consonants of a stem.
_GRADATION = {"d": "t", "t": "tt", "k": "kk", "p": "pp", "v": "p", "nn": "nt", "ll": "lt",
              "rr": "rt", "ng": "nk", "mm": "mp"}  # fmt: skip
_FINNISH_STEM = re.compile(r"^(.*[aeiouyäö])([^aeiouyäö]+)([aeiouyäö]+)$")


def _finnish_strong(stem: str) -> list[str]:
    """ "hoido" -> ["hoito"], "kaupungi" -> ["kaupunki"]: the stem with its last
    consonants made strong again, if they are a weak grade."""
    m = _FINNISH_STEM.match(stem)
    if m is None or m.group(2) not in _GRADATION:
        return []
    return [m.group(1) + _GRADATION[m.group(2)] + m.group(3)]


def _overlapped(modifier: str, head: str) -> str:
    """A compound's English, its modifier's last words said once where the head
    starts with them ("Chor|gesang": "choir singing" + "singing" -> "choir singing")."""
    left, right = modifier.split(), head.split()
    for k in range(min(len(left), len(right)), 0, -1):
        if left[-k:] == right[:k]:
            return " ".join(left + right[k:])
    return f"{modifier} {head}"


def _plural(english: str) -> str:
    """ "farm" -> "farms", "technology" -> "technologies"; a word ending in s, or
    an uncountable ("software", "research"), unchanged."""
    last = english.rsplit(" ", 1)[-1]
    if english[:1].isupper():  # a place ("Francji" is France, not "Frances")
        return english
    # A letter or a number names one of its kind ("series a", "plan b"): no plural.
    if len(last) < 2 or last.endswith("s") or last in _UNCOUNTABLE or not last.isalpha():
        return english
    if last.endswith("man") and last not in ("german", "human"):  # "craftsman" -> "craftsmen"
        return english[:-2] + "en"
    if last.endswith("y") and last[-2:-1] not in ("a", "e", "o", "u"):
        return english[:-1] + "ies"
    if last.endswith(("x", "ch", "sh")):
        return english + "es"
    return english + "s"


_UNCOUNTABLE = frozenset(
    {"software", "hardware", "research", "advice", "knowledge", "data", "expertise",
     "feedback", "support", "access", "funding", "care", "health", "healthcare", "water",
     "energy", "food", "heat", "heating", "cooling", "waste", "soil", "carbon", "hydrogen",
     "marketing", "sales", "logistics", "training", "education", "experience", "seed",
     "equipment", "moisture", "information", "nursing", "insurance", "finance",
     "purchasing", "procurement", "recruitment", "security", "cybersecurity"}
)  # fmt: skip


def _plain(text: str) -> str:
    """`text` without accents ("hidrogénio" -> "hidrogenio")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _words(text: str) -> tuple[str, ...]:
    return tuple(t.casefold() for t in TOKEN.findall(text) if t[0].isalnum() or t[0] == "_")


@lru_cache(maxsize=1)
def glossaries() -> dict[str, Glossary]:
    """Every language's glossary, read once from `GLOSSARY`."""
    with GLOSSARY.open(encoding="utf-8", newline="") as f:
        rows = [r for r in csv.reader(f, delimiter=";") if r and not r[0].startswith("#")]
    header, body = rows[0], rows[1:]
    codes = header[2:]
    tables: dict[str, dict[tuple[str, ...], Entry]] = {code: {} for code in codes}
    personal: dict[str, dict[tuple[str, ...], Entry]] = {code: {} for code in codes}
    plain: dict[str, str] = {}  # each word's form without accents, made once
    letters: dict[str, set[str]] = {code: set() for code in codes}
    typed: dict[str, set[str]] = {code: set() for code in codes}
    for row in body:
        pos, english = row[0].strip(), row[1].strip()
        entry = Entry(english, pos)
        for code, cell in zip(codes, row[2:], strict=False):
            letters[code].update(ch for ch in cell.lower() if ch.isalpha() and not ch.isascii())
            for variant in cell.split("|"):
                # Words and spaces only (most variants): the words as `_words` cuts them.
                simple = variant.replace(" ", "").isalpha()
                key = tuple(variant.casefold().split()) if simple else _words(variant)
                if not key:
                    continue
                if len(key) == 1:
                    typed[code].add(key[0])
                bare = tuple(plain.get(w) or plain.setdefault(w, _plain(w)) for w in key)
                for table in (tables[code], personal[code]) if pos == "p" else (tables[code],):
                    table.setdefault(key, entry)
                    table.setdefault(bare, entry)
    return {
        code: Glossary(
            code, tables[code], personal[code], frozenset(letters[code]), frozenset(typed[code])
        )
        for code in codes
    }


def translates(code: str) -> bool:
    """Whether profiles in language `code` are translated into English for matching."""
    return code in glossaries()


def glossary_languages() -> list[str]:
    """The codes of the languages with a glossary."""
    return list(glossaries())
