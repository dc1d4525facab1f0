"""The workbench Textual app: one store, one corpus, the annotate screen first."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.notifications import Notify, SeverityLevel
from textual.screen import Screen
from textual.worker import WorkerFailed, get_current_worker

from store import ServerError, Store, StoreError, StoreWriteError
from workbench.config.settings import SuggestionSettings
from workbench.config.settings_file import SettingsFile
from workbench.config.state import StateError, remember_export_folder
from workbench.core.anchoring.placement import IN_PLACE, in_place_words, outcome_counts
from workbench.core.anchoring.reanchoring import ArticleReanchoring
from workbench.core.annotation import look_alikes
from workbench.core.collector import paused_gc
from workbench.core.corpus.articles import BUNDLED_ARTICLES, Corpus, load_corpus
from workbench.core.corpus.search import SentenceSearch
from workbench.core.corpus.titles import shorten
from workbench.core.files.database_url import is_server_url
from workbench.core.name_scripts import quoted_name
from workbench.core.terminal_text import name_displayable
from workbench.tui.bound_keys import BoundKeys
from workbench.tui.hand_back import hand_back
from workbench.tui.keymap import binding_scopes, complete_keymap, load_user_keymap
from workbench.tui.literal import visible
from workbench.tui.notices import (
    SETTINGS_NOTICE_SECONDS,
    others_here,
    replaced_by,
    settings_notice,
    skipped_notice,
)
from workbench.tui.screens.annotate import ANNOTATE_BINDINGS, AnnotateScreen
from workbench.tui.screens.loading import LoadingScreen
from workbench.tui.screens.summary import SUMMARY_BINDINGS, SummaryScreen
from workbench.tui.server_link import ServerLink, ServerUnreachable, StoreChanged
from workbench.tui.state.readings_keeper import ReadingsKeeper
from workbench.tui.state.running_code import RunningCode
from workbench.tui.state.session import AnnotationSession
from workbench.tui.state.suggestions import ArticleSuggestions
from workbench.tui.state.summary_keeping import Running, SummaryKeeping
from workbench.tui.state.workspace import Workspace, output_refusal

if TYPE_CHECKING:
    from textual.actions import ActionParseResult
    from textual.dom import DOMNode

    from workbench.core.interchange.export.from_store import ExportSource

STORE_WARNINGS_EVERY = 1.0
"""Seconds between looks at the store's warnings (a list; looking costs nothing)."""

YOUNG_SWEEP = 20_000
"""While a worker's build pauses the collector, it still collects the young generation
every this many new containers (core/collector.py says why): each such collection
scans at most about this many objects (milliseconds), and the screen the UI thread
draws meanwhile changes far more slowly, so what it drew last is freed at the next."""


class LoadCancelled(Exception):
    """Raised from the loading worker's progress callback when the app quits."""


@dataclass(frozen=True, slots=True)
class StartAt:
    """Where to open: an article id and/or a 1-based sentence number."""

    article_id: str | None = None
    sentence: int | None = None


WRITE_FAILED_WAY_ON = (
    "; what was saved before stays saved: mend that (free some space, say) and open it "
    "again, or look at it meanwhile with `workbench annotate --read-only`"
)
"""After a write no screen could refuse (a changed article's re-anchoring as it opens,
on a full disk: tr13 T8), the one line the app ends with says what holds and the way on."""


