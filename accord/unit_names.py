"""The names of units and currencies: a symbol, code or word → one singular unit name.

Pure string tables (no spaCy, outside ``accord.extract`` so that the renderers can read them
without loading a model), shared by the quantity reader (:mod:`accord.extract.numbers`
drops currency signs and accepts a unit glued to a numeral) and the unit reader around a number
(:mod:`accord.extract.units`), so "km", "kilometres" and "kilometre" are one unit everywhere.
"""

from __future__ import annotations

import re

# Symbol or word → singular unit name (SI / ISO 4217 names, as unit catalogues such as UCUM
# and quantulum's write them).
CURRENCY_SYMBOLS: dict[str, str] = {
    "$": "dollar",
    "us$": "dollar",
    "usd": "dollar",
    "c$": "canadian dollar",
    "a$": "australian dollar",
    "hk$": "hong kong dollar",
    "nz$": "new zealand dollar",
    "€": "euro",
    "eur": "euro",
    "£": "pound sterling",
    "gbp": "pound sterling",
    "¥": "japanese yen",
    "rm": "malaysian ringgit",
    "rs": "indian rupee",
    "₹": "indian rupee",
    "₪": "shekel",
    "nis": "shekel",
}
# Currency written against the number ("USD25m", "$US75", "HK$900", "RM12.90"): ISO 4217
# codes and the symbol forms of news wires. "PS" and "Y=" are how the ASCII transliteration
# of text (unidecode and wire feeds) writes "£" and "¥".
CURRENCY_PREFIXES: dict[str, str] = {
    "US$": "dollar",
    "$US": "dollar",
    "USD": "dollar",
    "$": "dollar",
    "A$": "australian dollar",
    "AU$": "australian dollar",
    "$A": "australian dollar",
    "AUD": "australian dollar",
    "C$": "canadian dollar",
    "$C": "canadian dollar",
    "CAD": "canadian dollar",
    "HK$": "hong kong dollar",
    "HKD": "hong kong dollar",
    "NZ$": "new zealand dollar",
    "$NZ": "new zealand dollar",
    "NZD": "new zealand dollar",
    "S$": "singapore dollar",
    "SGD": "singapore dollar",
    "€": "euro",
    "EUR": "euro",
    "£": "pound sterling",
    "PS": "pound sterling",
    "GBP": "pound sterling",
    "¥": "japanese yen",
    "Y=": "japanese yen",
    "JPY": "japanese yen",
    "CNY": "chinese yuan",
    "RMB": "chinese yuan",
    "₹": "indian rupee",
    "INR": "indian rupee",
    "Rs": "indian rupee",
    "Rs.": "indian rupee",
    "₪": "shekel",
    "ILS": "shekel",
    "CHF": "swiss franc",
    "RM": "malaysian ringgit",
    "MYR": "malaysian ringgit",
    "ZAR": "south african rand",
}
_GLUED_CURRENCY = re.compile(
    "^("
    + "|".join(re.escape(p) for p in sorted(CURRENCY_PREFIXES, key=len, reverse=True))
    + r")(?=[-−]?\.?\d)"
)


def split_currency(word: str) -> tuple[str | None, str]:
    """``"USD25m"`` → ("dollar", "25m"); ``"PS40"`` → ("pound sterling", "40");
    a word without a currency written against a digit comes back unchanged."""
    match = _GLUED_CURRENCY.match(word)
    if not match:
        return None, word
    return CURRENCY_PREFIXES[match.group(1)], word[match.end() :]


