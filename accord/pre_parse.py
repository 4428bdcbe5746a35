"""What accord adds to spaCy's tokenizer and to the text before the parser reads it: an
abbreviated title kept with its name, and a number sign kept with its number. Without them a
full stop inside a name ends a sentence or cuts the name in two, and every later stage reads
the wrong subject."""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

from accord.lexicon import TITLE_ABBREVIATIONS

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token


def add_title_rule(nlp: Language) -> None:
    """Keep an abbreviated title with its name ("Troy police Lt. Gerry Smith said ..."): the
    tokenizer keeps each title of ``TITLE_ABBREVIATIONS`` one token with its full stop, and the
    ``accord_titles`` component, before the parser, says the name after it starts no sentence
    (the parser keeps boundaries set before it) and joins "No." to its number. Idempotent."""
    from spacy.language import Language as _Language
    from spacy.symbols import ORTH
    from spacy.tokenizer import Tokenizer

    tokenizer = nlp.tokenizer
    if not isinstance(tokenizer, Tokenizer):  # pragma: no cover - a custom tokenizer
        raise TypeError("accord needs spaCy's rule-based tokenizer to keep titles whole")
    for title in TITLE_ABBREVIATIONS:
        tokenizer.add_special_case(f"{title}.", [{ORTH: f"{title}."}])
    if "accord_titles" in nlp.pipe_names:
        return
    if not _Language.has_factory("accord_titles"):
        # spaCy's registry is process-wide; the component holds no state of its own
        _Language.component("accord_titles")(_join_titles)
    nlp.add_pipe("accord_titles", first=True)


def _join_titles(doc: Doc) -> Doc:
    for title, name in itertools.pairwise(doc):
        titled = title.text.endswith(".") and title.text[:-1] in TITLE_ABBREVIATIONS
        if titled and name.text[:1].isupper():
            name.is_sent_start = False
    return _join_number_signs(doc)


def _join_number_signs(doc: Doc) -> Doc:
    """ "No." and the number after it are one token ("Juror No. 8 said"): the tokenizer cannot
    tell that full stop from a sentence's end, and split, it cuts the name in two and the parse
    reads the number as a second subject. A rank before a name ("beat No. 8 Tennessee") stays
    apart: joined, the tagger reads the sign as punctuation and loses the sentence's parse."""
    signs = [
        doc[sign.i : sign.i + 3]
        for sign, stop, number in zip(doc, doc[1:], doc[2:], strict=False)
        if sign.text == "No"
        and stop.text == "."
        and not sign.whitespace_
        and number.like_num
        and not _ranks_a_name(number)
    ]
    with doc.retokenize() as retokenizer:
        for sign in signs:
            retokenizer.merge(sign)
    return doc


def _ranks_a_name(number: Token) -> bool:
    """The number is a rank before a capitalised name: "No. 8 Tennessee", "No. 1 Duke"."""
    after = number.nbor(1) if number.i + 1 < len(number.doc) else None
    return after is not None and after.text[:1].isupper() and after.is_alpha
