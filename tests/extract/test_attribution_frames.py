"""Attribution frames beyond "X said that …": stances with an object, passives, nominal and
evidence sources, and who may hold a stance."""

from __future__ import annotations

import pytest

from accord.extract.quote_marks import quote_regions
from accord.extract.quotes import find_quotes
from accord.model import Article, QuoteForm, QuoteMention, SpeakerType
from accord.nlp import parse_blocks
from tests.models import loaded_nlp


def quotes_of(text: str) -> list[QuoteMention]:
    article = Article.create(source="test.txt", original=text, title=text.split("\n")[0])
    mentions = find_quotes(article, next(parse_blocks([article], loaded_nlp())))
    for mention in mentions:
        for span in (mention.span, mention.speaker_span, mention.cue):
            if span is not None:
                assert article.original[span.start : span.end] == span.text
    return mentions


def with_cue(mentions: list[QuoteMention], cue: str) -> QuoteMention:
    found = [m for m in mentions if m.cue is not None and m.cue.text == cue]
    assert found, f"no mention cued by {cue!r}: {[(m.cue, m.span.text) for m in mentions]}"
    return found[0]


@pytest.mark.parametrize(
    ("text", "cue", "source", "content"),
    [
        (
            "The mayor denounced the new parking rules on Tuesday.",
            "denounced",
            "The mayor",
            "the new parking rules",
        ),
        (
            "Ana Ruiz talked about the harbour budget at the meeting.",
            "talked",
            "Ana Ruiz",
            "the harbour budget",
        ),
        (
            "Ana Ruiz called the toll plan a costly ploy.",
            "called",
            "Ana Ruiz",
            "the toll plan a costly ploy",
        ),
        (
            "The union urged members to reject the offer.",
            "urged",
            "The union",
            "members to reject the offer",
        ),
        (
            "Ana Ruiz mocked the board for its late budget.",
            "mocked",
            "Ana Ruiz",
            "the board for its late budget",
        ),
    ],
)
def test_a_stance_with_an_object_is_an_attribution_of_its_subject(
    text: str, cue: str, source: str, content: str
) -> None:
    mention = with_cue(quotes_of(text), cue)
    assert mention.speaker_span is not None and mention.speaker_span.text == source
    assert mention.span.text == content


def test_a_passive_credits_its_agent_not_its_subject() -> None:
    mention = with_cue(quotes_of("The toll plan was denounced by the mayor."), "denounced")
    assert mention.speaker_span is not None and mention.speaker_span.text == "the mayor"


def test_a_gerund_after_a_preposition_takes_the_subject_of_its_head() -> None:
    text = "Ana Ruiz began by saying that the ferry would run until spring."
    mention = with_cue(quotes_of(text), "saying")
    assert mention.speaker == "Ana Ruiz"


def test_the_source_phrase_keeps_its_relative_clause() -> None:
    text = "Ana Ruiz, who chairs the harbour board, said the ferry would run until spring."
    mention = with_cue(quotes_of(text), "said")
    assert mention.speaker_span is not None
    assert mention.speaker_span.text == "Ana Ruiz, who chairs the harbour board"
    assert mention.speaker == "Ana Ruiz"


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        ("A new survey shows the mayor ahead by five points.", "shows", "A new survey"),
        ("The mayor led by five points in the latest poll.", "in", "the latest poll"),
    ],
)
def test_evidence_is_where_a_finding_comes_from_but_no_speaker(
    text: str, cue: str, source: str
) -> None:
    mention = with_cue(quotes_of(text), cue)
    assert mention.speaker_span is not None and mention.speaker_span.text == source
    assert mention.speaker is None


def test_a_bodys_that_clause_is_its_position_whatever_the_verb() -> None:
    mention = with_cue(quotes_of("The church teaches that marriage is a lifelong bond."), "teaches")
    assert mention.speaker_type is SpeakerType.ORGANISATION
    assert mention.span.text == "that marriage is a lifelong bond"


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("Ana Ruiz teaches that marriage is a lifelong bond.", "teaches"),
        ("The company can't hide that it lost money this year.", "hide"),
        (
            "Microsoft will host the summit in Seattle, proving again that it is the best.",
            "proving",
        ),
    ],
)
def test_a_persons_or_a_denied_that_clause_is_no_position(text: str, verb: str) -> None:
    assert not [m for m in quotes_of(text) if m.cue is not None and m.cue.text == verb]


