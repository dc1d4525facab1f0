"""Reading and writing annotations, against both the in-memory and the on-disk store."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

import pytest
from store_helpers import MakeAnnotation

from store import AnnotationStore, ConcurrentEditError, StoreError, StoreWriteError
from store.protocol import Store
from workbench.core.annotation import ORPHANED
from workbench.core.annotation_filter import UNTAGGED, AnnotationFilter


def test_save_then_get_returns_the_stored_annotation(
    store: AnnotationStore, make: MakeAnnotation
) -> None:
    saved = store.save(make(index=1, tags=("claim", "attribution"), source="the minister"))
    assert store.get("a1", 1) == saved
    assert saved.tags == ("claim", "attribution")
    assert saved.source == "the minister"
    assert store.count() == 1


def test_a_save_is_compared_with_the_value_it_was_made_from(
    store: Store, make: MakeAnnotation
) -> None:
    """Every engine: `based_on` is the value the screen changed (tr8 T4); another stored
    judgement refuses the save and writes nothing. A re-anchoring or a new stamp is not
    another judgement."""
    first = store.save(make(tags=("claim",)))
    assert store.save(first.toggled("denial"), based_on=first).tags == ("claim", "denial")
    with pytest.raises(ConcurrentEditError) as refused:
        store.save(first.toggled("attribution"), based_on=first)
    assert refused.value.current == store.get("a1", 0)
    assert store.get("a1", 0).tags == ("claim", "denial")  # type: ignore[union-attr]
    with pytest.raises(ConcurrentEditError):  # made from nothing stored: one is
        store.save(make(tags=("attribution",)), based_on=None)
    assert store.save(make(index=3, tags=("claim",)), based_on=None).index == 3


def test_save_keeps_created_at_and_moves_updated_at(
    store: AnnotationStore, make: MakeAnnotation
) -> None:
    first = store.save(make())
    second = store.save(first.toggled("denial"))
    assert second.created_at == first.created_at
    assert second.updated_at > first.updated_at
    assert store.get("a1", 0) == second


def test_saving_a_blank_annotation_deletes_the_record(
    store: AnnotationStore, make: MakeAnnotation
) -> None:
    saved = store.save(make())
    store.save(saved.toggled("claim"))
    assert store.get("a1", 0) is None
    assert store.count() == 0
    assert [change.action for change in store.history()] == ["save", "delete"]


def test_saving_an_unchanged_annotation_writes_nothing(
    store: AnnotationStore, make: MakeAnnotation
) -> None:
    saved = store.save(make())
    assert store.save(saved) == saved
    assert len(store.history()) == 1


def test_delete_returns_the_change_or_none(store: AnnotationStore, make: MakeAnnotation) -> None:
    assert store.delete("a1", 0) is None
    saved = store.save(make())
    change = store.delete("a1", 0)
    assert change is not None
    assert (change.before, change.after, change.action) == (saved, None, "delete")
    assert store.get("a1", 0) is None


def test_other_annotators_are_kept_apart(store: AnnotationStore, make: MakeAnnotation) -> None:
    mine = store.save(make(tags=("claim",)))
    theirs = store.save(make(annotator="bob", tags=("denial",)))
    assert store.get("a1", 0) == mine
    assert store.get("a1", 0, annotator="bob") == theirs
    assert store.all(annotator="bob") == [theirs]
    assert store.all() == [mine, theirs]
    assert store.count() == 2
    assert store.count("bob") == 1


def test_annotators_name_everyone_with_a_placed_annotation(
    store: Store, make: MakeAnnotation
) -> None:
    """What all() would name, read without building annotations (a one-analyst summary
    asks for the others' names only): an orphan places nobody, a delete takes its
    analyst out once they have nothing left."""
    assert store.annotators() == []
    store.save(make(tags=("claim",)))
    store.save(make(annotator="bob", tags=("denial",)))
    store.save(make(annotator="bob", index=1))
    store.import_annotations([make(annotator="carol", index=2, anchor_state="orphaned")])
    assert store.annotators() == ["alice", "bob"] == sorted({a.annotator for a in store.all()})
    store.delete("a1", 0)  # alice's only one
    assert store.annotators() == ["bob"]


def test_for_article_maps_sentence_index_to_annotation(
    store: AnnotationStore, make: MakeAnnotation
) -> None:
    first = store.save(make(index=0))
    third = store.save(make(index=2, tags=("denial",)))
    store.save(make(article_id="a2", index=1))
    store.save(make(annotator="bob", index=1))
    assert store.for_article("a1") == {0: first, 2: third}
    assert list(store.for_article("a1", annotator="bob")) == [1]
    assert store.for_article("missing") == {}


def test_find_keeps_what_the_filter_matches(store: Store, make: MakeAnnotation) -> None:
    claim = store.save(make(index=0, tags=("claim",), source="Ryder"))
    denial = store.save(make(index=1, tags=("denial",), status="refuted"))
    other = store.save(make(article_id="a2", index=0, tags=("claim", "attribution")))
    bob = store.save(make(annotator="bob", index=2, tags=("claim",)))
    noted = store.save(make(index=2, tags=(), note="check", source=""))
    assert store.find(AnnotationFilter.of(tags=["claim"])) == [claim, other, bob]
    assert store.find(AnnotationFilter.of(tags=["claim"], annotators=["alice"])) == [claim, other]
    assert store.find(AnnotationFilter.of(statuses=["refuted"])) == [denial]
    assert store.find(AnnotationFilter.of(article_ids=["a2"])) == [other]
    assert store.find(AnnotationFilter.of(sources=["Ryder"])) == [claim]
    assert store.find(AnnotationFilter.of(tags=[UNTAGGED])) == [noted]
    assert store.find(AnnotationFilter.of(sources=[None], annotators=["alice"])) == [
        denial,
        noted,
        other,
    ]
    assert store.find(AnnotationFilter.of(tags=["denial", UNTAGGED])) == [denial, noted]
    assert store.find(AnnotationFilter()) == store.all()


def test_find_takes_orphans_when_the_filter_does(store: Store, make: MakeAnnotation) -> None:
    placed = store.save(make(index=0))
    store.import_annotations([make(index=1, anchor_state=ORPHANED, note="lost")])
    [orphan] = store.orphans()
    assert store.find(AnnotationFilter.of(anchor_states=[ORPHANED])) == [orphan]
    assert store.find(AnnotationFilter.of(anchor_states=["current"])) == [placed]
    assert store.find(AnnotationFilter()) == [placed, orphan]


def test_find_agrees_with_the_filter_on_every_engine(store: Store, make: MakeAnnotation) -> None:
    store.save(make(index=0, tags=("claim",), source="Ryder"))
    store.save(make(index=1, tags=("denial",), status="refuted", source=""))
    store.save(make(article_id="a2", index=0, tags=(), note="n", status="supported"))
    store.save(make(annotator="bob", index=2, tags=("claim", "attribution")))
    store.import_annotations([make(index=3, anchor_state=ORPHANED, tags=("denial",))])
    everything = sorted([*store.all(), *store.orphans()], key=lambda annotation: annotation.key)
    for wanted in (
        AnnotationFilter.of(tags=["denial"], anchor_states=[ORPHANED, "current"]),
        AnnotationFilter.of(sources=[None, "Ryder"], statuses=["unverified", "refuted"]),
        AnnotationFilter.of(tags=[UNTAGGED, "attribution"], article_ids=["a1", "a2"]),
        AnnotationFilter.of(annotators=["bob", "nobody"], sources=["Ryder"]),
    ):
        assert store.find(wanted) == [a for a in everything if wanted.matches(a)]


def test_find_sees_writes_made_after_an_earlier_query(
    store: AnnotationStore, make: MakeAnnotation
) -> None:
    denials = AnnotationFilter.of(tags=["denial"])
    assert store.find(denials) == []
    saved = store.save(make(tags=("denial",)))
    assert store.find(denials) == [saved]
    store.save(saved.toggled("denial").with_tag("claim", True))
    assert store.find(denials) == []


def test_tagged_counts_follow_every_change(store: AnnotationStore, make: MakeAnnotation) -> None:
    store.save(make(index=0))
    store.save(make(index=1))
    store.save(make(article_id="a2", index=0))
    noted = store.save(make(article_id="a3", index=0, tags=(), note="check this"))
    store.save(make(annotator="bob", index=2))
    assert store.tagged_counts() == {"a1": 2, "a2": 1}
    assert store.tagged_counts("bob") == {"a1": 1}
    store.delete("a1", 0)
    store.save(noted.with_tag("claim", True))
    assert store.tagged_counts() == {"a1": 1, "a2": 1, "a3": 1}


def test_articles_are_remembered_once_and_updated(store: AnnotationStore) -> None:
    store.remember_article("a1", "First", "f" * 64, 12)
    store.remember_article("a2", "Second", "s" * 64, 3)
    store.remember_article("a1", "First", "f" * 64, 12)
    store.remember_article("a1", "First, revised", "e" * 64, 13)
    articles = {article.article_id: article for article in store.articles()}
    assert set(articles) == {"a1", "a2"}
    assert articles["a1"].title == "First, revised"
    assert articles["a1"].sentences == 13
    assert articles["a2"].sha256 == "s" * 64


def test_position_is_remembered_per_annotator(store: AnnotationStore) -> None:
    assert store.position() is None
    store.set_position("a1", 4)
    store.set_position("a2", 7)
    assert store.position() == ("a2", 7)
    assert store.position("bob") is None


def test_ledger_decisions_are_appended_in_order(store: AnnotationStore) -> None:
    first = store.save_ledger_decision({"action": "merge", "groups": ["g-1", "g-2"]})
    store.save_ledger_decision({"action": "split", "member": ["alice", "a1", 3]})
    decisions = store.ledger_decisions()
    assert decisions[0] == first
    assert [d["action"] for d in decisions] == ["merge", "split"]
    assert decisions[0]["annotator"] == "alice"


def test_a_dismissal_is_stored_undone_and_restored_as_every_decision_is(
    store: AnnotationStore,
) -> None:
    """Not a conflict (qa20 #2) on the ledger's own API, in every store: a dismissal and
    its restore are decisions; `u` appends the restore's undo, and a dismissal of
    another shape is refused before anything is written."""
    figures = [
        {"key": ["alice", "a1", 3], "text": "4,000"},
        {"key": ["alice", "a2", 0], "text": "9"},
    ]
    dismissed = store.save_ledger_decision({"action": "dismiss", "figures": figures, "reason": "r"})
    restored = store.save_ledger_decision({"action": "restore", "figures": figures})
    store.undo()
    assert [d["action"] for d in store.ledger_decisions()] == ["dismiss", "restore", "undo"]
    assert store.ledger_decisions()[2]["before"] == restored
    assert store.ledger_decisions()[0] == dismissed and dismissed["annotator"] == "alice"
    with pytest.raises(StoreWriteError, match="names two figures apart"):
        store.save_ledger_decision({"action": "dismiss", "figures": figures[:1]})
    assert len(store.ledger_decisions()) == 3


def test_stored_dicts_do_not_alias_the_callers(store: AnnotationStore) -> None:
    groups = ["g-1", "g-2"]
    store.save_ledger_decision({"action": "merge", "groups": groups})
    groups.append("g-3")
    store.ledger_decisions()[0]["groups"].append("g-4")
    assert store.ledger_decisions()[0]["groups"] == ["g-1", "g-2"]


def test_unserialisable_values_are_refused_without_a_change(store: AnnotationStore) -> None:
    with pytest.raises(TypeError):
        store.save_ledger_decision({"action": "merge", "groups": ["g-1", "g-2"], "when": object()})
    assert store.ledger_decisions() == []


def test_no_store_takes_what_the_team_store_cannot_hold(store: Store, make: MakeAnnotation) -> None:
    """tr9 T13, tr8 T3's second case: an article id or analyst name too long for the
    server's index, or a sentence index, offset or sentence count of 2**31 or more, was
    taken by the file store and refused by the server in PostgreSQL's words ("index row
    size 3024 exceeds btree version 4 maximum 2704", "out of range for type integer").
    Every store refuses it, naming the record and the field, and holds nothing of it."""
    kept = store.save(make("a1", 1, note="kept"))
    long_id, large = "x" * 1001, 2**31
    for call, words in [
        (lambda: store.save(make(long_id)), "its article_id is 1,001 bytes long (UTF-8)"),
        (lambda: store.save(make(annotator="é" * 501)), "its annotator is 1,002 bytes long"),
        (lambda: store.save(replace(make(), index=large)), f"its index {large} is more than"),
        (lambda: store.save(replace(make(), start=large, end=large + 9)), "its start"),
        (lambda: store.import_annotations([make("a1", 2), make(long_id)]), "its article_id"),
        (lambda: store.remember_article(long_id, "Title", "f" * 64, 3), "its article_id"),
        (lambda: store.remember_article("a1", "Title", "f" * 64, large), "its sentences"),
    ]:
        with pytest.raises(StoreWriteError, match=re.escape(words)) as refused:
            call()
        assert "the team store (PostgreSQL) can" in str(refused.value)
        assert long_id not in str(refused.value)  # named, not printed whole
    store.set_position("a1", large)
    assert store.position() is None and "its index 2147483648 is more" in store.warnings[-1]
    assert store.all() == [kept] and store.articles() == []
    assert store.save(make("x" * 1000)).article_id == "x" * 1000  # the longest held


def test_a_closed_store_refuses_writes(store: Store, make: MakeAnnotation) -> None:
    saved = store.save(make())
    store.close()
    store.close()
    with pytest.raises(StoreWriteError, match="closed"):
        store.save(saved.toggled("denial"))
    if isinstance(store, AnnotationStore):  # the file store's records stay in memory
        assert store.get("a1", 0) == saved
    else:
        with pytest.raises(StoreError, match="closed"):
            store.get("a1", 0)


def test_no_store_takes_a_nul_character(store: Store, make: MakeAnnotation) -> None:
    """tr8 T3's rest (im8): the import and the prompts refuse U+0000, and the team store
    cannot hold one; a direct call (an accepted suggestion whose source came from an
    article text holding one) stored it in a file database. Every store refuses it,
    naming the field, and holds nothing of it."""
    kept = store.save(make("a1", 1, note="kept"))
    for call, field in [
        (lambda: store.save(make(note="a\x00b")), "note"),
        (lambda: store.save(make(source="Pat\x00Ryder")), "source"),
        (lambda: store.import_annotations([make("a1", 2), make("a1", 3, note="\x00")]), "note"),
        (lambda: store.remember_article("a1", "Ti\x00tle", "f" * 64, 12), "its title"),
        (lambda: store.save_ledger_decision({"action": "merge", "why": "\x00"}), "its why"),
    ]:
        with pytest.raises(StoreWriteError, match=f"{field} holds a NUL character"):
            call()
    assert store.all() == [kept] and store.articles() == [] and store.ledger_decisions() == []


NOW = "2026-01-01T00:00:00Z"


@pytest.mark.parametrize(
    ("decision", "said"),
    [
        ({"action": "explode"}, "unknown action 'explode'"),
        ({"action": "merge", "groups": [1, 2]}, "not a merge this version reads"),
        ({"action": "undo", "before": {"action": "rename"}}, "an undo must hold a merge or split"),
        ({"action": "split", "member": ["alice", "a1", 0], "at": "noon"}, "at is 'noon'"),
    ],
)
def test_no_store_takes_a_ledger_decision_its_import_refuses(
    store: Store, make: MakeAnnotation, decision: dict[str, Any], said: str
) -> None:
    """tr7 T3's ledger part: a decision the import refuses by itself was taken and kept
    as an object, then exported into a file its own import refused. Every store refuses
    it at its door (saved or imported), naming what is wrong, and holds nothing of it."""
    for call in (
        lambda: store.save_ledger_decision(decision),
        lambda: store.import_annotations(
            [make("a1", 2)], decisions=[{"annotator": "bob", "at": NOW, **decision}]
        ),
    ):
        with pytest.raises(
            StoreWriteError, match=f"decision is not one the store writes: .*{said}"
        ):
            call()
    assert store.all() == [] and store.ledger_decisions() == []
