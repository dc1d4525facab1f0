"""The summary screen served from the summary kept for its inputs (issue 15): the same
tables as the one it builds, nothing live built until something changes, and a change
read from the store, the tables said to be from before it meanwhile."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from textual.widgets import Static

from store import AnnotationStore, kept_summaries
from tests.fixtures.waiting import until
from tests.functional.test_summary_screen import (
    SIZE,
    assert_tables_show,
    gold,
    held_read,
    open_summary,
    settle,
)
from workbench.cli.screen_keeper import keep_screen
from workbench.config.snapshot_key import snapshot_key, snapshot_key_path
from workbench.core.analysis.kept import code
from workbench.core.analysis.kept.screen import corpus_digest, screen_key
from workbench.core.analysis.ledger.settings import LedgerSettings
from workbench.core.analysis.summary.model import Summary
from workbench.core.analysis.summary.snapshot import encoded, signed, snapshot_of
from workbench.core.corpus.articles import Corpus
from workbench.tui.screens.summary import STALE, SummaryScreen
from workbench.tui.state.summary_served import NOT_KEPT
from workbench.tui.state.summary_view import read_summary
from workbench.tui.state.workspace import Workspace

__all__ = ["gold"]  # the fixture, used by name


def tables(screen: SummaryScreen) -> list[object]:
    """Every table's columns and rows, the banner, the analysts and the caveats shown."""
    assert screen.view is not None
    return [
        *screen.table_rows(screen.view),
        screen.view.conflict_headings,
        screen.analysts,
        screen.caveats,
    ]


async def test_the_kept_summary_is_shown_as_the_built_one_and_a_change_is_read(  # type: ignore[no-untyped-def]
    make_app, gold, bundled: Corpus, store: AnnotationStore
) -> None:
    assert store.path is not None
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_summary(app, pilot)
        assert not screen.served and screen.live.accumulator is not None
        built = tables(screen)
        shown_summary = screen.summary

    assert keep_screen(Path(store.path), store.annotator, [])
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_summary(app, pilot)
        assert screen.served
        assert screen.live.accumulator is None  # nothing live built
        assert tables(screen) == built
        assert screen.summary == shown_summary
        assert_tables_show(screen)
        workspace = app.workspace
        assert workspace is not None

        claim = next(a for a in gold if "claim" in a.tags and a.status != "disputed")
        article = bundled.by_id[claim.article_id]
        workspace.write(article, lambda: claim.changed(status="disputed"))
        assert STALE in status_of(screen)  # the tables said to be from before the change
        await settle(app, pilot)
        assert not screen.served and screen.live.accumulator is not None
        assert screen.summary == read_summary(workspace, screen.analyst, screen.ledger)[0].summary
        assert_tables_show(screen)