class WorkbenchApp(App[None]):
    """Given the store and either a loaded corpus or the paths to load one from.

    Once the corpus is loaded the app makes the one Workspace (tui/state/workspace.py)
    and hands it to every screen: screens never reach back into the app for data."""

    CSS_PATH = "app.tcss"
    TITLE = "workbench"
    ENABLE_COMMAND_PALETTE = True

    def __init__(
        self,
        store: Store,
        *,
        corpus: Corpus | None = None,
        paths: Sequence[Path | str] | None = None,
        start: StartAt | None = None,
        keymap: dict[str, str] | None = None,
        notices: Sequence[str] = (),
        suggestions: SuggestionSettings | None = None,
        settings: SettingsFile | None = None,
        keep_summary: Callable[[], Running | None] | None = None,
        login_named: bool = False,
    ) -> None:
        """`keymap` None: read keymap.toml (and check settings.toml) here; the command
        line reads them before the screen opens and passes what it printed as `notices`,
        and settings.toml as it read it (`settings`): the sections are taken from that one
        read (None: read here, once, as the keymap is applied or the corpus opens).
        `login_named`: the analyst is the login name, neither --annotator nor
        WORKBENCH_ANNOTATOR named one (said at the start when others' work is here).
        `keep_summary` starts the summary keeper that follows this session
        (cli/summary_keeper.py) and returns at once: called at the session's first save
        (and at a save once the one started has ended)."""
        super().__init__()
        self.store = store
        self.corpus = corpus
        self.paths = list(paths or [])
        self.start = start or StartAt()
        self.user_keymap = keymap
        self.suggestion_settings = suggestions
        """settings.toml [suggestions]; None: read when the corpus opens."""
        self.settings_read = settings
        """settings.toml as read at the start (settings_file.py), once: the start-up check,
        [suggestions] and [anchoring] are taken from it (user_settings_file)."""
        self.settings_notices = list(notices)
        self.keys = BoundKeys(display=self.get_key_display, screens=binding_scopes)
        """The keys each binding has, the user's keymap applied (apply_keymap)."""
        self.workspace: Workspace | None = None
        """What every screen reads and changes, once the corpus is loaded."""
        self.session: AnnotationSession | None = None
        """The annotate screen's place and counts (it lives as long as the app)."""
        self.link: ServerLink | None = None
        """Other sessions' changes coming in (a database server's), once there is a
        workspace to show them in."""
        self.readings: ReadingsKeeper | None = None
        """Keeps the readings of what this session writes, for the summary."""
        self.keep_summary = keep_summary
        self.login_named = login_named
        self.summary_keeping: SummaryKeeping | None = None
        """Starts the summary keeper following this session (with `keep_summary`)."""
        self.store_failure: str | None = None
        """Why a store error ended the app (see _handle_exception)."""
        self.exit_message = ""
        """Why the app ended early (the command prints it once the screen is gone)."""
        self.store_warnings_shown = 0
        """How many of the store's warnings have been shown as notices."""
        self.running_code = RunningCode.start_taking()
        """The code this app loaded, taken as it starts (tui/state/running_code.py)."""

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every notice of every screen comes here (Widget.notify calls the app's): its
        text is shown literally, with control characters visible, never as markup."""
        super().notify(
            visible(message),
            title=visible(title, single_line=True),
            severity=severity,
            timeout=timeout,
            markup=False,
        )

    def _on_notify(self, event: Notify) -> None:
        """Show a notice in place of those it replaces (tui/notices.py): a repeated one
        is shown afresh, not stacked, and only the newest few information notices stay.
        (Textual has no public way to replace a toast; this is its own handler.)"""
        for old in replaced_by(event.notification, self._notifications):
            self._unnotify(old, refresh=False)
        super()._on_notify(event)

    def on_mount(self) -> None:
        paused_gc.sweep_while_paused(YOUNG_SWEEP)
        self.apply_keymap()
        self.show_new_store_warnings()
        self.say_your_work_is_elsewhere()
        # A store may find something later (a compaction's check of the history, a
        # postponed compaction): said as it comes, not only at the start.
        self.set_interval(STORE_WARNINGS_EVERY, self.show_new_store_warnings)
        if self.store.read_only:
            self.notify(
                "Opened read-only: you can look at everything, and every edit is refused.",
                title="Read-only",
                markup=False,
            )
        if self.corpus is not None:
            self.open_corpus(self.corpus)
        else:
            self.push_screen(LoadingScreen())
            self.load_corpus_in_background()

    @work(thread=True, exclusive=True, group="twin", description="look for the analyst's work")
    def say_your_work_is_elsewhere(self) -> None:
        """When this analyst has no annotations here but the database holds an analyst
        whose name differs only in case or in characters that look alike ("Ana" and
        "ana", from another login or a capital typed), say so at the start: their work
        looked gone, and what they tagged was counted as another analyst's without a word
        (qa10 Q29). The store's names only, for a name new to the database. So too when
        the name is the login name, nobody having named the analyst (qa14 Q11: opened
        in a shell without WORKBENCH_ANNOTATOR, ana's 41 tags looked gone); a name given
        on purpose that is simply new is not remarked on."""
        store, me = self.store, self.store.annotator
        self.say_your_name_mixes_scripts(me)
        if store.count(me) or not store.count():
            return
        held = store.annotators()
        alike = look_alikes(me, held)
        if alike:
            named = ", ".join(map(quoted_name, alike))
            hand_back(
                self,
                self.notify,
                f"You are {quoted_name(me)}; this database holds the annotations of {named}, "
                "a name that differs from yours only in case or in characters that look alike. "
                "Yours start empty here, and what you tag is counted as another analyst's. "
                f"If you are {alike[0]}, quit (q) and open it again with --annotator "
                f"{alike[0]}.",
                title="Another analyst with a name like yours",
                severity="warning",
                timeout=30,
                markup=False,
            )
        elif self.login_named:
            counts = [(name, store.count(name)) for name in held if name != me]
            hand_back(
                self,
                self.notify,
                others_here(me, sorted(counts, key=lambda pair: (-pair[1], pair[0]))),
                title="None of this work is yours",
                severity="warning",
                timeout=30,
                markup=False,
            )

    def say_your_name_mixes_scripts(self, me: str) -> None:
        """A name mixing scripts ("аna", a Cyrillic "а") prints like another analyst's
        on every screen: said at the start, where it was taken without a word (qa21 #6)."""
        from workbench.core.name_scripts import mixed_script_problem

        mixing = mixed_script_problem(me)
        if mixing is not None:
            hand_back(
                self,
                self.notify,
                f"The {mixing}. If it was not meant, quit (q) and open the database again "
                "with --annotator and your name typed in one script.",
                title="Your name mixes scripts",
                severity="warning",
                timeout=30,
                markup=False,
            )

    @work(thread=True, exclusive=True, group="forms", description="look for renamed forms")
    def say_articles_in_another_form(self, corpus: Corpus) -> None:
        """When the database holds annotations of an article whose id is a file name of
        the folder written in another Unicode form (a Mac's copy of the desk's folder),
        say so at the start: the article opened untagged without a word (tr13 T2)."""
        from workbench.core.corpus.article_ids import form_twins, held_twin_words

        held = self.store.annotated_articles()
        twins = form_twins([i for i in held if i not in corpus.by_id], corpus.by_id)
        if twins:
            hand_back(
                self,
                self.notify,
                held_twin_words(twins, held),
                title="Articles under another spelling",
                severity="warning",
                timeout=30,
                markup=False,
            )
        self.say_renamed_articles(corpus, held, {missing for missing, _ in twins})

    def say_renamed_articles(self, corpus: Corpus, held: dict[str, int], said: set[str]) -> None:
        """When the database holds annotations of an article not in the folder whose text
        is there under another file name (the file renamed), say so at the start, naming
        both names: the article opened "tagged 0/7" without a word, while `workbench
        summary PATH` named the rename, and tagging it again counted it twice (qa21 #2)."""
        from workbench.core.analysis.summary.scope import renamed_notice, renamed_pairs

        missing = [i for i in held if i not in corpus.by_id and i not in said]
        annotations = [a for i in missing for a in self.store.in_article(i)]
        pairs = renamed_pairs(annotations, corpus.by_id)
        if pairs:
            hand_back(
                self,
                self.notify,
                renamed_notice(pairs, held, corpus.by_id),
                title="Renamed articles",
                severity="warning",
                timeout=30,
                markup=False,
            )

    def show_new_store_warnings(self) -> None:
        """A notice for each store warning not shown yet."""
        warnings = self.store.warnings
        for warning in warnings[self.store_warnings_shown :]:
            self.notify(warning, title="Database", severity="warning", markup=False)
        self.store_warnings_shown = len(warnings)

    def apply_keymap(self) -> None:
        if self.user_keymap is None:
            from workbench.config.settings import settings_problems

            loaded = load_user_keymap()
            self.user_keymap = loaded.bindings
            problems = settings_problems(self.user_settings_file())
            self.settings_notices += [*loaded.problems, *problems]
        if self.user_keymap:
            keymap = complete_keymap(self.user_keymap)
            self.set_keymap(keymap)
            self.keys = BoundKeys(keymap, self.get_key_display, binding_scopes)
        if self.settings_notices:
            self.notify(
                settings_notice(self.settings_notices),
                title="Settings",
                severity="warning",
                timeout=SETTINGS_NOTICE_SECONDS,
            )

    @work(thread=True, exclusive=True, group="load", description="load corpus")
    def load_corpus_in_background(self) -> None:
        worker = get_current_worker()

        def progress(done: int, total: int) -> None:
            if worker.is_cancelled:  # the app is quitting: stop reading files
                raise LoadCancelled
            try:
                screen = self.screen
                if isinstance(screen, LoadingScreen):
                    hand_back(self, screen.advance, done, total)
            except RuntimeError:  # the app has already stopped
                raise LoadCancelled from None

        try:
            corpus = load_corpus(self.paths or None, progress=progress)
        except LoadCancelled:
            return
        if not worker.is_cancelled:
            hand_back(self, self.open_corpus, corpus)

    def open_corpus(self, corpus: Corpus) -> None:
        self.corpus = corpus
        if corpus.problems:
            title, skipped = skipped_notice(corpus.problems)
            self.notify(skipped, title=title, severity="warning", markup=False)
        if not corpus.articles:
            reasons = "; ".join(str(problem) for problem in corpus.problems[:3])
            self.exit_message = f"no articles to annotate{': ' + reasons if reasons else ''}"
            self.exit(return_code=1)
            return
        workspace = Workspace(
            self.store, corpus, self.anchoring_threshold(), self.keys, code=self.running_code
        )
        workspace.read_from = self.read_from()
        self.workspace = workspace
        self.readings = ReadingsKeeper(workspace)
        if self.keep_summary is not None:  # a server's keeper does not follow: after a pause
            idle = is_server_url(str(self.store.location))
            self.summary_keeping = SummaryKeeping(workspace, self.keep_summary, idle=idle)
        self.link = ServerLink(self, self.store, workspace.receive_store_event)
        session = AnnotationSession(
            workspace,
            ArticleSuggestions(self.suggestion_settings or self.read_suggestion_settings()),
        )
        self.session = session
        self.place_session(session)
        if isinstance(self.screen, LoadingScreen):
            self.switch_screen(AnnotateScreen(workspace, session))
        else:
            self.push_screen(AnnotateScreen(workspace, session))
        # After the first frame, so that segmenting the corpus never delays it.
        self.call_after_refresh(self.reanchor_in_background, workspace)
        self.say_articles_in_another_form(corpus)
        self.call_after_refresh(ReadingsKeeper.fingerprint_now)
        self.call_after_refresh(self.build_search_index, corpus)

    def user_settings_file(self) -> SettingsFile:
        """settings.toml as read at the start: the command line's read, else this one
        (7 reads of the file at a start, where one [ledger] key was set, were 1)."""
        if self.settings_read is None:
            from workbench.config.settings_file import read_settings

            self.settings_read = read_settings()
        return self.settings_read

    def read_suggestion_settings(self) -> SuggestionSettings:
        """settings.toml [suggestions]; the defaults if bad (with a notice, unless the
        start-up report already named the problem)."""
        from workbench.config.settings import suggestion_settings
        from workbench.config.toml_file import ConfigFileError

        try:
            return suggestion_settings(self.user_settings_file())
        except ConfigFileError as error:
            unreported = [p for p in error.problems if p not in self.settings_notices]
            if unreported:
                self.settings_notices += unreported  # and the help lists them
                self.notify("; ".join(unreported), title="Default suggestions", markup=False)
            return SuggestionSettings()

    def anchoring_threshold(self) -> float:
        """settings.toml [anchoring] fuzzy_threshold; the default if bad (with a notice,
        unless the start-up report already named the problem)."""
        from workbench.config.settings import anchoring_threshold
        from workbench.config.toml_file import ConfigFileError
        from workbench.core.anchoring.placement import DEFAULT_THRESHOLD

        try:
            return anchoring_threshold(self.user_settings_file())
        except ConfigFileError as error:
            unreported = [p for p in error.problems if p not in self.settings_notices]
            if unreported:
                self.settings_notices += unreported  # and the help lists them
                self.notify(
                    "; ".join(unreported), title="Default re-anchoring threshold", markup=False
                )
            return DEFAULT_THRESHOLD

    @work(thread=True, exclusive=True, group="reanchor", description="re-anchor changed articles")
    def reanchor_in_background(self, workspace: Workspace) -> None:
        """Store the re-anchoring of every article that changed since it was annotated
        (the article on screen was done first, on the UI thread), and say so once."""
        if workspace.read_only:  # nothing stored: the counts read the plans (tr14 T5)
            counts = workspace.anchors.tags_from_memory(workspace.corpus.articles)
            if counts and not get_current_worker().is_cancelled:
                hand_back(self, workspace.counted_from_memory, counts)
            return
        done = workspace.anchors.settle_all(workspace.corpus.articles)
        if done and not get_current_worker().is_cancelled:
            hand_back(self, self.reanchored, done)

    def reanchored(self, done: list[ArticleReanchoring]) -> None:
        counts = outcome_counts(item.plan for item in done)
        named = ", ".join(
            f"“{shorten(item.article.title or item.article.id)}”" for item in done[:3]
        )
        articles = (
            f"{named} changed since it was annotated"
            if len(done) == 1
            else f"{len(done)} articles changed since they were annotated ({named}"
            + (f" and {len(done) - 3} more)" if len(done) > 3 else ")")
        )
        self.notify(  # this change's outcomes; an article's arrival notice says what
            # stands there, earlier changes' too (qa7 Q10 h: the two counted alike)
            f"{articles}. This change: {counts['moved']} moved, {counts['check']} to check, "
            f"{counts['orphaned']} orphaned"
            + (f", {counts['reattached']} re-attached" if counts["reattached"] else "")
            + in_place_words(counts[IN_PLACE])
            + ". Review them with r, then f: anchoring.",
            title="Re-anchored",
            severity="warning",
            markup=False,
        )
        if self.workspace is not None:
            self.workspace.reanchored(item.article.id for item in done)

    def place_session(self, session: AnnotationSession) -> None:
        start = self.start
        if start.article_id is not None:
            if not session.go_to(start.article_id, (start.sentence or 1) - 1):
                self.notify(f"No article {start.article_id!r}; opening the first.", markup=False)
                return
        elif start.sentence is not None:
            session.go(session.place.article, start.sentence - 1)
        elif not session.restore_place():
            session.go(0, 0)
        count = len(session.sentences)
        if start.sentence is not None and start.sentence > count:  # clamped: said (qa21 #12)
            self.notify(
                f"No sentence {start.sentence:,}: the article has {count:,}; "
                + ("opening the last." if count else "opening it."),
                markup=False,
            )

    @work(thread=True, exclusive=True, group="index", description="build search index")
    def build_search_index(self, corpus: Corpus) -> None:
        """Segment every article in the background: search and corpus totals need it."""
        search = SentenceSearch(corpus).build(index=False)
        if get_current_worker().is_cancelled:
            return
        hand_back(self, self.search_ready, search)
        search.build_index()  # search works meanwhile (a scan), then faster

    def search_ready(self, search: SentenceSearch) -> None:
        if self.workspace is None:
            return
        self.workspace.search = search
        if isinstance(self.screen, AnnotateScreen):
            self.screen.refresh_view()

    async def action_export(self) -> None:
        """Ask for a format and a file, then export every annotation in a worker."""
        from workbench.tui.export_dialog import ExportDialog

        await ExportDialog(self, self.export_in_background, self.output_refusal).start()

    def output_refusal(self, path: Path) -> str | None:
        """Why an export must not be written at `path` (Workspace.output_refusal; before
        the corpus is loaded, by the PATHs it is read from)."""
        if self.workspace is not None:
            return self.workspace.output_refusal(path)
        return output_refusal(self.store, self.read_from(), path)

    def read_from(self) -> tuple[Path, ...]:
        """The files and folders the articles are read from: the PATHs given, else the
        bundled articles' folder."""
        return tuple(Path(path) for path in self.paths) or (BUNDLED_ARTICLES,)

    @work(thread=True, exclusive=True, group="export", description="export annotations")
    def export_in_background(self, format_name: str, path: Path) -> None:
        from workbench.core.anchoring.as_tagged import tagged_reader
        from workbench.core.anchoring.reanchored_view import view_plans
        from workbench.core.files.atomic import write_output
        from workbench.core.interchange.export.claimreview import no_review_words, non_review_words
        from workbench.core.interchange.export.from_store import (
            export_bytes,
            orphans_left_out,
            to_check_left_out,
            to_check_words,
        )
        from workbench.core.terminal_text import json_safe_for_terminal

        try:
            source = self.export_source()
            reader = tagged_reader(source.history, view_plans(source))
            output = export_bytes(source, format_name, as_tagged=reader)
            left_out = orphans_left_out(source, format_name)
            unconfirmed = to_check_left_out(source, format_name)
            write_output(path, output, for_terminal=json_safe_for_terminal)
        except (StoreError, OSError, ValueError) as error:
            reason = error.strerror if isinstance(error, OSError) and error.strerror else error
            hand_back(
                self,
                self.notify,
                f"{name_displayable(path)}: {reason}",
                title="Export failed",
                severity="error",
                markup=False,
            )
            return
        left_words = (
            f"; {left_out} orphaned annotation(s) left out ({format_name} can only place an "
            "annotation on a sentence; json and jsonl keep them)"
            if left_out
            else ""
        )
        if unconfirmed:
            left_words += f"; {to_check_words(unconfirmed, format_name)}"
        empty = no_review_words(source.all(None)) if format_name == "claimreview" else None
        if empty is not None:
            left_words += f"; {empty}"
        elif format_name == "claimreview" and (
            others := non_review_words([*source.all(None), *source.orphans(None)])
        ):
            left_words += f"; {others}"
        hand_back(
            self,
            self.notify,
            f"{len(output):,} bytes written to {name_displayable(path)}{left_words}",
            title="Exported",
            severity="warning" if empty else "information",
            markup=False,
        )
        try:
            remember_export_folder(path.parent)
        except StateError as error:
            hand_back(
                self, self.notify, str(error), title="Export folder not remembered", markup=False
            )

    # -- other sessions and the database server (issue 17) ----------------------------
    def on_store_changed(self, _message: StoreChanged) -> None:
        """Another session changed the database: every screen shows it (tui/state/live.py)."""
        if self.link is not None:
            self.link.take()

    def on_server_unreachable(self, message: ServerUnreachable) -> None:
        """A screen's read found no server and kept what it showed: say so, once."""
        self.server_unreachable(message.error)

    def server_unreachable(self, error: ServerError) -> None:
        if self.link is not None:
            self.link.lost(error)
        else:
            self.notify(str(error), title="Server unreachable", severity="error", markup=False)

    async def run_action(
        self,
        action: str | ActionParseResult,
        default_namespace: DOMNode | None = None,
        namespaces: Mapping[str, DOMNode] | None = None,
    ) -> bool:
        """Every key's action: a read that finds no database server leaves the screen
        as it was and says so (the store connects again by itself); it never ends the
        app, which an error escaping to Textual would."""
        try:
            return await super().run_action(action, default_namespace, namespaces)
        except ServerError as error:
            self.server_unreachable(error)
            return True

    def on_unmount(self) -> None:
        paused_gc.sweep_while_paused(0)
        if self.link is not None:
            self.link.close()
        if self.readings is not None:
            self.readings.close()
        if self.summary_keeping is not None:
            self.summary_keeping.close()

    def _handle_exception(self, error: Exception) -> None:
        """A store error no screen caught (damage found while reading) ends the app with
        the command line's one-line message, never a traceback. Opening already refuses
        every damage it can see, so this is a last guard. A server that cannot be
        reached is no damage: said, and the app goes on (a worker's read, say)."""
        cause = error.error if isinstance(error, WorkerFailed) else error
        if isinstance(cause, ServerError):
            self.server_unreachable(cause)
            return
        if not isinstance(error, StoreError):
            super()._handle_exception(error)
            return
        self.store_failure = str(error) + (  # printed by the command once the screen is gone
            WRITE_FAILED_WAY_ON if isinstance(cause, StoreWriteError) else ""
        )
        self.exit(return_code=1)
        self._exception_event.set()  # as Textual does: a Pilot waiting on it stops

    def export_source(self) -> ExportSource:
        """The store, or what it reads as once re-anchored on the corpus (in memory: an
        article whose re-anchoring was undone, or a read-only store)."""
        from workbench.core.anchoring.reanchored_view import current_view

        workspace = self.workspace
        if workspace is None:
            return self.store
        return current_view(workspace.store, workspace.corpus.articles, workspace.threshold)

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand(
            "Export annotations",
            "Write every annotation as json, jsonl, W3C Web Annotation or ClaimReview",
            self.action_export,
        )
        bindings = (
            ANNOTATE_BINDINGS
            if isinstance(screen, AnnotateScreen)
            else SUMMARY_BINDINGS
            if isinstance(screen, SummaryScreen)
            else []
        )
        for binding in bindings:
            assert isinstance(binding, Binding)
            if binding.action.startswith("app."):
                continue
            keys = ", ".join(self.keys.of(binding))
            yield SystemCommand(  # the help line adds what the title does not say (qa14
                # Q24: it repeated the title, every command read twice)
                binding.tooltip or binding.description,
                f"({keys}) · keymap id {binding.id}" if binding.id else f"({keys})",
                _runner(screen, binding.action),
            )


def _runner(screen: Screen[object], action: str) -> Callable[[], Awaitable[None]]:
    """A palette callback that runs a screen action, as its key would."""

    async def run() -> None:
        await screen.run_action(action)

    return run
