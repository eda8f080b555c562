#!/usr/bin/python3
"""Writes small.csv, the fixture of `cx value`: 120 customers of a made-up shop who buy as the BG/NBD model says
(Fader, Hardie and Lee 2005) and spend as the Gamma-Gamma model says, with three segments, a few same-day repeat
records, a refund and a customer who only returns goods. Run it with /usr/bin/python3 (numpy); the seed pins the file.

    /usr/bin/python3 make_small.py > small.csv
"""
import datetime
import numpy as np

rng = np.random.default_rng(20240101)
start = datetime.date(2024, 1, 1)
end = datetime.date(2025, 3, 31)
days = (end - start).days
r, alpha, a, b = 0.8, 20.0, 0.6, 3.0  # purchase rate per day ~ Gamma(r, alpha), drop-out ~ Beta(a, b)
p, q, gamma = 6.0, 4.0, 15.0           # spend per purchase ~ Gamma(p, nu), nu ~ Gamma(q, gamma)
segments = ["Retail", "Online", "Wholesale"]
rows = []
for i in range(120):
    customer = f"K{i + 1:03d}"
    segment = segments[i % 3]
    first = int(rng.integers(0, 90))  # first purchases in the first quarter of 2024
    lam = rng.gamma(r, 1 / alpha)
    drop = rng.beta(a, b)
    nu = rng.gamma(q, 1 / gamma)
    t = float(first)
    while t <= days:
        amount = round(float(rng.gamma(p, 1 / nu)), 2)
        rows.append((customer, start + datetime.timedelta(days=int(t)), max(amount, 1.0), segment))
        if rng.random() < drop:
            break
        t += rng.exponential(1 / lam) if lam > 0 else days + 1
# Two records of one day (merged into one purchase), a refund, a refunds-only customer, a customer first seen late.
rows.append(("K001", rows[0][1], 12.50, "Retail"))
rows.append(("K002", datetime.date(2024, 6, 3), -5.00, "Online"))
rows.append(("K121", datetime.date(2024, 5, 20), -20.00, "Retail"))
rows.append(("K122", datetime.date(2025, 1, 15), 48.00, "Online"))
rows.append(("K122", datetime.date(2025, 3, 2), 36.00, "Online"))
rows.sort(key=lambda row: (row[1], row[0]))
print("customer_id,date,amount,segment")
for customer, date, amount, segment in rows:
    print(f"{customer},{date.isoformat()},{amount:.2f},{segment}")
