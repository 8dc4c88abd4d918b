#!/usr/bin/env bash
# 20 sources syncing at once on the emulated AWS flow: `sluice sync --emulate-aws` (planner,
# fetch and finalizer Lambda handlers on dynalite + ElasticMQ; needs Node.js) with SOURCES test
# source documents into one PostgreSQL database (append, so each source's rows stand apart);
# prints time, peak RSS, every run's status and the rows per source (expected 4 x ROWS each:
# ROWS in test_some_table and test_incremental_table, 2 x ROWS in test_sub_table).
#   bench/load/aws-20-sources.sh [SOURCES] [ROWS] [LAMBDA_CONCURRENCY]   (defaults 20, 5000, 4)
set -euo pipefail
source "$(dirname "$0")/jar.sh"
sources="${1:-20}"; rows="${2:-5000}"; conc="${3:-4}"
work="$(mktemp -d)"; db=sluice_bench_aws_$$
cleanup() { psql -q "$server/postgres" -c "DROP DATABASE IF EXISTS $db WITH (FORCE)"; rm -rf "$work"; }
trap cleanup EXIT; cd "$work"
psql -q "$server/postgres" -c "CREATE DATABASE $db"
for i in $(seq -w 1 "$sources"); do
  cat >> many.yml <<YAML
kind: source
spec:
  name: s$i
  path: cloudquery/test
  tables: ["*"]
  destinations: [pg]
  spec: {num_rows: $rows, page_size: 500}
---
YAML
done
cat >> many.yml <<YAML
kind: destination
spec:
  name: pg
  path: cloudquery/postgresql
  write_mode: append
  spec: {connection_string: "$server/$db"}
YAML
echo "$sources sources x $rows rows, --lambda-concurrency $conc; java options: ${SLUICE_JAVA_OPTS:-(none)}; load $(cut -d' ' -f1-3 /proc/loadavg)"
run_sluice emulated sync --emulate-aws --lambda-concurrency "$conc" many.yml
echo "  runs: $(grep -c 'SUCCEEDED in' emulated.out) SUCCEEDED, $(grep -cE 'PARTIAL in|FAILED in' emulated.out) PARTIAL/FAILED"
psql -qAt "$server/$db" -c "select count(distinct src), min(n), max(n), sum(n) from (select _cq_source_name src, count(*) n from (
    select _cq_source_name from test_some_table union all select _cq_source_name from test_sub_table
    union all select _cq_source_name from test_incremental_table) x group by 1) y" |
  awk -F'|' -v e=$((4 * rows)) '{ printf "  destination: %s sources, rows per source min %s max %s (expected %s), %s rows in all\n", $1, $2, $3, e, $4 }'
psql -qAt "$server/$db" -c "select count(*) - count(distinct (_cq_source_name, id)) from test_incremental_table" |
  awk '{ printf "  duplicate incremental rows: %s\n", $1 }'
