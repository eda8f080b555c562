"""Reference values of the Pareto/NBD and BG/NBD at parameters hundreds of orders of magnitude apart, by mpmath at 60 digits.

    /usr/bin/python3 tests/data/reference/purchase_models_far_corners.py

(mpmath 1.2.1, Debian's python3-mpmath.) Prints, per case, the log-likelihood, P(alive), expected purchases over a horizon
and the DERT at a continuous discount rate, each from its definition (Fader and Hardie 2005, equation 18 before the
hypergeometric closed form; Fader, Hardie and Lee 2005, "RFM and CLV", equation 2 for the DERT, with mpmath's hyperu):

    alive = Gamma(r + x)/Gamma(r) alpha^r beta^s (alpha + T)^-(r+x) (beta + T)^-s
    death = Gamma(r + x)/Gamma(r) alpha^r beta^s s Int_{t_x}^{T} (alpha + tau)^-(r+x) (beta + tau)^-(s+1) dtau
    P(alive) = alive / (alive + death)
    E[X(t) | alive] = (r + x)(beta + T)/(alpha + T) (1 - ((beta + T)/(beta + T + t))^(s-1)) / (s - 1)
    DERT = alpha^r beta^s d^(s-1) Gamma(r + x + 1) U(s, s; d(beta + T)) / (Gamma(r) (alpha + T)^(r+x+1) L)

The integral is taken in u = ln(1 + (tau - t_x)/S), S = min(alpha, beta) + t_x, divided by its value at t_x, split at
points geometric in u (a steep integrand falls over a width of 1/s in u); its estimated error is asserted below 1e-25.
"""
from mpmath import exp, expm1, hyperu, log, log1p, loggamma, mp, mpf, quad

mp.dps = 60


def pareto(r, a, s, b, x, tx, T, t, d):
    # Every power is carried as a ratio, (a/(a + T))^r = exp(-r log1p(T/a)): with r = 1e300, r ln a needs 300 digits to
    # cancel, more than the 60 used. The algebra is the definition's; the arithmetic is mpmath's.
    r, a, s, b, tx, T, t, d = map(mpf, (r, a, s, b, tx, T, t, d))
    rising = loggamma(r + x) - loggamma(r)
    alive = -r * log1p(T / a) - x * log(a + T) - s * log1p(T / b)
    A, B = a + tx, b + tx
    S = min(A, B)
    U = log1p((T - tx) / S)
    f = lambda u: exp(u - (r + x) * log1p(S * expm1(u) / A) - (s + 1) * log1p(S * expm1(u) / B))
    pts = [mpf(0)] + [U * mpf(10) ** (-k) for k in range(330, 0, -1)] + [U * mpf(k) / 50 for k in range(5, 51)]
    integral, err = quad(f, pts, error=True)
    assert err < integral * mpf(10) ** -25, (integral, err)
    death = -r * log1p(tx / a) - x * log(A) - s * log1p(tx / b) + log(s) - log(B) + log(S) + log(integral)
    top = max(alive, death)
    relative = top + log(exp(alive - top) + exp(death - top))
    ll = rising + relative
    p_alive = exp(alive - relative)
    if_alive = (r + x) * (b + T) / (a + T) * -expm1(-(s - 1) * log1p(t / (b + T))) / (s - 1)
    try:
        # DERT divided through by the alive part: (r + x)/(a + T) P(alive) z^s U(s, s; z)/d, z = d(b + T).
        z = d * (b + T)
        dert = (r + x) / (a + T) * p_alive * exp(s * log(z) + log(hyperu(s, s, z))) / d
    except ZeroDivisionError:
        dert = None  # mpmath's hyperu fails at s = 1e300
    return ll, p_alive, if_alive * p_alive, dert


cases = [
    (1e-300, 1e-300, 1e300, 1e100, 0, 0, 0.5, 1, 0.1),
    (0.5, 1e-300, 0.5, 0.5, 1, 3, 40, 39, 0.1),
    (1e12, 1e-300, 1e-300, 1e300, 0, 0, 40, 1, 0.1),
    (0.5, 0.5, 0.5, 1e300, 1, 3, 40, 39, 0.1),
    (1e300, 3.1, 10.08, 1e-300, 0, 0, 46.71, 39, 0.1),
]
for c in cases:
    print(c, *(None if v is None else mp.nstr(v, 20) for v in pareto(*c)))

# The BG/NBD's log-likelihood (Fader, Hardie and Lee 2005, equation 6) where b + x - 1 rounds away (b = 1e-30, x = 1) and
# at a = the largest double, at 400 digits (ln Gamma(a + b) is of order 1e311).
mp.dps = 400


def lbeta(p, q):
    return loggamma(p) + loggamma(q) - loggamma(p + q)


def bg(r, al, a, b, x, tx, T):
    r, al, a, b, tx, T = map(mpf, (r, al, a, b, tx, T))
    stayed = -(r + x) * log(al + T)
    left = log(a) - log(b + x - 1) - (r + x) * log(al + tx)
    top = max(stayed, left)
    return loggamma(r + x) - loggamma(r) + r * log(al) + lbeta(a, b + x) - lbeta(a, b) + top + log(exp(stayed - top) + exp(left - top))


for c in [(0.5, 0.5, 0.5, 1e-30, 1, 3, 40), (0.5, 0.5, 1.7976931348623157e308, 0.5, 1, 3, 40)]:
    print(c, mp.nstr(bg(*c), 20))
