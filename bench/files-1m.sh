#!/usr/bin/env bash
# Benchmark: ROWS rows of test_some_table synced by `sluice sync` under -Xmx256m into local
# files (the file destination), as Parquet (snappy) and as JSON Lines, compared in the same run
# with DuckDB writing the same rows with COPY ... TO (bench/files/DuckDbCopy.java, DuckDB JDBC
# from ~/.m2: run the connectors/files tests once to fetch it). Prints rows/s, bytes and
# Sluice's peak RSS for each format; with a second argument, the RSS of a run with that many
# rows too (memory must not grow with the rows). Each table goes into one object (batch_size and
# batch_size_bytes set high); SLUICE_BENCH_OBJECT_ROWS=10000 writes objects of CloudQuery's
# default 10,000 rows instead.
#   bench/files-1m.sh [ROWS] [ROWS_FOR_RSS]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
rows="${1:-1000000}"
rss_rows="${2:-}"
duckdb_jar="$(ls ~/.m2/repository/org/duckdb/duckdb_jdbc/*/duckdb_jdbc-*.jar | sort -V | tail -1)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"

"$root/sluice" --version >/dev/null   # builds the jar if needed, outside the measurement

config() { # format rows directory
  cat > "bench-$1.yml" <<YAML
kind: source
spec:
  name: bench
  path: test
  tables: [test_some_table]
  destinations: [file]
  spec: {num_rows: $2, page_size: 10000}
---
kind: destination
spec:
  name: file
  path: file
  write_mode: append
  spec:
    path: "$3/{{TABLE}}/{{UUID}}.{{FORMAT}}"
    format: $1
    batch_size: ${SLUICE_BENCH_OBJECT_ROWS:-10000000}
    batch_size_bytes: 1099511627776
YAML
}

sync() { # format rows directory -> "seconds rss_kb bytes"
  config "$1" "$2" "$3"
  local start end
  start=$(date +%s.%N)
  /usr/bin/time -f '%M' -o "rss-$1.txt" java -Xmx256m -jar "$root/cli/target/sluice.jar" sync "bench-$1.yml" \
    --log-level warn >"sync-$1.out"
  end=$(date +%s.%N)
  echo "$(echo "$end - $start" | bc -l) $(tail -1 "rss-$1.txt") $(du -cb "$3"/test_some_table/* | tail -1 | cut -f1)"
}

for format in parquet json; do
  read -r s_s s_rss s_bytes <<<"$(sync "$format" "$rows" "lake-$format")"
  ext=$format; [ "$format" = json ] && ext=jsonl
  read -r d_rows d_s d_bytes <<<"$(java -cp "$duckdb_jar" "$root/bench/files/DuckDbCopy.java" \
    "lake-parquet/test_some_table/*.parquet" "$format" "duck.$ext")"
  printf '%s: sluice sync (JVM start and row generation included) %.2f s, %.0f rows/s, %d bytes, peak RSS %.0f MiB (-Xmx256m)\n' \
    "$format" "$s_s" "$(echo "$rows / $s_s" | bc -l)" "$s_bytes" "$(echo "$s_rss / 1024" | bc -l)"
  printf '%s: duckdb COPY TO of the same %d rows (COPY only) %.2f s, %.0f rows/s, %d bytes\n' \
    "$format" "$d_rows" "$d_s" "$(echo "$d_rows / $d_s" | bc -l)" "$d_bytes"
  printf '%s: ratio sluice/duckdb rows/s %.2f, bytes %.2f\n' "$format" \
    "$(echo "$d_s / $s_s" | bc -l)" "$(echo "$s_bytes / $d_bytes" | bc -l)"
done

if [ -n "$rss_rows" ]; then
  read -r s_s s_rss s_bytes <<<"$(sync parquet "$rss_rows" "lake-rss")"
  printf 'parquet, %d rows: %.2f s, %.0f rows/s, peak RSS %.0f MiB (-Xmx256m)\n' \
    "$rss_rows" "$s_s" "$(echo "$rss_rows / $s_s" | bc -l)" "$(echo "$s_rss / 1024" | bc -l)"
fi
