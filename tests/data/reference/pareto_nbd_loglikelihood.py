"""Reference values of the Pareto/NBD log-likelihood at the ends of double, by mpmath at 50 digits.

    /usr/bin/python3 tests/data/reference/pareto_nbd_loglikelihood.py 7 400 > tests/data/reference/pareto-nbd-loglikelihood.txt

(mpmath 1.2.1, Debian's python3-mpmath; about 90 s.) Each line: r alpha s beta x t_x T log-likelihood. The likelihood is
computed from its definition (Fader and Hardie 2005, "A note on deriving the Pareto/NBD model and related expressions",
equation 18 before the hypergeometric closed form):

    L = Gamma(r + x)/Gamma(r) alpha^r beta^s [ (alpha + T)^-(r+x) (beta + T)^-s
                                              + s Int_{t_x}^{T} (alpha + tau)^-(r+x) (beta + tau)^-(s+1) dtau ]

with the integral taken by tanh-sinh quadrature (mpmath.quad) of the integrand divided by its value at t_x (mpmath's quad
misjudges its error on values like 1e-15000), over a grid of split points geometric from t_x and then even, and its
estimated error asserted below 1e-20 of the integral. Parameters are drawn from 1e-12 to 1e12, where r ln alpha and
s ln beta reach 1e13 and double arithmetic in absolute log form loses the likelihood of customers near certainty.
"""
import random
import sys

from mpmath import exp, log, loggamma, mp, mpf, quad

mp.dps = 50
random.seed(int(sys.argv[1]) if len(sys.argv) > 1 else 7)
ps = [1e-12, 1e-6, 1e-3, 0.5, 1, 10, 1e3, 1e6, 1e12]
cs = [(0, 0, 0.5), (0, 0, 40), (1, 3, 40), (5, 30, 40), (50, 39, 40), (200, 100, 300), (3, 39.999, 40)]


def ll(r, a, s, b, x, tx, T):
    r, a, s, b, tx, T = map(mpf, (r, a, s, b, tx, T))
    alive = -(r + x) * log(a + T) - s * log(b + T)
    if T > tx:
        f = lambda t: exp(-(r + x) * log((a + t) / (a + tx)) - (s + 1) * log((b + t) / (b + tx)))
        pts = [tx] + [tx + (T - tx) * mpf(10) ** (-k) for k in range(60, 0, -1)] + [tx + (T - tx) * mpf(k) / 20 for k in range(2, 21)]
        integral, err = quad(f, pts, error=True)
        assert err < integral * mpf(10) ** -20, (integral, err)
        death = log(s) + log(integral) - (r + x) * log(a + tx) - (s + 1) * log(b + tx)
        top = max(alive, death)
        total = top + log(exp(alive - top) + exp(death - top))
    else:
        total = alive
    return loggamma(r + x) - loggamma(r) + r * log(a) + s * log(b) + total


n = int(sys.argv[2]) if len(sys.argv) > 2 else 400
print("# r alpha s beta x t_x T log-likelihood (mpmath, 50 digits): " + " ".join(sys.argv[1:]))
for i in range(n):
    r, a, s, b = (random.choice(ps) for _ in range(4))
    x, tx, T = random.choice(cs)
    print(repr(r), repr(a), repr(s), repr(b), x, repr(tx), repr(T), mp.nstr(ll(r, a, s, b, x, tx, T), 25))
