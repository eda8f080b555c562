"""Checks that cx movements (its --format csv) and the DuckDB bridge agree on every period, count and value."""
import csv
import sys

cx_path, duck_path = sys.argv[1], sys.argv[2]
duck = {}
with open(duck_path, newline="") as f:
    for row in csv.DictReader(f):
        duck[(row["period"], row["cls"])] = (int(row["n"]), round(float(row["value"]) * 100))

mismatches = 0
with open(cx_path, newline="") as f:
    for row in csv.DictReader(f):
        p = row["period"]
        for cls in ["new", "reactivated", "expansion", "contraction", "flat", "churned"]:
            want = (int(row[f"{cls}_count"]), round(float(row[f"{cls}_value"]) * 100))
            got = duck.get((p, cls), (0, 0))
            if want != got:
                mismatches += 1
                print(f"{p} {cls}: cx {want}, duckdb {got}")
        closing = round(float(row["closing"]) * 100)
        if duck.get((p, "closing"), (0, 0))[1] != closing:
            mismatches += 1
            print(f"{p} closing: cx {closing}, duckdb {duck.get((p, 'closing'))}")
print("cx and DuckDB agree on every period" if mismatches == 0 else f"{mismatches} mismatches")
sys.exit(1 if mismatches else 0)
