"""The annotate screen: one sentence at a time, one decision per keystroke."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.css.query import NoMatches
from textual.screen import Screen
from textual.validation import Integer
from textual.widgets import Static
from textual.worker import get_current_worker

from store import Change, DecisionChange, ServerError, StoreError
from workbench.core.analysis.suggestions.speaker import guess_source
from workbench.core.analysis.suggestions.suggest import Suggestion
from workbench.core.annotation import STATUSES, Annotation, status_words
from workbench.core.corpus.articles import Article
from workbench.core.corpus.titles import shorten
from workbench.core.terminal_text import name_displayable
from workbench.tui.hand_back import hand_back
from workbench.tui.literal import literal
from workbench.tui.screens.articles import ArticleListScreen
from workbench.tui.screens.choice import ChoicePrompt
from workbench.tui.screens.help import show_help
from workbench.tui.screens.prompt import (
    TextPrompt,
    note_prompt,
    source_prompt,
    too_long_to_edit,
)
from workbench.tui.server_link import ServerUnreachable
from workbench.tui.state.session import AnnotationSession
from workbench.tui.state.step_words import take_step
from workbench.tui.state.workspace import Subscription, Workspace, WorkspaceChange
from workbench.tui.typeahead import open_prompt
from workbench.tui.widgets.annotation_panel import AnnotationPanel
from workbench.tui.widgets.fitted_footer import FittedFooter
from workbench.tui.widgets.sentence_view import SentenceView
from workbench.tui.widgets.suggestion_marks import (
    Standing,
    SuggestionLine,
    sentence_marks,
    suggestion_line,
)


def _binding(keys: str, action: str, label: str, help: str, id: str, show: bool = True) -> Binding:
    """A remappable binding: `label` for the footer, `help` for the help screen.

    Every one is a priority binding: it runs as its key is read, before the next key,
    so in a burst `c s` the claim is saved before the source prompt opens, and the keys
    typed after a prompt key reach the prompt (workbench.tui.typeahead)."""
    return Binding(keys, action, label, show=show, id=id, tooltip=help, priority=True)


ANNOTATE_BINDINGS: list[BindingType] = [
    _binding(
        "j,down",
        "step(1)",
        "Next",
        "Next sentence (into the next article at the end)",
        "next_sentence",
    ),
    _binding("k,up", "step(-1)", "Prev", "Previous sentence", "previous_sentence"),
    _binding("J", "step_article(1)", "Next article", "Next article", "next_article", False),
    _binding(
        "K", "step_article(-1)", "Prev article", "Previous article", "previous_article", False
    ),
    _binding("n", "next_untagged", "Untagged", "Next sentence with no tags", "next_untagged"),
    _binding(
        "g", "go_to_sentence", "Go to", "Go to sentence number (from 1)", "go_to_sentence", False
    ),
    _binding("c", "toggle_tag('claim')", "Claim", "Toggle claim", "toggle_claim"),
    _binding(
        "a", "toggle_tag('attribution')", "Attrib", "Toggle attribution", "toggle_attribution"
    ),
    _binding("d", "toggle_tag('denial')", "Denial", "Toggle denial", "toggle_denial"),
    _binding("x", "clear_tags", "Clear", "Clear all tags of the sentence", "clear_tags", False),
    _binding(
        "enter",
        "accept_suggestion",
        "Accept",
        "Accept the suggestion (tags and source) and go to the next sentence",
        "accept_suggestion",
        False,
    ),
    _binding(
        "C",
        "tag_and_advance('claim')",
        "Claim+next",
        "Set claim and go to the next sentence",
        "claim_and_next",
        False,
    ),
    _binding(
        "A",
        "tag_and_advance('attribution')",
        "Attribution+next",
        "Set attribution and go to the next sentence",
        "attribution_and_next",
        False,
    ),
    _binding(
        "D",
        "tag_and_advance('denial')",
        "Denial+next",
        "Set denial and go to the next sentence",
        "denial_and_next",
        False,
    ),
    _binding(
        "s", "edit_source", "Source", "Source: who says it (pre-filled with a guess)", "edit_source"
    ),
    _binding("e", "edit_note", "Note", "Edit the note", "edit_note"),
    _binding("v", "pick_status", "Status", "Verification status", "pick_status"),
    _binding(
        "y",
        "confirm_anchor",
        "Confirm",
        "Confirm that a moved annotation belongs to this sentence",
        "confirm_anchor",
        False,
    ),
    _binding("u", "undo", "Undo", "Undo the last change (any article)", "undo", False),
    _binding("ctrl+r", "redo", "Redo", "Redo", "redo", False),
    _binding(
        "slash", "search", "Search", "Fuzzy search all sentences; Enter jumps there", "search"
    ),
    _binding("o", "articles", "Articles", "Article list with progress; Enter opens", "articles"),
    _binding("r", "review", "Review", "Review tagged sentences across articles", "review"),
    _binding("S", "summary", "Summary", "Summary: articles, sources, claim ledger", "summary"),
    _binding("question_mark", "help", "Help", "This help", "help"),
    _binding("q", "app.quit", "Quit", "Quit (everything is already saved)", "quit"),
]

FOOTER_RANK = (
    "help",
    "quit",
    "toggle_claim",
    "toggle_attribution",
    "toggle_denial",
    "edit_source",
    "pick_status",
    "review",
    "summary",
    "edit_note",
    "search",
    "next_sentence",
    "previous_sentence",
    "next_untagged",
    "articles",
)
"""Footer keys by need: a narrow terminal drops them from the end, and `?` (which lists them
all) then says "Keys". The keys that record a judgement and reach review and summary
come before j/k, which a newcomer finds anyway (arrows work too; qa9 Q22)."""
FOOTER_CROWDED = "Keys"


class AnnotateScreen(Screen[None]):
    """Shows the current sentence in context and its annotation; every key is one decision."""

    BINDINGS: ClassVar[list[BindingType]] = ANNOTATE_BINDINGS

    def __init__(self, workspace: Workspace, session: AnnotationSession) -> None:
        """`session`: where the analyst is in the workspace's corpus (the app keeps it)."""
        super().__init__()
        self.workspace = workspace
        self.session = session
        self.last_error = ""
        self.history_asked = False
        self.subscription: Subscription | None = None

    def compose(self) -> ComposeResult:
        yield Static("", id="title-line", markup=False)
        yield Static("", id="position-line", markup=False)
        yield SentenceView(id="sentence-view")
        yield AnnotationPanel(id="annotation-panel", tag_keys=self.tag_keys())
        actions = {binding.id: binding.action for binding in ANNOTATE_BINDINGS}  # type: ignore[union-attr]
        yield FittedFooter([actions[id] for id in FOOTER_RANK], crowded=FOOTER_CROWDED)

    def on_mount(self) -> None:
        self.subscription = self.workspace.subscribe(self.workspace_changed)
        self.refresh_view()

    def on_unmount(self) -> None:
        if self.subscription is not None:
            self.subscription.close()

    def workspace_changed(self, change: WorkspaceChange) -> None:
        """Show every change to annotations, whichever screen made it; a screen above
        this one leaves it to on_screen_resume (which counts again anyway)."""
        if change.annotations and self.is_current:
            self.refresh_view()

    def on_screen_resume(self) -> None:
        """Back from review, summary or a prompt: they may have changed annotations."""
        self.session.forget_counts()
        self.refresh_view()

    # -- rendering ------------------------------------------------------------------
    def refresh_view(self) -> None:
        """Show the session's current place; called after every move or change. A
        database server that cannot be reached leaves the panel saying so. Nothing when
        the screen is not (or no longer) composed: a worker's answer or a change notice
        can arrive while the app is taking the screen down."""
        try:
            view, panel = self.query_one(SentenceView), self.query_one(AnnotationPanel)
        except NoMatches:
            return
        try:
            self.show_place(view, panel)
        except ServerError as error:
            panel.show(
                None,
                saved=False,
                error=self.last_error,
                unread="server unreachable, this sentence's annotation is shown when it is back",
            )
            self.show_position("server unreachable: counts shown when it is back")
            self.post_message(ServerUnreachable(error))

    def show_position(self, progress: str) -> None:
        """The title and position lines: whose work, where the cursor is, then
        `progress`. Drawn before anything is read from the store, so that they follow
        the cursor while the team's server is away (qa7 Q10 i: `j` moved the highlight,
        the header kept the sentence before)."""
        session, corpus = self.session, self.workspace.corpus
        article, sentences = session.article, session.sentences
        position = (
            f"article {session.place.article + 1}/{len(corpus)}, "
            f"sentence {session.place.sentence + 1 if sentences else 0}/{len(sentences)}"
        )
        title = (  # whose tags are counted and shown first (qa14 Q11: nothing said whose)
            literal(f"{self.workspace.store.annotator} │ ", "$accent", single_line=True)
            + literal(f"{corpus.name} │ ", "$text-muted", single_line=True)
            + literal(article.title, "bold", single_line=True)
        )
        if self.workspace.read_only:
            title = literal("read-only │ ", "bold $warning", single_line=True) + title
        self.query_one("#title-line", Static).update(title)
        self.query_one("#position-line", Static).update(f"{position} │ {progress}")

    def show_place(self, view: SentenceView, panel: AnnotationPanel) -> None:
        session = self.session
        article = session.article
        sentences = session.sentences
        suggestions = session.suggestions
        if suggestions.wanted(article):
            self.compute_suggestions(article)
        suggestion = session.suggestion
        sentence = session.sentence
        lowest = suggestions.settings.lowest_score
        marks = sentence_marks(suggestion, sentence, lowest) if sentence is not None else []
        view.show(article, session.place.sentence, marks)
        self.show_position("…")
        annotation = session.look()
        anchors = self.workspace.anchors
        unstored = annotation is not None and not anchors.is_stored(article, annotation)
        tagged = None if annotation is None else anchors.as_tagged(article, annotation)
        if annotation is not None and annotation.anchor_state == "check" and tagged is None:
            self.read_history()
        panel.show(
            annotation,
            saved=annotation is not None and not unstored,
            error=self.last_error,
            unstored=unstored,
            tagged=tagged,
            history_read=anchors.history_read,
            suggested=self.suggestion_line(suggestion),
        )
        self.show_position(
            f"tagged {session.tagged_in_article()}/{len(sentences)} here, "
            f"{session.tagged_in_corpus()}{self.corpus_total()} in corpus"
        )
        notice = self.workspace.anchors.arrival_notice(article)
        if notice is not None:
            self.notify(
                f"{notice}. Review them with r, then f: anchoring.",
                title="Changed since it was annotated",
                severity="warning",
                markup=False,
            )

    def suggestion_line(self, suggestion: Suggestion | None) -> SuggestionLine | None:
        """The panel's suggestion line; None when suggestions are off."""
        suggestions = self.session.suggestions
        if not suggestions.enabled:
            return None
        if not suggestions.is_ready(self.session.article):
            return SuggestionLine(Content("suggested …").stylize("$text-muted"))  # the worker
        key = self.first_key("accept_suggestion")
        standing: Standing = "offered"
        if self.session.holds_suggestion:
            standing = "held"
        elif self.session.keeps_own_judgement:
            standing = "overruled"
        elif self.session.keeps_own_source:
            standing = "source kept"
        return suggestion_line(suggestion, suggestions.settings.lowest_score, key, standing)

    @work(thread=True, group="suggestions", description="suggest tags")
    def compute_suggestions(self, article: Article) -> None:
        """The article's suggestions, off the UI thread (a few milliseconds); then the
        next article's, so that stepping into it finds them ready."""
        try:
            found = self.session.suggestions.compute(article)
        except Exception as error:  # a suggester's bug must not end the analyst's session
            hand_back(self, self.suggestions_failed, article, error)
            return
        hand_back(self, self.suggestions_ready, article, found)

    def suggestions_failed(self, article: Article, error: Exception) -> None:
        """Say so once; the article is shown without suggestions (not asked again)."""
        self.session.suggestions.keep(article, ())
        self.notify(
            f"No suggestions for “{shorten(article.title)}”: {type(error).__name__}: {error}",
            title="Suggestions",
            severity="warning",
            markup=False,
        )

    def suggestions_ready(self, article: Article, found: tuple[Suggestion, ...]) -> None:
        self.session.suggestions.keep(article, found)
        if self.session.article is not article:
            return  # the next article's, asked for ahead: nothing to show yet
        if self.is_current:
            self.refresh_view()
        following = self.workspace.corpus.articles
        number = self.session.place.article + 1
        if number < len(following) and self.session.suggestions.wanted(following[number]):
            self.compute_suggestions(following[number])

    def read_history(self) -> None:
        """Learn, once, how annotations stored to check were tagged."""
        if not self.history_asked:
            self.history_asked = True
            self.read_history_in_background()

    @work(thread=True, group="history", description="read the history")
    def read_history_in_background(self) -> None:
        """How the annotations to check were tagged, when the panel first shows one this
        session's re-anchoring did not place (stored earlier): read from the history."""
        if self.workspace.anchors.read_history() and not get_current_worker().is_cancelled:
            hand_back(self, self.history_read)

    def history_read(self) -> None:
        if self.is_current:
            self.refresh_view()

    def corpus_total(self) -> str:
        total = self.workspace.sentence_total
        return f"/{total}" if total else ""

    # -- writing ----------------------------------------------------------------------
    def write(self, change: Callable[[], Annotation | None]) -> bool:
        """Run one store write; show 'saved' only when it is on disk, else the reason.
        A saved change is shown as the workspace announces it (workspace_changed)."""
        self.last_error = ""
        try:
            change()
        except StoreError as error:
            self.last_error = str(error)
            self.notify(str(error), title="Not saved", severity="error", markup=False)
            self.refresh_view()
            return False
        return True

    def has_sentence(self) -> bool:
        if self.session.sentence is None:
            self.notify("This article has no sentences.", severity="warning")
            return False
        return True

    # -- actions ----------------------------------------------------------------------
    def action_step(self, delta: int) -> None:
        if self.session.step(delta):
            self.last_error = ""
            self.refresh_view()
        else:
            self.notify("End of the corpus." if delta > 0 else "Start of the corpus.")

    def action_step_article(self, delta: int) -> None:
        if self.session.step_article(delta):
            self.last_error = ""
            self.refresh_view()
            self.say_article_changed_on_disk()
        else:
            self.notify("This is the last article." if delta > 0 else "This is the first article.")

    def action_next_untagged(self) -> None:
        if self.session.next_untagged():
            self.refresh_view()
        else:
            self.notify("Every sentence is tagged.")

    async def action_go_to_sentence(self) -> None:
        count = len(self.session.sentences)
        if not count:
            self.has_sentence()
            return

        def go(answer: str | None) -> None:
            if answer:
                self.session.go(self.session.place.article, int(answer) - 1)
                self.refresh_view()

        await open_prompt(
            self.app,
            TextPrompt(
                f"Go to sentence (1–{count})",
                validators=[Integer(minimum=1, maximum=count)],
                hint="Enter jumps · Escape cancels",
            ),
            go,
        )

    def action_toggle_tag(self, tag: str) -> None:
        if self.has_sentence():
            self.write(lambda: self.session.toggle(tag))

    def action_tag_and_advance(self, tag: str) -> None:
        if self.has_sentence() and self.write(lambda: self.session.set_tag(tag)):
            self.action_step(1)

    def action_accept_suggestion(self) -> None:
        """Store the suggestion shown, whole, and go on: one key per agreed sentence. With
        nothing to accept (none shown, already recorded as suggested, or the analyst
        recorded other tags or another source, which are kept), just go on."""
        if not self.has_sentence():
            return
        suggestions = self.session.suggestions
        if suggestions.enabled and not suggestions.is_ready(self.session.article):
            # Moving on would skip the sentence unseen: the analyst meant to accept.
            self.notify(
                "This article's suggestions are still being worked out: Enter accepts once "
                "they show (j moves on).",
                markup=False,
            )
            return
        if self.session.shown_suggestion is None or self.write(self.session.accept_suggestion):
            self.action_step(1)

    def action_clear_tags(self) -> None:
        if self.has_sentence():
            self.write(self.session.clear_tags)

    async def action_edit_source(self) -> None:
        sentence = self.session.sentence
        if sentence is None:
            self.has_sentence()
            return
        opened = self.session.shown_now()
        annotation = opened[1]
        current = annotation.source if annotation and annotation.source else None
        suggested = self.session.suggestions.source(self.session.article, sentence.index)
        value = current or suggested or guess_source(sentence.text) or ""
        # the suggestion the source is saved with: the one a judgement's first save records
        provenance = (
            self.session.shown_suggestion
            if annotation is None or annotation.is_blank
            else annotation.suggestion
        )

        def save(answer: str | None) -> None:
            if answer is not None:
                self.write(lambda: self.session.set_source(answer, opened))

        if (refused := too_long_to_edit("source", value)) is not None:
            self.notify(refused, title="Not opened", severity="warning")
            return
        await open_prompt(self.app, source_prompt(value, sentence.text, provenance), save)

    async def action_edit_note(self) -> None:
        sentence = self.session.sentence
        if sentence is None:
            self.has_sentence()
            return
        opened = self.session.shown_now()
        annotation = opened[1]
        value = annotation.note if annotation else ""

        def save(answer: str | None) -> None:
            if answer is not None:
                self.write(lambda: self.session.set_note(answer, opened))

        if (refused := too_long_to_edit("note", value)) is not None:
            self.notify(refused, title="Not opened", severity="warning")
            return
        await open_prompt(self.app, note_prompt(value, sentence.text), save)

    async def action_pick_status(self) -> None:
        if not self.has_sentence():
            return
        opened = self.session.shown_now()
        annotation = opened[1]
        current = annotation.status if annotation else STATUSES[0]

        def save(answer: str | None) -> None:
            if answer is not None:
                self.write(lambda: self.session.set_status(answer, opened))

        prompt = ChoicePrompt("Verification status", list(STATUSES), current, shown_as=status_words)
        await open_prompt(self.app, prompt, save)

    def action_confirm_anchor(self) -> None:
        if not self.has_sentence():
            return
        annotation = self.session.annotation
        if annotation is None or annotation.anchor_state not in ("check", "reanchored"):
            self.notify("Nothing to confirm: this sentence's annotation was made on it.")
            return
        self.write(lambda: self.session.confirm_anchor() or annotation)

    def action_undo(self) -> None:
        self.history_step(self.session.undo, undoing=True)

    def action_redo(self) -> None:
        self.history_step(self.session.redo, undoing=False)

    def history_step(
        self, step: Callable[[], Change | DecisionChange | None], undoing: bool
    ) -> None:
        failed: list[StoreError] = []
        take_step(step, undoing, self.workspace.title_of, self.notify, failed.append)
        self.last_error = str(failed[0]) if failed else ""  # a write that failed
        self.refresh_view()

    async def action_search(self) -> None:
        from workbench.tui.screens.search import SearchScreen

        search = self.workspace.search
        if search is None:
            self.notify("The search index is still being built; try again in a moment.")
            return

        def jump(target: tuple[str, int] | None) -> None:
            if target is not None:
                self.session.go_to(*target)
                self.refresh_view()

        by_id = self.workspace.corpus.by_id

        def title_of(article_id: str) -> str:
            article = by_id.get(article_id)
            return article.title if article is not None else article_id

        await open_prompt(self.app, SearchScreen(search, title_of), jump)

    def action_articles(self) -> None:
        session = self.session
        counts = self.workspace.store.tagged_counts(self.workspace.annotator)
        rows = [
            (
                article.id,
                article.title,
                counts.get(article.id, 0),
                len(article.sentences) if article.is_segmented else None,
            )
            for article in self.workspace.corpus.articles
        ]

        def open_article(number: int | None) -> None:
            if number is not None:
                session.go(number, 0)
                self.refresh_view()
                self.say_article_changed_on_disk()

        self.app.push_screen(ArticleListScreen(rows, session.place.article), open_article)

    def jump(self, target: tuple[str, int] | None) -> None:
        """Go where the review or summary screen sent the analyst (article, sentence)."""
        if target is not None and not self.session.go_to(*target):
            named = name_displayable(target[0])
            self.notify(f"Article {named} is not in this corpus.", markup=False)
        self.refresh_view()

    def action_review(self) -> None:
        from workbench.tui.screens.review import ReviewScreen  # on demand: faster start-up

        screen = ReviewScreen(self.workspace)
        self.app.push_screen(screen, self.jump)

    def action_summary(self) -> None:
        from workbench.config.settings import ledger_settings
        from workbench.config.toml_file import ConfigFileError
        from workbench.tui.screens.summary import SummaryScreen  # on demand: faster start-up

        try:
            ledger = ledger_settings()
        except ConfigFileError as error:
            self.notify(str(error), title="Default ledger settings", markup=False)
            ledger = None
        self.say_changed_on_disk()
        screen = SummaryScreen(self.workspace, ledger)
        self.app.push_screen(screen, self.jump)

    def say_changed_on_disk(self) -> None:
        """A notice naming the articles corrected on disk since they were opened: the
        summary is of the texts as opened, `workbench summary` of the new ones (qa10
        Q26). A stat per article; a file read again only when it was touched."""
        from workbench.core.corpus.on_disk import changed_notice, changed_on_disk

        changed = changed_on_disk(self.workspace.corpus.articles)
        if changed:
            self.notify(
                changed_notice(changed),
                title="Changed on disk",
                severity="warning",
                markup=False,
                timeout=15,
            )

    def say_article_changed_on_disk(self) -> None:
        """The notice of say_changed_on_disk for the article just opened (J, K, o): one
        stat, its file read again only when it was touched (qa21 #13: the session went on
        with the text as opened, and nothing said the file had changed)."""
        from workbench.core.corpus.on_disk import changed_notice, changed_on_disk

        changed = changed_on_disk([self.session.article])
        if changed:
            self.notify(
                changed_notice(changed),
                title="Changed on disk",
                severity="warning",
                markup=False,
                timeout=15,
            )

    def action_help(self) -> None:
        show_help(self, self.workspace.keys, "annotate")

    def first_key(self, binding_id: str) -> str:
        """The first key bound now to the binding `binding_id`."""
        for binding in ANNOTATE_BINDINGS:
            assert isinstance(binding, Binding)
            if binding.id == binding_id:
                return self.workspace.keys.of(binding)[0]
        raise KeyError(binding_id)

    def tag_keys(self) -> dict[str, str]:
        """The first key of each tag's toggle as bound now, for the panel's chips."""
        keys = {}
        for binding in ANNOTATE_BINDINGS:
            assert isinstance(binding, Binding)
            if binding.id and binding.id.startswith("toggle_"):
                keys[binding.id.removeprefix("toggle_")] = self.workspace.keys.of(binding)[0]
        return keys
