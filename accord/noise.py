"""Pattern rules for scraper noise, one class of noise per rule.

Each rule looks at one line (a paragraph, since plain-text articles put one paragraph on a
line) or at a piece of one, and names the class of noise it is, a
:class:`accord.vocab.RemovalReason`. Rules describe the *shape* of a class of noise (who it
addresses, how long it is, how it is punctuated), not phrases copied from any particular
site, so they carry over to outlets we have never seen. Context rules (captions beside a
credit, blocks under a heading, repeated paragraphs, off-topic tails) live in
:mod:`accord.clean`, which uses these.
"""

from __future__ import annotations

import re

from accord import lexicon
from accord.vocab import RemovalReason

# Headings that open a block of links to other stories; the block runs on over the
# link-like lines under them (see ``is_link_like``).
BLOCK_HEADINGS = frozenset(
    {RemovalReason.TRENDING, RemovalReason.MORE_FROM, RemovalReason.RELATED_LINK}
)

# Length limits. Boilerplate lines are short: a sign-up prompt or crisis notice is one or two
# sentences, a credit or byline a handful of names. A line longer than these is prose, and
# is left alone however much it looks like noise (a wrongly removed sentence costs more
# than a kept prompt).
MAX_PROMPT_WORDS = 50  # sign-up walls and notices: the longest seen run to ~40 words
MAX_CREDIT_WORDS = 12  # "(Name Name/For The Paper via Agency)" stays well under this
MAX_LABEL_WORDS = 12  # bylines, headings, link-like lines in a block
MIN_HEADLINE_WORDS = 4  # an all-caps line shorter than this is a label, not a headline
MIN_HEADLINE_LETTERS = 15
UPPERCASE_SHARE = 0.9  # share of letters in capitals that makes a line "all caps"

_I = re.IGNORECASE

# "[ad_1]", "[ad]", "[advertisement]": markers some scrapers leave where an ad slot was.
AD_MARKER_INLINE = re.compile(r"\[\s*(?:ads?|advert(?:isement)?|sponsored)(?:[\s_-]*\d+)?\s*\]", _I)
_AD_LINE = re.compile(
    r"^(?:advertisement|advertising|sponsored(?: content)?|ad|skip (?:this )?ad(?:vertisement)?"
    r"|(?:story|article) continues? (?:below|after)(?: this)? (?:advertisement|ad))\s*:?$",
    _I,
)

# Crisis-line and content notices: a warning to the reader, or a crisis line the reader is
# told to call (a story *about* a hotline names it without telling anyone to call).
_CONTENT_WARNING = re.compile(
    r"\bif you or someone you know\b|^(?:content |trigger )?warning:|^this (?:story|article"
    r"|report|piece|video) (?:discusses|contains|includes|mentions|describes|deals with) "
    r"(?:suicide|self-harm|sexual|abuse|graphic|disturbing|violence)",
    _I,
)
_CRISIS_LINE = re.compile(r"\b(?:crisis|suicide|samaritans|helplines?|hotlines?|lifelines?)\b", _I)
_CALL_TO_ACTION = re.compile(r"\b(?:call|contact|text|dial|reach out to|visit)\b", _I)

# Sign-up walls: about accounts, e-mail, subscriptions or terms, AND addressed to the reader.
_SIGNUP_TOPIC = re.compile(
    r"\bsign(?:ing)?[ -]?(?:up|in)\b|\blog[ -]?in\b|\bsubscri(?:be|ber|bers|ption|ptions)\b"
    r"|\bnewsletters?\b|\be-?mail\b|\bterms (?:of|and) (?:use|service|conditions)\b"
    r"|\bprivacy policy\b|\b(?:premium|exclusive|members?[- ]only|subscriber[- ]only) "
    r"(?:content|articles|access|stories)\b|\bfor (?:free |full |unlimited )?access\b"
    r"|\baccess to (?:this|select|all|our|premium|exclusive|unlimited)\b"
    r"|\bcreate (?:a |an |your )?(?:free )?account\b|\byour account\b|\binbox\b",
    _I,
)
_ADDRESSES_READER = re.compile(
    r"\b(?:you|your|yours)\b|^(?:join|sign|subscribe|register|enter|please|get|unlock|create"
    r"|log|plus|continue|already|start)\b",
    _I,
)
_REPORTED_SPEECH = re.compile(
    r"\b(?:" + "|".join((*lexicon.SAID_FORMS, "according to")) + r")\b", _I
)

_APP_PROMPT = re.compile(
    r"\b(?:click|tap|press) here\b.{0,60}\bapps?\b|^(?:download|get|install|try)\s+(?:the|our)\b"
    r".{0,50}\bapps?\b",
    _I,
)

