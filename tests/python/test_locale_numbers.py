"""Figures in a locale's shape, checked against Babel (Debian's python3-babel,
its own copy of CLDR, independent of ICU).

tests/tools/locale_numbers writes figures with skpi_format_value() and a
locale. Here the same figures are laid out by Babel from the locale's CLDR
patterns: the decimal pattern for counts and ratios, the percent pattern
for percents (the value is already in percent), the currency pattern with
the ISO code for amounts. The library rounds half away from zero on the
figure's decimal digits in every locale, so the expected digits are
rounded the same way here (Decimal, ROUND_HALF_UP) before Babel lays them
out; a signed figure gets '+' before a positive value in every locale.
"""
import os
import subprocess
from decimal import Decimal, ROUND_HALF_UP

import pytest

babel = pytest.importorskip("babel")
from babel import Locale  # noqa: E402
from babel.numbers import parse_pattern  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TOOL = os.environ.get("SKPI_LOCALE_NUMBERS", os.path.join(ROOT, "build", "tests", "locale_numbers"))

COUNT, PERCENT, RATIO, CURRENCY = 0, 1, 2, 3
LOCALES = ["de-DE", "fr-FR", "en-US", "de-CH", "es-ES", "ja-JP"]
VALUES = [0, 1, 12.5, 99.94, 1234.5, 1234567.25, -1234.5, 0.05, 98765.4321, -0.04]


def run(cases):
    text = "".join("%s %d %r %d %s\n" % c for c in cases)
    out = subprocess.run([TOOL], input=text, check=True, capture_output=True, text=True).stdout
    return out.splitlines()


def rounded(value, decimals):
    return Decimal(repr(value)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def count_decimals(value):
    """Counts: whole from 100 on, one decimal below unless it is zero."""
    if abs(value) >= 99.95:
        return 0
    return 0 if rounded(value, 1) == rounded(value, 1).to_integral_value() else 1


def expected(tag, unit, value, signed, currency):
    loc = Locale.parse(tag, sep="-")
    if unit == PERCENT:
        dec = 2
        pattern = parse_pattern(loc.percent_formats[None].pattern)
        number = rounded(value, dec) / 100
    elif unit == CURRENCY:
        dec = 2
        pattern = parse_pattern(loc.currency_formats["standard"].pattern)
        number = rounded(value, dec)
    else:
        dec = 2 if unit == RATIO else count_decimals(value)
        pattern = parse_pattern(loc.decimal_formats[None].pattern)
        number = rounded(value, dec)
    pattern.frac_prec = (dec, dec)
    if number == 0:
        number = abs(number)  # "-0.0" is written as 0
    text = pattern.apply(number, loc, currency=currency) if unit == CURRENCY else pattern.apply(number, loc)
    if signed and number > 0:
        text = "+" + text
    return text


@pytest.mark.parametrize("tag", LOCALES)
def test_shapes_match_cldr(tag):
    cases = []
    for unit in (COUNT, PERCENT, RATIO, CURRENCY):
        for value in VALUES:
            for signed in (0, 1):
                cases.append((tag, unit, value, signed, "EUR" if unit == CURRENCY else "-"))
    got = run(cases)
    assert len(got) == len(cases)
    for case, text in zip(cases, got):
        assert text == expected(*case), case


def test_hand_worked_shapes():
    """The strings the issue names, written out by hand from CLDR's rules:
    de-DE groups with '.', decimals after ','; fr-FR groups with U+202F
    NARROW NO-BREAK SPACE; both put U+00A0 NO-BREAK SPACE before '%' and '€'."""
    got = run([("de-DE", RATIO, 1234.5, 0, "-"), ("fr-FR", RATIO, 1234.5, 0, "-"),
               ("de-DE", COUNT, 12.5, 0, "-"), ("de-DE", PERCENT, 4.25, 0, "-"),
               ("fr-FR", CURRENCY, 1234.5, 0, "EUR"), ("de-DE", PERCENT, 23.45, 1, "-"),
               ("de-CH", CURRENCY, -1234.5, 1, "EUR"), ("-", RATIO, 1234.5, 0, "-")])
    assert got == ["1.234,50", "1\u202f234,50", "12,5", "4,25\u00a0%", "1\u202f234,50\u00a0\u20ac",
                   "+23,45\u00a0%", "EUR-1\u2019234.50", "1,234.50"]


def test_unknown_locale_is_refused():
    got = run([("xx-YY", COUNT, 1, 0, "-"), ("de-DE/x", COUNT, 1, 0, "-")])
    assert got == ["ERR -1", "ERR -1"]  # SKPI_EINVAL
