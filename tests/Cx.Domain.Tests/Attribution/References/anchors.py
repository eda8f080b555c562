#!/usr/bin/python3
"""Reference figures for AttributionAnchorTests, computed from the published definitions in exact rational arithmetic
(Python's fractions), independently of Cx.Domain.

Run: /usr/bin/python3 tests/Cx.Domain.Tests/Attribution/References/anchors.py

Markov chain removal effect (Anderl, Becker, v. Wangenheim and Schumann 2014, as ChannelAttribution implements it):
states start, one per touchpoint, conversion and null; transition probabilities are counts over each state's outgoing
total; P(conversion) solved exactly from the absorbing chain; RE(k) = 1 - P_without_k / P; weights RE / sum RE.
  per path: each converting path's value split over the touchpoints on the path by weights (largest remainder).
  pooled (ChannelAttribution's total_conversion_value): the total value split over all touchpoints by weights.
Shapley value over players (stages or touchpoints), exact over all coalitions:
  conversion rate: v(S) = C(S)/N(S) over paths whose player set is a subset of S.
  conversion count (Zhao, Mahboobi and Bagheri 2018, arXiv:1804.05327): v(S) = C(S); closed form sum_T C(T)/|T|.
  weights = max(phi, 0) / sum; each converting path split over its touchpoints, a stage's weight split equally over its
  touches on the path (largest remainder, ties to journey order).
"""
from fractions import Fraction as F
from itertools import combinations
from math import factorial

TOUCHPOINTS = ["web", "dealer", "proposal", "repair", "check-in"]          # journey order
STAGE = {"web": "research", "dealer": "research", "proposal": "purchase", "repair": "service", "check-in": "service"}
STAGES = ["research", "purchase", "service"]

# (path, value of the gain, or None for a null path) -- the same data as AttributionAnchorTests.Paths.
PATHS = [
    (["web", "proposal"], 900),
    (["web"], 300),
    (["dealer"], None),
    (["web", "dealer"], None),
    (["web", "dealer", "proposal"], 1250),
    (["proposal", "repair"], 480),
    (["repair"], None),
    (["check-in", "web", "proposal"], 777),
    (["dealer", "dealer", "check-in"], None),
    (["web", "check-in"], 150),
    (["proposal"], None),
    (["repair", "check-in"], 333),
]


def solve(a, b):
    """Exact Gaussian elimination."""
    n = len(b)
    a = [row[:] for row in a]
    b = b[:]
    for c in range(n):
        p = next(r for r in range(c, n) if a[r][c] != 0)
        a[c], a[p] = a[p], a[c]
        b[c], b[p] = b[p], b[c]
        for r in range(n):
            if r != c and a[r][c] != 0:
                f = a[r][c] / a[c][c]
                a[r] = [x - f * y for x, y in zip(a[r], a[c])]
                b[r] -= f * b[c]
    return [b[i] / a[i][i] for i in range(n)]


def conversion(removed=None):
    states = ["start"] + TOUCHPOINTS
    counts = {s: {} for s in states}
    for path, value in PATHS:
        prev = "start"
        for t in path:
            counts[prev][t] = counts[prev].get(t, 0) + 1
            prev = t
        end = "conv" if value is not None else "null"
        counts[prev][end] = counts[prev].get(end, 0) + 1
    n = len(states)
    a = [[F(int(i == j)) for j in range(n)] for i in range(n)]
    b = [F(0)] * n
    for i, s in enumerate(states):
        total = sum(counts[s].values())
        if s == removed or total == 0:
            continue
        for j, t in enumerate(states):
            a[i][j] -= F(counts[s].get(t, 0), total)
        b[i] = F(counts[s].get("conv", 0), total)
    return solve(a, b)[0]


def largest_remainder(value, weights):
    total = sum(weights)
    quotas = [F(value) * w / total for w in weights]
    floors = [q.numerator // q.denominator for q in quotas]
    order = sorted([i for i in range(len(weights)) if weights[i] > 0], key=lambda i: (-(quotas[i] - floors[i]), i))
    for k in range(value - sum(floors)):
        floors[order[k]] += 1
    return floors


def split_paths(weight_of_touch):
    """Credits per touchpoint: each converting path split over its distinct touchpoints (journey order)."""
    credit = {t: 0 for t in TOUCHPOINTS}
    for path, value in PATHS:
        if value is None:
            continue
        distinct = [t for t in TOUCHPOINTS if t in path]
        weights = [sum(weight_of_touch(path, i) for i in range(len(path)) if path[i] == t) for t in distinct]
        if sum(weights) == 0:
            weights = [F(path.count(t)) for t in distinct]
        for t, part in zip(distinct, largest_remainder(value, weights)):
            credit[t] += part
    return credit


def markov():
    base = conversion()
    effects = {t: 1 - conversion(t) / base for t in TOUCHPOINTS}
    total = sum(max(e, 0) for e in effects.values())
    weights = {t: max(e, 0) / total for t, e in effects.items()}
    print("markov conversion probability", base, float(base))
    for t in TOUCHPOINTS:
        print(f"  removal effect {t:9} {str(effects[t]):>14} = {float(effects[t]):.15f}   weight {float(weights[t]):.15f}")
    per_path = split_paths(lambda path, i: weights[path[i]] / path.count(path[i]))
    total_value = sum(v for _, v in PATHS if v is not None)
    pooled = dict(zip(TOUCHPOINTS, largest_remainder(total_value, [weights[t] for t in TOUCHPOINTS])))
    print("  per path", per_path)
    print("  pooled  ", pooled)


def shapley(players_of, players, rate):
    sets = [(frozenset(players_of(t) for t in path), value is not None) for path, value in PATHS]
    met = sorted({p for s, _ in sets for p in s}, key=players.index)
    n = len(met)

    def v(coalition):
        inside = [conv for s, conv in sets if s <= coalition]
        if rate:
            return F(sum(inside), len(inside)) if inside else F(0)
        return F(sum(inside))

    phi = {}
    for i in met:
        others = [p for p in met if p != i]
        phi[i] = sum(F(factorial(k) * factorial(n - k - 1), factorial(n)) * (v(frozenset(s) | {i}) - v(frozenset(s)))
                     for k in range(n) for s in combinations(others, k))
    positive = sum(max(x, 0) for x in phi.values())
    weights = {p: max(x, 0) / positive for p, x in phi.items()}
    return phi, weights


def report_shapley(by_stage, rate):
    players_of = (lambda t: STAGE[t]) if by_stage else (lambda t: t)
    phi, weights = shapley(players_of, STAGES if by_stage else TOUCHPOINTS, rate)
    name = ("stages" if by_stage else "touchpoints") + (", conversion rate" if rate else ", conversion count (Zhao et al.)")
    print("shapley over", name)
    for p, x in phi.items():
        print(f"  phi {p:9} {str(x):>12} = {float(x):.15f}   weight {float(weights[p]):.15f}")

    def weight_of_touch(path, i):
        p = players_of(path[i])
        return weights[p] / sum(1 for t in path if players_of(t) == p)

    print("  per path", split_paths(weight_of_touch))
    if not rate:
        # Zhao et al.'s closed form: each conversion shared equally among the players it met.
        closed = {p: sum(F(1, len(s)) for s, conv in
                         [(frozenset(players_of(t) for t in path), value is not None) for path, value in PATHS]
                         if conv and p in s) for p in phi}
        print("  closed form equals phi:", closed == phi)


markov()
for by_stage in (True, False):
    for rate in (True, False):
        report_shapley(by_stage, rate)
