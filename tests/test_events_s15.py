"""Events, session 15: what a protest sentence denies ("no violence or clashes were reported", "almost clashed") or
gives as what came before ("following clashes between", "in memory of a reporter who was shot dead last week in
clashes") does not make the protest violent; a crowd that took hostages, started fires or blocked an avenue did riot;
workers who fought a company's guards rioted."""

from __future__ import annotations

import datetime as dt

import sitrep
from event_helpers import doc_on, main_event
from sitrep.vocab import SubEventType


def _doc(text: str, year: int = 2016) -> sitrep.Doc:
    return doc_on(text, dt.date(year, 6, 1))


def _main(text: str, year: int = 2016) -> sitrep.Event:
    return main_event(text, dt.date(year, 6, 1))


def _sub(text: str) -> SubEventType:
    return _main(text).sub_event_type


def test_violence_denied_or_only_near_is_no_riot() -> None:
    assert _sub("Supporters of two parties gathered in Worcester in a tense stand-off. No violence or clashes were "
                "reported.") is SubEventType.PEACEFUL_PROTEST
    assert _sub("Residents of two villages protested outside the district office over the roads. There were no "
                "reports of violence between the groups.") is SubEventType.PEACEFUL_PROTEST
    assert _sub("Supporters of the two parties protested and almost clashed outside the court in Pietermaritzburg.") \
        is SubEventType.PEACEFUL_PROTEST
    # told, not denied, it is a riot
    assert _sub("Supporters of the two parties protested and clashed outside the court in Pietermaritzburg.") \
        is not SubEventType.PEACEFUL_PROTEST


def test_fighting_before_the_protest_is_what_it_is_about() -> None:
    assert _sub("Residents protested in Shashamane following clashes between police and farmers in Kofale.") \
        is SubEventType.PEACEFUL_PROTEST
    assert _sub("Hundreds joined a march in Conakry on Monday in memory of a reporter who was shot dead last week in "
                "clashes near the party offices.") is SubEventType.PEACEFUL_PROTEST
    # "the death of" a man the unrest followed tells of no losses: the protests told next are the event
    event = _main("Unrest that began in Sidi Bouzid last week after the death of a street vendor goes on. On Monday, "
                  "marches of solidarity were held in Gafsa and Kairouan.")
    assert event.sub_event_type is SubEventType.PEACEFUL_PROTEST
    assert event.actor1 is not None and event.actor1.inter == 6


def test_firecrackers_and_barricades_need_the_crowd_to_use_them() -> None:
    assert _sub("Football fans held a rally in Cairo to remember their dead and set off firecrackers in the park.") \
        is SubEventType.PEACEFUL_PROTEST
    assert _sub("Fans threw firecrackers at the police during a rally in Cairo.") \
        is SubEventType.VIOLENT_DEMONSTRATION
    event = _main("Hundreds of nurses protested in Freetown over unpaid wages. Police pushed back the marchers while "
                  "others stood behind barricades with placards.")
    assert event.sub_event_type is SubEventType.PROTEST_WITH_INTERVENTION


def test_what_a_crowd_did_makes_the_riot() -> None:
    assert _sub("Villagers protested against the new chief, taking two officials hostage until the police came.") \
        is SubEventType.VIOLENT_DEMONSTRATION
    assert _sub("Students protested in Bangui and blocked the Avenue of Independence over their grants.") \
        is SubEventType.VIOLENT_DEMONSTRATION
    assert _sub("Residents marched in Du Noon over housing. Several roads were blocked after fires were started by "
                "some marchers.") is SubEventType.VIOLENT_DEMONSTRATION
    # "protesting residents" are who protested, not what they protested against
    assert _sub("Protesting Alexandra residents looted a shop near their settlement.") \
        is SubEventType.VIOLENT_DEMONSTRATION
    # tear-gassed, with a hyphen: the police stepped in
    event = _main("Police tear-gassed opposition supporters marching in Kisumu.")
    assert event.sub_event_type is SubEventType.PROTEST_WITH_INTERVENTION


def test_workers_who_fought_a_companys_guards_rioted() -> None:
    event = _main("Workers demanding permanent jobs clashed with guards of a private security company at the campus "
                  "in Bellville.")
    assert event.sub_event_type is SubEventType.VIOLENT_DEMONSTRATION
    assert event.actor1 is not None and event.actor1.inter == 5
    assert event.actor2 is not None and event.actor2.name.startswith("Private Security")


def test_a_party_candidates_campaigner_was_arrested_not_the_arrester() -> None:
    event = _main("The chief campaigner for former FDC presidential candidate John Okello in the Rukungiri District "
                  "was arrested at the Ntungamo police station.")
    assert event.sub_event_type is SubEventType.ARRESTS
    assert event.actor1 is not None and event.actor1.inter == 1


def test_an_abbreviation_the_article_spells_out_otherwise_is_not_the_known_group() -> None:
    doc = _doc("The house of a member of the mayoral committee (MMC) in Soweto was petrol-bombed.")
    assert not any(a.name == "Manbij Military Council" for a in doc.actors)
    # spelled out as the group, or in another language with words in common, it stays the group
    doc = _doc("Fighters of the Forces Democratiques de Liberation du Rwanda (FDLR) attacked Kibirizi.")
    assert sum(a.name.startswith("FDLR") for a in doc.actors) == 2


def test_houses_burnt_by_residents_are_a_riot_by_armed_villagers_are_not() -> None:
    event = _main("Sixteen houses were petrol-bombed and others damaged by community members in Sir Lowry's Pass.")
    assert event.sub_event_type is SubEventType.MOB_VIOLENCE
    assert event.actor1 is not None and event.actor1.inter == 5
    # the house of a suspect: mob justice, and the suspect whose house burned is no death
    event = _main("The house of a murder suspect was set alight by residents in Mabopane.")
    assert event.sub_event_type is SubEventType.MOB_VIOLENCE
    assert event.fatalities is None
    event = _main("Armed villagers burned down ten houses in the neighbouring village of Kaura.")
    assert event.sub_event_type is SubEventType.LOOTING_PROPERTY_DESTRUCTION
    assert event.actor1 is not None and event.actor1.inter == 4


def test_a_crowd_that_attacked_the_police_rioted_even_where_someone_was_hurt() -> None:
    event = _main("When the police stepped into the dispute, a crowd of about 200 people attacked them with bottles "
                  "and stones; one person was injured.")
    assert event.sub_event_type is SubEventType.VIOLENT_DEMONSTRATION
    assert event.actor1 is not None and event.actor1.inter == 5


def test_people_named_by_the_riot_they_took_part_in_before_are_arrested_not_rioting() -> None:
    event = _main("Security agents raided homes and arrested parents of pupils who took part in riots at the school "
                  "last week in Nyala.")
    assert event.sub_event_type is SubEventType.ARRESTS
    assert event.actor1 is not None and event.actor1.inter == 1