def test_one_of_a_nation_is_a_description_not_a_body() -> None:
    text = "The New Zealand-born Australian said the ridge was icy."
    mention = with_cue(quotes_of(text), "said")
    assert mention.speaker_type is SpeakerType.DESCRIPTION


def test_a_belief_a_speaker_credits_to_others_in_their_quotation_is_theirs_via_him() -> None:
    text = (
        "“Some legal experts believe the new voting law breaks the constitution, but we will "
        "defend it in court,” Tom Hale said."
    )
    mentions = quotes_of(text)
    outer = with_cue(mentions, "said")
    assert outer.speaker == "Tom Hale" and outer.span.text.startswith("Some legal experts")
    inner = with_cue(mentions, "believe")
    assert inner.speaker == "some legal experts" and inner.via == "Tom Hale"
    assert inner.span.text == "the new voting law breaks the constitution"


def test_a_pronoun_believing_inside_a_quotation_is_the_speakers_own_words() -> None:
    mentions = quotes_of("“We think the vote was rigged,” Tom Hale said.")
    assert [m.speaker for m in mentions] == ["Tom Hale"]


def test_the_one_a_letter_is_sent_to_is_not_who_urges() -> None:
    text = "The nurses sent a letter to the Health and Labor departments urging them to act."
    assert not [m for m in quotes_of(text) if m.speaker and "departments" in m.speaker]


@pytest.mark.parametrize(
    ("text", "cue", "speaker"),
    [
        ("The Harbour Board issued a statement saying the ferry would stop.", "saying", "Board"),
        (
            "The Royal College of Nursing sent letters to the Health and Labor departments "
            "urging them to act.",
            "urging",
            "Royal College of Nursing",
        ),
        ("The union filed a lawsuit claiming the mill broke the law.", "claiming", "union"),
    ],
)
def test_a_document_speaks_for_whoever_issued_it(text: str, cue: str, speaker: str) -> None:
    said = with_cue(quotes_of(text), cue)
    assert said.speaker is not None and speaker in said.speaker


def test_a_document_with_no_issuer_named_has_no_person_for_speaker() -> None:
    said = with_cue(quotes_of("Reports claiming the ferry would stop were denied."), "claiming")
    assert said.speaker is None


def test_a_statement_inside_a_stances_object_keeps_its_own_speaker() -> None:
    text = (
        "His family supported him, especially Louis Gigante, a priest who told reporters his "
        "brother had dementia."
    )
    told = with_cue(quotes_of(text), "told")
    assert told.speaker == "Louis Gigante"
    assert told.span.text == "his brother had dementia"


def test_a_role_with_nobody_named_speaks_as_the_role() -> None:
    assert with_cue(quotes_of("The mayor said taxes would fall."), "said").speaker == "the mayor"
    accused = with_cue(quotes_of("The senator accused the minister of lying."), "accused")
    assert accused.speaker == "the senator"


def test_said_in_a_statement_is_credited_to_the_speaker_not_the_statement() -> None:
    mentions = quotes_of("In a statement, Ana Ruiz said the ferry would run until spring.")
    assert all(m.cue is None or m.cue.text != "in" for m in mentions)
    assert with_cue(mentions, "said").speaker == "Ana Ruiz"


@pytest.mark.parametrize(
    "text",
    [
        "The long storm revealed deep cracks in the old bridge.",
        "Analysts warn that the bridge may close for a year.",
    ],
)
def test_a_thing_or_a_bare_plural_is_no_speaker(text: str) -> None:
    assert all(m.speaker is None for m in quotes_of(text))


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Muscovites say the bread prices have doubled.", "Muscovites"),
        (
            "Brooklynites on Twitter reported that police searched the block.",
            "Brooklynites on Twitter",
        ),
    ],
)
def test_a_demonym_the_tagger_has_no_nation_for_is_a_group(text: str, speaker: str) -> None:
    mention = quotes_of(text)[0]
    assert mention.speaker == speaker and mention.speaker_type is SpeakerType.GROUP


