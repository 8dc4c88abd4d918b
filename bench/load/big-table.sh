#!/usr/bin/env bash
# One table of N rows (test_some_table: a column of every type) into PostgreSQL, for each N
# given (default 1000000 5000000), with the process's peak RSS from /usr/bin/time -v: memory
# follows the batch, not the table, so peak RSS should be flat across N.
#   bench/load/big-table.sh [ROWS...]    (SLUICE_JAVA_OPTS e.g. -Xmx256m; server: PGURL)
set -euo pipefail
source "$(dirname "$0")/jar.sh"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT; cd "$work"
db=sluice_bench_big_$$
psql -q "$server/postgres" -c "CREATE DATABASE $db"
trap 'psql -q "$server/postgres" -c "DROP DATABASE IF EXISTS $db WITH (FORCE)"; rm -rf "$work"' EXIT
echo "java options: ${SLUICE_JAVA_OPTS:-(none)}; $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"
for rows in "${@:-1000000 5000000}"; do
  cat > big.yml <<YAML
kind: source
spec:
  name: big
  path: cloudquery/test
  tables: [test_some_table]
  destinations: [pg]
  spec: {num_rows: $rows, page_size: 10000}
---
kind: destination
spec:
  name: pg
  path: cloudquery/postgresql
  write_mode: overwrite-delete-stale
  spec: {connection_string: "$server/$db", batch_size: 10000}
YAML
  psql -q "$server/$db" -c "DROP TABLE IF EXISTS test_some_table; DROP TABLE IF EXISTS cq_state_big"
  run_sluice "rows-$rows" sync big.yml --log-level warn
  echo "  rows in the table: $(psql -qAt "$server/$db" -c 'select count(*) from test_some_table')"
done
