"""Axes every chart shares: amounts that read "0", "20k", "1.5M", and ticks that never touch.

Vega's own ``~s`` axis format gives every tick the prefix of the largest one, so zero reads
"0k" and 200,000 reads "0.2M". :data:`AMOUNT_LABELS` formats each tick on its own instead:
"0" at zero, whole numbers below a thousand, "48k", "1.5M" and "2B" above.

A chart's SVG is laid out by the engine that draws it (vl-convert for the report and the PNG
files) and then shown in a browser whose font may be wider, so ticks are kept few
(:data:`TICKS`) and at least :data:`LABEL_GAP` pixels apart; labels that would still touch
are dropped (``labelOverlap``), never drawn over each other ("48k50k").
"""

from __future__ import annotations

from typing import Any

import altair as alt

#: Vega expression of one tick's label: "0", "950", "48k", "1.5M", "2B" (never "0k" or "0.2M").
AMOUNT_LABELS = (
    "abs(datum.value) < 1000 ? format(datum.value, ',~r') "
    ": replace(format(datum.value, '~s'), 'G', 'B')"
)

#: Most ticks on a quantitative axis: about one every 80-100 px of a chart 640 px wide.
TICKS = 7

#: Fewest pixels between two tick labels.
LABEL_GAP = 8


def amount_axis(**properties: Any) -> alt.Axis:
    """An axis of money or counts: labels from :data:`AMOUNT_LABELS`, few ticks, never touching.

    ``properties`` are any other ``alt.Axis`` settings (title colour, grid …).
    """
    return alt.Axis(labelExpr=AMOUNT_LABELS, **_spaced(properties))


def hours_axis(**properties: Any) -> alt.Axis:
    """An axis of hours with thousands separators ("1,200"), few ticks, never touching."""
    return alt.Axis(format=",~r", **_spaced(properties))


def _spaced(properties: dict[str, Any]) -> dict[str, Any]:
    return {
        "tickCount": TICKS,
        "labelOverlap": True,
        "labelSeparation": LABEL_GAP,
        "labelFlush": True,
        **properties,
    }
