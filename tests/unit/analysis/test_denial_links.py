"""Denied-by links on the hand-labelled sets (tests/fixtures/denial_links.py).

Figures in docs/summary-measurements.md ("How well "denied by" links are found"). The floors are the
measured figures: a change that lowers them must say why."""

from __future__ import annotations

from tests.fixtures.denial_measure import built, bundled_annotations, links, measured


def test_denied_by_links_on_the_labelled_sets() -> None:
    bundled, news = measured()
    assert (bundled.wrong, news.wrong) == (0, 0)
    assert bundled.found >= 14
    assert news.found >= 10


def test_a_subject_shared_by_the_whole_corpus_links_nothing_by_itself() -> None:
    made = links(built(bundled_annotations(), None))
    nebenzia = made[("002", 18)]
    assert ("000", 11) not in nebenzia  # Biden's long-range missiles
    assert ("000", 16) not in nebenzia  # daily rumors about what they are eating
    assert ("000", 2) not in made.get(
        ("004", 39), set()
    )  # the Kremlin: "not directed against anyone"
    assert ("002", 19) not in nebenzia  # his own denial
    assert ("000", 14) in nebenzia  # 10,000 North Korean troops traveled to Kursk
    assert len(nebenzia) < 15
