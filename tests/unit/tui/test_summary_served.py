"""The summary screen's summary kept (cli/screen_keeper.py) and served
(tui/state/summary_served.py): on a generated database, the tables made from the kept
summary are the built one's; a lookup writes nothing; a record naming anything but the
summary's own types is damage, never run."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest

from bench.synthetic import synthetic_annotations, synthetic_articles, with_provenance, write_corpus
from store import AnnotationStore
from store.read_memo import ReadMemo
from workbench.cli.screen_keeper import keep_screen
from workbench.core.analysis.ledger.settings import LedgerSettings
from workbench.core.analysis.summary.model import Summary
from workbench.core.analysis.summary.snapshot import (
    DamagedSnapshot,
    decoded,
    encoded,
    snapshot_of,
)
from workbench.core.corpus.articles import load_corpus
from workbench.tui.screens.summary import SummaryScreen
from workbench.tui.state.summary_served import NOT_KEPT, served_summary
from workbench.tui.state.summary_view import prepare_view, read_summary
from workbench.tui.state.workspace import Workspace


@pytest.fixture
def generated(tmp_path: Path) -> tuple[Path, Path, str]:
    """(database, corpus folder, analyst): 40 generated articles, 1,500 annotations."""
    articles = synthetic_articles(40)
    folder = write_corpus(articles, tmp_path / "corpus")
    corpus = load_corpus([str(folder)])
    annotations = with_provenance(synthetic_annotations(articles, 1_500), corpus)
    analyst = annotations[0].annotator
    database = tmp_path / "db" / "annotations.json"
    database.parent.mkdir()
    with AnnotationStore.open(database, annotator=analyst) as store:
        store.import_annotations(annotations)
    return database, folder, analyst


def test_the_kept_summary_gives_the_built_tables_on_a_generated_database(
    generated: tuple[Path, Path, str],
) -> None:
    database, folder, analyst = generated
    corpus = load_corpus([str(folder)])
    with AnnotationStore.open(database, annotator=analyst, read_only=True) as store:
        workspace = Workspace(store, corpus)
        assert served_summary(workspace, analyst, LedgerSettings()).said == NOT_KEPT
        built, analysts = read_summary(workspace, analyst, LedgerSettings())
    assert built.summary.ledger and built.summary.conflicts  # something to compare
    assert keep_screen(database, analyst, [str(folder)])
    with AnnotationStore.open(database, annotator=analyst, read_only=True) as store:
        served = served_summary(Workspace(store, corpus), analyst, LedgerSettings())
    assert served.snapshot is not None
    assert list(served.snapshot.analysts) == analysts
    shown = prepare_view(served.snapshot.summary)
    assert SummaryScreen.table_rows(shown) == SummaryScreen.table_rows(built)
    assert shown.conflict_headings == built.conflict_headings
    assert served.snapshot.summary == built.summary
    # another analyst's, other settings or other articles: not served
    with AnnotationStore.open(database, annotator=analyst, read_only=True) as store:
        workspace = Workspace(store, corpus)
        assert served_summary(workspace, None, LedgerSettings()).snapshot is None
        other = LedgerSettings(claim_threshold=LedgerSettings().claim_threshold + 1)
        assert served_summary(workspace, analyst, other).snapshot is None
        fewer = Workspace(store, load_corpus([str(next(folder.iterdir()))]))
        assert served_summary(fewer, analyst, LedgerSettings()).snapshot is None


def test_a_change_to_the_database_is_not_served(generated: tuple[Path, Path, str]) -> None:
    database, folder, analyst = generated
    corpus = load_corpus([str(folder)])
    assert keep_screen(database, analyst, [str(folder)])
    with AnnotationStore.open(database, annotator=analyst) as store:
        first = store.all(analyst)[0]
        store.save(first.changed(note="read again"))
        assert served_summary(Workspace(store, corpus), analyst, LedgerSettings()).said == NOT_KEPT


def test_a_lookup_writes_nothing(generated: tuple[Path, Path, str]) -> None:
    database, folder, analyst = generated
    corpus = load_corpus([str(folder)])
    assert keep_screen(database, analyst, [str(folder)])

    def files() -> dict[str, tuple[int, int]]:
        return {
            path.name: (path.stat().st_size, path.stat().st_mtime_ns)
            for path in database.parent.iterdir()
        }

    before = files()
    with AnnotationStore.open(database, annotator=analyst, read_only=True) as store:
        assert served_summary(Workspace(store, corpus), analyst, LedgerSettings()).snapshot
    assert files() == before


class Planted:
    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.system, ("true",))


def test_a_record_naming_anything_else_is_damage_never_run() -> None:
    with pytest.raises(DamagedSnapshot):
        decoded(pickle.dumps(Planted(), protocol=5))
    with pytest.raises(DamagedSnapshot):
        decoded(pickle.dumps({"not": "a summary"}, protocol=5))


@pytest.mark.parametrize(
    ("module", "name"),
    [
        ("workbench.core.analysis.summary.scope", "Article"),  # imported there, not its own
        ("workbench.core.annotation_filter", "AnnotationFilter"),  # not the annotation's
    ],
)
def test_a_record_naming_a_type_but_where_it_is_defined_is_damage(module: str, name: str) -> None:
    """rv15 R2: the allowed modules were matched as prefixes and their names looked up
    as attributes, so a class of another package an analysis module imports (or a
    module merely named alike) was made too; pickle names a type where it is defined."""
    record = b"\x80\x05c" + module.encode() + b"\n" + name.encode() + b"\n."
    with pytest.raises(DamagedSnapshot, match=f"names {module}"):
        decoded(record)


def test_a_snapshot_whose_analysts_are_not_names_is_damage(
    generated: tuple[Path, Path, str],
) -> None:
    """The picker lists the analysts as text: a record giving it anything else (its
    checksum made for it) is refused at decoding, not in the screen (rv15 R1)."""
    database, folder, analyst = generated
    with AnnotationStore.open(database, annotator=analyst, read_only=True) as store:
        view, analysts = read_summary(
            Workspace(store, load_corpus([str(folder)])), analyst, LedgerSettings()
        )
    assert decoded(encoded(snapshot_of(view.summary, analysts))).analysts == tuple(analysts)
    with pytest.raises(DamagedSnapshot, match="analysts"):
        decoded(encoded(snapshot_of(view.summary, [analyst, 7])))  # type: ignore[list-item]


def test_a_record_cut_short_is_damage(generated: tuple[Path, Path, str]) -> None:
    database, folder, analyst = generated
    with AnnotationStore.open(database, annotator=analyst, read_only=True) as store:
        view, analysts = read_summary(
            Workspace(store, load_corpus([str(folder)])), analyst, LedgerSettings()
        )
    data = encoded(snapshot_of(view.summary, analysts))
    back = decoded(data).summary
    assert back == view.summary
    statuses = {id(m.annotation.status) for group in back.ledger for m in group.members}
    named = {m.annotation.status for group in back.ledger for m in group.members}
    assert len(statuses) == len(named)  # equal strings shared: one object each
    with pytest.raises(DamagedSnapshot):
        decoded(data[: len(data) // 2])


def test_the_keeper_asked_for_the_screen_keeps_it_after_the_writers_summary(
    generated: tuple[Path, Path, str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """`python -m workbench.cli.summary_keeper --screen --article=PATH` (as the app
    starts it, start_keeper(screen=PATHs)) keeps the screen's summary with the command's."""
    from workbench.cli import summary_keeper
    from workbench.config.locations import DB_ENV

    database, folder, analyst = generated
    monkeypatch.setenv(DB_ENV, str(database))
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    assert summary_keeper.screen_arguments(None) == []
    arguments = summary_keeper.screen_arguments([str(folder)])
    assert arguments == ["--screen", f"--article={folder}"]
    assert summary_keeper.main(["--annotator", analyst, *arguments]) == 0
    with AnnotationStore.open(database, annotator=analyst, read_only=True) as store:
        corpus = load_corpus([str(folder)])
        assert served_summary(Workspace(store, corpus), analyst, LedgerSettings()).snapshot


def test_a_keeper_following_the_session_makes_the_screens_summary_again_not_anew(
    generated: tuple[Path, Path, str],
) -> None:
    """ScreenKeeper(follow=True), as the keeper following the app's session keeps it:
    after a status, a new claim tag and a deletion the summary kept is the one the
    screen builds from the store, made from the last one (no build); a merge decision
    (what the build reads besides the annotations) builds it again."""
    from workbench.cli.screen_keeper import ScreenKeeper
    from workbench.core.analysis.ledger.decisions import Merge

    database, folder, analyst = generated
    corpus = load_corpus([str(folder)])
    memo = ReadMemo()
    keeper = ScreenKeeper([str(folder)], follow=True, memo=memo)

    def kept_and_built() -> tuple[Summary, Summary]:
        assert keeper.keep(database, analyst)
        with AnnotationStore.open(database, annotator=analyst, read_only=True) as store:
            workspace = Workspace(store, corpus)
            served = served_summary(workspace, analyst, LedgerSettings())
            built, _ = read_summary(workspace, analyst, LedgerSettings())
        assert served.snapshot is not None
        shown = prepare_view(served.snapshot.summary)
        assert SummaryScreen.table_rows(shown) == SummaryScreen.table_rows(built)
        return served.snapshot.summary, built.summary

    served, built = kept_and_built()
    assert served == built and keeper.builds == 1
    with AnnotationStore.open(database, annotator=analyst) as store:
        mine = store.all(analyst)
        plain = next(a for a in mine if not {"claim", "denial"} & set(a.tags))
        claim = next(a for a in mine if "claim" in a.tags)
        store.save(plain.with_tag("claim", True))
        store.save(claim.changed(status="disputed"))
        store.delete(mine[-1].article_id, mine[-1].index)
    served, built = kept_and_built()
    assert served == built and keeper.builds == 1  # made again, not built
    assert memo.parsed  # its read-only opens go through the follower's memo
    with AnnotationStore.open(database, annotator=analyst) as store:
        groups = built.ledger[:2]
        store.save_ledger_decision(Merge((groups[0].group_id, groups[1].group_id)).to_record())
    served, built = kept_and_built()
    assert served == built and keeper.builds == 2


def test_a_screen_keep_that_fails_keeps_the_command_s_summaries_all_the_same(
    generated: tuple[Path, Path, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whatever the screen's keep meets (a bug, a file gone), the keeper goes on keeping
    `workbench summary`'s summaries: the screen then computes its own."""
    from workbench.cli import screen_keeper, summary_keeper
    from workbench.config.locations import DB_ENV

    database, folder, analyst = generated
    monkeypatch.setenv(DB_ENV, str(database))

    def broken(*args: object) -> bool:
        raise RuntimeError("a screen keep that fails")

    monkeypatch.setattr(screen_keeper.ScreenKeeper, "keep", broken)
    assert summary_keeper.keep(analyst, screen=[str(folder)]) >= 4  # md and json, twice
