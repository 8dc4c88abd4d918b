#!/usr/bin/env bash
# The fault suite, longer: every case of CrashIT (SQLite and PostgreSQL x every write mode x
# cursors in the destination or backend_options) and of PgToPgCrashIT (every write mode x both
# cursor places), ROUNDS rounds of up to KILLS SIGKILLs each, bigger tables; then
# ConcurrentSyncIT. Prints the tally per fault class (the figures of RELIABILITY.md).
#   bench/faults/crash.sh            ROUNDS=3 KILLS=3 ROWS=20000 PG_ROWS=100000 by default
#   SEED=123 bench/faults/crash.sh   every case with that seed (replay)
# Uses the reactor (mvn verify of cli and what it needs), never `mvn install`.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
rm -f cli/target/faults/tally.tsv
seed=()
[ -n "${SEED:-}" ] && seed=(-Dfaults.seed="$SEED")
mvn -B -q -pl cli -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test='CrashIT,PgToPgCrashIT,ConcurrentSyncIT' -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dfaults.allCases=true -Dfaults.rounds="${ROUNDS:-3}" -Dfaults.kills="${KILLS:-3}" \
  -Dfaults.rows="${ROWS:-20000}" -Dfaults.pageSize="${PAGE_SIZE:-200}" \
  -Dfaults.pgRows="${PG_ROWS:-100000}" -Dfaults.pgPageSize="${PG_PAGE_SIZE:-1000}" "${seed[@]}" || status=$?
"$root/bench/faults/tally.sh" cli/target/faults/tally.tsv
exit "${status:-0}"
