#!/usr/bin/env bash
# Whole-process comparison of `cx movements` with DuckDB on the perf workload (shared/perf-workload.md) written as a CSV
# of real dates and decimal amounts, shuffled, and its Parquet twin (written by DuckDB: VARCHAR, DATE, DECIMAL(18,2),
# read by cx through ParquetSharp), and the same rows as an Arrow IPC file (written by the benchmark program: string,
# Date32, Decimal128(18,2); DuckDB has no Arrow file reader, so that route is cx's alone): wall time and peak memory
# (maximum resident set size) of each process, alternating runs, medians and ratios; then checks that every route gives
# the same bridge.
#
#   benchmarks/file-input/compare.sh [customers (default 1000000)] [runs (default 3)]
#
# Needs the .NET SDK, node and npm (DuckDB comes from the npm package @duckdb/node-api) and /usr/bin/time.
# Files go to ${CX_BENCH_WORK:-/tmp/cx-file-input} (1M customers: a 430 MB CSV, 14.1M rows).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DIR=$ROOT/benchmarks/file-input
WORK=${CX_BENCH_WORK:-/tmp/cx-file-input}
N=${1:-1000000}
RUNS=${2:-3}
mkdir -p "$WORK"

(cd "$DIR" && npm install --no-audit --no-fund --silent >/dev/null)
dotnet build -c Release "$ROOT/src/Cx.Cli" -v q -nologo >/dev/null
dotnet build -c Release "$ROOT/benchmarks/Cx.Domain.Benchmarks" -v q -nologo >/dev/null
CX=(dotnet "$ROOT/src/Cx.Cli/bin/Release/net10.0/Cx.Cli.dll")
CSV=$WORK/sales-$N.csv
PARQUET=$WORK/sales-$N.parquet
ARROW=$WORK/sales-$N.arrow
[ -f "$CSV" ] || dotnet "$ROOT/benchmarks/Cx.Domain.Benchmarks/bin/Release/net10.0/Cx.Domain.Benchmarks.dll" write-csv "$N" "$CSV"
[ -f "$PARQUET" ] || node "$DIR/duckdb-bridge.mjs" to-parquet "$CSV" "$PARQUET"
[ -f "$ARROW" ] || dotnet "$ROOT/benchmarks/Cx.Domain.Benchmarks/bin/Release/net10.0/Cx.Domain.Benchmarks.dll" write-arrow "$N" "$ARROW"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; load average now: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "DuckDB $(cd "$DIR" && node -e "import('@duckdb/node-api').then(async m => { const c = await (await m.DuckDBInstance.create()).connect(); console.log((await c.runAndReadAll('select version()')).getRows()[0][0]); })")"
echo "input: $CSV ($(du -m "$CSV" | cut -f1) MB), $PARQUET ($(du -m "$PARQUET" | cut -f1) MB), $ARROW ($(du -m "$ARROW" | cut -f1) MB)"

measure() { # name, command...: prints "name seconds kilobytes"
  local name=$1; shift
  /usr/bin/time -f "$name %e %M" -o "$WORK/time.txt" "$@" >/dev/null
  cat "$WORK/time.txt"
}

: > "$WORK/runs.txt"
for i in $(seq "$RUNS"); do
  measure cx-csv "${CX[@]}" movements -i "$CSV" -f csv -o "$WORK/cx-csv.csv" | tee -a "$WORK/runs.txt"
  measure duckdb-csv node "$DIR/duckdb-bridge.mjs" bridge "$CSV" "$WORK/duckdb-csv.csv" | tee -a "$WORK/runs.txt"
  measure cx-parquet "${CX[@]}" movements -i "$PARQUET" -f csv -o "$WORK/cx-parquet.csv" | tee -a "$WORK/runs.txt"
  measure duckdb-parquet node "$DIR/duckdb-bridge.mjs" bridge "$PARQUET" "$WORK/duckdb-parquet.csv" | tee -a "$WORK/runs.txt"
  measure cx-arrow "${CX[@]}" movements -i "$ARROW" -f csv -o "$WORK/cx-arrow.csv" | tee -a "$WORK/runs.txt"
  # Context for the Parquet bar: DuckDB only reading the three columns, and only grouping them by customer and month.
  measure duckdb-parquet-scan node "$DIR/duckdb-bridge.mjs" scan "$PARQUET" "$WORK/duckdb-scan.csv" | tee -a "$WORK/runs.txt"
  measure duckdb-parquet-group node "$DIR/duckdb-bridge.mjs" group "$PARQUET" "$WORK/duckdb-group.csv" | tee -a "$WORK/runs.txt"
done

echo
echo "medians of $RUNS runs (wall seconds, peak resident MB):"
/usr/bin/python3 - "$WORK/runs.txt" <<'PY'
import statistics, sys
runs = {}
for line in open(sys.argv[1]):
    name, wall, kb = line.split()
    runs.setdefault(name, []).append((float(wall), int(kb)))
for name, values in runs.items():
    print(f"{name:15} {statistics.median(w for w, _ in values):7.2f} s {statistics.median(k for _, k in values) / 1024:7.0f} MB")
def wall(name): return statistics.median(w for w, _ in runs[name])
def peak(name): return statistics.median(k for _, k in runs[name])
if "cx-csv" in runs and "duckdb-csv" in runs:
    print(f"cx / DuckDB wall time on the CSV: {wall('cx-csv') / wall('duckdb-csv'):.2f} (bar: at most 0.50); peak memory {peak('cx-csv') / peak('duckdb-csv'):.2f} (bar: at most 1.00)")
if "cx-parquet" in runs and "duckdb-parquet" in runs:
    print(f"cx / DuckDB wall time on Parquet (ParquetSharp): {wall('cx-parquet') / wall('duckdb-parquet'):.2f}; peak memory {peak('cx-parquet') / peak('duckdb-parquet'):.2f}")
    print(f"cx on Parquet, whole process: {wall('cx-parquet'):.2f} s (bar: under 1.5 s on a quiet machine)")
if "cx-parquet" in runs and "cx-csv" in runs:
    print(f"cx on Parquet / cx on the CSV: {wall('cx-parquet') / wall('cx-csv'):.2f}")
if "duckdb-parquet-scan" in runs and "duckdb-parquet-group" in runs:
    print(f"DuckDB on Parquet, whole process: reading the three columns {wall('duckdb-parquet-scan'):.2f} s, grouping them by customer and month {wall('duckdb-parquet-group'):.2f} s")
if "cx-arrow" in runs and "cx-csv" in runs:
    print(f"cx on Arrow IPC, whole process: {wall('cx-arrow'):.2f} s; / cx on the CSV: {wall('cx-arrow') / wall('cx-csv'):.2f}")
PY

/usr/bin/python3 "$DIR/compare.py" "$WORK/cx-csv.csv" "$WORK/duckdb-csv.csv"
for route in parquet arrow; do
  if cmp -s "$WORK/cx-csv.csv" "$WORK/cx-$route.csv"; then
    echo "cx gives the same bridge from the CSV and from $route"
  else
    echo "cx's bridge from $route differs from its bridge from the CSV" >&2
    exit 1
  fi
done
