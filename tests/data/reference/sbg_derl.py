"""Reference values of the sBG's discounted expected residual lifetime (DERL) by mpmath, at 50 digits plus the digits of
the smaller shape.

    /usr/bin/python3 tests/data/reference/sbg_derl.py 13 150 > tests/data/reference/sbg-derl.txt

(mpmath 1.2.1, Debian's python3-mpmath; about five minutes.) Each line: alpha beta d n DERL. DERL is equation 5 of Fader and
Hardie (2010), "Customer-base valuation in a contractual setting: the perils of ignoring heterogeneity", Marketing
Science 29(1), for a customer active n periods, just before the next renewal:

    DERL(d | n) = sum_{t >= n} S(t)/S(n - 1) / (1 + d)^(t - n)
                = (1 + d) E[(1 - theta)/(theta + d)]  over theta ~ Beta(alpha, beta + n - 1),

the mean, over the customer's posterior churn chance theta, of the discounted geometric lifetime (1 + d)(1 - theta)/(theta + d).
The mean is integrated numerically in the logit of theta, in pieces of the posterior's own width, so nothing cancels: the
hypergeometric form (b/(alpha + b)) 2F1(1, beta + n; alpha + beta + n; 1/(1 + d)) the library sums where it settles is not
used, except where both can be trusted (shapes up to 1e3, d at least 1e-3), where the script checks the two agree to
1e-25 before it prints. Where both shapes are 1e20 or more the posterior is so narrow that the integral would need
hundreds of digits; there the mean is its expansion about the posterior mean mu = alpha/(alpha + b),
(1 + d)(1 - mu)/(mu + d) + (1 + d)^2 Var/(mu + d)^3 with Var = mu(1 - mu)/(alpha + b + 1), whose next term is of relative
order 1/min(alpha, b)^2 (below 1e-40); at 1e16 the script checks the two ways agree to 1e-25.
"""
import random
import sys

from mpmath import beta, exp, hyp2f1, inf, log, log1p, log10, mp, mpf, quad, sqrt

random.seed(int(sys.argv[1]) if len(sys.argv) > 1 else 13)
shapes = [0.5, 2, 10, 1e3, 1e6, 1e12, 1e16]
MAX = 1.7976931348623157e308
rates = [1e-16, 1e-6, 1e-3, 0.1, 1, 10]
actives = [1, 5, 1000, 2147483646]


def log_sigma(y):
    return -log1p(exp(-y)) if y > 0 else y - log1p(exp(y))


def by_expansion(alpha, beta_, d, n):
    with mp.workdps(60 + int(log10(max(alpha, beta_ + n)))):
        a, b, d = mpf(alpha), mpf(beta_) + (n - 1), mpf(d)
        mu = a / (a + b)
        var = mu * (1 - mu) / (a + b + 1)
        return +((1 + d) * (1 - mu) / (mu + d) + (1 + d) ** 2 * var / (mu + d) ** 3)


def derl(alpha, beta_, d, n):
    if min(alpha, beta_ + n - 1) >= 1e20:
        return by_expansion(alpha, beta_, d, n)
    value = by_integral(alpha, beta_, d, n)
    if min(alpha, beta_ + n - 1) >= 1e16:
        other = by_expansion(alpha, beta_, d, n)
        assert abs(other - value) <= mpf(10) ** -25 * value, (alpha, beta_, d, n, value, other)
    return value


def by_integral(alpha, beta_, d, n):
    # The kernel's exponent a ln sigma(y) + b ln sigma(-y) less its peak cancels to order one: digits for the larger shape's
    # size (with the smaller one's at 1e16 and the larger at 1e300, 120 digits still left the mean 1.5e-8 off).
    with mp.workdps(50 + int(max(0, log10(max(alpha, beta_ + n))))):
        a, b, d = mpf(alpha), mpf(beta_) + (n - 1), mpf(d)
        # The kernel over its value at the mode, so the normalising integral is of order one and ln B(a, b) is not needed
        # (its size, about a ln((a + b)/a) + b ln((a + b)/b), is what the digits above are for).
        centre = log(a) - log(b)
        peak = a * log_sigma(centre) + b * log_sigma(-centre)

        def kernel(y):
            return exp(a * log_sigma(y) + b * log_sigma(-y) - peak)

        def weighted(y):
            p = exp(log_sigma(y))
            return kernel(y) * exp(log_sigma(-y)) / (p + d)

        width = sqrt(1 / a + 1 / b)
        turn = log(d)  # where theta + d turns over, for a tiny alpha whose mean sits near 0
        points = sorted(set([centre + j * width for j in range(-60, 61, 2)] + [turn + j for j in range(-40, 41, 4)]))
        points = [-inf] + points + [inf]
        value = (1 + d) * quad(weighted, points) / quad(kernel, points)
        if alpha <= 1e3 and beta_ <= 1e3 and n <= 1000 and d >= 1e-3:
            other = b / (a + b) * hyp2f1(1, mpf(beta_) + n, a + mpf(beta_) + n, 1 / (1 + d))
            assert abs(other - value) <= mpf(10) ** -25 * value, (alpha, beta_, d, n, value, other)
        return +value


n_cases = int(sys.argv[2]) if len(sys.argv) > 2 else 150
print("# alpha beta d n DERL (mpmath): " + " ".join(sys.argv[1:]))
# The fuzz run's reproducer (NaN: ln of the integral less ln B(alpha, b), each about 1.9e301), and the far corners: shapes
# from 1e100 to the largest double, beside small and large ones (the random cases below draw shapes up to 1e16).
fixed = [(1e300, MAX, 1e-16, 2147483646), (1e300, MAX, 0.1, 1), (1e16, 1e16, 0.1, 1), (1e12, 3e12, 1e-6, 5),
         (0.668, 3.806, 0.1, 1), (1e6, 1e6, 1e-16, 1), (1e300, 10, 1e-3, 5), (1e300, 1e16, 1e-3, 5), (2, MAX, 1e-6, 1000),
         (MAX, 0.5, 1, 1), (1e100, 1e100, 1e-6, 5), (0.5, 1e300, 1e-16, 1), (1e300, 0.5, 10, 2147483646),
         (10, 1e100, 1e-3, 1), (1e100, 2, 0.1, 1000), (MAX, MAX, 1e-16, 1), (1e300, 1e300, 1, 2147483646), (1e16, 1e300, 1e-6, 5)]
for case in fixed:
    print(" ".join(repr(v) for v in case), mp.nstr(derl(*case), 25), flush=True)
for i in range(n_cases):
    al, be = (random.choice(shapes) for _ in range(2))
    d = random.choice(rates)
    n = random.choice(actives)
    print(repr(al), repr(be), repr(d), n, mp.nstr(derl(al, be, d, n), 25), flush=True)
