"""Logistic regression for the offline trainers (denial model, conflict model).

AdaGrad stochastic gradient descent with L2 (not on the bias) and a seeded shuffle, in
pure Python: the same rows give the same weights, bit for bit, so a trainer reproduces
its weights file byte for byte.
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence

Row = tuple[list[tuple[int, float]], bool, float]
"""A training row: its (feature index, value) pairs, its label, its weight."""


def fit(
    rows: Sequence[Row],
    size: int,
    bias: int,
    *,
    l2: float,
    positive_weight: float,
    epochs: int,
    rate: float,
    seed: int,
) -> list[float]:
    """The weights of `size` features (`bias` is not regularised)."""
    weights = [0.0] * size
    squares = [1e-8] * size
    order = list(range(len(rows)))
    shuffler = random.Random(seed)
    for _epoch in range(epochs):
        shuffler.shuffle(order)
        for k in order:
            row, label, weight = rows[k]
            total = sum(weights[i] * v for i, v in row)
            predicted = 1.0 / (1.0 + math.exp(-total)) if total > -30 else 0.0
            error = (predicted - 1.0) * positive_weight if label else predicted
            error *= weight
            for i, v in row:
                gradient = error * v + (l2 * weights[i] if i != bias else 0.0)
                squares[i] += gradient * gradient
                weights[i] -= rate * gradient / math.sqrt(squares[i])
    return weights
