"""Bytes on disk to checked text: size limit, encoding detection, binary rejection.

Every reader goes through here, so every format gets the same guarantees: the file is never
read past ``max_bytes``, the text is what the bytes say (BOM first, then strict UTF-8, then
charset detection), line endings are ``\\n`` *before* the text becomes an article's
``original`` (so offsets never shift later), and anything that looks like binary is refused
with a message naming the file and the fix.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from accord.errors import (
    BinaryInputError,
    EmptyInputError,
    TooLargeInputError,
    UnreadableInputError,
)

DEFAULT_MAX_BYTES = 20 * 1024 * 1024  # 20 MB: far above any news article, far below RAM
# Byte-order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one).
BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# The WHATWG Encoding Standard decodes unlabelled legacy Western text as windows-1252;
# we prefer it whenever charset detection finds it as plausible as its best guess.
LEGACY_DEFAULT = "cp1252"
# Text whose characters are more than this share control codes is not prose.
MAX_CONTROL_SHARE = 0.02
# Control characters (Unicode category Cc) except the ones prose legitimately contains:
# tab, newline, vertical tab, form feed and carriage return (U+0009..U+000D).
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_SURROGATE = re.compile("[\ud800-\udfff]")
# BOM-less UTF-16 shows a NUL in every other byte for ASCII text; this share of one
# column being NUL (and none of the other) is how we recognise it.
UTF16_NUL_SHARE = 0.9

FIX_BINARY = "pass a text, HTML or JSONL file; convert documents to .txt first"
FIX_EMPTY = "remove the file or give it some text"


def read_bytes(path: Path, source: str, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The file's bytes, refusing files over ``max_bytes`` without reading them whole."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise _too_large(source, max_bytes)
        with path.open("rb") as handle:
            # stat can lie (pipes, /proc); never hold more than the limit plus one byte.
            data = handle.read(max_bytes + 1)
    except FileNotFoundError as exc:
        raise UnreadableInputError(source, "does not exist", "check the path") from exc
    except IsADirectoryError as exc:
        raise UnreadableInputError(
            source, "is a directory", "pass it to read_paths to read the files inside"
        ) from exc
    except PermissionError as exc:
        raise UnreadableInputError(
            source, "permission denied", "make the file readable (chmod +r)"
        ) from exc
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise UnreadableInputError(source, f"cannot be read: {reason}", "check the file") from exc
    if len(data) > max_bytes:
        raise _too_large(source, max_bytes)
    return data


def _too_large(source: str, max_bytes: int) -> TooLargeInputError:
    return TooLargeInputError(
        source,
        f"larger than the {max_bytes:,}-byte limit",
        "split it into one file per article, or raise max_bytes",
    )


def decode(data: bytes, source: str) -> str:
    """Decode bytes to text with ``\\n`` line endings; refuse binary and empty input."""
    if not data.strip():
        raise EmptyInputError(source, "is empty or whitespace only", FIX_EMPTY)
    text = _decode_any(data, source)
    text = normalise_newlines(text)
    check_text(text, source)
    return text


def normalise_newlines(text: str) -> str:
    """``\\r\\n`` and lone ``\\r`` become ``\\n`` (done before the text gets offsets)."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def check_text(text: str, source: str) -> None:
    """Refuse text that is whitespace only, or that has NULs or too many control codes."""
    if not text.strip():
        raise EmptyInputError(source, "is empty or whitespace only", FIX_EMPTY)
    if "\x00" in text:
        raise BinaryInputError(source, "contains NUL characters, so it is not text", FIX_BINARY)
    controls = len(_CONTROL.findall(text))
    if controls > MAX_CONTROL_SHARE * len(text):
        raise BinaryInputError(
            source, f"{controls} control characters: this looks like binary data", FIX_BINARY
        )
    if _SURROGATE.search(text):
        raise BinaryInputError(
            source, "contains unpaired surrogates, so it is not text", FIX_BINARY
        )


def _decode_any(data: bytes, source: str) -> str:
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return _strict(data[len(bom) :], encoding, source)
    if b"\x00" in data:
        utf16 = _bomless_utf16(data)
        if utf16 is None:
            raise BinaryInputError(source, "contains NUL bytes, so it is not text", FIX_BINARY)
        return _strict(data, utf16, source)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    detected = detect_encoding(data)
    if detected is None:
        raise BinaryInputError(
            source, "is not UTF-8 and no text encoding fits it", "save it as UTF-8 text"
        )
    return _strict(data, detected, source)


def _strict(data: bytes, encoding: str, source: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise BinaryInputError(
            source, f"does not decode as {encoding} at byte {exc.start}", "save it as UTF-8 text"
        ) from exc


def _bomless_utf16(data: bytes) -> str | None:
    """``utf-16-le``/``-be`` when NULs sit in one byte column only (ASCII-range UTF-16)."""
    if len(data) < 2 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    even_nuls, odd_nuls = even.count(0), odd.count(0)
    if odd_nuls >= UTF16_NUL_SHARE * len(odd) and even_nuls == 0:
        return "utf-16-le"
    if even_nuls >= UTF16_NUL_SHARE * len(even) and odd_nuls == 0:
        return "utf-16-be"
    return None


def detect_encoding(data: bytes) -> str | None:
    """charset-normalizer's guess, preferring windows-1252 among equally good guesses.

    On short Western text charset-normalizer often ranks cp1250 or mac_iceland first with the
    same "chaos" score as cp1252; the WHATWG default breaks that tie the way browsers do.
    """
    import charset_normalizer

    matches = charset_normalizer.from_bytes(data)
    best = matches.best()
    if best is None:
        return None
    for match in matches:
        if match.chaos <= best.chaos and LEGACY_DEFAULT in match.could_be_from_charset:
            return LEGACY_DEFAULT
    return str(best.encoding)
