"""Names of places and the words for their people: where someone is, never what they do.

A bio says where its writer lives, works or was born ("Lisbon-based", "moved to
Berlin", "half Irish"); two people mentioning the same city, country or nationality
share a place, often the event's own city, not an interest. Careful readers of the
human-judged sets rejected every such claim ("Berlin ~ Berlin", "Rotterdam ~
Rotterdam", "Europe ~ Southern Europe"). A lone place, or a phrase made only of places
and compass words, is therefore no key phrase of an `about` text
(`matcher.about_phrases`); "Brussels kitchen" or "German market entry" say what.

The list: countries (English and own names) and their people's words, continents and
the regions people name at European events, and the larger cities of Europe and of
the world. Lowercase.
"""

from __future__ import annotations

import re


def _words(text: str) -> frozenset[str]:
    return frozenset(text.casefold().split())  # Greek "ς" is "σ" casefolded


PLACES = _words(
    """
    europe european europeans africa african asia asian america american americans
    americas australia australian oceania antarctica arctic latam emea apac mena dach
    benelux nordics nordic scandinavia scandinavian baltics baltic balkans balkan
    iberia iberian mediterranean caucasus eu uk usa us
    albania albanian andorra armenia armenian austria austrian österreich azerbaijan
    belarus belgium belgian belgië belgique bosnia bulgaria bulgarian croatia croatian
    hrvatska cyprus czechia czech czechoslovakia denmark danish danmark estonia estonian
    finland finnish suomi france french frankreich georgia georgian germany german
    deutschland allemagne alemania greece greek hungary hungarian magyarország iceland
    icelandic ireland irish italy italian italia kosovo latvia latvian liechtenstein
    lithuania lithuanian luxembourg malta maltese moldova monaco montenegro netherlands
    dutch nederland holland macedonia norway norwegian norge poland polish polska
    portugal portuguese romania romanian russia russian serbia serbian slovakia slovak
    slovenia slovenian spain spanish españa espana sweden swedish sverige switzerland
    swiss schweiz suisse turkish türkiye ukraine ukrainian britain british
    england english scotland scottish wales welsh catalonia catalan basque galicia
    bavaria flanders flemish wallonia brittany andalusia
    canada canadian mexico mexican brazil brazilian brasil argentina argentinian chile
    chilean colombia colombian peru peruvian venezuela cuba
    china chinese japan japanese korea korean india indian pakistan bangladesh
    indonesia indonesian vietnam vietnamese thailand thai philippines malaysia
    singapore taiwan israel israeli iran lebanon jordan egypt egyptian morocco moroccan
    algeria tunisia nigeria nigerian ghana ghanaian kenya kenyan ethiopia ethiopian
    rwanda senegal cameroon uganda tanzania zambia zimbabwe angola mozambique
    africa's emirates uae qatar saudi
    lisbon lisboa porto braga coimbra faro madrid barcelona valencia seville sevilla
    bilbao malaga málaga zaragoza paris lyon marseille toulouse lille nantes bordeaux
    strasbourg montpellier rennes grenoble berlin munich münchen hamburg cologne
    köln frankfurt stuttgart düsseldorf leipzig dresden hanover hannover nuremberg
    bremen bonn karlsruhe heidelberg aachen amsterdam rotterdam utrecht eindhoven
    hague delft groningen leiden brussels bruxelles brussel antwerp antwerpen ghent gent
    leuven liège bruges london manchester birmingham edinburgh glasgow bristol leeds
    liverpool oxford cambridge cardiff belfast dublin galway vienna wien graz
    salzburg innsbruck zurich zürich geneva genève basel bern lausanne milan milano rome
    roma turin torino naples napoli florence firenze bologna venice venezia genoa
    genova palermo copenhagen københavn aarhus stockholm gothenburg göteborg malmö
    uppsala umeå oslo bergen trondheim helsinki tampere espoo turku oulu reykjavik
    tallinn riga vilnius warsaw warszawa krakow kraków wrocław wroclaw gdansk gdańsk
    poznań poznan łódź prague praha brno bratislava budapest bucharest bucurești
    cluj sofia athens thessaloniki belgrade zagreb ljubljana sarajevo istanbul ankara
    kyiv kiev lviv
    york boston chicago seattle austin toronto montreal vancouver francisco
    angeles sydney melbourne tokyo beijing shanghai shenzhen seoul bangalore bengaluru
    mumbai delhi dubai cairo lagos nairobi accra johannesburg são
    janeiro buenos aires bogotá bogota
    aegean ionian adriatic cypriot piraeus patras heraklion crete cyclades rhodes corfu
    volos larissa chania limassol nicosia larnaca ελλάδα αθήνα πειραιάς θεσσαλονίκη
    κύπρος λεμεσός λευκωσία plovdiv varna burgas българия софия пловдив варна izmir
    antalya bursa novi sad niš skopje tirana podgorica rijeka zadar maribor
    timișoara iași constanța debrecen szeged košice ostrava katowice lublin szczecin
    bydgoszcz kaunas tartu dundee aberdeen inverness stirling newcastle sheffield
    nottingham southampton brighton cork limerick logroño logrono pamplona santander
    valladolid murcia alicante granada córdoba cordoba vigo gijón oviedo palma
    tenerife canaries marbella toulon dijon angers reims metz nancy
    clermont-ferrand mannheim münster munster wiesbaden mainz freiburg augsburg
    regensburg würzburg kiel lübeck rostock potsdam erfurt linz klagenfurt lugano
    verona padua padova bari catania cagliari trieste udine bergamo brescia parma
    modena pisa ancona perugia haarlem arnhem nijmegen tilburg breda maastricht
    namur charleroi mechelen odense aalborg västerås örebro linköping lund stavanger
    tromsø jyväskylä lahti kuopio delaware
    """
)
# Words that only place a region ("Southern Europe", "Northern Portugal").
COMPASS = _words(
    """
    north south east west northern southern eastern western central northeast
    northwest southeast southwest greater upper lower
    """
)