def test_a_number_whose_phrase_the_parse_cut_short_is_no_speaker() -> None:
    text = (
        "Now that Ana Ruiz has been sentenced, one of the not yet answered questions is "
        "where she will serve time."
    )
    assert all(m.speaker is None for m in quotes_of(text))


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Ana Ruiz told reporters about the new budget on Monday.", "the new budget on Monday"),
        ("Ana Ruiz warned residents of the flood risk.", "the flood risk"),
        ("Ana Ruiz told the jury the story of the night.", "the story of the night"),
    ],
)
def test_whom_it_was_said_to_is_not_what_was_said(text: str, content: str) -> None:
    assert [m.span.text for m in quotes_of(text)] == [content]


@pytest.mark.parametrize(
    "text",
    [
        "Ana Ruiz told a news conference in Lyon on Monday.",
        "Ana Ruiz told the security summit in Oslo.",
        "Looking back, Ana Ruiz told Harbourlight in 1998.",  # a name the tagger may not type
    ],
)
def test_an_audience_told_is_no_statement(text: str) -> None:
    assert quotes_of(text) == []


def test_a_passive_report_with_an_infinitive_names_nobody_as_saying_so() -> None:
    text = (
        "Tom Bell was held in May. Police released a letter that he is said to have written "
        "to the girl's mother."
    )
    assert all(m.speaker is None for m in quotes_of(text))
    quoted = quotes_of("Tom Bell was arrested in May. He was quoted as saying the plan failed.")
    assert [m.speaker for m in quoted] == ["Tom Bell"]
    asking = quotes_of("Ana Ruiz is set to ask the council to approve “all necessary steps”.")
    assert {m.speaker for m in asking} == {"Ana Ruiz"}  # "set" reports nothing


def test_the_clause_that_says_which_people_is_kept_with_them() -> None:
    text = "According to the officers involved in the shooting, the teenager ran."
    mention = quotes_of(text)[0]
    assert mention.speaker == "the officers involved in the shooting"
    assert mention.speaker_type is SpeakerType.GROUP


@pytest.mark.parametrize(
    "text",
    [
        "Police say that on Saturday around 11:30 p.m. Jo Reed was at home.",
        "The driver, who police identified as Jo Reed, fled the scene on foot.",
    ],
)
def test_content_of_function_words_alone_says_nothing(text: str) -> None:
    assert [m.span.text for m in quotes_of(text)] == []


def test_pointing_a_gun_is_an_act_and_pointing_out_is_speech() -> None:
    acted = quotes_of("Tom Bell met the officers. Then he pointed a revolver at them.")
    assert all(m.cue is None or m.cue.text != "pointed" for m in acted)
    said = quotes_of("Tom Bell pointed out that the bridge was old.")
    assert [m.span.text for m in said] == ["that the bridge was old"]


def test_a_name_that_modifies_the_subject_is_not_the_speaker() -> None:
    text = "Ana Ruiz took office in May. The Ruiz administration denounced the toll plan."
    mention = with_cue(quotes_of(text), "denounced")
    assert mention.speaker == "Ruiz administration"
    assert mention.speaker_type is SpeakerType.ORGANISATION


def test_a_paragraph_opened_with_a_closing_mark_is_a_quote_credited_after_a_dash() -> None:
    text = "”We will rebuild the bridge by spring.” ― Ana Ruiz"
    assert [(r.inner_start, r.inner_end) for r in quote_regions(text)] == [(1, 38)]
    mention = quotes_of(text)[0]
    assert mention.span.text == "We will rebuild the bridge by spring"
    assert mention.speaker == "Ana Ruiz"


def test_a_trailing_citing_phrase_is_the_frame_not_the_content() -> None:
    text = "The board said the ferry would run until spring, citing a new survey of riders."
    mention = with_cue(quotes_of(text), "said")
    assert mention.span.text == "the ferry would run until spring"


