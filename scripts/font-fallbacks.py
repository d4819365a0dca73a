#!/usr/bin/env python3
"""Prints the metric overrides of the fallback fonts in style/main.css.

Until Titillium Web has arrived, text is set in a system font scaled so that
it takes the same width and height, and the swap moves nothing. size-adjust
is the ratio of average advance widths, weighted by how often each character
appears in the portal's own Italian texts (app/locales/it.json); regular
against Titillium 400, bold against the mean of 600 and 700. The ascent and
descent overrides are Titillium's (1.133 and 0.388 em) over size-adjust.

    pip install fonttools brotli
    apt-get install fonts-liberation fonts-roboto-unhinted fonts-dejavu-core
    python3 scripts/font-fallbacks.py
"""
import collections
import json
from pathlib import Path

from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parent.parent
SYSTEM = Path("/usr/share/fonts/truetype")
FALLBACKS = {
    "Arial": ("liberation/LiberationSans-Regular.ttf", "liberation/LiberationSans-Bold.ttf"),
    "Roboto": ("roboto/unhinted/RobotoTTF/Roboto-Regular.ttf", "roboto/unhinted/RobotoTTF/Roboto-Bold.ttf"),
    "DejaVu": ("dejavu/DejaVuSans.ttf", "dejavu/DejaVuSans-Bold.ttf"),
}


def texts(tree):
    for value in tree.values():
        if isinstance(value, dict):
            yield from texts(value)
        else:
            yield value


def average_width(font, frequency):
    cmap, hmtx, em = font.getBestCmap(), font["hmtx"], font["head"].unitsPerEm
    total = count = 0
    for char, n in frequency.items():
        glyph = cmap.get(ord(char))
        if glyph is not None:
            total += hmtx[glyph][0] / em * n
            count += n
    return total / count


def main():
    locale = json.loads((ROOT / "app/locales/it.json").read_text())
    frequency = collections.Counter("".join(texts(locale)))
    titillium = {
        weight: TTFont(ROOT / f"public/fonts/titillium-web-latin-{weight}-normal.woff2")
        for weight in (400, 600, 700)
    }
    em = titillium[400]["head"].unitsPerEm
    ascent = titillium[400]["hhea"].ascent / em
    descent = -titillium[400]["hhea"].descent / em
    width = {w: average_width(f, frequency) for w, f in titillium.items()}
    for name, (regular, bold) in FALLBACKS.items():
        regular = average_width(TTFont(SYSTEM / regular), frequency)
        bold = average_width(TTFont(SYSTEM / bold), frequency)
        for label, adjust in (
            ("regular", width[400] / regular),
            ("bold", (width[600] / bold + width[700] / bold) / 2),
        ):
            print(
                f"{name} {label}: size-adjust {adjust * 100:.1f}%; "
                f"ascent-override {ascent / adjust * 100:.1f}%; "
                f"descent-override {descent / adjust * 100:.1f}%"
            )


if __name__ == "__main__":
    main()
