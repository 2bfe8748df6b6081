"""Word lists the places stage reads context with: what comes before or after a place name, what
makes a capitalised word a person or an organisation rather than a place."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Final

__all__ = [
    "ADMIN_SUFFIX",
    "CONNECTORS",
    "DIVISION_COUNTRIES",
    "DIRECTIONS",
    "LANDMARKS",
    "MODIFIERS",
    "NEAR_WORDS",
    "NOT_PLACES",
    "ORG_WORDS",
    "PERSON_TITLES",
    "PLACE_PREPOSITIONS",
    "PLACE_VERBS",
    "STRIKE_NOUNS",
    "PLACE_SUFFIX",
    "SPEECH_VERBS",
    "STATE_ABBREVIATIONS",
    "english_words",
    "person_names",
]

# Before a place: "in Mosul", "north of Raqqa", "outside Kabul".
PLACE_PREPOSITIONS: Final = frozenset(
    """in at near from to into outside inside around across toward towards via through throughout between
    within along nearby beyond off onto over under reach reached entered entering left leaving enter
    visit visited visiting""".split()
)
# Before a place, in war news: verbs whose object is where force was used ("strikes hit Qamishli",
# "rebels captured Morek", "warplanes pounded Saraqeb"). Only lower-case words count.
PLACE_VERBS: Final = frozenset(
    """hit hits struck shelled shelling shell shells bombed bombard bombarded bombarding bombs pounded pounding
    pound pounds stormed storming storm storms captured capturing capture captures seized seizing seize seizes
    recaptured recapturing recapture retook retaking retake besieged besieging besiege overran overrun
    encircled encircling raided raiding targeted targeting targets liberated liberating""".split()
)
# Before "on" or "against" and a place: "air strikes on Raqa", "the assault on Morek".
STRIKE_NOUNS: Final = frozenset(
    """strike strikes airstrike airstrikes raid raids airraid attack attacks assault assaults offensive
    offensives bombardment bombardments shelling bombing bombings advance advances push pushes march
    counterattack counterattacks counteroffensive onslaught barrage""".split()
)
# "X province": the word that says which kind of division a name is, and the feature it asks for.
ADMIN_SUFFIX: Final = {
    "province": "admin1", "governorate": "admin1", "state": "admin1", "region": "admin1", "oblast": "admin1",
    "prefecture": "admin1", "wilaya": "admin1",
    "county": "admin2", "parish": "admin2", "district": "admin2", "municipality": "admin2", "borough": "admin2",
    # the second-order divisions of Nigeria (local government areas), Ethiopia (zones, woredas), Congo
    # (territories) and Sudan (localities)
    "lga": "admin2", "zone": "admin2", "woreda": "admin2", "territory": "admin2", "locality": "admin2",
    "city": "city", "town": "city", "village": "city", "township": "city",
}
# Division words only some countries use: a name they follow is a division of one of them ("Mafa LGA" is in
# Nigeria, not Mafa in Indonesia; "Guraghe woreda" in Ethiopia). With no namesake there it stays unresolved.
DIVISION_COUNTRIES: Final = {
    "lga": frozenset({"NG"}), "woreda": frozenset({"ET"}), "kebele": frozenset({"ET"}),
    "wilaya": frozenset({"DZ", "MR"}), "oblast": frozenset({"RU", "UA", "KZ", "BY", "KG", "BG"}),
    "governorate": frozenset({"EG", "SY", "IQ", "JO", "YE", "TN", "LB", "OM", "KW", "BH", "PS", "SA"}),
}
# Capitalised words that continue a place name without making it something else.
PLACE_SUFFIX: Final = frozenset(
    """province governorate state region oblast prefecture wilaya department county parish district
    municipality borough lga zone woreda territory locality city town village township valley strip basin mountains
    mountain hills heights river
    lake island islands peninsula desert plain plains coast bay sea gulf delta highlands camp""".split()
)
# Capitalised words after a place name that make the whole an organisation, an office, a road or a
# thing located there:
# "Concord District Court", "Georgia Tech", "Mosul University" (the place is then not mentioned
# as a place).
ORG_WORDS: Final = frozenset(
    """university college school schools academy institute polytechnic seminary hospital clinic center centre police
    department dept court courts post times herald tribune journal news gazette star observer telegraph chronicle
    daily weekly press globe examiner inquirer record register bulletin review magazine radio tv television channel
    network airlines airways hotel church cathedral mosque bank company co corp corporation inc ltd llc group holdings
    council party club fc united tech senate assembly congress parliament legislature board commission authority agency
    ministry government army navy forces force brigade brigades guard guards patrol office fire rescue
    association society foundation fund federation union league organisation organization committee museum
    library stadium arena zoo mall prison jail penitentiary correctional cup open games festival marathon
    conference summit agreement accord accords treaty declaration convention protocol process talks initiative
    project program programme plan act bill law policy campaign operation offensive express railway railroad
    electric energy oil gas motors steel mining industries chamber exchange bureau services service systems
    international democratic republican liberal socialist revolutionary liberation front movement brotherhood
    observatory watch relief cross crescent consulate embassy mission regiment battalion division corps
    command militia militias cartel gang mafia tigers lions eagles bears giants warriors knights kings
    rangers chiefs braves cardinals pirates raiders jets saints packers steelers cowboys redskins bulls
    celtics lakers sox yankees mets rockets thunder heat magic spurs wildcats bulldogs hawks house road highway
    route street avenue boulevard parkway interstate freeway lane drive pike turnpike public schools marine
    marines soldier soldiers resident residents native natives""".split()
)
# Titles before a person's name: "Gov. Perry", "President Lincoln", "spokesman Jordan".
PERSON_TITLES: Final = frozenset(
    """mr mrs ms miss dr prof president gov governor sen senator rep representative gen general col colonel maj
    major capt captain lt lieutenant sgt sergeant cpl pvt adm admiral judge justice sheriff deputy officer
    detective det trooper chief coach pope king queen prince princess lord lady sir dame minister secretary
    ambassador mayor councilman councilwoman commissioner superintendent principal pastor rev reverend father
    brother sister bishop archbishop imam sheikh ayatollah mullah emir amir sultan rabbi dean chancellor speaker
    chairman chairwoman director manager attorney prosecutor agent inspector constable marshal warden
    professor doctor spokesman spokeswoman spokesperson actor actress singer player striker
    midfielder defender quarterback pitcher""".split()
)
# After a name, a verb of saying: "Jordan said" is a person (or a government), not a place.
SPEECH_VERBS: Final = frozenset(
    """said says told added asked explained stated wrote testified argued noted insisted claimed replied
    announced admitted warned urged recalled confirmed denied""".split()
)
# Lower-case words that may sit inside a multi-word place name: "Trinidad and Tobago", "Bosnia and
# Herzegovina", "Sao Tome and Principe", "Republic of the Congo", "Rio de Janeiro".
CONNECTORS: Final = frozenset(
    "of the and de del la le les du da das dos do di von van upon on y al el ul bin ibn au aux sur en am im".split()
)
# Capitalised words that may come before a place name without being part of a person's name.
MODIFIERS: Final = frozenset(
    """north south east west northern southern eastern western central northeast northwest southeast
    southwest northeastern northwestern southeastern southwestern upper lower greater old new downtown
    rural urban suburban metro metropolitan coastal mid the in at near from of""".split()
)
DIRECTIONS: Final = {
    "north": 0.0, "northeast": 45.0, "north-east": 45.0, "east": 90.0, "southeast": 135.0, "south-east": 135.0,
    "south": 180.0, "southwest": 225.0, "south-west": 225.0, "west": 270.0, "northwest": 315.0,
    "north-west": 315.0, "northern": 0.0, "eastern": 90.0, "southern": 180.0, "western": 270.0,
}
# Words "X of the town/near X" relative places use.
NEAR_WORDS: Final = frozenset("outskirts edge edges vicinity suburbs suburb outside near".split())
# Capitalised words that are never a place by themselves, whatever a gazetteer says.
NOT_PLACES: Final = frozenset(
    w.replace("_", " ") for w in """north south east west northern southern eastern western central mid the a an i we he
    she it they you
    god allah christ jesus islam christian christians muslim muslims sunni shia shiite sunnis shiites
    kurd kurds kurdish arab arabs arabic jewish jew jews catholic protestant english
    january february march april may june july august september october november december monday tuesday
    wednesday thursday friday saturday sunday christmas easter ramadan eid today tonight yesterday tomorrow
    mr mrs ms dr st mt ft gulf northeast northwest southeast southwest metro downtown jan feb mar apr
    jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun ii iii iv vi vii viii ix xi xii
    white_house state_department pentagon""".split()
)
# Things inside a town an article names without a name of their own: "the national hospital".
LANDMARKS: Final = frozenset(
    """hospital stadium airport airbase university mosque church cathedral market square prison jail
    bridge dam port harbour harbor refinery school hotel palace museum station checkpoint roundabout
    compound courthouse embassy consulate barracks garrison base camp parliament ministry""".split()
)


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """Common English words (``knowledge/data/english_words.txt``): a capitalised one is a place
    only when its context says so."""
    text = resources.files("sitrep.knowledge").joinpath("data", "english_words.txt").read_text(encoding="utf-8")
    return frozenset(w for line in text.splitlines() if not line.startswith("#") for w in line.split())


# Abbreviations of US states and Canadian provinces as news writes them after a town: "Tela, Ky.",
# "Columbus, Ohio", "Gainesville, GA". Only read in that position ("X, Ky."), where they cannot be
# a word ("Miss", "Mass", "Ill").
_STATES: Final = """
US Alabama: Ala. AL
US Arizona: Ariz. AZ
US Arkansas: Ark. AR
US California: Calif. Cal. CA
US Colorado: Colo. CO
US Connecticut: Conn. CT
US Delaware: Del. DE
US Florida: Fla. FL
US Georgia: Ga. GA
US Illinois: Ill. IL
US Indiana: Ind. IN
US Kansas: Kan. Kans. KS
US Kentucky: Ky. KY
US Louisiana: La. LA
US Maryland: Md. MD
US Massachusetts: Mass. MA
US Michigan: Mich. MI
US Minnesota: Minn. MN
US Mississippi: Miss. MS
US Missouri: Mo. MO
US Montana: Mont. MT
US Nebraska: Neb. Nebr. NE
US Nevada: Nev. NV
US New Hampshire: NH
US New Jersey: NJ
US New Mexico: NM
US New York: NY
US North Carolina: NC
US North Dakota: ND
US Oklahoma: Okla. OK
US Oregon: Ore. Oreg. OR
US Pennsylvania: Pa. Penn. PA
US Rhode Island: RI
US South Carolina: SC
US South Dakota: SD
US Tennessee: Tenn. TN
US Texas: Tex. TX
US Vermont: Vt. VT
US Virginia: Va. VA
US Washington: Wash. WA
US West Virginia: WV
US Wisconsin: Wis. Wisc. WI
US Wyoming: Wyo. WY
US Utah: UT
US Iowa: IA
US Idaho: ID
US Maine: ME
CA Ontario: Ont.
CA Alberta: Alta.
CA Quebec: Que.
CA Manitoba: Man.
CA Saskatchewan: Sask.
CA Newfoundland and Labrador: Nfld.
"""
STATE_ABBREVIATIONS: Final = {
    abbr: (line[:2], line[3:line.index(":")])
    for line in _STATES.strip().splitlines() for abbr in line[line.index(":") + 1:].split()
}


@lru_cache(maxsize=1)
def person_names() -> frozenset[str]:
    """Common given and family names (``knowledge/data/person_names.txt``): standing alone, a
    capitalised one is a place only when its context says so."""
    text = resources.files("sitrep.knowledge").joinpath("data", "person_names.txt").read_text(encoding="utf-8")
    return frozenset(w for line in text.splitlines() if not line.startswith("#") for w in line.split())