def test_a_source_keeps_the_bracket_it_opens() -> None:
    mention = with_cue(quotes_of("Sen. Jo Ames (R-Utah) said the ferry would run."), "said")
    assert mention.speaker_span is not None
    assert mention.speaker_span.text == "Sen. Jo Ames (R-Utah)"


@pytest.mark.parametrize(
    "text",
    [
        "“The ferry is in panic mode. Full panic mode,” said Jo Ames, a lawyer for the board.",
        '"If it does not run yet, it will at some point," said Jo Ames, a ferry engineer.',
    ],
)
def test_an_inverted_verb_credits_the_name_after_it_not_a_word_of_the_quote(text: str) -> None:
    mention = with_cue(quotes_of(text), "said")
    assert mention.speaker == "Jo Ames"


def test_rising_in_the_polls_names_no_finding() -> None:
    mentions = quotes_of("The mayor has risen in the polls since the flood.")
    assert all(m.cue is None or m.cue.text != "in" for m in mentions)


@pytest.mark.parametrize(
    ("text", "outer", "inner"),
    [
        ("Ana Ruiz said the harbour board wants a new ferry.", "said", "wants"),
        ("The union said its members believe the offer is too low.", "said", "believe"),
    ],
)
def test_a_cue_inside_reported_words_is_part_of_that_statement(
    text: str, outer: str, inner: str
) -> None:
    mentions = quotes_of(text)
    assert inner in with_cue(mentions, outer).span.text
    assert all(m.cue is None or m.cue.text != inner for m in mentions)


def test_according_to_keeps_the_statement_it_passes_on() -> None:
    mentions = quotes_of("Ana Ruiz said the ferry would run, according to the Harbour Courier.")
    assert with_cue(mentions, "said").speaker == "Ana Ruiz"


def test_an_interviews_question_and_answer_labels_name_no_speaker() -> None:
    mentions = quotes_of(
        "Ferry interview\n\nQ: Will the ferry run this winter?\n\nA: It will run until March."
    )
    assert all(m.speaker not in {"Q", "A"} for m in mentions)


@pytest.mark.parametrize(
    "text",
    [
        "Ferry results\n\nNOTES: Harbour pilot Ana Ruiz (left knee) left with an injury.",
        "Ferry update\n\nSummary: The ferry has restored 83% of its winter timetable.",
    ],
)
def test_a_section_label_names_no_speaker(text: str) -> None:
    assert all(m.speaker not in {"NOTES", "Notes", "Summary"} for m in quotes_of(text))


@pytest.mark.parametrize(
    "text",
    [
        "Police Const. Ana Ruiz said the ferry would run until March.",
        "“The ferry will run until March,” said Dist. Atty. Ana Ruiz.",
    ],
)
def test_a_title_the_parser_reads_as_a_second_subject_is_not_the_speaker(text: str) -> None:
    [mention] = quotes_of(text)
    assert mention.speaker == "Ana Ruiz"


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        ("The mayor is hoping to reopen the ferry by March.", "hoping", "The mayor"),
        ("Ana Ruiz hopes the bridge will open in March.", "hopes", "Ana Ruiz"),
        ("Young voters were more likely to say the bridge mattered.", "say", "Young voters"),
    ],
)
def test_hopes_and_sayings_after_an_adjective_are_credited_to_the_subject(
    text: str, cue: str, source: str
) -> None:
    mention = with_cue(quotes_of(text), cue)
    assert mention.speaker_span is not None and mention.speaker_span.text == source


def test_an_inverted_verb_with_no_subject_credits_the_speaker_named_after_it() -> None:
    mention = with_cue(quotes_of("“The ferry will run,” added another harbour pilot."), "added")
    assert mention.speaker_span is not None and "harbour pilot" in mention.speaker_span.text


@pytest.mark.parametrize(
    "text",
    [
        "The port added three hundred jobs last year.",
        "The mayor maintained a wide lead.",
        "The Harbour Hawks claimed the league title on Sunday.",
    ],
)
def test_a_verb_of_saying_with_a_thing_for_object_says_nothing(text: str) -> None:
    assert quotes_of(text) == []