_CONTRIBUTOR = re.compile(
    r"\bcontribut(?:ed|ing)\s+(?:reporting\s+)?to\s+(?:this|the)\s+(?:report|story|article)\b"
    r"|\b(?:writers?|reporters?|correspondents?|staff)\b[^.!?]*\bcontributed(?: reporting)?"
    r"(?: (?:from|in) [A-Z][^.!?]*)?\.?$"
    r"|^(?i:additional\s+)?(?i:reporting|editing|edited|writing|compiled)\s+by\s+[A-Z]"
)
_NAME = r"[A-Z][\w.'’-]*"
_BYLINE = re.compile(
    rf"^(?:(?:[Ww]ritten|[Rr]eported|[Ss]tory|[Ww]ords|[Tt]ext)\s+)?(?:[Bb]y|BY)\s+{_NAME}"
    rf"(?:\s+{_NAME}){{0,3}}(?:\s*(?:,|and|&)\s*{_NAME}(?:\s+{_NAME}){{0,3}})*"
    r"(?:\s*[,|–—-]\s*[^.!?]{0,40})?$"
)

_TRENDING = re.compile(
    r"^(?:trending(?: now| today| stories| news| articles| topics)?|most (?:read|popular|viewed"
    r"|shared|watched)(?: now| today| stories| articles)?|popular (?:now|today|stories|articles)"
    r"|top (?:stories|news|headlines)|what'?s (?:trending|hot)|hot (?:topics|stories))\s*:?$",
    _I,
)
_MORE_FROM = re.compile(
    r"^(?:(?:more|other|latest) (?:from|on|in|about|stories|news|videos?|coverage|headlines)\b"
    r"[^.!?]{0,60}|you (?:may|might) (?:also )?(?:like|enjoy)|recommended(?: for you| stories"
    r"| reading)?|we recommend|don'?t miss|around the web|from (?:our|the) partners?)\s*:?$",
    _I,
)
_RELATED = re.compile(
    r"^(?:related(?: articles| stories| coverage| content| links| reading)?|read (?:more|also"
    r"|next)|see also|further reading|also read)\s*(?::.*)?$",
    _I,
)

_CREDIT_LEAD = re.compile(
    r"^\(?\s*(?:photo(?:graph)?s?|images?|pictures?|video|(?:photo |image )?credits?)"
    r"(?: illustration)?"
    r"\s*(?::|,|\bby\b|\bcredit\b|\bsource\b)",
    _I,
)
# "Image caption, ...": a caption that says so.
_CAPTION_LEAD = re.compile(r"^(?:image|photo|picture|video) caption\s*[:,]", _I)
# Copyright and reuse notices closing a wire story.
_RIGHTS = re.compile(
    r"^(?:copyright|©|\(c\))\s*(?:\d{4}|[A-Z])|\ball rights reserved\b|\bmay not be "
    r"(?:published|broadcast|rewritten|redistributed)\b",
    _I,
)
_CREDIT_VIA = re.compile(r"\bvia\s+[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*)*\)?$")
_CREDIT_SLASH = re.compile(rf"^{_NAME}(?:\s+{_NAME}){{0,4}}\s*/\s*{_NAME}(?:\s+{_NAME}){{0,4}}$")
_CREDIT_CUE = re.compile(
    rf"\b(?:photos?|images?|pictures?|handout|courtesy|via|file|credit|getty|shutterstock"
    rf"|alamy|istock)\b|{_NAME}\s*/\s*{_NAME}",
    _I,
)
# Well-known photo agencies, for a credit line that is nothing but the agency's name.
_AGENCY_LINE = re.compile(
    r"^(?:getty images|shutterstock|alamy|istock(?:photo)?|ap photo|afp|epa(?:-efe)?|reuters"
    r"|associated press|anadolu(?: agency)?)$",
    _I,
)
# A photo credit in parentheses closing a paragraph: "... near the border. (Photo by X/Y)".
CREDIT_TAIL = re.compile(r"\((?P<credit>[^()]{2,120})\)\s*$")

_SECTION_WORD = re.compile(r"^[A-Z][A-Za-z&-]{1,24}$")
_SECTION_IN = re.compile(r"^In\s+[A-Z][\w&]*(?:\s+[A-Z&][\w&]*)?$")
_BREADCRUMB = re.compile(r"^[A-Z][\w ]{0,24}(?:\s*[>»|]\s*[A-Z][\w ]{0,24})+$")

_BULLET = re.compile(r"^[-–—•*·▪►]\s")
_TERMINAL = re.compile(r"[.!?…][\"'”’)]*$")
_SENTENCE_BREAK = re.compile(r"[.!?…]+[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])")
# Characters looked back from a sentence break for the word before it; a longer "word" is
# no initial or abbreviation, so looking further could not change the count.
MAX_TOKEN_LOOKBACK = 64


def words(text: str) -> int:
    return len(text.split())


def ends_like_sentence(text: str) -> bool:
    return bool(_TERMINAL.search(text.rstrip()))


