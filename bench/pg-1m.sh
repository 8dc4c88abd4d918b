#!/usr/bin/env bash
# Benchmarks (a) and (b) of issue #3: 1,000,000 rows of test_some_table into PostgreSQL,
# each against psql measured in the same run on the same rows.
#  (a) append into an empty table  vs  psql \copy of the same rows (CSV) into an empty table of
#      the same shape (same indexes);
#  (b) overwrite, every row already stored (all updated)  vs  psql running COPY into a temporary
#      table + INSERT ... ON CONFLICT (id) DO UPDATE over the same stored rows.
# Prints rows/s of each, the ratios, and Sluice's peak RSS under -Xmx256m.
#   bench/pg-1m.sh [ROWS]        (server: PGURL, default postgresql://postgres@127.0.0.1:5432)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
rows="${1:-1000000}"
server="${PGURL:-postgresql://postgres@127.0.0.1:5432}"
db=sluice_bench_pg
url="$server/$db"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
"$root/sluice" --version >/dev/null   # builds the jar if needed, outside the measurement
psql -q "$server/postgres" -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"

config() { # write_mode
cat > "bench-$1.yml" <<YAML
kind: source
spec:
  name: bench
  path: test
  tables: [test_some_table]
  destinations: [pg]
  spec: {num_rows: $rows, page_size: 10000}
---
kind: destination
spec:
  name: pg
  path: postgresql
  write_mode: $1
  spec: {connection_string: "$url", batch_size: 10000}
YAML
}
now() { date +%s.%N; }
sluice() { # config file -> seconds; peak RSS KiB in rss.txt
  local s e
  s=$(now)
  /usr/bin/time -f '%M' -o rss.txt java -Xmx256m -jar "$root/cli/target/sluice.jar" sync "$1" --log-level warn >sync.out
  e=$(now); echo "$e - $s" | bc -l
}
q() { psql -qAt "$url" -c "$1"; }

# (a) append into an empty table
config append
a_s=$(sluice bench-append.yml); a_rss=$(tail -1 rss.txt)
a_rows=$(q "select count(*) from test_some_table")
q "\\copy test_some_table to rows.csv csv"
q "alter table test_some_table rename to appended"
q "create table copy_limit (like appended including all)"
s=$(now); q "\\copy copy_limit from rows.csv csv"; e=$(now); copy_s=$(echo "$e - $s" | bc -l)
copy_rows=$(q "select count(*) from copy_limit")

# (b) overwrite: a first load (not timed), then the same rows again, all updated
config overwrite
sluice bench-overwrite.yml >/dev/null
b_s=$(sluice bench-overwrite.yml); b_rss=$(tail -1 rss.txt)
b_rows=$(q "select count(*) from test_some_table")
set_list=$(q "select string_agg(format('%I = excluded.%I', attname, attname), ', ') from pg_attribute
  where attrelid = 'test_some_table'::regclass and attnum > 0 and not attisdropped and attname <> 'id'")
s=$(now)
psql -q "$url" <<SQL
begin;
create temporary table stage (like test_some_table) on commit drop;
\copy stage from rows.csv csv
insert into test_some_table select * from stage on conflict (id) do update set $set_list;
commit;
SQL
e=$(now); upsert_s=$(echo "$e - $s" | bc -l)
psql -q "$server/postgres" -c "DROP DATABASE $db"

rate() { echo "$1 / $2" | bc -l; }
printf '(a) append, empty table: sluice %d rows in %.2f s = %.0f rows/s (peak RSS %.0f MiB); psql \\copy %d rows in %.2f s = %.0f rows/s; ratio %.2f\n' \
  "$a_rows" "$a_s" "$(rate "$a_rows" "$a_s")" "$(echo "$a_rss / 1024" | bc -l)" "$copy_rows" "$copy_s" "$(rate "$copy_rows" "$copy_s")" "$(echo "$copy_s / $a_s" | bc -l)"
printf '(b) overwrite, all rows updated: sluice %d rows in %.2f s = %.0f rows/s (peak RSS %.0f MiB); psql COPY to temp + upsert in %.2f s = %.0f rows/s; ratio %.2f\n' \
  "$b_rows" "$b_s" "$(rate "$b_rows" "$b_s")" "$(echo "$b_rss / 1024" | bc -l)" "$upsert_s" "$(rate "$b_rows" "$upsert_s")" "$(echo "$upsert_s / $b_s" | bc -l)"
