"""The analysis statistics held against numpy and scipy (Debian's python3-scipy 1.10).

analysis_stats_cli (path in $ANALYSIS_STATS_CLI) answers JSON requests with the C++ library's
results. Data sets come from a fixed seed, sizes n = 3, 5, 8, 9, 20, 100, 1000, in these
shapes: continuous (lognormal, like timings), heavily tied (rounded), constant, mostly
constant with spikes, heavy-tailed; pairs also identical sides and one side constant. Everything
is sent in one batch per test: one process, not hundreds.
"""

import json
import math
import os
import subprocess
import unittest

import numpy as np
from scipy import stats

CLI = os.environ.get("ANALYSIS_STATS_CLI", "")
SIZES = (3, 5, 8, 9, 20, 100, 1000)
REL = 1e-9


def ask(requests):
    r = subprocess.run([CLI], input=json.dumps(requests), capture_output=True, text=True, timeout=60)
    if r.returncode != 0:
        raise AssertionError(f"analysis_stats_cli exited {r.returncode}: {r.stderr}")
    answers = json.loads(r.stdout)
    assert len(answers) == len(requests)
    return answers


def data_sets(rng):
    """(label, values) for each size and shape; values as Python floats."""
    sets = []
    for n in SIZES:
        continuous = rng.lognormal(mean=-4.0, sigma=0.25, size=n)
        sets.append((f"continuous n={n}", continuous))
        # Rounded to 1 ms over ~20 ms: a handful of distinct values, many ties.
        sets.append((f"rounded n={n}", np.round(rng.normal(0.02, 0.002, size=n), 3)))
        sets.append((f"constant n={n}", np.full(n, 0.0125)))
        # Mostly one value: MAD = 0, so the modified z-score falls back to MeanAD.
        spiky = np.full(n, 0.0125)
        spiky[::4] = continuous[::4] * 3
        sets.append((f"spiky n={n}", spiky))
        # A heavy tail: every 10th sample 5x slower, for Tukey's far fence.
        tail = continuous.copy()
        tail[::10] *= 5
        sets.append((f"heavy tail n={n}", tail))
    return [(label, [float(v) for v in values]) for label, values in sets]