def sentence_count(text: str) -> int:
    """Sentences in a paragraph, by punctuation; initials ("U.S.") and titles do not split."""
    count = 1
    for match in _SENTENCE_BREAK.finditer(text):
        # only the word before the break matters; slicing the whole prefix would make a
        # one-paragraph page of a million characters quadratic
        before = text[max(0, match.start() - MAX_TOKEN_LOOKBACK) : match.start()].split()
        token = before[-1].strip("\"'“‘(").rstrip(".") if before else ""
        if len(token) == 1 and token.isupper():
            continue  # an initial: "U.S. Army", "John F. Kennedy"
        if token.lower() in lexicon.ABBREVIATIONS or (
            "." in token and token.replace(".", "").isupper()
        ):
            continue
        count += 1
    return count


def is_reported_speech(text: str) -> bool:
    """Attributed or quoted speech: story prose, which captions and prompts seldom are."""
    return bool(_REPORTED_SPEECH.search(text)) or any(q in text for q in '"“”')


def is_all_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    if len(letters) < MIN_HEADLINE_LETTERS:
        return False
    return sum(c.isupper() for c in letters) >= UPPERCASE_SHARE * len(letters)


def is_link_like(text: str) -> bool:
    """A line in a list of links: a bullet, or a short headline without closing punctuation."""
    return bool(_BULLET.match(text)) or (
        words(text) <= MAX_LABEL_WORDS and not ends_like_sentence(text)
    )


def is_credit(text: str) -> bool:
    """A line that is nothing but a photo or agency credit."""
    if words(text) > MAX_CREDIT_WORDS or text.endswith((".", "!", "?")):
        return False
    if _AGENCY_LINE.match(text) or _CREDIT_SLASH.match(text):
        return True
    if _CREDIT_LEAD.match(text):
        return words(text.split(":", 1)[-1]) <= MAX_CREDIT_WORDS // 2
    if _CREDIT_VIA.search(text):
        # every word but the joiners is a name: "Agency via Other Agency"
        tokens = [t.strip("()") for t in text.split()]
        return all(t[:1].isupper() or t in {"via", "handout", "for", "and", "/"} for t in tokens)
    if text.startswith("(") and text.endswith(")"):
        return bool(_CREDIT_CUE.search(text))
    return False


def credit_tail(text: str) -> re.Match[str] | None:
    """The parenthesised photo credit closing a paragraph, if there is one."""
    match = CREDIT_TAIL.search(text)
    if match is None or match.start() == 0 or words(match.group("credit")) > MAX_CREDIT_WORDS:
        return None
    return match if _CREDIT_CUE.search(match.group("credit")) else None


def is_block_heading(text: str) -> bool:
    """A heading over a list of links ("Trending now", "More from …", "Related")."""
    return bool(
        _TRENDING.match(text)
        or _MORE_FROM.match(text)
        or (_RELATED.match(text) and ":" not in text.rstrip(": "))
    )


def line_reason(text: str) -> RemovalReason | None:
    """The class of noise a whole line is, or ``None`` for a line that may be story text.

    ``text`` is one stripped, non-empty line. Order matters where classes overlap: an app
    prompt in capitals is an app prompt, not a related headline.
    """
    n_words = words(text)
    if AD_MARKER_INLINE.fullmatch(text) or _AD_LINE.match(text):
        return RemovalReason.AD_MARKER
    if n_words <= MAX_PROMPT_WORDS:
        if _CAPTION_LEAD.match(text):
            return RemovalReason.CAPTION
        if (
            _CONTENT_WARNING.search(text)
            or _RIGHTS.search(text)
            or (
                _CRISIS_LINE.search(text)
                and _CALL_TO_ACTION.search(text)
                and not _REPORTED_SPEECH.search(text)
            )
        ):
            return RemovalReason.NOTICE
        if (
            _SIGNUP_TOPIC.search(text)
            and _ADDRESSES_READER.search(text)
            and not _REPORTED_SPEECH.search(text)
        ):
            return RemovalReason.SIGNUP_WALL
        if _APP_PROMPT.search(text):
            return RemovalReason.APP_PROMPT
        if _CONTRIBUTOR.search(text) and n_words <= MAX_PROMPT_WORDS // 2:
            return RemovalReason.CONTRIBUTOR_LINE
    if n_words > MAX_LABEL_WORDS + MAX_LABEL_WORDS:
        return None
    if n_words <= MAX_LABEL_WORDS:
        if _BYLINE.match(text):
            return RemovalReason.BYLINE
        if _TRENDING.match(text):
            return RemovalReason.TRENDING
        if _MORE_FROM.match(text):
            return RemovalReason.MORE_FROM
        if is_credit(text):
            return RemovalReason.PHOTO_CREDIT
        if _SECTION_WORD.match(text) or _SECTION_IN.match(text) or _BREADCRUMB.match(text):
            return RemovalReason.SECTION_LABEL
    if _RELATED.match(text):
        return RemovalReason.RELATED_LINK
    if n_words >= MIN_HEADLINE_WORDS and is_all_caps(text) and not ends_like_sentence(text):
        return RemovalReason.RELATED_LINK
    return None
