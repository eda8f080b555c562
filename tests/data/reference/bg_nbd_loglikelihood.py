"""Reference values of the BG/NBD log-likelihood at the ends of double, by mpmath at 60 digits.

    /usr/bin/python3 tests/data/reference/bg_nbd_loglikelihood.py 11 400 > tests/data/reference/bg-nbd-loglikelihood.txt

(mpmath 1.2.1, Debian's python3-mpmath; a second.) Each line: r alpha a b x t_x T log-likelihood. The likelihood is equation 6
of Fader, Hardie and Lee (2005), "Counting your customers the easy way", Marketing Science 24(2):

    L = Gamma(r + x) alpha^r / Gamma(r) * B(a, b + x) / B(a, b)
        * [ (alpha + T)^-(r+x) + (x > 0) a / (b + x - 1) (alpha + t_x)^-(r+x) ]

in exact high-precision arithmetic. Parameters are drawn from 1e-12 to 1e12, where r ln alpha and ln Gamma(a + b) reach
1e13 and double arithmetic in absolute log form loses the likelihood of customers near certainty.
"""
import random
import sys

from mpmath import beta, exp, log, loggamma, mp, mpf

mp.dps = 60
random.seed(int(sys.argv[1]) if len(sys.argv) > 1 else 11)
ps = [1e-12, 1e-6, 1e-3, 0.5, 1, 10, 1e3, 1e6, 1e12]
cs = [(0, 0, 0.5), (0, 0, 40), (1, 3, 40), (5, 30, 40), (50, 39, 40), (200, 100, 300), (3, 39.999, 40), (1, 0.5, 0.5)]


def lbeta(p, q):
    return loggamma(p) + loggamma(q) - loggamma(p + q)


def ll(r, al, a, b, x, tx, T):
    r, al, a, b, tx, T = map(mpf, (r, al, a, b, tx, T))
    stayed = -(r + x) * log(al + T)
    total = stayed
    if x > 0:
        left = log(a) - log(b + x - 1) - (r + x) * log(al + tx)
        top = max(stayed, left)
        total = top + log(exp(stayed - top) + exp(left - top))
    return loggamma(r + x) - loggamma(r) + r * log(al) + lbeta(a, b + x) - lbeta(a, b) + total


n = int(sys.argv[2]) if len(sys.argv) > 2 else 400
print("# r alpha a b x t_x T log-likelihood (mpmath, 60 digits): " + " ".join(sys.argv[1:]))
for i in range(n):
    r, al, a, b = (random.choice(ps) for _ in range(4))
    x, tx, T = random.choice(cs)
    print(repr(r), repr(al), repr(a), repr(b), x, repr(tx), repr(T), mp.nstr(ll(r, al, a, b, x, tx, T), 25))
