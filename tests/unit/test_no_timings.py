"""The test suite asserts no timings (the quality bar: benchmarks live in bench/)."""

from __future__ import annotations

from hypothesis import HealthCheck, settings


def test_property_tests_have_no_deadline_nor_a_too_slow_check() -> None:
    """tr15 T2: a property test of column widths, with Hypothesis's default deadline of
    200 ms an example, failed once on a loaded machine; the functions it checks had not
    changed. Its own settings may still ask for fewer examples, never for a deadline."""
    assert settings.default.deadline is None
    assert HealthCheck.too_slow in settings.default.suppress_health_check