async def test_without_a_kept_summary_the_screen_says_so_while_it_computes(  # type: ignore[no-untyped-def]
    make_app, gold, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = held_read(monkeypatch)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("S")
        screen = app.screen
        assert isinstance(screen, SummaryScreen)
        await until(pilot, lambda: NOT_KEPT in status_of(screen), 10)
        assert "computing the summary" in status_of(screen)
        release.set()
        await settle(app, pilot)
        assert screen.summary is not None and not screen.served
        assert NOT_KEPT not in status_of(screen)


def gold_screen_key(token: str, annotator: str, threshold: float, bundled: Corpus) -> str:
    """The key the keeper keeps the bundled articles' screen summary under now."""
    return screen_key(
        token,
        code.code_digest(),
        annotator,
        LedgerSettings(),
        threshold,
        corpus_digest(bundled.articles),
    )


def status_of(screen: SummaryScreen) -> str:
    return str(screen.query_one("#summary-status", Static).render())


async def kept_after_a_first_look(make_app, store: AnnotationStore) -> Path:  # type: ignore[no-untyped-def]
    """The database's path, once an app has looked at the summary (what a first look
    remembers in the database) and the keeper has kept the screen's summary."""
    assert store.path is not None
    path = Path(store.path)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_summary(app, pilot)
    assert keep_screen(path, store.annotator, [])
    return path


async def computed_with_notices(make_app) -> tuple[Summary | None, list[str]]:  # type: ignore[no-untyped-def]
    """The summary a new app's screen shows, asserted computed (not served from what
    is kept), and the notices it gave."""
    notified: list[str] = []
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        app.notify = lambda message, **_: notified.append(str(message))  # type: ignore[method-assign,assignment]
        screen = await open_summary(app, pilot)
        assert not screen.served
        return screen.summary, notified


async def test_a_kept_summary_whose_tables_cannot_be_made_is_damage_computed_instead(  # type: ignore[no-untyped-def]
    make_app, gold, bundled: Corpus, store: AnnotationStore
) -> None:
    """A hostile FILE.kept entry (its checksum made for it) decoding to a Summary of the
    summary's own types but not of its shape (a ledger of strings) is named and the
    summary computed, never a crash of the screen's worker (rv15 R1)."""
    assert store.path is not None
    path = Path(store.path)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_summary(app, pilot)  # what a first look keeps beside the database
    with AnnotationStore.open(path, annotator=store.annotator, read_only=True) as reader:
        workspace = Workspace(reader, bundled)
        built, analysts = read_summary(workspace, store.annotator, LedgerSettings())
        hostile = dataclasses.replace(built.summary, ledger=["not a claim group"])
        with kept_summaries(path) as kept:
            token = kept.token()
            key = gold_screen_key(token, store.annotator, workspace.threshold, bundled)
            signing = snapshot_key(create=True)
            assert signing is not None  # signed as this user's keeper signs: the shape refuses it
            record = signed(encoded(snapshot_of(hostile, analysts)), signing, key)
            assert kept.put(key, record, token)
    shown, notified = await computed_with_notices(make_app)
    assert shown == built.summary
    assert any(key[:12] in line and "damaged" in line for line in notified)


async def test_a_kept_summary_not_signed_by_this_users_keeper_is_damage_never_read(  # type: ignore[no-untyped-def]
    make_app, gold, bundled: Corpus, store: AnnotationStore
) -> None:
    """rv15 R4: a record of the summary's own types whose tables can be made but whose
    totals are None (its checksum made for it: anyone who can write the database's
    folder can) ended the app from the status line, on the UI thread. A snapshot not
    signed with this user's key (config/snapshot_key.py) is named damaged, not read."""
    assert store.path is not None
    path = Path(store.path)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_summary(app, pilot)
    with AnnotationStore.open(path, annotator=store.annotator, read_only=True) as reader:
        workspace = Workspace(reader, bundled)
        built, analysts = read_summary(workspace, store.annotator, LedgerSettings())
        hostile = dataclasses.replace(built.summary, totals=None)
        with kept_summaries(path) as kept:
            token = kept.token()
            key = gold_screen_key(token, store.annotator, workspace.threshold, bundled)
        forged = signed(encoded(snapshot_of(hostile, analysts)), b"\0" * 32, key)  # not the key
    for record in (encoded(snapshot_of(hostile, analysts)), forged):
        with kept_summaries(path) as kept:
            assert kept.put(key, record, token)
        shown, notified = await computed_with_notices(make_app)
        assert shown == built.summary
        assert any("not signed with your key now" in line for line in notified), notified


async def test_a_key_cut_short_is_named_once_replaced_by_the_keeper_and_serving_resumes(  # type: ignore[no-untyped-def]
    make_app, gold, store: AnnotationStore
) -> None:
    """fx16: a snapshot key cut short by a crash was read as no key and never made again:
    the screen was never served again until the user deleted it. It is named once to
    each app; the next keeper replaces it and keeps the summary again under the new key
    (the one kept under the lost key is said to be so, not read)."""
    path = await kept_after_a_first_look(make_app, store)
    snapshot_key_path().write_bytes(snapshot_key_path().read_bytes()[:10])
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        notified: list[str] = []
        app.notify = lambda message, **_: notified.append(str(message))  # type: ignore[method-assign,assignment]
        for _ in range(2):
            screen = await open_summary(app, pilot)
            assert not screen.served
            await pilot.press("escape")
            await settle(app, pilot)
    said = [line for line in notified if "holds 10 bytes, not 32 (cut short)" in line]
    assert len(said) == 1 and "snapshot.key" in said[0], notified
    assert any("not signed with your key now" in line for line in notified), notified
    _, notified = await computed_with_notices(make_app)  # another app in this process
    said = [line for line in notified if "holds 10 bytes, not 32 (cut short)" in line]
    assert len(said) == 1, "each app is told (rv16: said once per process)"

    assert keep_screen(path, store.annotator, [])  # a new key, and the summary kept under it
    assert len(snapshot_key_path().read_bytes()) == 32
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        notified.clear()
        app.notify = lambda message, **_: notified.append(str(message))  # type: ignore[method-assign,assignment]
        screen = await open_summary(app, pilot)
        assert screen.served and not notified


async def test_the_code_is_the_one_the_app_started_with_not_the_one_on_disk_at_the_first_s(  # type: ignore[no-untyped-def]
    make_app, gold, store: AnnotationStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """rv15 R3: the code fingerprint in the kept summary's key was taken at the first S,
    so an upgrade installed meanwhile had its summary served as if the running code had
    computed it. The app started before the upgrade is served the summary kept for its
    own code; an app started after it is not."""
    await kept_after_a_first_look(make_app, store)  # under the code on disk now
    before = make_app()
    async with before.run_test(size=SIZE) as pilot:
        assert before.running_code.digest() == code.code_digest()  # taken as it started
        monkeypatch.setattr(code, "code_digest", lambda *_: "an upgrade installed meanwhile")
        screen = await open_summary(before, pilot)
        assert screen.served
    after = make_app()
    async with after.run_test(size=SIZE) as pilot:
        screen = await open_summary(after, pilot)
        assert not screen.served


async def test_a_snapshot_this_user_signed_for_other_inputs_is_damage_never_shown(  # type: ignore[no-untyped-def]
    make_app, gold, bundled: Corpus, store: AnnotationStore
) -> None:
    """tr16 T1: the signature covered the snapshot's bytes, not the inputs it was kept
    for. FILE.kept's entries and checksums anyone who can write the database's folder
    can make, so a summary this user's keeper signed before a change, put under the key
    of the content now, was shown as the summary of now: a tag changed since, not in it.
    The signature now covers the key too: such a snapshot is damage, named."""
    path = await kept_after_a_first_look(make_app, store)
    with kept_summaries(path) as kept:
        token_before = kept.token()
    claim = next(a for a in gold if "claim" in a.tags and a.status != "disputed")
    store.save(claim.changed(status="disputed"))
    with AnnotationStore.open(path, annotator=store.annotator, read_only=True) as reader:
        workspace = Workspace(reader, bundled)
        before = gold_screen_key(token_before, store.annotator, workspace.threshold, bundled)
        now, _ = read_summary(workspace, store.annotator, LedgerSettings())
    with kept_summaries(path) as kept:
        stale = kept.get(before)
        assert stale is not None  # kept for the content before the change
        token = kept.token()
        key = gold_screen_key(token, store.annotator, workspace.threshold, bundled)
        assert kept.put(key, stale, token)  # the stale record, under the key of now
    shown, notified = await computed_with_notices(make_app)
    assert shown == now.summary
    assert any(key[:12] in line and "not signed" in line for line in notified)