def test_a_source_after_according_to_keeps_its_relative_clause() -> None:
    text = "The ferry will run until March, according to Ana Ruiz, who chairs the harbour board."
    mention = with_cue(quotes_of(text), "according to")
    assert mention.speaker_span is not None
    assert mention.speaker_span.text == "Ana Ruiz, who chairs the harbour board"
    assert mention.speaker == "Ana Ruiz"


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            "Dan Rowe told a judge that Kerry was settling in at Bayside House, "
            "a clinic in Fresno.",
            "Dan Rowe",
            "that Kerry was settling in at Bayside House, a clinic in Fresno",
        ),
        (
            "Judge Ada Moss told a packed courtroom that she weighed every factor in the case.",
            "Ada Moss",
            "that she weighed every factor in the case",
        ),
        (
            "Ana Ruiz told the officer who stopped her that she had been driving home.",
            "Ana Ruiz",
            "that she had been driving home",
        ),
    ],
)
def test_told_someone_that_is_reported_speech_whose_content_is_the_clause(
    text: str, speaker: str, content: str
) -> None:
    mention = with_cue(quotes_of(text), "told")
    assert mention.speaker == speaker
    assert mention.span.text == content
    assert mention.form is QuoteForm.REPORTED


@pytest.mark.parametrize(
    "text",
    [
        "Results from the new test suggest that the drug works.",
        "A message on the door said that the shop would close early.",
        "Details of the plan show that the tax will rise.",
    ],
)
def test_a_thing_that_says_or_shows_something_is_no_speaker(text: str) -> None:
    mentions = quotes_of(text)
    assert mentions and all(m.speaker is None for m in mentions)


@pytest.mark.parametrize(
    ("text", "speaker", "kind"),
    [
        ("Two jurors said that the vote had been close.", "two jurors", SpeakerType.GROUP),
        (
            "An economist warned that prices would rise again.",
            "an economist",
            SpeakerType.DESCRIPTION,
        ),
        (
            "Striking farmers said that the new levy would ruin them.",
            "Striking farmers",
            SpeakerType.GROUP,
        ),
    ],
)
def test_people_described_by_their_role_stay_speakers(
    text: str, speaker: str, kind: SpeakerType
) -> None:
    mention = quotes_of(text)[0]
    assert (mention.speaker, mention.speaker_type) == (speaker, kind)


@pytest.mark.parametrize(
    "text",
    ["The church said that the old hall would close.", "The diocese said that the vicar had left."],
)
def test_a_church_speaks_as_an_organisation(text: str) -> None:
    mention = quotes_of(text)[0]
    assert mention.speaker_type is SpeakerType.ORGANISATION


def test_a_captioned_line_is_its_named_speakers_once() -> None:
    text = 'The trial went on.\n\nPeter Lynch/Defense Attorney: "We will appeal the verdict."'
    mentions = quotes_of(text)
    assert [(m.speaker, m.span.text) for m in mentions] == [
        ("Peter Lynch", "We will appeal the verdict")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The MV Gibe reported that two boats were firing small arms at it.",
        "INS Mysore said the pirates had surrendered.",
        "SEACOM problems only resolved next week\nInitial estimates indicate that the total "
        "SEACOM repair time will be around twelve days\nOctober 10, 2011\nSEACOM said today "
        "(10 October 2011) that the total repair time will be around twelve days.",
    ],
)
def test_a_ship_or_an_acronym_speaks_as_a_body_not_a_person(text: str) -> None:
    said = [m for m in quotes_of(text) if m.speaker and m.cue and m.cue.text != "indicate"]
    assert said and all(m.speaker_type is SpeakerType.ORGANISATION for m in said)


def test_a_ship_named_after_its_kind_is_no_person_a_pronoun_could_stand_for() -> None:
    text = (
        "Navy foils attack\n"
        "The destroyer received a call from Ethiopian merchant vessel Lira that it was being"
        " attacked.\nA helicopter was launched towards Lira, which was 13 miles away.\n"
        '"The sailors on Lira were exchanging small arms fire with the pirates.\n'
        'On seeing the helicopter, the pirate boats broke off their attack," said an officer.\n'
        "Soon after, the destroyer also reached the spot.\n"
        "The destroyer then opened fire across the bows of the dhow, forcing it to halt.\n"
        '"Seeing the commandos, the pirates surrendered quite easily.\n'
        'A search of the dhow found a large arms cache," he said.'
    )
    speakers = {m.speaker for m in quotes_of(text) if m.speaker}
    assert speakers == {"an officer"}