CURRENCY_WORDS: dict[str, str] = {
    "dollar": "dollar",
    "euro": "euro",
    "pound": "pound sterling",
    "yen": "japanese yen",
    "yuan": "chinese yuan",
    "renminbi": "chinese yuan",
    "rupee": "indian rupee",
    "ringgit": "malaysian ringgit",
    "shekel": "shekel",
    "cent": "cent",
    "pence": "penny",
    "p": "penny",  # "212p": share prices in pence (UK)
    "penny": "penny",
    "franc": "swiss franc",
    "won": "south korean won",
    "ruble": "ruble",
    "rouble": "ruble",
    "peso": "peso",
    "krona": "swedish krona",
    "krone": "danish krone",
    "crown": "danish krone",
    "rand": "south african rand",
    "dirham": "dirham",
    "sen": "sen",
}
MEASUREMENT_UNITS: dict[str, str] = {
    "km": "kilometre",
    "kilometer": "kilometre",
    "kilometre": "kilometre",
    "m": "metre",
    "meter": "metre",
    "metre": "metre",
    "cm": "centimetre",
    "mm": "millimetre",
    "millimeter": "millimetre",
    "millimetre": "millimetre",
    "centimeter": "centimetre",
    "centimetre": "centimetre",
    "μm": "micrometre",
    "µm": "micrometre",
    "micrometer": "micrometre",
    "micrometre": "micrometre",
    "nanometer": "nanometre",
    "nanometre": "nanometre",
    "m2": "square metre",
    "km2": "square kilometre",
    "mile": "mile",
    "yard": "yard",
    "foot": "foot",
    "feet": "foot",
    "ft": "foot",
    "inch": "inch",
    "kg": "kilogram",
    "kilogram": "kilogram",
    "g": "gram",
    "gram": "gram",
    "lb": "pound-mass",
    "lbs": "pound-mass",
    "ton": "ton",
    "tonne": "metric ton",
    "mg": "milligram",
    "milligram": "milligram",
    "oz": "ounce",
    "ounce": "ounce",
    "pint": "pint",
    "quart": "quart",
    "gigatonne": "gigaton",
    "mph": "mile per hour",
    "m.p.h": "mile per hour",
    "m.p.h.": "mile per hour",
    "knot": "knot",
    "kt": "knot",
    "km/h": "kilometre per hour",
    "kph": "kilometre per hour",
    "hp": "horsepower",
    "bhp": "brake horsepower",
    "ps": "horsepower",
    "gb": "gigabyte",
    "tb": "terabyte",
    "mb": "megabyte",
    "kw": "kilowatt",
    "kwh": "kilowatt hour",
    "mw": "megawatt",
    "gw": "gigawatt",
    "mwh": "megawatt hour",
    "gwh": "gigawatt hour",
    "twh": "terawatt hour",
    "v": "volt",
    "volt": "volt",
    "kv": "kilovolt",
    "pa": "pascal",
    "kpa": "kilopascal",
    "mpa": "megapascal",
    "gpa": "gigapascal",
    "megapascal": "megapascal",
    "gigapascal": "gigapascal",
    "ksi": "kilopound per square inch",
    "w": "watt",
    "watt": "watt",
    "kilowatt": "kilowatt",
    "megawatt": "megawatt",
    "gigawatt": "gigawatt",
    "hz": "hertz",
    "ghz": "gigahertz",
    "mhz": "megahertz",
    "khz": "kilohertz",
    "mah": "milliampere-hour",
    "nm": "newton metre",
    "pound-feet": "pound-foot",
    "pound-foot": "pound-foot",
    "lb-ft": "foot pound-force",
    "mpg": "mile per gallon",
    "rpm": "revolutions per minute",
    "mbps": "megabit per second",
    "litre": "litre",
    "liter": "litre",
    "l": "litre",
    "ml": "millilitre",
    "gallon": "gallon",
    "barrel": "barrel",
    "acre": "acre",
    "hectare": "hectare",
    "degree": "degree",
    "celsius": "celsius",
    "fahrenheit": "fahrenheit",
    "degf": "fahrenheit",
    "degc": "celsius",
    "°f": "fahrenheit",
    "°c": "celsius",
    "deg": "degree",
    "point": "point",
    "pc": "percentage",
    "basis point": "basis point",
    "bps": "basis point",
    "ppb": "parts-per-billion",
    "ppm": "parts-per-million",
    "decibel": "decibel",
    "db": "decibel",
    "minute": "minute",
    "min": "minute",
    "second": "second",
    "sec": "second",
    "hour": "hour",
    "hr": "hour",
    "h": "hour",
    "day": "day",
    "week": "week",
    "month": "month",
    "year": "year",
    "decade": "decade",
    "time": "count",
    "fold": "count",
}
DURATION_UNITS = frozenset(
    {"second", "minute", "hour", "day", "week", "month", "year", "decade", "century"}
)


def unit_name(word: str) -> str | None:
    """``"US$"`` → dollar, ``"mph"`` → mile per hour, ``"kilometres"`` → kilometre."""
    key = word.lower().strip()
    for table in (CURRENCY_SYMBOLS, MEASUREMENT_UNITS, CURRENCY_WORDS):
        if key in table:
            return table[key]
    singular = key[:-2] if key.endswith(("ches", "shes", "xes")) else key.rstrip("s")
    for table in (MEASUREMENT_UNITS, CURRENCY_WORDS):
        if singular in table and len(singular) > 2:
            return table[singular]
    return None
