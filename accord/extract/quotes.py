"""Quotes and reported speech, each credited to a speaker, as spans of the original text.

Two passes over an article's parsed paragraphs (:class:`accord.nlp.Block`):

* **direct quotes** — text between quote marks of any style (straight, curly, guillemets; a
  quote left open runs to the end of its paragraph, the news convention for a quote that
  continues). The cue is the nearest speech verb *outside* the marks in the same stretch of
  text; the speaker is that verb's subject ("X said, “…”", "“…,” X said", "X, stating, “…”").
  A quote with no cue of its own that follows the previous quote continues its speaker
  ("…,” he said. “For those …”), or the speaker of reported speech between them.
* **reported speech** — a speech verb with a complement clause ("X said that …", "…, X said"),
  a stance or speech act with an object ("X denounced the ruling", "X talked about jobs"),
  a statement noun ("X’s claim that …") and "according to X" (the rest of the clause is the
  content); ``verbatim=False``. The frames are read by :mod:`accord.extract.frames`.

Speakers are resolved by :mod:`accord.extract.speaker_credit`: a pronoun, a relative "who" or a
bare title ("the spokesperson") goes to the antecedent / last named person; a short or
variant name goes to the fullest form seen in the article.
"""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from accord.extract.content_bounds import clause_after_object, content_bounds, outside_phrase
from accord.extract.cues import BELIEF_CUES, WEAK_CUES, cue_lemma
from accord.extract.frames import (
    CLAUSE_DEPS,
    SUBJECT_DEPS,
    according_to,
    acted_for_others,
    cue_words,
    evidence_source,
    frames_after,
    frames_beside,
    nominal_cue,
    objects,
    own_frame_before,
    source_of,
    speech_verb,
    stance_verb,
    that_clause,
    told_clause,
    trailing_frame,
    unasserted,
)
from accord.extract.nesting import (
    after_relative_frame,
    chained,
    described_voice,
    passed_on_in_quotes,
    relayed,
    unnested,
)
from accord.extract.quote_cues import nearest_cue
from accord.extract.quote_marks import Region as _Region
from accord.extract.quote_marks import (
    dash_credit,
    names_something,
    quote_regions,
    transcript_credit,
)
from accord.extract.quoted_spans import (
    direct_form,
    inside,
    mostly_quoted,
    named_by,
    says,
    trimmed,
)
from accord.extract.relays import passed_through
from accord.extract.run_on import Lead, RunOn, last_voice, lead_in
from accord.extract.speaker_credit import PERSONAL_PRONOUNS, ArticleSpeakers
from accord.extract.speaker_phrases import Credit, listed_speaker, np_bounds
from accord.lexicon import HEADLINE_LABELS, SINGULAR_PERSON_PRONOUNS
from accord.model import Article, QuoteForm, QuoteMention, Span, SpeakerType
from accord.nlp import Block

# An uncited quote is kept only when it is a statement, not a scare-quoted phrase.
MIN_UNCITED_WORDS = 6


