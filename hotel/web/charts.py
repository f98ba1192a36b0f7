"""Small bar charts drawn on the server as SVG: no script, readable in black and white.

Each bar has its own row: the label on a line of its own, the bar below it, and the
value just past the bar's end, so that labels and numbers never overlap, whatever
their length. Right-to-left pages get the mirror image: bars grow from the right.
"""

from collections.abc import Sequence

from markupsafe import Markup, escape

WIDTH = 480  # narrow, so that on a phone the text shrinks little
PADDING = 8
ROW = 46  # label line, bar, gap
BAR = 14
FONT = 15
INK = "#1d2a33"  # text and bars: dark on white, so a grey-scale print keeps them apart


def text_width(text: str) -> float:
    """Estimate the drawn width of a text at the chart's font size (wide for CJK)."""
    return sum(FONT if ord(char) >= 0x2E80 else FONT * 0.6 for char in text)


def fit(text: str, room: float) -> str:
    """Shorten a text with an ellipsis so that it fits in ``room``."""
    if text_width(text) <= room:
        return text
    while text and text_width(text + "…") > room:
        text = text[:-1]
    return text.rstrip() + "…"


def bar_chart(labels: Sequence[str], values: Sequence[float], *, title: str,
              shown: Sequence[str] | None = None, chart_id: str = "chart",
              rtl: bool = False, description: str = "") -> Markup:
    """Return an SVG bar chart: one row per label, bars as long as the values.

    ``shown`` are the values as the reader should read them (formatted for the locale);
    ``title`` and ``description`` name the chart for screen readers.
    """
    shown = list(shown) if shown is not None else [str(value) for value in values]
    numbers = [max(float(value or 0), 0.0) for value in values]
    largest = max(numbers, default=0) or 1.0
    inner = WIDTH - 2 * PADDING
    reserve = min(max((text_width(text) for text in shown), default=0) + 8, inner / 2)
    track = inner - reserve
    height = PADDING * 2 + ROW * len(labels)
    parts = [
        f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" role="img" '
        f'viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" '
        f'aria-labelledby="{chart_id}-title{f" {chart_id}-desc" if description else ""}" '
        f'font-size="{FONT}" fill="{INK}" direction="{"rtl" if rtl else "ltr"}">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
    ]
    if description:
        parts.append(f'<desc id="{chart_id}-desc">{escape(description)}</desc>')

    # The svg states its direction (else it inherits the page's), so that "start" is
    # the left edge in left-to-right and the right edge in right-to-left, and bidi text
    # (Arabic with digits) is laid out in the right base direction.
    for row, (label, number, text) in enumerate(zip(labels, numbers, shown, strict=True)):
        length = round(track * number / largest, 1)
        parts.append(_bar_row(PADDING + row * ROW, label, text, length, inner, rtl))
    parts.append("</svg>")
    return Markup("".join(parts))  # noqa: S704 - every text in it went through escape()


def _bar_row(top: float, label: str, text: str, length: float, inner: float,
             rtl: bool) -> str:
    """Return one row of a bar chart: its label above, the bar, and the value after it."""

    def x(at: float) -> float:  # a distance from the start side, in page coordinates
        return round(WIDTH - PADDING - at if rtl else PADDING + at, 1)

    bar_top = top + FONT + 5
    parts = [f'<g><title>{escape(label)}: {escape(text)}</title>',
             f'<text x="{x(0)}" y="{top + FONT}" text-anchor="start">'
             f'{escape(fit(label, inner))}</text>',
             f'<line x1="{x(0)}" x2="{x(0)}" y1="{bar_top - 2}" '
             f'y2="{bar_top + BAR + 2}" stroke="{INK}"/>']
    if length:
        parts.append(f'<rect x="{x(length) if rtl else x(0)}" y="{bar_top}" '
                     f'width="{length}" height="{BAR}" fill="{INK}"/>')
    parts.append(f'<text x="{x(length + 6)}" y="{bar_top + BAR - 2}" '
                 f'text-anchor="start" font-weight="bold">{escape(text)}</text>')
    parts.append("</g>")
    return "".join(parts)