# Words that only say a place is one's seat ("Glasgow-based", "Edinburgh HQ", "HQ
# Vienna", "Lisbon office").
SEAT = _words("based hq headquarters headquartered office offices")


def only_places(words: list[str]) -> bool:
    """Whether a phrase is made only of places, compass words and words of one's seat
    ("Berlin", "Southern Europe", "Lisbon-based", "Edinburgh HQ")."""
    keys = [k for w in words for k in w.casefold().strip(".,").split("-") if k]
    return (
        bool(keys)
        and any(k in PLACES for k in keys)
        and all(k in PLACES or k in COMPASS or k in SEAT for k in keys)
    )


# Words around a place's name that say nothing of their own ("in", "de", "around").
_AROUND = _words(
    """
    in at of de del la el en le les di da do dos das du des around near from and the a
    area region province country city
    """
)
_NAME = re.compile(r"[^\W\d_][\w'’-]*")


def _said(words: str) -> tuple[frozenset[str], frozenset[str]]:
    """(the words of a wording, casefolded; those written as names: capitalised, not
    all capitals)."""
    tokens = _NAME.findall(words)
    return (
        frozenset(_one(t) for t in tokens),
        frozenset(_one(t) for t in tokens if t[:1].isupper() and not t.isupper()),
    )


def _one(token: str) -> str:
    """A word casefolded and singular ("labs" -> "lab")."""
    word = token.casefold()
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def only_a_place_shared(a: str, b: str, names: bool = False) -> bool:
    """Whether two wordings share words and every word they share names a place
    (`PLACES`, compass words) or, with `names`, is a name both write capitalised
    ("Cabo de Gata", "Cádiz"): "Seville restaurants" / "Seville company", "fishing in
    Cabo de Gata" / "kitesurfing in Cabo de Gata" share where, not what."""
    (words_a, names_a), (words_b, names_b) = _said(a), _said(b)
    shared = (words_a & words_b) - _AROUND
    named = names_a & names_b if names else frozenset()
    # Compared singular: a place ending in "s" ("Brussels", "Athens") as written too.
    return bool(shared) and all(
        w in PLACES or w + "s" in PLACES or w in COMPASS or w in named for w in shared
    )