class _Finder:
    """Finds one article's quotes; holds the per-article speaker state."""

    def __init__(self, article: Article, blocks: list[Block]) -> None:
        self.article = article
        self.blocks = blocks
        self.regions = [quote_regions(b.text) for b in blocks]
        quoted = [
            (b.start + r.inner_start, b.start + r.inner_end)
            for b, rs in zip(blocks, self.regions, strict=True)
            for r in rs
        ]
        self.speakers = ArticleSpeakers(blocks, quoted)
        # reported beliefs ("knowing that …", "thinks that …"): no voice a quotation goes on in
        self.beliefs: list[QuoteMention] = []

    def mention(
        self,
        block: Block,
        span: Span,
        cue: Token,
        subject: Token | None,
        form: QuoteForm,
        stance: bool = False,
    ) -> QuoteMention:
        """A mention credited to the subject of ``cue`` (or to nobody); a ``stance`` (a cue
        with an object, not a clause) is held by someone, never by a thing."""
        cue_span = cue_words(block, cue)
        verbatim = form in {QuoteForm.VERBATIM, QuoteForm.PARTIAL}
        if subject is None:
            return QuoteMention(span, None, None, cue_span, verbatim, form=form)
        # the source keeps its relative clause and apposition, unless the cue is in them
        # ("a statement saying …")
        whole = not subject.left_edge.i <= cue.i <= subject.right_edge.i
        start, end = np_bounds(subject, whole=whole)
        credit = self._credit(block, cue, subject, span)
        described = credit is not None and credit.kind is SpeakerType.DESCRIPTION
        # "according to the church's minister" names a voice as "the minister said" does
        said = (speech_verb(cue) and cue_lemma(cue) not in BELIEF_CUES) or bool(according_to(cue))
        voiced = said and (listed_speaker(subject) or subject.pos_ == "PRON")
        if described and not voiced and (stance or not speech_verb(cue)):
            # a stance of a thing ("this story supports …", "the war revealed new alliances")
            # names where, not who; a described person's act of saying ("the senator
            # accused …") names who, their silent stance ("his family supported him") no one
            credit = None
        relayer, cited = passed_through(cue, subject)
        via, cites = (
            self.speakers.credit(block, t) if t is not None else None for t in (relayer, cited)
        )
        return QuoteMention(
            span,
            credit.name if credit else None,
            block.span(start, end),
            cue_span,
            verbatim,
            credit.kind if credit else None,
            form,
            via=via.name if via else None,
            cites=cites.name if cites else None,
        )

    def _credit(self, block: Block, cue: Token, subject: Token, said: Span) -> Credit | None:
        """The subject's speaker, never named in what they ``said``; a pronoun inside what
        someone else said is that speaker ("One of the crew said he had not known …"), unless
        their words name a person before it ("The newspaper said Palin released a statement in
        which she said …": Palin)."""
        if subject.lower_ in PERSONAL_PRONOUNS:
            # "X said A, he also said that B": "he" is X
            for frame in (c for c in cue.children if own_frame_before(c, cue)):
                told = next(c for c in frame.children if c.dep_ == "nsubj" and c.pos_ != "PRON")
                return self.speakers.credit(block, told)
            for outer in cue.ancestors:
                if speech_verb(outer) and (head := source_of(outer)) is not None:
                    named = subject.lower_ in SINGULAR_PERSON_PRONOUNS and _names_someone(
                        subject.doc[head.i + 1 : subject.i]
                    )
                    if head.lower_ not in PERSONAL_PRONOUNS and head.pos_ != "PRON" and not named:
                        return self.speakers.credit(block, head)
                    break
        return self.speakers.credit(block, subject, (said.start, said.end))

    def direct(self, reported: list[QuoteMention]) -> list[QuoteMention]:
        believed = {id(m) for m in self.beliefs}
        voices = [m for m in reported if id(m) not in believed]  # who a quotation may go on in
        found: list[QuoteMention] = []
        previous: QuoteMention | None = None
        lead: Lead | None = None
        run_on = RunOn()
        for k, (block, regions) in enumerate(zip(self.blocks, self.regions, strict=True)):
            transcript = self._transcript(block)
            left_open = run_on.paragraph(block, marked=transcript is not None or bool(regions))
            if transcript is not None:
                found.append(transcript)
                previous = transcript
            elif lead is not None and not regions and not lead.quoted_only:
                # "X reports:" then the paragraph it introduces, not in quote marks
                whole = trimmed(block, 0, len(block.text))
                if whole is not None:
                    form = QuoteForm.PARAPHRASE
                    found.append(self.mention(lead.block, whole, lead.cue, lead.subject, form))
            for i, region in enumerate(regions):
                span = trimmed(block, region.inner_start, region.inner_end)
                if span is None or (names_something(span.text) and not named_by(block, span)):
                    continue  # "Vincent “The Chin” Gigante": a nickname, said by nobody
                if transcript is not None and span.within(transcript.span):
                    continue  # 'Tim Bell: “We will win.”': the line's speaker has it
                lo = regions[i - 1].outer_end if i else 0
                hi = regions[i + 1].outer_start if i + 1 < len(regions) else len(block.text)
                mention = self._dashed(block, region, span)
                if mention is None:
                    mention = self._cited(block, region, span, lo, hi)
                credited = mention is not None and mention.speaker is not None
                closes = region.inner_end < len(block.text)
                if i == 0:  # closes a quotation left open above, or goes on with it
                    found += run_on.go_on(left_open, region, mention, found, self._part, closes)
                # a statement issued introduces a quotation; one left open is the issuer's
                # until a cue that closes it names another ("…," said X)
                waits = not closes and lead is not None and lead.quoted_only
                if mention is None and i == 0 and lead is not None and not lo:
                    credited = not waits
                    form = direct_form(block, span)
                    mention = self.mention(lead.block, span, lead.cue, lead.subject, form)
                if mention is None and previous is not None and self._continues(block, region):
                    since = self.blocks[max(k - 1, 0)].start  # this paragraph or the last
                    voice = last_voice(previous, (since, span.start), voices)
                    mention = QuoteMention(
                        span,
                        voice.speaker,
                        voice.speaker_span,
                        voice.cue,
                        True,
                        voice.speaker_type,
                        direct_form(block, span),
                    )
                if mention is None and len(span.text.split()) >= MIN_UNCITED_WORDS:
                    mention = QuoteMention(span, None, form=direct_form(block, span))
                if mention is not None:
                    found.append(mention)
                    previous = mention if mention.speaker_span is not None else previous
                if region.inner_end == len(block.text) and not credited:  # no cue its own
                    run_on.opened(
                        len(found) - 1 if mention is not None else self._part(block, span)
                    )
            lead = lead_in(block, regions)
        return found

    @staticmethod
    def _part(block: Block, span: Span | None = None) -> QuoteMention | None:
        """A part of a quotation that runs on (the whole paragraph unless ``span``), not yet
        credited."""
        span = span or trimmed(block, 0, len(block.text))
        return None if span is None else QuoteMention(span, None, form=direct_form(block, span))

    def _named(self, block: Block, start: int, end: int, cue: Span, span: Span) -> QuoteMention:
        """A quotation credited by a name alone ("NAME: …", "“…” ― Name"): a person's, or a
        body's where the name reads as one ("Herald: …", "CNN: …")."""
        written = block.text[start:end]
        body = self.speakers.names.names_a_body_named(written)
        return QuoteMention(
            span,
            written if body else self.speakers.table.resolve(written),
            block.span(start, end),
            cue,
            True,
            SpeakerType.ORGANISATION if body else SpeakerType.PERSON,
            direct_form(block, span),
        )

    def _dashed(self, block: Block, region: _Region, span: Span) -> QuoteMention | None:
        """“…” ― Name."""
        credit = dash_credit(block.text, region.outer_end)
        if credit is None:
            return None
        dash, start, end = credit
        return self._named(block, start, end, block.span(dash, dash + 1), span)

    def _transcript(self, block: Block) -> QuoteMention | None:
        """NAME: what they said (the rest of the paragraph)."""
        credit = transcript_credit(block.text)
        if credit is None:
            return None
        start, end = credit
        colon = block.text.index(":", end)  # after the name, or its caption role
        span = trimmed(block, colon + 1, len(block.text))
        # A headline label ("PHOTOS: …") is no speaker, nor is an interview's "Q:" or
        # "A:"; a spoken line is a sentence.
        label = block.text[start:end]
        if span is None or label.lower() in HEADLINE_LABELS or len(label) == 1:
            return None
        words = block.doc.char_span(start, end, alignment_mode="expand")
        if words is not None and any(t.pos_ in {"PRON", "AUX", "VERB"} for t in words):
            return None  # a sentence's opening ("It's Hollywood: go big"), not a name
        if not block.text.rstrip().rstrip("\"'”’)").endswith((".", "!", "?", "…")):
            return None
        return self._named(block, start, end, block.span(colon, colon + 1), span)

    def _continues(self, block: Block, region: _Region) -> bool:
        """A quote that opens its sentence right after an attributed one continues it. One
        that a sentence of its own introduces ("The league's policy states: “…”") does not:
        its source is named there, or nobody is."""
        before = block.text[: region.outer_start].rstrip()
        return not before or before.endswith((".", "!", "?"))

    def _cited(
        self, block: Block, region: _Region, span: Span, lo: int, hi: int
    ) -> QuoteMention | None:
        """Credit a quote to the nearest cue outside the marks, in its own sentences."""
        cue = nearest_cue(block, region, lo, hi)
        if cue is None:
            return None
        return self.mention(block, span, cue[0], cue[1], direct_form(block, span))

    def reported(self) -> list[QuoteMention]:
        """Reported speech outside quote marks, and a belief a speaker credits to others inside
        their quotation ("“Some experts believe …,” the minister said"): the minister passes
        the experts' belief on (:func:`accord.extract.nesting.passed_on_in_quotes`)."""
        found: list[QuoteMention] = []
        for block, regions in zip(self.blocks, self.regions, strict=True):
            for token in block.doc:
                quoted = inside(token.idx, token.idx + 1, regions)
                mention = self._reported_at(block, token, [] if quoted else regions)
                believed = mention is not None and cue_lemma(token) in WEAK_CUES  # "believe"
                if mention is not None and (not quoted or (believed and described_voice(mention))):
                    found.append(mention)
                    if cue_lemma(token) in BELIEF_CUES:
                        self.beliefs.append(mention)
        return found

    def _reported_at(
        self, block: Block, token: Token, regions: list[_Region]
    ) -> QuoteMention | None:
        obj = according_to(token) or evidence_source(token)
        form = QuoteForm.REPORTED
        stance = False
        nominal = nominal_cue(token)
        if obj is not None:
            bounds = outside_phrase(token, token.head)
            subject: Token | None = obj
            form = QuoteForm.PARAPHRASE
        elif nominal is not None:
            # "Trump’s claim that …": the owner is the source, the clause the content
            subject, clause = nominal
            bounds = (clause.left_edge.idx, clause.right_edge.idx + len(clause.right_edge.text))
            form = QuoteForm.PARAPHRASE
        elif speech_verb(token) or stance_verb(token):
            if acted_for_others(token):
                return None
            # a clause before the cue is what it frames, if it frames words at all ("…, she
            # said"; not "… -- she refused")
            clauses = [
                c
                for c in token.children
                if c.dep_ in CLAUSE_DEPS
                and (frames_after(token) if c.i > token.i else frames_beside(token))
            ]
            # "X said A, he also said that B": A is X's own frame, B what "he" said
            clauses = [c for c in clauses if not own_frame_before(c, token)] or clauses
            told = told_clause(token)
            if told is not None:  # "told a judge that …": the clause is what was said
                clauses = [told]
            run_on = None if clauses else clause_after_object(token)
            if run_on is not None:  # "insisted Nixon had no knowledge", "Nixon" its object
                clauses = [run_on]
            beside = token.dep_ == "parataxis" or trailing_frame(token)
            if not clauses and beside and frames_beside(token):
                bounds = outside_phrase(token, token.head)
            elif clauses or (clauses := objects(token)):
                clausal = run_on is not None or any(c.dep_ in CLAUSE_DEPS for c in token.children)
                if told is None and not clausal:
                    form = QuoteForm.PARAPHRASE  # "called for a ban": a stance, not speech
                    stance = True
                bounds = content_bounds(token, clauses[0], stance)
            else:
                return None
            subject = source_of(token)
        elif (position := that_clause(token)) is not None and token.dep_ != "advcl":
            # a body's that-clause is its stated position ("the church teaches that …"),
            # whatever the verb: a body holds no view it has not made known. A participle
            # after the clause it hangs on ("…, proving once again that …") is the writer's
            # comment on that clause, no position of its subject's
            span = trimmed(block, *content_bounds(token, position, False))
            if span is None or mostly_quoted(block, span, regions):
                return None
            held = self.mention(block, span, token, source_of(token), form)
            return held if held.speaker_type is SpeakerType.ORGANISATION else None
        else:
            return None
        span = trimmed(block, *bounds) if bounds else None
        if span is None or mostly_quoted(block, span, regions) or not says(span):
            return None
        return unasserted(self.mention(block, span, token, subject, form, stance), token)


def find_quotes(article: Article, blocks: list[Block]) -> list[QuoteMention]:
    """Every direct quote and reported statement in one article, in text order."""
    finder = _Finder(article, blocks)
    reported = finder.reported()
    found = chained(finder.direct(reported) + reported)
    mentions = [after_relative_frame(m) for m in passed_on_in_quotes(unnested(relayed(found)))]
    return sorted(mentions, key=lambda m: (m.span.start, m.span.end))


def _names_someone(words: SpacySpan) -> bool:
    """A person named in ``words``, or a proper name that does something there (the tagger
    may call "Palin" an organisation in "Palin released a statement")."""
    return any(
        t.ent_type_ == "PERSON" or (t.pos_ == "PROPN" and t.dep_ in SUBJECT_DEPS) for t in words
    )
