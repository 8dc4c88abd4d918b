#!/usr/bin/env bash
# A lease holder that is paused (SIGSTOP: a frozen VM, a long GC pause) past its lease's expiry,
# then resumed while the run that took the lease over is writing. Invariant 7 says the paused
# run must not write once it lost the lease. Checks the table after both ended: every row of
# the source must be there (overwrite-delete-stale, same generation for both runs), and none
# may carry A's sync time (B rewrote every row, so such a row landed after B's write, from a
# run without the lease). Exits 1 when either fails.
#   bench/faults/paused-holder.sh [ROWS] [RESUME_AFTER_S]   (defaults 200000 and 3; about 3 minutes)
set -euo pipefail
source "$(dirname "$0")/../load/jar.sh"
rows="${1:-200000}"; resume_after="${2:-3}"
work="$(mktemp -d)"; db=sluice_bench_paused_$$
a=""
cleanup() {
  if [ -n "$a" ]; then kill -CONT "$a" 2>/dev/null || true; kill -9 "$a" 2>/dev/null || true; fi
  psql -q "$server/postgres" -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" || true
  rm -rf "$work"
}
trap cleanup EXIT; cd "$work"
psql -q "$server/postgres" -c "CREATE DATABASE $db"
# A copy under another name: on a shared machine, other jobs' broad kills of "sluice.jar"
# processes were seen to end the paused run before it could resume.
cp "$jar" "$work/paused-holder.jar"; jar="$work/paused-holder.jar"
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
if ! kill -CONT "$a"; then echo "run A (pid $a) is gone: something else killed it while it was paused"; exit 1; fi
echo "run A resumed at $(date +%T), B still running: $(kill -0 $b 2>/dev/null && echo yes || echo no)"
wait "$b" && echo "B exit 0" || echo "B exit $?"
wait "$a" && echo "A exit 0" || echo "A exit $?"; a=""
echo "--- A:"; cat a.out; echo "--- B:"; cat b.out
found=$(q 'select count(*) from test_some_table')
echo "rows in the table: $found of $rows; lost: $((rows - found))"
a_time=$(sed -n 's/.*(sync time \([^,]*\), run .*/\1/p' a.out | head -1)
late=$(q "select count(*) from test_some_table where _cq_sync_time = '${a_time%Z}'::timestamp")
echo "rows carrying A's sync time at the end: $late (B rewrote every row; these landed after B's write of them, when A had lost its lease)"
[ "$found" -eq "$rows" ] && [ "$late" -eq 0 ]
