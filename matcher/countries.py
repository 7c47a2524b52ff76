"""Which countries a text places someone in: names, own names, people's words, cities.

Investors limit where they invest ("Ireland & UK only", "Nous n'investissons qu'au
Maroc", "SLO/HR founders only", "nur Österreich und Bayern"); a company's profile says
where it is ("Lyon-based", "a Czech startup", "Brno"). `countries` reads either as
country codes; a region an investor names ("DACH", "Benelux", "CEE") stands for its
countries (their acronyms only in capitals). Europe, the EU or the world name no
country (`matcher.theses` reads them as no limit). Codes are ISO 3166 alpha-2, with "UK"
for the United Kingdom.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Code -> the words that place someone there (names in English and in the languages
# of the events, the people's words, the larger cities), lowercase; "\\w*" ends a stem.
_PLACES: dict[str, str] = {
    "AT": "austria austrian österreich österreichisch\\w* autriche austria vienna wien graz "
    "linz salzburg innsbruck kärnten carinthia carinzia",
    "BE": "belgium belgian belgië belgique belgien belgio brussels bruxelles brussel "
    "antwerp antwerpen ghent gent leuven liège bruges bélgica belgia",
    "BG": "bulgaria bulgarian българия български\\w* софия plovdiv пловдив varna варна burgas",
    "CH": "switzerland swiss schweiz schweizer suisse svizzera zurich zürich geneva genève "
    "basel bern lausanne suiza suíça zwitserland szwajcaria",
    "CZ": "czechia czech česk\\w* czesk\\w* prague praha brno ostrava tchéquie chequia "
    "tschechien cechia czechy",
    "DE": "germany german deutschland deutsch\\w* allemagne alemania germania niemiec\\w* "
    "bayern bavaria bavarian bayerisch\\w* berlin munich münchen hamburg cologne köln "
    "frankfurt stuttgart düsseldorf leipzig dresden hanover hannover nuremberg "
    "nürnberg bremen bonn karlsruhe heidelberg aachen baden-württemberg "
    "nordrhein-westfalen rhine-westphalia hessen sachsen saxony alemanha duitsland "
    "niemcy",
    "DK": "denmark danish danmark dansk\\w* copenhagen københavn aarhus odense aalborg "
    "esbjerg roskilde køge jutland jylland sjælland danemark dänemark dinamarca "
    "danimarca denemarken dania",
    "EE": "estonia estonian estoni\\w* estland eesti\\w* tallinn\\w* tartu igaunij\\w* "
    "estij\\w* эстони\\w* таллин\\w*",
    "ES": "spain spanish españa espana espanyol\\w* español\\w* espagne spagna madrid "
    "barcelona valencia seville sevilla bilbao malaga málaga zaragoza andalusia "
    "andalucía catalonia catalunya logroño pamplona santander valladolid murcia "
    "euskadi navarra asturias cantabria espanha spanje hiszpania",
    "FI": "finland finnish suomi suome\\w* suomalai\\w* helsinki tampere espoo turku oulu "
    "vantaa jyväskylä finlande finnland finlandia finlândia",
    "FR": "france french français\\w* française\\w* francia frankreich paris lyon marseille "
    "toulouse lille nantes bordeaux strasbourg montpellier rennes grenoble "
    "île-de-france occitanie bretagne brittany normandie normandy "
    "auvergne-rhône-alpes frança frankrijk francja",
    "CY": "cyprus cypriot κύπρος κυπριακ\\w* limassol λεμεσός nicosia λευκωσία larnaca",
    "GR": "greece greek ελλάδα ελληνικ\\w* hellas athens αθήνα thessaloniki θεσσαλονίκη "
    "piraeus πειραιάς patras heraklion crete volos grèce griechenland grecia grécia "
    "griekenland grecja",
    "HR": "croatia croatian hrvatska hrvatsk\\w* zagreb rijeka croatie kroatien croacia "
    "croazia croácia kroatië chorwacja",
    "HU": "hungary hungarian magyarország magyar budapest hongrie ungarn hungría ungheria "
    "hungria hongarije węgry",
    "IE": "ireland irish dublin galway irlande irland irlanda ierland",
    "IT": "italy italian italia italiano italiana italienisch\\w* italie milan milano rome "
    "roma turin torino naples napoli florence firenze bologna venice venezia genoa "
    "genova palermo trieste udine bergamo brescia verona padova padua parma modena "
    "bari catania lecce prato lombardy lombardia piedmont piemonte veneto "
    "emilia-romagna tuscany toscana lazio campania sicily sicilia puglia apulia "
    "liguria sardinia sardegna calabria abruzzo umbria friuli trentino brianza itália "
    "italië włochy",
    "LT": "lithuania lithuanian litauen liettua\\w* leedu\\w* litw\\w* lietuv\\w* vilni\\w* "
    "kaunas kaune kauno литв\\w* вильн\\w* lituanie lituania lituânia",
    "LU": "luxembourg luxembourgish luxemburg luxemburger\\w* luxemburgo lussemburgo "
    "luksemburg\\w* luxemburgi\\w* lëtzebuerg\\w* esch-sur-alzette",
    "LV": "latvia latvian lettland latvia\\w* läti\\w* łotw\\w* latvij\\w* latvieš\\w* riga "
    "rīga rīgā rīgas rygoje rygos латви\\w* рига риге риги lettonie lettonia letonia "
    "letónia letland",
    "MA": "morocco moroccan maroc marocain\\w* marruecos marocco casablanca rabat",
    "NL": "netherlands dutch nederland nederlands\\w* holland pays-bas niederlande "
    "amsterdam rotterdam utrecht eindhoven delft groningen leiden olanda holanda",
    "NO": "norway norwegian norge norsk\\w* oslo bergen trondheim stavanger tromsø norvège "
    "norwegen noruega norvegia noorwegen norwegia",
    "PL": "poland polish polska polsk\\w* pologne polen warsaw warszawa krakow kraków "
    "wrocław wroclaw gdansk gdańsk poznań poznan łódź polsce polonia polónia",
    "PT": "portugal portuguese português\\w* portuguesa lisbon lisboa porto braga coimbra "
    "portogallo portugalia",
    "MD": "moldova moldovan moldovenesc\\w* moldovean\\w* moldoveni chișinău chisinau "
    "кишинэу кишинёв молдова",
    "RO": "romania romanian românia românesc\\w* române\\w* românește bucharest bucurești "
    "bucuresti cluj ardeal transilvania transylvania timișoara timisoara iași iasi "
    "brașov brasov sibiu hermannstadt bistrița bistrita oradea constanța constanta "
    "craiova sălaj salaj румъния румунія roumanie rumänien rumania rumunia roemenië",
    "RS": "serbia serbian srbija belgrade beograd",
    "SE": "sweden swedish sverige svensk\\w* stockholm gothenburg göteborg malmö uppsala "
    "skåne skane scania lund helsingborg linköping västerås örebro umeå luleå suède "
    "schweden suecia svezia suécia zweden szwecja",
    "SI": "slovenia slovenian slovenija sloven\\w* ljubljana maribor slovénie slowenien "
    "eslovenia eslovénia słowenia",
    "SK": "slovakia slovak slovensko bratislava košice slovaquie slowakei eslovaquia "
    "slovacchia eslováquia słowacja",
    "TR": "turkey türkiye turkish türk\\w* istanbul ankara izmir",
    "UA": "ukraine ukrainian україна kyiv kiev lviv",
    "UK": "uk britain british england scotland scottish wales welsh london "
    "manchester birmingham edinburgh glasgow bristol leeds liverpool oxford cambridge "
    "cardiff belfast dundee aberdeen newcastle sheffield",
    "US": "usa american boston chicago seattle delaware",
}
# Codes an investor writes alone ("SLO/HR founders only"); "SLO" is Slovenia's.
_CODES = {code: code for code in _PLACES} | {"SLO": "SI", "GB": "UK", "CRO": "HR", "RM": "MD"}
_REGIONS: dict[str, frozenset[str]] = {
    "dach": frozenset({"DE", "AT", "CH"}),
    "benelux": frozenset({"BE", "NL", "LU"}),
    "nordics": frozenset({"SE", "NO", "DK", "FI"}),
    "nordic": frozenset({"SE", "NO", "DK", "FI"}),
    "baltics": frozenset({"EE", "LV", "LT"}),
    "baltic": frozenset({"EE", "LV", "LT"}),
    # The Baltics in their own languages and their neighbours' ("Baltikum", "Baltijas
    # valstis", "Baltijos šalys", "Balti riigid", "Baltian maat").
    "baltikum": frozenset({"EE", "LV", "LT"}),
    "baltijas": frozenset({"EE", "LV", "LT"}),
    "baltijos": frozenset({"EE", "LV", "LT"}),
    "baltian": frozenset({"EE", "LV", "LT"}),
    "balti": frozenset({"EE", "LV", "LT"}),
    "iberia": frozenset({"ES", "PT"}),
    "iberian": frozenset({"ES", "PT"}),
    "cee": frozenset({"PL", "CZ", "SK", "HU", "SI", "HR", "RO", "BG", "EE", "LV", "LT"}),
    "see": frozenset({"SI", "HR", "RS", "RO", "BG", "GR"}),
    "balkans": frozenset({"SI", "HR", "RS", "RO", "BG", "GR"}),
    "alpe-adria": frozenset({"SI", "HR", "IT", "AT"}),
}

# Word -> code, and the stems written with "\\w*" ("deutsch\\w*" -> "deutsch").
_WORD_CODE: dict[str, str] = {}
_STEMS: list[tuple[str, str]] = []
for _code, _words in _PLACES.items():
    for _word in _words.casefold().split():  # Greek "ς" is "σ" casefolded
        if _word.endswith("\\w*"):
            _STEMS.append((_word.removesuffix("\\w*"), _code))
        else:
            _WORD_CODE[_word] = _code
_STEM_START = frozenset(stem[:3] for stem, _ in _STEMS)
# Words of letters, joined by hyphens ("pays-bas", "alpe-adria", "Lyon-based").
_TOKEN = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
# Regions by name in any case; by acronym only in capitals ("see" is a verb, "Dach" a
# roof).
_ACRONYMS = frozenset({"dach", "cee", "see"})


def _word_codes(token: str, codes: bool) -> set[str]:
    """The countries one word (or hyphenated word) names."""
    key = token.replace("İ", "I").casefold()  # Turkish "İstanbul": no dot left over
    region = _REGIONS.get(key)
    if region is not None and (key not in _ACRONYMS or token.isupper()):
        return set(region)
    if codes and token in _CODES:
        return {_CODES[token]}
    if key in _WORD_CODE:
        return {_WORD_CODE[key]}
    if "-" in key:  # "Lyon-based", "SLO/HR" is two tokens already
        return {c for part in token.split("-") for c in _word_codes(part, codes)}
    if key[:3] in _STEM_START:
        return {code for stem, code in _STEMS if key.startswith(stem)}
    return set()


@lru_cache(maxsize=1 << 12)
def countries(text: str, codes: bool = False) -> frozenset[str]:
    """The countries `text` names, by name, people's word or city, and its regions by
    their countries; with `codes`, capital codes written alone too ("SLO/HR", "DE"),
    which only an investor's limit is read for ("IT" and "HR" are trades elsewhere)."""
    found: set[str] = set()
    for token in _TOKEN.findall(text):
        found |= _word_codes(token, codes)
    return frozenset(found)


