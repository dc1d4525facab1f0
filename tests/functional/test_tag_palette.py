"""One tag palette: the annotation panel's chips and the review table's letters show
each tag in the same colour, the theme's (widgets/tag_palette.py)."""

from __future__ import annotations

from textual.color import Color
from textual.content import Content

from tests.functional.test_review import open_review
from workbench.tui.state.review_rows import COLUMNS
from workbench.tui.widgets.annotation_panel import AnnotationPanel
from workbench.tui.widgets.review_table import ReviewTable

SIZE = (120, 36)


def coloured(content: Content) -> dict[str, Color | None]:
    """Text -> its foreground colour, for each span styled by a Style (not markup)."""
    return {
        content.plain[span.start : span.end].strip(): span.style.foreground
        for span in content.spans
        if not isinstance(span.style, str)
    }


async def test_the_panel_and_the_review_table_share_one_tag_palette(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c", "a", "d")
        theme = app.theme_variables
        primary, success, error = (
            Color.parse(theme[name]) for name in ("primary", "success", "error")
        )
        chips = coloured(app.screen.query_one(AnnotationPanel).compose_panel())
        assert chips == {
            "■ claim (c)": primary,
            "■ attribution (a)": success,
            "■ denial (d)": error,
        }
        screen = await open_review(app, pilot)
        cell = screen.query_one(ReviewTable).get_row_at(0)[COLUMNS.index("tags")]
        assert coloured(cell) == {"C": primary, "A": success, "D": error}
