#!/usr/bin/env bash
# 500 small tables in one run: a PostgreSQL database with 500 tables of ROWS rows each (keyed,
# a text and a timestamp column), synced by the postgresql source into another PostgreSQL
# database; prints time, peak RSS and the rows found in the destination (expected 500 x ROWS).
#   bench/load/500-tables.sh [TABLES] [ROWS]     (defaults 500 and 200; server: PGURL)
set -euo pipefail
source "$(dirname "$0")/jar.sh"
tables="${1:-500}"; rows="${2:-200}"
work="$(mktemp -d)"; src=sluice_bench_many_src_$$; dst=sluice_bench_many_dst_$$
cleanup() { psql -q "$server/postgres" -c "DROP DATABASE IF EXISTS $src WITH (FORCE)" -c "DROP DATABASE IF EXISTS $dst WITH (FORCE)"; rm -rf "$work"; }
trap cleanup EXIT; cd "$work"
psql -q "$server/postgres" -c "CREATE DATABASE $src" -c "CREATE DATABASE $dst"
psql -q "$server/$src" -c "DO \$\$ BEGIN FOR i IN 1..$tables LOOP
  EXECUTE format('CREATE TABLE t%s (id bigint PRIMARY KEY, name text, updated_at timestamp)', lpad(i::text, 3, '0'));
  EXECUTE format('INSERT INTO t%s SELECT g, ''row '' || g, timestamp ''2024-01-01'' + g * interval ''1 minute'' FROM generate_series(1, $rows) g', lpad(i::text, 3, '0'));
END LOOP; END \$\$;"
cat > many.yml <<YAML
kind: source
spec:
  name: many
  path: cloudquery/postgresql
  tables: ["*"]
  destinations: [pg]
  spec: {connection_string: "$server/$src", tables: ["public.*"]}
---
kind: destination
spec:
  name: pg
  path: cloudquery/postgresql
  write_mode: overwrite-delete-stale
  spec: {connection_string: "$server/$dst"}
YAML
echo "$tables tables x $rows rows; java options: ${SLUICE_JAVA_OPTS:-(none)}; load $(cut -d' ' -f1-3 /proc/loadavg)"
for run in first second; do
  run_sluice "$run-sync" sync many.yml --log-level warn
  grep -m1 "^source many" "$run-sync.out" || true
  found=$(psql -qAt "$server/$dst" -c "select count(*), coalesce(sum((xpath('/row/c/text()', query_to_xml(format('select count(*) as c from %I', table_name), false, true, '')))[1]::text::bigint), 0) from information_schema.tables where table_schema = 'public' and table_name ~ '^t[0-9]+\$'")
  echo "  destination: tables|rows = $found (expected $tables|$((tables * rows)))"
done
