#!/usr/bin/env bash
# Benchmark: 1,000,000 rows of test_some_table synced into SQLite under -Xmx256m, compared in
# the same run with the physical limit: sqlite3's own .import of the same rows as CSV into a
# table of the same shape. Prints rows/s of each, the ratio, and Sluice's peak RSS.
#   bench/sqlite-1m.sh [ROWS]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
rows="${1:-1000000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"

"$root/sluice" --version >/dev/null   # builds the jar if needed, outside the measurement
cat > bench.yml <<YAML
kind: source
spec:
  name: bench
  path: test
  tables: [test_some_table]
  destinations: [sqlite]
  spec: {num_rows: $rows, page_size: 10000}
---
kind: destination
spec:
  name: sqlite
  path: sqlite
  write_mode: append
  spec: {connection_string: ./bench.sqlite, batch_size: 10000}
YAML

start=$(date +%s.%N)
/usr/bin/time -f '%M' -o rss.txt java -Xmx256m -jar "$root/cli/target/sluice.jar" sync bench.yml --log-level warn >sync.out
end=$(date +%s.%N)
sluice_s=$(echo "$end - $start" | bc -l)
rss_kb=$(tail -1 rss.txt)
synced=$(sqlite3 bench.sqlite 'select count(*) from test_some_table')

# the limit: the same rows, exported as CSV, loaded by sqlite3 itself into the same table shape
sqlite3 bench.sqlite '.headers off' '.mode csv' '.output rows.csv' 'select * from test_some_table'
sqlite3 bench.sqlite '.schema test_some_table' > schema.sql
start=$(date +%s.%N)
sqlite3 limit.sqlite '.read schema.sql' 'PRAGMA journal_mode=WAL' '.mode csv' '.import rows.csv test_some_table' >/dev/null
end=$(date +%s.%N)
import_s=$(echo "$end - $start" | bc -l)
imported=$(sqlite3 limit.sqlite 'select count(*) from test_some_table')

printf 'rows: sluice %d, sqlite3 .import %d\n' "$synced" "$imported"
printf 'sluice sync (JVM start included): %.2f s, %.0f rows/s, peak RSS %.0f MiB (-Xmx256m)\n' \
  "$sluice_s" "$(echo "$synced / $sluice_s" | bc -l)" "$(echo "$rss_kb / 1024" | bc -l)"
printf 'sqlite3 .import of the same rows: %.2f s, %.0f rows/s\n' "$import_s" "$(echo "$imported / $import_s" | bc -l)"
printf 'ratio (sluice rows/s / .import rows/s): %.2f\n' "$(echo "$import_s / $sluice_s" | bc -l)"
