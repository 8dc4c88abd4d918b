#!/usr/bin/env bash
# Benchmark (issue #4 item 8): the Lambda deployment jar and the fetch function's cold start.
#   bench/serverless-cold-start.sh [RUNS]        # RUNS per mode, default 5
# Needs: `mvn -B -q package -DskipTests` (the shaded jar functions/target/sluice-functions.jar and
# every module's target/classes; nothing is installed into ~/.m2), node (dynalite, installed by npm on first use), PostgreSQL at
# $SLUICE_BENCH_PG_URL (default postgresql://postgres@127.0.0.1:5432/postgres; a database is
# created and dropped).
#
# 1. The jar: its size, and that it holds no emulator (ElasticMQ, dynalite, DynamoDB Local),
#    no Netty, no Apache HTTP client, no Scala/Pekko (ElasticMQ's runtime), no SQLite.
# 2. Cold start: for each measurement a FRESH JVM runs the real FetchHandler through its no-arg
#    constructor on the deployment jar alone (plus the tiny ColdRunner class standing in for
#    Lambda's runtime), on one work item of a run of 10 rows (test source -> PostgreSQL). Times
#    JVM boot, init (the constructor: Lambda's INIT, what a SnapStart snapshot holds) and the
#    first event apart. Alternates priming on (the default) and SLUICE_PRIME=off, with the fetch
#    function's JVM flags; a warm-up pair first, not counted. No SnapStart restore, no CDS archive.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-5}"
pg="${SLUICE_BENCH_PG_URL:-postgresql://postgres@127.0.0.1:5432/postgres}"
jar="$root/functions/target/sluice-functions.jar"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$root"
[ -f "$jar" ] || { echo "no $jar: run mvn -B -q package -DskipTests first" >&2; exit 1; }

echo "== deployment jar: $jar"
printf 'size: %d bytes (%.1f MiB); uncompressed %s bytes in %s files\n' "$(stat -c %s "$jar")" \
  "$(echo "$(stat -c %s "$jar") / 1048576" | bc -l)" \
  "$(unzip -l "$jar" | tail -1 | awk '{print $1}')" "$(unzip -l "$jar" | tail -1 | awk '{print $2}')"
unzip -l "$jar" | awk '{print $4}' > "$work/entries.txt"
bad=0
for pattern in 'io/netty' 'org/apache/http' 'software/amazon/awssdk/http/apache' 'software/amazon/awssdk/http/nio' \
               'org/elasticmq' 'dynalite' 'com/amazonaws/services/dynamodbv2/local' 'sqlite4java' 'org/sqlite' \
               'scala/' 'org/apache/pekko' 'akka/' 'dev/sluice/emulators' 'org/eclipse/jetty'; do
  n=$(grep -ci -- "$pattern" "$work/entries.txt" || true)
  printf '  %-40s %s entries\n' "$pattern" "$n"
  [ "$n" -eq 0 ] || bad=1
done
[ "$bad" -eq 0 ] && echo "  none of them: OK" || echo "  FOUND some of them (see above)"
echo "largest parts (uncompressed bytes by package):"
unzip -l "$jar" | awk 'NF==4 && $4 !~ /\/$/ {n=split($4,a,"/"); k=a[1]"/"a[2]"/"a[3]; if (a[1]=="software") k=k"/"a[4]"/"a[5]; s[k]+=$1} END {for (k in s) printf "  %10d %s\n", s[k], k}' \
  | sort -rn | head -8

echo
echo "== cold start of the fetch function ($runs runs per option set, fresh JVM each)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) (timings are only meaningful on an idle machine)"
mvn -B -q -o -pl functions dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$work/cp.txt" >/dev/null \
  || mvn -B -q -pl functions dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$work/cp.txt" >/dev/null
mkdir -p "$work/runner"
javac -d "$work/runner" -cp "$jar" bench/serverless/ColdRunner.java
reactor="$(ls -d "$root"/*/target/classes "$root"/connectors/*/target/classes "$root"/engine/target/test-classes 2>/dev/null | tr '\n' ':')"
java -cp "functions/target/classes:$reactor$(cat "$work/cp.txt")" bench/serverless/ColdStartBench.java \
  "$jar" "$work/runner" "$runs" "$pg" "$work" 2> "$work/driver.err" || { tail -40 "$work/driver.err" >&2; exit 1; }
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "(machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); emulators and PostgreSQL on this machine)"
