"""People a report describes instead of naming when they speak ("the officer said", "her
publicist confirmed"), so that "he" or "she" in the next sentence can be theirs.

"“…,” the officer said. He said that …" is the officer's second statement, not a statement
of the last person named paragraphs before. A described voice is the singular subject of a speech
verb, headed by a noun for a person and brought in with a determiner or an owner ("the
manager", "her friend", "one woman"); a pronoun in the very next sentence goes to it when
no person is named after it, its gender fits (from its noun: "her mother" is a woman) and it
is not inside the pronoun's own statement; a pronoun that speaks right after carries the voice
on to the next sentence ("…, he said. …, he added."). A bare "One" as a subject is one of the
group the paragraph named before (:func:`one_of`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Generic, NamedTuple, TypeVar

from accord.extract.cues import SPEECH_VERBS, WEAK_CUES, cue_lemma
from accord.extract.speaker_gender import pronoun_gender, word_gender
from accord.lexicon import SINGULAR_PERSON_PRONOUNS

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from accord.nlp import Block
    from accord.vocab import Gender

# What makes a described voice one speaker: a determiner, an owner, or the body it speaks for
# written before it without an article ("Navy spokesperson said here").
_OWNER_DEPS = frozenset({"det", "poss", "compound"})
# A verb that, beside the root, makes a sentence's own statement: "…, but a source said …".
_MAIN_DEPS = frozenset({"conj", "parataxis"})
Credit = TypeVar("Credit")


class Voice(NamedTuple, Generic[Credit]):
    """A described speaker: where its phrase ends, its sentence's place, whom it credits
    and the gender its noun states."""

    end: int
    sentence: int
    credit: Credit
    gender: Gender | None
    noun: str  # the head's lemma: "source" of "a police source"
    bare: bool  # the noun with "the" alone: "the source"


class DescribedVoices(Generic[Credit]):
    """The described speakers of one article, and the order of its sentences."""

    def __init__(
        self,
        blocks: Iterable[Block],
        quoted: Callable[[int], bool],
        is_person: Callable[[Token], bool],
        describe: Callable[[Block, Token], Credit | None],
    ) -> None:
        self.voices: list[Voice[Credit]] = []
        self.sentences: dict[int, int] = {}  # absolute sentence start -> its place
        for block in blocks:
            for sent in block.doc.sents:
                place = self.sentences.setdefault(
                    block.start + sent.start_char, len(self.sentences)
                )
                found = len(self.voices)
                for token in sent:
                    end = block.start + token.idx + len(token.text)
                    if not _voice(token, is_person) or quoted(end - 1):
                        continue
                    credit = describe(block, token)
                    if credit is not None:
                        gender = word_gender(token.lemma_)
                        noun = token.lemma_.lower()
                        bare = [c.lower_ for c in token.children] == ["the"]
                        self.voices.append(Voice(end, place, credit, gender, noun, bare))
                if len(self.voices) == found and self.voices:
                    self._go_on(block, sent, place, quoted)

    def _go_on(self, block: Block, sent: Span, place: int, quoted: Callable[[int], bool]) -> None:
        """A pronoun that speaks right after a described voice is that voice speaking on
        ("…, Navy spokesperson said. …, he said. …, he added."): the voice goes on into this
        sentence, for the pronoun of the next."""
        last = self.voices[-1]
        if last.sentence != place - 1 or any(e.label_ == "PERSON" for e in sent.ents):
            return
        for token in sent:
            end = block.start + token.idx + len(token.text)
            gender = pronoun_gender(token)
            fits = gender is None or last.gender is None or gender is last.gender
            if _speaking_pronoun(token) and fits and not quoted(end - 1):
                self.voices.append(last._replace(end=end, sentence=place, bare=True))
                return

    def described_as(self, before: int, noun: str) -> Voice[Credit] | None:
        """The voice "the <noun>" at ``before`` takes up: the last one before it described
        more fully with the same noun ("a police source told The News …. The source said")."""
        found = [v for v in self.voices if v.end <= before and v.noun == noun and not v.bare]
        return found[-1] if found else None

    def last(
        self, before: int, gender: Gender | None, words: tuple[int, int]
    ) -> Voice[Credit] | None:
        """The last voice described before ``before``, in any sentence, of a gender that fits
        and outside the statement's own ``words``."""
        lo, hi = words
        found = [
            v
            for v in self.voices
            if v.end <= before
            and not lo < v.end <= hi
            and (gender is None or v.gender is None or v.gender is gender)
        ]
        return found[-1] if found else None

    def before(
        self,
        sentence: int,
        after: int,
        gender: Gender | None,
        words: tuple[int, int],
    ) -> Voice[Credit] | None:
        """The described voice a pronoun in the sentence starting at ``sentence`` stands
        for: one in the sentence just before, later than ``after`` (the last person named),
        of a gender that fits and outside the statement's own ``words``."""
        place = self.sentences.get(sentence)
        if place is None:
            return None
        lo, hi = words
        found = [
            v
            for v in self.voices
            if v.sentence == place - 1
            and v.end > after
            and not lo < v.end <= hi
            and (gender is None or v.gender is None or v.gender is gender)
        ]
        return found[-1] if found else None


def _own_speech_verb(verb: Token) -> bool:
    """A plain speech verb that makes the sentence's own statement, not a clause inside
    someone's ("when the driver yelled")."""
    if verb.pos_ not in {"VERB", "AUX"} or cue_lemma(verb) not in SPEECH_VERBS - WEAK_CUES:
        return False
    root = verb.sent.root
    return verb == root or (verb.dep_ in _MAIN_DEPS and verb.head == root)


def _speaking_pronoun(token: Token) -> bool:
    """ "he" or "she", the subject of the sentence's own speech verb."""
    pronoun = token.lower_ in SINGULAR_PERSON_PRONOUNS and token.dep_ == "nsubj"
    return pronoun and _own_speech_verb(token.head)


def _voice(token: Token, is_person: Callable[[Token], bool]) -> bool:
    """True for the singular subject of a sentence's speech verb, headed by a person noun
    and brought in with a determiner, an owner or its body, naming nobody ("the officer
    said", "Navy spokesperson said")."""
    if token.dep_ != "nsubj" or token.tag_ != "NN" or token.ent_type_:
        return False
    if not _own_speech_verb(token.head):
        return False
    owned = any(c.dep_ in _OWNER_DEPS or c.lower_ == "one" for c in token.children)
    named = any(t.ent_type_ == "PERSON" for t in token.subtree)
    return owned and not named and is_person(token)


def one_of(block: Block, head: Token) -> str | None:
    """A bare "One" as a subject: one of the last group the paragraph named in the plural
    ("The two soldiers … One claimed …": "one of the two soldiers")."""
    plural = [
        chunk
        for chunk in block.doc.noun_chunks
        if chunk.end <= head.i
        and chunk.root.tag_ == "NNS"
        and chunk.root.dep_ in {"nsubj", "nsubjpass"}
    ]
    if not plural:
        return None
    group = plural[-1].text
    return f"{head.lower_} of {group[:1].lower()}{group[1:]}"