# Where a company says it sits ("based in Zagreb, often in Vienna", "Empresa con sede
# en Valencia", "sede a Milano", "Sitz in München", "HQ Vienna", "a Munich-based
# team"): the place named next, up to the clause's end.
_SEAT = re.compile(
    r"(?:\bbased\s+(?:in|out\s+of)|\bheadquartered\s+in|\bhead\s+office\s+in|\bHQ(?:\s+in)?|"
    r"\bsede\s+(?:en|a|em|in)|\bsediad[ao]\s+em|\bsitz\s+in|\bbasée?\s+(?:à|en|au)|"
    r"\bsiège\s+(?:à|en|au)|\bgevestigd\s+in|\bz\s+siedzibą\s+w|\bsídlo\s+ve?)\s+"
    r"([^.,;:()|\n]{1,60})|"
    r"\b([^\W\d_]+)-based\b|"
    # What one runs, and where: "work-integration social enterprise in Malmö".
    r"\b(?:enterprise|company|start-?up|studio|agency|cooperative|co-op|firm|workshop|"
    r"factory)\s+in\s+([^.,;:()|\n]{1,40})|"
    # Turkish, the place first: "İstanbul'da kayıtlı" (registered in), "İzmir merkezli".
    r"\b([^\W\d_]+)(?:'?(?:da|de|ta|te)\s+(?:kayıtlı|kurulu)|'?\s*merkezli)\b|"
    # Where its people work: "42 people in Utrecht", "a team of 11 people in București".
    r"\b\d+\s+(?:people|employees|staff|engineers|developers|analysts|colleagues)\s+"
    r"(?:in|at)\s+([^.,;:()|\n]{1,40})|"
    # A text that opens with a name and its place: "Surco Capital (Madrid, €85M Fund
    # II) invests", "A Számlakapu (Budapest) ...".
    r"(?:^|\s\.\s)(?:(?:a|the)\s+)?[^\W\d_][\w&'-]*(?:\s+[^\W\d_][\w&'-]*){0,2}\s+"
    r"\(([^()]{2,40})\)",
    re.IGNORECASE,
)


