"""Reference values of the BG/NBD expected purchases, conditional on a customer's history, by mpmath at 50 digits.

    /usr/bin/python3 tests/data/reference/bg_nbd_expectation.py 13 300 > tests/data/reference/bg-nbd-expectation.txt

(mpmath 1.2.1, Debian's python3-mpmath; a few minutes.) mpmath works at 50 digits plus the digits of the largest shape. Each line: r alpha a b x t_x T t expected-purchases. The
expectation is equation 10 of Fader, Hardie and Lee (2005), "Counting your customers the easy way", Marketing Science
24(2), written as the mean it is:

    E[X(t) | x, t_x, T] = E[(1 - (1 + p k)^-(r+x)) / p] / (1 + (x > 0) a / (b + x - 1) ((alpha + T)/(alpha + t_x))^(r+x))

over p ~ Beta(a, b + x), with k = t / (alpha + T): the mean, over the posterior drop-out chance p and purchase rate
lambda ~ Gamma(r + x, alpha + T), of (1 - e^(-lambda p t)) / p. The mean is integrated numerically in the logit of p, in
pieces of the posterior's own width, at 50 digits, so nothing cancels: the hypergeometric form the library sums where
it can is not used here (it needs ln B(a, b + x) to 25 digits at a = 1e15). Where both can be trusted (a and b up to
1e3, r up to 1e3, t/(alpha + T) below 1e6) the script checks the two forms agree to 1e-30 before it prints.
"""
import random
import sys

from mpmath import beta, exp, expm1, hyp2f1, inf, log, log1p, log10, mp, mpf, quad, sqrt

mp.dps = 50
random.seed(int(sys.argv[1]) if len(sys.argv) > 1 else 13)
shapes = [0.5, 2, 10, 1e3, 1e6, 1e9, 1e12, 1e15, 1e16]
rates = [1e-3, 1, 1e3, 1e6, 1e12]
histories = [(0, 0, 0.5), (0, 0, 40), (1, 3, 40), (5, 30, 40), (50, 39, 40), (3, 39.999, 40)]
horizons = [1, 39, 520, 5200, 52000]


def log_sigma(y):
    return -log1p(exp(-y)) if y > 0 else y - log1p(exp(y))


def mean_if_alive(r, al, a, b, x, T, t):
    """E[(1 - (1 + p k)^-(r+x)) / p] over p ~ Beta(a, b + x), integrated in y = logit p; ln B(a, b + x) and the
    kernel's exponent are of order max(a, b) ln max(a, b), so the digits grow with the shapes."""
    with mp.workdps(50 + int(max(0, log10(max(a, b + x))))):
        return +_mean_if_alive(r, al, a, b, x, T, t)


def _mean_if_alive(r, al, a, b, x, T, t):
    bx = b + x
    shape = r + x
    k = t / (al + T)
    log_beta = log(beta(a, bx))

    def f(y):
        lp = log_sigma(y)
        lq = log_sigma(-y)
        p = exp(lp)
        v = shape * log1p(p * k)
        return exp(a * lp + bx * lq - log_beta - lp) * -expm1(-v)

    # Pieces around the kernel's mode and, for a below 1 (where the mean sits near p = 1/(R k)), around that point too.
    centre = log(a) - log(bx)
    width = sqrt(1 / a + 1 / bx)
    turn = -log(shape * k)
    points = sorted(set([centre + j * width for j in range(-60, 61, 2)] + [turn + j for j in range(-40, 41, 2)]))
    points = [-inf] + points + [inf]
    return quad(f, points)


def by_hypergeometric(r, al, a, b, x, T, t):
    z = t / (al + T + t)
    c = a + b + x - 1
    return c / (a - 1) * (1 - ((al + T) / (al + T + t)) ** (r + x) * hyp2f1(r + x, b + x, c, z, maxterms=10**6))


def expected(r, al, a, b, x, tx, T, t):
    r, al, a, b, tx, T, t = map(mpf, (r, al, a, b, tx, T, t))
    alive = mean_if_alive(r, al, a, b, x, T, t)
    if a <= 1e3 and b <= 1e3 and r <= 1e3 and a > 1 and t / (al + T) < 1e6:
        other = by_hypergeometric(r, al, a, b, x, T, t)
        assert abs(other - alive) <= mpf(10) ** -30 * abs(alive), (r, al, a, b, x, T, t, alive, other)
    if x > 0:
        alive /= 1 + a / (b + x - 1) * ((al + T) / (al + tx)) ** (r + x)
    return alive


n = int(sys.argv[2]) if len(sys.argv) > 2 else 300
print("# r alpha a b x t_x T t expected-purchases (mpmath, 50 digits): " + " ".join(sys.argv[1:]))
# The case that once fell with the horizon (1.99994 at 5,200 weeks, from two logarithms of -1.4e12 subtracted).
fixed = [(1e12, 1e12, 1e12, 1e12, 0, 0, 0.5, t) for t in (520, 2000, 5200, 1e6)]
# New customers whose t/alpha overflows a double (found by the fuzz run: NaN).
fixed += [(6.4, 1e-300, 9.11, 1e300, 0, 0, 0, 1.0), (14.4, 1e-300, 7.73, 8.25, 0, 0, 0, 1e12), (14.4, 1e-300, 0.5, 8.25, 0, 0, 0, 1e12),
          (14.4, 1e-300, 0.5, 8.25, 0, 0, 0, 1e-10), (14.4, 1e-300, 1e15, 1e15, 0, 0, 0, 1e12)]
# Purchases that turn on at a drop-out chance far below the smallest double (p k = 1e-100 at r = 1e100; found by a scan:
# the expectation fell with the horizon).
fixed += [(1e100, 1e-300, 1.0, 1.0, 0, 0, 0, 520.0), (1e100, 1e-300, 1.0, 0.001, 0, 0, 0, 1e6)]
for case in fixed:
    print(" ".join(repr(v) for v in case), mp.nstr(expected(*case), 25))
for i in range(n):
    r, al = (random.choice(rates) for _ in range(2))
    a, b = (random.choice(shapes) for _ in range(2))
    x, tx, T = random.choice(histories)
    t = random.choice(horizons)
    print(repr(r), repr(al), repr(a), repr(b), x, repr(tx), repr(T), repr(t), mp.nstr(expected(r, al, a, b, x, tx, T, t), 25))
