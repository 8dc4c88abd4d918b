#!/usr/bin/env bash
# Benchmark (issue #4 item 8): AWS requests, and their cost, per 1,000,000 rows synced serverless.
#   bench/serverless-requests.sh [ROWS] [PAGE_SIZE]      # defaults 1000000 10000
# Needs: `mvn -B -q install -DskipTests` done once, node (dynalite), PostgreSQL at
# $SLUICE_BENCH_PG_URL (default postgresql://postgres@127.0.0.1:5432/postgres; a database is
# created and dropped per scenario).
#
# The real handler classes (PlannerHandler -> FetchHandler per message until the work queue is
# empty -> FinalizerHandler) on the emulators (dynalite, ElasticMQ), the local event source
# mapping playing Lambda's poller, test source -> PostgreSQL. Every AWS request is counted by
# operation with an SDK ExecutionInterceptor on the clients handed to the functions and,
# separately, on the poller's SQS client. Scenarios:
#   lambda      test_some_table (full table, no cursor), 15-minute budget, 60 s margin
#   short       the same, 8 s budget and 5 s margin: continuations every ~3 s of work
#   incremental test_incremental_table (a cursor compare-and-set after every page), 15 min / 60 s
# Prices (us-east-1, list, marginal: free tiers ignored) are set below; see BENCHMARKS.md for sources.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
rows="${1:-1000000}"
page="${2:-10000}"
pg="${SLUICE_BENCH_PG_URL:-postgresql://postgres@127.0.0.1:5432/postgres}"
WRU_PER_M=0.625      # DynamoDB on-demand, $ per million write request units
RRU_PER_M=0.125      # DynamoDB on-demand, $ per million read request units
SQS_PER_M=0.40       # SQS standard, $ per million requests (64 KB chunks; our messages are < 1 KB)
LAMBDA_REQ_PER_M=0.20
LAMBDA_GBS=0.0000133334   # arm64, $ per GB-second
MEMORY_GB=1               # 1024 MB
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$root"
mvn -B -q -o -pl functions dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$work/cp.txt" >/dev/null \
  || mvn -B -q -pl functions dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$work/cp.txt" >/dev/null
cp="functions/target/classes:$(cat "$work/cp.txt")"

scenario() { # name timeout_s margin_s table
  local out="$work/$1.txt"
  java -Xmx1g -cp "$cp" bench/serverless/RequestsBench.java "$rows" "$page" "$2" "$3" "$pg" "$work" "$4" > "$out" 2> "$work/$1.err" \
    || { tail -40 "$work/$1.err" >&2; exit 1; }
  echo "== scenario $1"
  sed -n '/rows of/,/^TOTALS/p' "$out" | grep -v '^TOTALS'
  awk -v rows="$rows" -v wru="$WRU_PER_M" -v rru="$RRU_PER_M" -v sqs="$SQS_PER_M" -v lreq="$LAMBDA_REQ_PER_M" \
      -v gbs="$LAMBDA_GBS" -v mem="$MEMORY_GB" -v name="$1" '
    /^TOTAL DynamoDb/ { split($0, a, ": "); split(a[2], b, " / "); n = b[1]; u = b[2] + 0; if (u < n) u = n;
                        if ($3 ~ /GetItem|Query|Scan/) { rr += u; rreq += n } else { wr += u; wreq += n } }
    /^TOTAL Sqs/      { split($0, a, ": "); split(a[2], b, " / "); if ($0 ~ /poller/) poll += b[1]; else fsqs += b[1] }
    /^LAMBDA/         { for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] } }
    END {
      inv = v["fetch_invocations"] + v["planner_invocations"] + v["finalizer_invocations"];
      secs = v["fetch_seconds"] + v["planner_seconds"] + v["finalizer_seconds"];
      scale = 1000000 / v["rows"];
      cd = (wr * wru + rr * rru) / 1e6; cs = (fsqs + poll) * sqs / 1e6;
      cl = inv * lreq / 1e6 + secs * mem * gbs;
      printf "COST %s: DynamoDB %d write requests (%g WRU) + %d read requests (%g RRU) = $%.7f; SQS %d by the functions + %d by the poller = $%.7f; Lambda %d invocations, %.1f s x %g GB = $%.7f; total $%.6f per %d rows, $%.6f per 1,000,000 rows\n",
        name, wreq, wr, rreq, rr, cd, fsqs, poll, cs, inv, secs, mem, cl, cd + cs + cl, v["rows"], (cd + cs + cl) * scale
    }' "$out" | tee -a "$work/costs.txt"
  echo
}
scenario lambda 900 60 full
scenario short 8 5 full
scenario incremental 900 60 incremental
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) (request counts do not depend on it; seconds do)"
echo "== summary (marginal cost, us-east-1 list prices, free tiers ignored; Lambda seconds measured on this machine)"
cat "$work/costs.txt"
