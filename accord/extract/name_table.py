"""One article's or one cluster's people: a short or variant name read as the fullest form
seen ("Kirby" -> "John Kirby"), a first name spelled a letter apart or shortened ("Jon"/"John
Owen", "Fred"/"Frederick LaRue") read as one, by the normalisation rule of
:mod:`accord.extract.speakers`."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from nicknames import NickNamer

from accord.extract.speakers import (
    NICKNAME,
    display_name,
    fold_word,
    name_tokens,
)
from accord.names import MIN_VARIANT_SURNAME, one_edit_apart

# A first name a letter from another is the same transliterated name only when this long
# ("Heidar", "Heydar"); shorter ones are often two names ("John", "Joan").
MIN_VARIANT_FIRST_NAME = 5


def _same_first_name(first: str, second: str) -> bool:
    """Two folded first names of one person: equal, or a letter apart when both are long
    enough not to be two common names ("Heidar", "Heydar"; not "John", "Joan")."""
    if first == second:
        return True
    long_enough = min(len(first), len(second)) >= MIN_VARIANT_FIRST_NAME
    return long_enough and one_edit_apart(first, second)


@dataclass(frozen=True)
class _Reading:
    """What one string reads as by itself, whatever the table holds."""

    shown: str  # normalise_speaker
    compact: str  # compact_name
    key: str  # speaker_key
    folded: tuple[str, ...]  # each of name_tokens, fold_word-ed


class NameTable:
    """The person names seen in an article or cluster, to expand short and variant forms."""

    def __init__(
        self,
        names: Iterable[str] = (),
        first_names: bool = False,
        nicknames: NickNamer | None = None,
    ) -> None:
        # one article's table: a first name alone is the one person it names ("Doug said"
        # after "Doug McDermott" where his father is "Greg McDermott"); across articles, no
        self._first_names = first_names
        # the short forms of first names ("Fred" for "Frederick"), for one surname's people
        self._nicknames = nicknames
        self._counts: Counter[str] = Counter()
        self._by_key: dict[str, list[str]] = {}
        self._alias: dict[str, str] = {}  # a variant surname's folded form -> the first seen
        self._spelling: dict[str, str] = {}  # compact_name -> the first spelling seen
        # Each string read once: an article asks about its few names for every token.
        self._readings: dict[str, _Reading] = {}
        for name in names:
            self.add(name)

    def _read(self, name: str) -> _Reading:
        found = self._readings.get(name)
        if found is None:
            words = name_tokens(name)
            folded = tuple(fold_word(w) for w in words)
            key = folded[-1] if folded else ""  # speaker_key
            found = _Reading(display_name(words), "".join(folded), key, folded)
            self._readings[name] = found
        return found

    def _key(self, shown: str) -> str:
        key = self._read(shown).key
        return self._alias.get(key, key)

    def _words(self, name: str) -> frozenset[str]:
        return frozenset(self._alias.get(w, w) for w in self._read(name).folded)

    def _compatible(self, short: str, full: str) -> bool:
        """True when every word of ``short`` occurs in ``full`` (``Kirby`` ⊆ ``John Kirby``)."""
        short_words = self._words(short)
        return bool(short_words) and short_words <= self._words(full)

    def _variant_of(self, shown: str) -> tuple[str, str] | None:
        """The key and folded first name of a full name seen before with this first name, or
        one a letter away (a transliteration: "Heidar" and "Heydar"), and a surname one edit
        away ("Ilene Wolff" after "Ilene Wolfe", "Heidar Alishvandi" after "Heydar
        Alishbandi")."""
        words = self._read(shown).folded
        if len(words) < 2 or len(words[-1]) < MIN_VARIANT_SURNAME:
            return None
        for key, forms in self._by_key.items():
            for form in forms:
                seen = self._read(form).folded
                same_first = len(seen) >= 2 and _same_first_name(seen[0], words[0])
                if same_first and one_edit_apart(key, words[-1]):
                    return key, seen[0]
        return None

    def _shown(self, name: str) -> str:
        """The display form of ``name``, spelled as the first name met with the same letters
        ("A.J. Smith" after "A. J. Smith")."""
        shown = self._read(name).shown
        return self._spelling.get(self._read(shown).compact, shown)

    def add(self, name: str) -> None:
        for nicknamed in NICKNAME.finditer(name):
            # "Chin Gigante" is the "Vincent 'Chin' Gigante" met here
            nick, first = fold_word(nicknamed["nick"]), fold_word(nicknamed["first"])
            self._alias.setdefault(nick, first)
        shown = self._shown(name)
        self._spelling.setdefault(self._read(shown).compact, shown)
        key = self._key(shown)
        if not key:
            return
        if key not in self._by_key and (variant := self._variant_of(shown)) is not None:
            known, first = variant
            self._alias[key] = known
            if (own_first := self._read(shown).folded[0]) != first:
                self._alias[own_first] = first  # "heidar" reads as the "heydar" met first
            key = known
        elif key in self._by_key:
            self._alias_first_name(shown, self._by_key[key])
        self._counts[shown] += 1
        forms = self._by_key.setdefault(key, [])
        if shown not in forms:
            forms.append(shown)

    def _alias_first_name(self, shown: str, forms: list[str]) -> None:
        """Read ``shown``'s first name as that of a person met under the same surname when
        it is the same name spelled or shortened another way: "Jon Owen" after "John Owen",
        "Fred LaRue" after "Frederick C. LaRue", "Yiannis" after "Giannis"."""
        own = self._read(shown).folded
        if len(own) < 2:
            return
        for form in forms:
            seen = self._read(form).folded
            first, other = self._alias.get(own[0], own[0]), self._alias.get(seen[0], seen[0])
            if len(seen) >= 2 and first != other and self._one_first_name(shown, form):
                self._alias[own[0]] = other
                return

    def _one_first_name(self, name: str, other: str) -> bool:
        """The first names of two names are one: spelled a letter apart, or one a short form
        of the other (read as written, not folded: "fred", "frederick")."""
        first, second = (name_tokens(n)[0].lower() for n in (name, other))
        if _same_first_name(fold_word(first), fold_word(second)):
            return True
        known = self._nicknames
        return known is not None and (
            second in known.nicknames_of(first) or first in known.nicknames_of(second)
        )

    def knows(self, name: str) -> bool:
        """True when ``name`` fits a name already in the table."""
        shown = self._shown(name)
        return any(self._compatible(shown, f) for f in self._by_key.get(self._key(shown), []))

    def resolve(self, name: str) -> str:
        """The fullest known form of ``name``: same key, compatible words; else ``name`` cleaned.

        When several full names share a key ("Bill Clinton", "Hillary Clinton") the one seen most
        often wins, then the longest, then the first met. The chosen person is shown in the
        spelling with the fewest variant words ("Jermayne" over a "Jerymayne" met after it,
        "Vincent" over his nickname), then the longest, then the most used.
        """
        shown = self._shown(name)
        forms = [f for f in self._by_key.get(self._key(shown), []) if self._compatible(shown, f)]
        if all(len(self._words(f)) == 1 for f in forms) and (full := self._first_named(shown)):
            return full  # "Doug", met only alone: the one "Doug McDermott"
        if not forms:
            return shown
        # A "person" is a maximal word set; shorter forms count towards every person they fit.
        # A list in first-seen order, so a tie goes to the name met first, whatever the hash seed.
        people = list(dict.fromkeys(self._words(f) for f in forms))
        people = [p for p in people if not any(p < q for q in people)]
        best = max(people, key=lambda p: (self._weight(p, forms), len(p)))
        spellings = [f for f in forms if self._words(f) == best]
        return max(spellings, key=lambda f: (-self._variants(f), len(f), self._counts[f]))

    def _variants(self, name: str) -> int:
        """How many of ``name``'s words are read as another ("Chin", "Jerymayne")."""
        return sum(w in self._alias for w in self._read(name).folded)

    def _first_named(self, shown: str) -> str | None:
        """The one full name whose first name ``shown`` is, when first names are read."""
        words = self._read(shown).folded
        if not self._first_names or len(words) != 1:
            return None
        people = {
            self.resolve(form)
            for forms in self._by_key.values()
            for form in forms
            if len(folded := self._read(form).folded) >= 2 and folded[0] == words[0]
        }
        return people.pop() if len(people) == 1 else None

    def _weight(self, person: frozenset[str], forms: list[str]) -> int:
        """Mentions of ``person`` under any form whose words it contains."""
        return sum(self._counts[f] for f in forms if self._words(f) <= person)