# A market a company opens or enters, to its clause's end ("now moving into Italy",
# "opening Milan in Q1", "On ouvre l'Italie en 2027", "Queremos abrir Italia en 2027"),
# or where it seeks something ("nous cherchons aussi des artisans à Milan"): a place it
# sells in next or looks to, not where it is.
_MARKET = re.compile(
    r"(?:\b(?:opening|expanding|expansion|entering|moving into|launching in|scaling (?:to|"
    r"into)|going into|looking for|seeking|cherch\w*|recherch\w*|buscamos|busco|"
    r"cerchiamo|cerco|suchen|procuramos)\b|"
    r"\bopens? (?:up )?(?:in|an? [\w-]+ (?:office|hub|branch))\b|"
    r"\bouvr\w*|\bouvre\b|\babrir\b|\babrimos\b|\bentrar\b|\baprire\b|\bapriamo\b|"
    r"\bespansione\b|\bexpansión\b|\bexpansão\b)[^.;!?\n]*",
    re.IGNORECASE,
)


# A sentence about the languages one speaks ("Je parle italien", "I speak Italian
# and German"): the people's words in it name languages, not places.
_SPOKEN = re.compile(
    r"[^.;!?\n]*\b(?:speak\w*|spoken|fluent|parl[eo]|parlons|hablo|hablamos|spreche|"
    r"sprechen|falo|falamos|vorbesc|konuşuyorum|mówię)\b[^.;!?\n]*",
    re.IGNORECASE,
)


def home(text: str) -> frozenset[str]:
    """The countries `text` names outside what it says of markets it opens or enters
    or where it seeks something (`_MARKET`), and of the languages one speaks: where a
    company is, when it names no seat (`seat`)."""
    return countries(_SPOKEN.sub(" ", _MARKET.sub(" ", text)))


@lru_cache(maxsize=1 << 12)
def seat(text: str) -> frozenset[str]:
    """The countries where `text` says its company sits (`_SEAT`), or none when it says
    no such thing or names a place this module does not know: a company may name
    markets it enters ("Queremos entrar en Alemania"); where it sits, it is."""
    found: set[str] = set()
    for hit in _SEAT.finditer(text):
        found |= countries(next(group for group in hit.groups() if group))
    return frozenset(found)
