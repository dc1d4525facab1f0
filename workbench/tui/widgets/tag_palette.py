"""One colour per tag, for every widget that shows tags.

The annotation panel's chips and the review table's letters once chose their colours
apart and disagreed ($primary/$success/$error beside blue/green/red). Each such widget
now declares the component classes `TAG_CLASSES` and puts `tag_rules(...)` in its
DEFAULT_CSS, so the colours are written here once, as theme variables (a theme recolours
them all); how a widget shows a tag (a reversed chip, a bold letter) stays its choice,
passed to `tag_styles`.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

from textual.color import Color
from textual.style import Style
from textual.widget import Widget

from workbench.core.annotation import TAGS

TAG_COLOURS: Mapping[str, str] = {
    "claim": "$primary",
    "attribution": "$success",
    "denial": "$error",
}
TagStyles = Mapping[str, Style]
"""Tag -> how a widget shows it, resolved on the UI thread: a value a worker may use."""


def tag_class(tag: str) -> str:
    """The component class of a tag's colour ("tag--claim")."""
    return f"tag--{tag}"


TAG_CLASSES: frozenset[str] = frozenset(tag_class(tag) for tag in TAGS)


def tag_rules(widget: str) -> str:
    """The DEFAULT_CSS rules giving `widget`'s tag component classes the palette."""
    return "\n".join(
        f"{widget} > .{tag_class(tag)} {{ color: {colour}; }}"
        for tag, colour in TAG_COLOURS.items()
    )


def tag_styles(widget: Widget, *, bold: bool = True, reverse: bool = False) -> TagStyles:
    """Each tag's style in `widget`: the palette's colour (its component class, so the
    theme's) as text, or behind the text when `reverse`. Read on every keystroke, so
    from Textual's cache of component styles, and one Style per colour and look."""
    return {
        tag: _look(widget.get_visual_style(tag_class(tag), partial=True).foreground, bold, reverse)
        for tag in TAGS
    }


@lru_cache(maxsize=64)
def _look(colour: Color | None, bold: bool, reverse: bool) -> Style:
    return Style(foreground=colour, bold=bold, reverse=reverse)