def test_two_frames_run_on_with_a_comma_are_two_statements_of_one_speaker() -> None:
    text = (
        "Coach Jo Reed said the knee needs no surgery this time, he also said that the "
        "team would not rush him back."
    )
    said = [(m.speaker, m.span.text) for m in quotes_of(text)]
    assert said == [
        ("Jo Reed", "the knee needs no surgery this time"),
        ("Jo Reed", "that the team would not rush him back"),
    ]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Title\nSarah Palin visited the church on Sunday.\nThe newspaper said Palin "
            "released a statement after the fire in which she said she stopped by the church.",
            "Sarah Palin",
        ),
        (
            "Title\nTom Bell, the captain, was rescued on Monday.\nOne of the crew said he had "
            "not known the ship was sinking.",
            "one of the crew",
        ),
    ],
)
def test_a_pronoun_in_anothers_words_is_the_person_those_words_name_else_that_speaker(
    text: str, speaker: str
) -> None:
    innermost = max(quotes_of(text), key=lambda m: m.span.start)
    assert innermost.speaker == speaker


def test_a_name_right_after_an_inverted_verb_speaks_however_the_parse_hangs_it() -> None:
    text = (
        '"I don\'t think Brian Nichols won," said Christina Greenway, daughter of the court '
        "reporter Nichols murdered."
    )
    assert with_cue(quotes_of(text), "said").speaker == "Christina Greenway"


def test_a_quoted_belief_before_the_cue_is_no_frame_of_its_own() -> None:
    text = (
        "Mehdi Zareh, the head of the Seismic Research Center, said there was no risk.\n"
        '"Because the Persian Gulf is not very deep, a tsunami is not expected," he told the '
        "student news agency ISNA."
    )
    told = with_cue(quotes_of(text), "told")
    assert told.speaker == "Mehdi Zareh"


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            "Ray Kell said the shooting was within the guidelines while John Cerar said it "
            "appeared to be a good shooting.",
            [
                ("Ray Kell", "the shooting was within the guidelines"),
                ("John Cerar", "it appeared to be a good shooting"),
            ],
        ),
        (
            "Ray Kell told the paper there was “nothing to indicate a problem” while John Cerar, "
            "the former commander, said “it appears to be a good shooting” under the rules.",
            [
                ("Ray Kell", "nothing to indicate a problem"),
                ("John Cerar", "it appears to be a good shooting"),
            ],
        ),
        # a "while" of time, with no one saying anything, stays part of the words
        (
            "Ray Kell said the officers waited while the crowd gathered outside.",
            [("Ray Kell", "the officers waited while the crowd gathered outside")],
        ),
    ],
)
def test_another_source_set_beside_a_statement_with_while_says_their_own_words(
    text: str, said: list[tuple[str, str]]
) -> None:
    assert sorted((m.speaker, m.span.text) for m in quotes_of(text)) == sorted(said)


def test_whom_a_quote_was_told_to_is_neither_its_speaker_nor_its_words() -> None:
    """The parse hangs "told" on the quote's last sentence, with no subject of its own; the
    agency told is the listener, not the speaker, and not what was said."""
    text = (
        'Vote.\n"It does not matter who wins. The council has the final say," Omar-bek, who '
        "herds sheep in a remote valley, told the Reuters news agency."
    )
    found = [(m.speaker, m.span.text) for m in quotes_of(text)]
    assert all("Reuters" not in (speaker or "") + said for speaker, said in found)


@pytest.mark.parametrize(
    ("text", "speaker", "via"),
    [
        (
            "Title\n“The water rose in minutes,” the Valley Herald quoted resident Ana Ruiz "
            "as saying.",
            "Ana Ruiz",
            "Valley Herald",
        ),
        (
            "Title\nThe Herald quoted Ana Ruiz, the mayor, as saying the bridge would reopen.",
            "Ana Ruiz",
            "Herald",
        ),
        ("Title\nAna Ruiz was quoted as saying the bridge would reopen.", "Ana Ruiz", None),
    ],
)
def test_the_one_quoted_as_saying_speaks_and_the_quoter_passes_it_on(
    text: str, speaker: str, via: str | None
) -> None:
    [mention] = quotes_of(text)
    assert (mention.speaker, mention.via) == (speaker, via)