def expected_ci_ranks(n):
    """Largest j with 1 - 2 P(B <= j - 1) >= 0.95, B ~ Binomial(n, 1/2); None if no j."""
    js = np.arange(1, n // 2 + 1)
    if len(js) == 0:
        return None
    coverage = 1 - 2 * stats.binom.cdf(js - 1, n, 0.5)
    ok = js[coverage >= 0.95]
    if len(ok) == 0:
        return None
    j = int(ok.max())
    return j, n + 1 - j, float(1 - 2 * stats.binom.cdf(j - 1, n, 0.5))


def scipy_method(x, y):
    """scipy 1.10's choice for method="auto" (stats/_mannwhitneyu.py, _mwu_choose_method)."""
    if len(x) > 8 and len(y) > 8:
        return "asymptotic"
    xy = np.concatenate([x, y])
    return "asymptotic" if len(np.unique(xy)) != len(xy) else "exact"


def exact_mwu_orderings_up_to(k, m, n):
    """How many of the C(m + n, m) orderings of two samples give U <= k (exact integers)."""
    # f[i][u]: orderings of i values against the j values seen so far with U = u, u <= k.
    f = [[1] + [0] * k for _ in range(m + 1)]  # j = 0: U is 0
    for j in range(1, n + 1):
        for i in range(1, m + 1):  # ascending i: f[i - 1] already holds column j
            prev, lower = f[i], f[i - 1]
            f[i] = [prev[u] + (lower[u - j] if u >= j else 0) for u in range(k + 1)]
    return sum(f[m])


@unittest.skipUnless(CLI, "ANALYSIS_STATS_CLI is not set (run through ctest)")
class AgainstScipy(unittest.TestCase):
    def assertRel(self, actual, expected, msg, rel=REL):
        self.assertTrue(math.isclose(actual, expected, rel_tol=rel, abs_tol=1e-300),
                        f"{msg}: {actual!r} vs expected {expected!r}")

    def test_summaries(self):
        rng = np.random.default_rng(20261126)
        sets = data_sets(rng)
        answers = ask([{"op": "summarize", "values": v, "seconds": True} for _, v in sets])
        for (label, values), got in zip(sets, answers, strict=True):
            x = np.array(values)
            p = np.percentile(x, [5, 25, 50, 75, 95, 99])  # numpy's default "linear" = type 7
            for key, want in zip(("p5", "q1", "median", "q3", "p95", "p99"), p, strict=True):
                self.assertRel(got[key], want, f"{label} {key}")
            mad = stats.median_abs_deviation(x, scale=1)
            self.assertRel(got["mad"], mad, f"{label} mad")
            self.assertRel(got["mean"], x.mean(), f"{label} mean")
            self.assertTrue(math.isclose(got["stddev"], x.std(ddof=1) if len(x) > 1 else 0.0,
                                         rel_tol=1e-9, abs_tol=1e-15), f"{label} stddev")
            self.assertEqual(got["median_of_rest"] is None, len(x) == 1)
            self.assertRel(got["median_of_rest"], np.median(x[1:]), f"{label} median of rest")
            self.check_median_ci(label, x, got["median_ci"])
            self.check_outliers(label, x, got, mad)

    def check_median_ci(self, label, x, got):
        want = expected_ci_ranks(len(x))
        if want is None:
            self.assertIsNone(got, label)
            return
        j, k, coverage = want
        self.assertEqual((got["lower_rank"], got["upper_rank"]), (j, k), label)
        self.assertRel(got["coverage"], coverage, f"{label} coverage")
        s = np.sort(x)
        self.assertEqual((got["lower"], got["upper"]), (s[j - 1], s[k - 1]), label)

    def check_outliers(self, label, x, got, mad):
        # Counted here from the definitions with numpy (M directly, not fences).
        median = np.median(x)
        if mad > 0:
            m = 0.6745 * (x - median) / mad
        else:
            mean_ad = np.mean(np.abs(x - median))
            m = (x - median) / (1.253314 * mean_ad) if mean_ad > 0 else np.zeros_like(x)
        q1, q3 = np.percentile(x, [25, 75])
        iqr = q3 - q1
        o = got["outliers"]
        self.assertEqual(o["modified_z_count"], int(np.sum(np.abs(m) > 3.5)), label)
        self.assertEqual(o["tukey_count"], int(np.sum((x < q1 - 1.5 * iqr) | (x > q3 + 1.5 * iqr))), label)
        self.assertEqual(o["tukey_far_count"], int(np.sum((x < q1 - 3 * iqr) | (x > q3 + 3 * iqr))), label)

    def test_median_ci_ranks_for_all_small_and_some_large_n(self):
        ns = list(range(0, 201)) + [1000, 10**4, 10**5, 10**6]
        answers = ask([{"op": "median_ci_ranks", "n": n} for n in ns])
        for n, got in zip(ns, answers, strict=True):
            want = expected_ci_ranks(n) if n > 0 else None
            if want is None:
                self.assertIsNone(got, n)
                continue
            self.assertEqual((got["lower_rank"], got["upper_rank"]), want[:2], n)
            self.assertRel(got["coverage"], want[2], f"coverage n={n}", rel=1e-7)
        self.assertIsNone(answers[5])  # n = 5: no 95 % interval exists
        self.assertIsNotNone(answers[6])

    def mann_whitney_pairs(self):
        rng = np.random.default_rng(5)
        pairs = []
        for n in SIZES:
            a = rng.lognormal(-4.0, 0.25, n)
            b = rng.lognormal(-4.0 + 0.1, 0.25, n)
            pairs.append((f"continuous n={n}", a, b))
            pairs.append((f"rounded n={n}", np.round(a, 2), np.round(b, 2)))
            pairs.append((f"identical n={n}", a, a.copy()))
            pairs.append((f"one side constant n={n}", np.full(n, float(np.median(a))), b))
        # One small side against a large one: exact under scipy's rule, counts beyond 64 bits.
        pairs.append(("8 vs 300", rng.lognormal(0, 1, 8), rng.lognormal(0.5, 1, 300)))
        pairs.append(("3 vs 400", rng.lognormal(0, 1, 3), rng.lognormal(0, 1, 400)))
        pairs.append(("5 vs 9", rng.lognormal(0, 1, 5), rng.lognormal(1, 1, 9)))
        # Far apart: a tiny exact p and a tiny asymptotic p.
        pairs.append(("separated 8", np.arange(1.0, 9.0), np.arange(11.0, 19.0)))
        pairs.append(("separated 100", rng.normal(0, 1, 100), rng.normal(3, 1, 100)))
        return pairs

    def test_mann_whitney(self):
        pairs = self.mann_whitney_pairs()
        answers = ask([{"op": "mann_whitney", "base": [float(v) for v in a], "new": [float(v) for v in b]}
                       for _, a, b in pairs])
        methods = set()
        for (label, a, b), got in zip(pairs, answers, strict=True):
            want = stats.mannwhitneyu(a, b, alternative="two-sided")
            self.assertEqual(got["method"], scipy_method(a, b), label)
            methods.add(got["method"])
            self.assertEqual(got["u_base"], float(want.statistic), label)
            self.assertRel(got["p_value"], float(want.pvalue), f"{label} p")
        self.assertEqual(methods, {"exact", "asymptotic"}, "both paths must be exercised")

    def test_exact_mann_whitney_beyond_64_bits(self):
        # 8 against 1000 is exact under scipy's rule, but C(1008, 8) > 2^64 and scipy takes
        # minutes there: the reference is the counting recursion f(m, n, k) = f(m - 1, n, k - n)
        # + f(m, n - 1, k) (Mann & Whitney 1947) in Python's exact integers.
        rng = np.random.default_rng(3)
        a, b = rng.lognormal(-1.0, 0.5, 8), rng.lognormal(0.5, 0.5, 1000)
        got = ask([{"op": "mann_whitney", "base": [float(v) for v in a], "new": [float(v) for v in b]}])[0]
        u1 = int(sum(np.sum(x > b) for x in a))
        k = min(u1, 8 * 1000 - u1)
        want = 2 * exact_mwu_orderings_up_to(k, 8, 1000) / math.comb(1008, 8)
        self.assertGreater(math.comb(1008, 8), 2**64)
        self.assertEqual(got["method"], "exact")
        self.assertEqual(got["u_base"], float(u1))
        self.assertRel(got["p_value"], want, "p", rel=1e-12)

    def test_geometric_mean(self):
        rng = np.random.default_rng(11)
        sets = [list(rng.lognormal(0.05, 0.1, k)) for k in (2, 3, 10, 40)] + [[1.3]]
        answers = ask([{"op": "geometric_mean", "ratios": [float(r) for r in s]} for s in sets])
        for s, got in zip(sets, answers, strict=True):
            r = np.log(s)
            self.assertRel(got["value"], stats.gmean(s), f"gmean k={len(s)}")
            if len(s) < 2:
                self.assertIsNone(got["low"])
                continue
            half = stats.t.ppf(0.975, len(s) - 1) * r.std(ddof=1) / math.sqrt(len(s))
            self.assertRel(got["low"], math.exp(r.mean() - half), f"low k={len(s)}")
            self.assertRel(got["high"], math.exp(r.mean() + half), f"high k={len(s)}")

    def test_bootstrap_ratio_interval_covers_the_true_ratio(self):
        # 200 pairs from one lognormal, new scaled by 1.1: the true ratio of medians is 1.1.
        # Nominal coverage is 95 %; percentile intervals of a median undercover a little at
        # n = 30. The bound 90 % is ~3.2 binomial standard errors (sqrt(.95 * .05 / 200) =
        # 1.5 points) under nominal: a correct interval fails it with probability < 0.1 %,
        # while one half as wide (~65 % coverage) or off-center fails it surely.
        rng = np.random.default_rng(99)
        trials, n, ratio = 200, 30, 1.1
        requests = []
        for _ in range(trials):
            base = rng.lognormal(-4.0, 0.3, n)
            new = ratio * rng.lognormal(-4.0, 0.3, n)
            requests.append({"op": "compare", "base": [float(v) for v in base],
                             "new": [float(v) for v in new], "resamples": 2000})
        answers = ask(requests)
        covered = 0
        for req, got in zip(requests, answers, strict=True):
            r = got["ratio"]
            self.assertRel(r["ratio"], np.median(req["new"]) / np.median(req["base"]), "point ratio")
            self.assertLessEqual(r["low"], r["high"])
            covered += r["low"] <= ratio <= r["high"]
        self.assertGreaterEqual(covered / trials, 0.90, f"covered {covered} of {trials}")
        # Fixed seed: the same data give the same interval.
        again = ask(requests[:3])
        self.assertEqual(again, answers[:3])

    def test_round_spread(self):
        # One-way random-effects ANOVA (round_spread.hpp): MSB / MSW is scipy's f_oneway F;
        # the components and the robust spreads from their definitions with numpy.
        rng = np.random.default_rng(17)
        cases = []
        for k, n, between, within in ((2, 5, 0.0, 0.02), (5, 8, 0.03, 0.01), (10, 50, 0.01, 0.02), (4, 3, 0.1, 0.01)):
            cases.append([list(np.exp(-4 + rng.normal(0, between) + rng.normal(0, within, n))) for _ in range(k)])
        cases.append([list(rng.lognormal(-4, 0.1, m)) for m in (2, 7, 4, 12)])  # unequal rounds
        answers = ask([{"op": "round_spread", "rounds": [[float(v) for v in r] for r in c]} for c in cases])

        def rel(x):
            return stats.median_abs_deviation(x, scale=1) / np.median(x)

        dominated = set()
        for c, got in zip(cases, answers, strict=True):
            rounds = [np.array(r) for r in c]
            label = f"{len(rounds)} rounds of {[len(r) for r in rounds]}"
            self.assertRel(got["within_relative_mad"], np.median([rel(r) for r in rounds]), f"{label} within")
            self.assertRel(got["between_relative_mad"], rel(np.array([np.median(r) for r in rounds])),
                           f"{label} between")
            k, N = len(rounds), sum(len(r) for r in rounds)
            gm = np.concatenate(rounds).mean()
            msb = sum(len(r) * (r.mean() - gm) ** 2 for r in rounds) / (k - 1)
            msw = sum(((r - r.mean()) ** 2).sum() for r in rounds) / (N - k)
            n0 = (N - sum(len(r) ** 2 for r in rounds) / N) / (k - 1)
            sb = max(0.0, (msb - msw) / n0)
            got_c = got["components"]
            self.assertRel(got_c["mean_square_between"] / got_c["mean_square_within"],
                           stats.f_oneway(*rounds).statistic, f"{label} F", rel=1e-8)
            for key, want in (("grand_mean", gm), ("mean_square_within", msw), ("samples_per_round", n0),
                              ("within_variance", msw), ("icc", sb / (sb + msw))):
                self.assertRel(got_c[key], want, f"{label} {key}", rel=1e-8)
            self.assertTrue(math.isclose(got_c["between_variance"], sb, rel_tol=1e-8, abs_tol=1e-18), label)
            self.assertEqual(got["dominated_by_between"], sb > msw, label)
            self.assertEqual(got["warning"] != "", sb > msw, label)
            dominated.add(got["dominated_by_between"])
        self.assertEqual(dominated, {True, False}, "both sides of the rule must be exercised")


if __name__ == "__main__":
    unittest.main()
