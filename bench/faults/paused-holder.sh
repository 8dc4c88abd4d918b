#!/usr/bin/env bash
# A lease holder that is paused (SIGSTOP: a frozen VM, a long GC pause) past its lease's expiry,
# then resumed while the run that took the lease over is writing. Invariant 7 says the paused
# run must not write once it lost the lease. Checks the table after both ended: every row of
# the source must be there (overwrite-delete-stale, same generation for both runs).
#   bench/faults/paused-holder.sh [ROWS] [RESUME_AFTER_S]   (defaults 200000 and 3; about 3 minutes)
set -euo pipefail
source "$(dirname "$0")/../load/jar.sh"
rows="${1:-200000}"; resume_after="${2:-3}"
work="$(mktemp -d)"; db=sluice_bench_paused_$$
a=""
cleanup() { [ -n "$a" ] && kill -CONT "$a" 2>/dev/null; [ -n "$a" ] && kill -9 "$a" 2>/dev/null; psql -q "$server/postgres" -c "DROP DATABASE IF EXISTS $db WITH (FORCE)"; rm -rf "$work"; }
trap cleanup EXIT; cd "$work"
psql -q "$server/postgres" -c "CREATE DATABASE $db"
cat > paused.yml <<YAML
kind: source
spec:
  name: paused
  path: cloudquery/test
  tables: [test_some_table]
  destinations: [pg]
  spec: {num_rows: $rows, page_size: 1000}
---
kind: destination
spec:
  name: pg
  path: cloudquery/postgresql
  write_mode: overwrite-delete-stale
  spec: {connection_string: "$server/$db", batch_size: 50000, batch_size_bytes: 268435456}
YAML
q() { psql -qAt "$server/$db" -c "$1"; }
java -jar "$jar" sync paused.yml --log-level warn > first.out 2>&1   # the table holds every row
echo "first sync: $(q 'select count(*) from test_some_table') rows"
java -jar "$jar" sync paused.yml > a.out 2>&1 & a=$!
until grep -q "source paused: run" a.out; do sleep 0.05; done
sleep 1.5
kill -STOP "$a"; echo "run A (pid $a) paused at $(date +%T); rows with A's sync time: $(q "select count(*) from test_some_table where _cq_sync_time = (select max(_cq_sync_time) from test_some_table)")"
sleep 125   # the lease's 2-minute ttl passes
java -jar "$jar" sync paused.yml > b.out 2>&1 & b=$!
until grep -q "source paused: run" b.out; do sleep 0.05; done
sleep "$resume_after"
kill -CONT "$a"; echo "run A resumed at $(date +%T), B still running: $(kill -0 $b 2>/dev/null && echo yes || echo no)"
wait "$b" && echo "B exit 0" || echo "B exit $?"
wait "$a" && echo "A exit 0" || echo "A exit $?"; a=""
echo "--- A:"; cat a.out; echo "--- B:"; cat b.out
found=$(q 'select count(*) from test_some_table')
echo "rows in the table: $found of $rows; lost: $((rows - found))"