def test_a_role_the_parse_reads_as_a_second_subject_leaves_the_name_the_speaker() -> None:
    text = (
        "Title\nA pilot who flew for forty years, Tom Bell died on Monday at his home in "
        "Santa Rosa, Calif., his grandson Rob Jones said."
    )
    [mention] = quotes_of(text)
    assert mention.speaker == "Rob Jones"


def test_a_noun_set_beside_the_words_leaves_the_unlabelled_name_the_speaker() -> None:
    text = (
        "Title\nThe navy spokesman, Commander Nirad Sinha, spoke on Friday.\n"
        "The pirates are from Somalia and Yemen, two countries surrounding the Gulf of Aden, "
        "Sinha said."
    )
    [mention] = [m for m in quotes_of(text) if "pirates" in m.span.text]
    assert mention.speaker == "Nirad Sinha"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Title\nHis lawyers - including a former judge - said he was innocent.", "his lawyers"),
        ("Title\nHis lawyers — including a former judge — said he was innocent.", "his lawyers"),
        ("Title\nA 40 - year - old father said the road was closed.", "a 40 - year - old father"),
        ("Title\nSome co-workers said she had a history of run-ins.", "some co-workers"),
        ("Title\nHer co - workers said she had a history of run - ins.", "her co - workers"),
        (
            "Title\nRelatives - including his brother, a priest - insisted he was ill.",
            "Relatives - including his brother a priest",
        ),
        (
            "Title\nThe relatives - including his brother, a priest - insisted he was ill.",
            "relatives - including his brother a priest",
        ),
    ],
)
def test_an_aside_set_off_by_dashes_is_not_the_speakers_name(text: str, speaker: str) -> None:
    [mention] = quotes_of(text)
    assert mention.speaker == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Title\nThe mayor visited the site and her office later released a statement.\n"
            "“The mayor told the families that the bridge will be rebuilt by spring.”",
            "her office",
        ),
        (
            "Title\nThe ministry released a statement.\nThe talks will resume in May and "
            "both sides will attend.",
            None,
        ),
    ],
)
def test_a_statement_released_is_the_quotation_that_opens_the_next_paragraph(
    text: str, speaker: str | None
) -> None:
    assert [m.speaker for m in quotes_of(text)] == ([speaker] if speaker else [])


def test_a_statement_issued_with_a_colon_introduces_the_next_paragraph() -> None:
    text = (
        "Title\n“I will clear my name,” Vincent Jackson said.\n"
        "The team will not suspend him for the game.\n"
        "General Manager A.J. Smith issued the following statement on the arrest:\n"
        "“We are aware of the issue involving Vincent and we are disappointed.”"
    )
    aware = [m for m in quotes_of(text) if m.span.text.startswith("We are aware")]
    assert [m.speaker for m in aware] == ["A.J. Smith"]


def test_a_quotation_a_sentence_of_its_own_introduces_goes_on_no_earlier_speaker() -> None:
    text = (
        "Title\n“I will clear my name,” Vincent Jackson said.\n"
        "The league's authority over players comes from the bargaining agreement.\n"
        "The NFL's substance-abuse policy states: “Discipline for a second or subsequent "
        "offense is likely to be a suspension, the duration of which may escalate.”"
    )
    policy = [m for m in quotes_of(text) if m.span.text.startswith("Discipline")]
    assert policy and all(m.speaker != "Vincent Jackson" for m in policy)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Title\nThe group also sent a letter today asking the ministers to rescind the rule.\n"
            "“As the threats we face evolve, scientists must be able to weigh them.\n"
            "Limits on the science undermine the work of scientists,” said Alan Thornhill, an "
            "ecologist.",
            "Alan Thornhill",
        ),
        (
            "Title\nThe paper said a fire was set at the church.\n"
            "The mayor visited the church and her office later released a statement.\n"
            "“As the mayor stopped by the church this morning, she met the pastor.\n"
            "Limits on the town's budget will not stop it from rebuilding.”",
            "her office",
        ),
    ],
)
def test_a_quotation_left_open_after_a_statement_released_is_the_issuers_till_a_cue_closes_it(
    text: str, speaker: str
) -> None:
    quoted = [m for m in quotes_of(text) if m.span.text.startswith(("As the", "Limits"))]
    assert [m.speaker for m in quoted] == [speaker, speaker]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Title\nMicrosoft estimated on Monday that one in 500 Windows users was exposed.\n"
            "Additionally, it said the number of victims was rising.",
            "Microsoft",
        ),
        ("Title\nThe storm hit on Monday.\nIt said the number of victims was rising.", None),
        (
            "Title\nThe Boston Herald reported that the Red Sox made an offer.\nIt said the "
            "offer was for eight years.",
            "The Boston Herald",
        ),
        (
            "Title\nMicrosoft shipped a patch on Monday.\nIt shows that the flaw affects "
            "every version of the browser.",
            None,
        ),
    ],
)
def test_it_said_is_the_body_a_sentence_before_made_the_subject(
    text: str, speaker: str | None
) -> None:
    [mention] = [
        m for m in quotes_of(text) if m.speaker_span and m.speaker_span.text in {"it", "It"}
    ]
    assert mention.speaker == speaker


def test_a_clause_after_continue_is_no_statement_of_its_subject() -> None:
    text = (
        "And the legitimization of comics continues, as today the Academy of Motion Picture "
        "Arts and Sciences has announced that Wolverine himself will be hosting the awards."
        "\n\n"
        '"It was fine," he continued.'
    )
    mentions = quotes_of(text)
    announced = with_cue(mentions, "announced")
    assert announced.span.text == "that Wolverine himself will be hosting the awards"
    continued = with_cue(mentions, "continued")
    assert continued.span.text == "It was fine"
    assert not [m for m in mentions if m.cue is not None and m.cue.text == "continues"]


def test_who_lets_others_know_tells_them() -> None:
    text = (
        "Title\nAfter bidding farewell to director Catherine Hardwicke, Stephenie Meyer went on "
        'to praise Chris Weitz and to let fans know that "torches and pitchforks are not '
        'going to be necessary."'
    )
    mention = with_cue(quotes_of(text), "know")
    assert mention.speaker == "Stephenie Meyer"


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("The Kremlin has not acknowledged the presence of troops in Russia.", "acknowledged"),
        ("Neither Moscow nor Minsk has acknowledged the presence of troops.", "acknowledged"),
        ("The ministry never confirmed that troops were sent to the border.", "confirmed"),
        # nor what they have not said yet, or would only have said
        ("The ministry declined to say whether troops were sent to the border.", "declined"),
        ("The ministry refused to confirm that troops were sent to the border.", "refused"),
        (
            "The agent Scott Mora had a month to solicit bids from other teams, enabling him to "
            "let the owner know how the market had developed.",
            "know",
        ),
    ],
)
def test_what_a_speaker_did_not_say_is_no_statement_of_theirs(text: str, verb: str) -> None:
    # still an attribution, with its source and content, but credited to nobody
    mention = with_cue(quotes_of(text), verb)
    assert mention.speaker is None and mention.speaker_span is not None


@pytest.mark.parametrize(
    ("sentence", "verb"),
    [
        ("Marco Diaz went on to say that troops were sent to the border.", "say"),
        # a vow is itself a statement
        ("Marco Diaz vowed to continue the legal battle over the border.", "vowed"),
    ],
)
def test_a_verb_that_tells_of_speech_made_keeps_the_statement(sentence: str, verb: str) -> None:
    assert with_cue(quotes_of(f"Title\n{sentence}"), verb).speaker == "Marco Diaz"


def test_a_negation_inside_what_was_said_keeps_the_statement() -> None:
    mention = with_cue(quotes_of("The ministry said troops were not sent to the border."), "said")
    assert mention.span.text == "troops were not sent to the border"
