#!/usr/bin/env bash
# Benchmark (issue #4 item 8): the Lambda deployment jar and the fetch function's cold start.
#   bench/serverless-cold-start.sh [RUNS]        # RUNS per mode, default 5
#   bench/serverless-cold-start.sh RUNS aws      # the fetch reads aws_ec2_vpcs from moto_server with the layer
#   bench/serverless-cold-start.sh RUNS s3       # the fetch writes the test source's rows to the s3 destination (Parquet, moto_server)
# Needs: `mvn -B -q package -DskipTests` (the shaded jar functions/target/sluice-functions.jar,
# layers/aws/target/layer and every module's target/classes; nothing is installed into ~/.m2), node (dynalite, installed by npm on first use), PostgreSQL at
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
#    When layers/aws/target/layer exists (`mvn package` builds it), two more modes run the same
#    with the aws source's layer jars on the classpath (AwsInventory enabled); the event stays the
#    test source's, so they time what the layer's presence costs, not an AWS fetch.
# 3. The layer: its jars, zipped as sam deploy uploads it, and the total unzipped size of function
#    and layer against Lambda's 250 MB.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-5}"
mode="${2:-}"
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
  | sort -rn | head -8 || true   # head may close the pipe early (SIGPIPE under pipefail)

layer="$root/layers/aws/target/layer"
if [ -d "$layer/java/lib" ]; then
  echo
  echo "== aws source layer: $layer"
  (cd "$layer" && zip -q -r "$work/layer.zip" java)
  layer_bytes=$(du -cb "$layer"/java/lib/*.jar | tail -1 | cut -f1)
  fn_unzipped=$(unzip -l "$jar" | tail -1 | awk '{print $1}')
  ls -l "$layer"/java/lib | awk 'NR>1 {printf "  %10d %s\n", $5, $9}'
  printf 'zipped (as sam deploy uploads it): %d bytes (%.1f MiB); unzipped on /opt: %d bytes (%.1f MiB)\n' \
    "$(stat -c %s "$work/layer.zip")" "$(echo "$(stat -c %s "$work/layer.zip") / 1048576" | bc -l)" "$layer_bytes" "$(echo "$layer_bytes / 1048576" | bc -l)"
  printf 'function jar unzipped %d + layer %d = %d bytes (%.1f MiB) of Lambda'"'"'s 250 MB (262144000 bytes)\n' \
    "$fn_unzipped" "$layer_bytes" "$((fn_unzipped + layer_bytes))" "$(echo "($fn_unzipped + $layer_bytes) / 1048576" | bc -l)"
else
  layer=""
  echo "(no layers/aws/target/layer: the aws layer is not measured; mvn -B -q package -DskipTests builds it)"
fi

echo
echo "== cold start of the fetch function ($runs runs per option set, fresh JVM each)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) (timings are only meaningful on an idle machine)"
# the functions test classpath: from ~/.m2 when the modules are installed, else from the reactor
# (package again, which leaves the same jars; every module writes cp.txt, functions last)
mvn -B -q -o -pl functions dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$work/cp.txt" >/dev/null 2>&1 \
  || mvn -B -q -o -pl functions -am package dependency:build-classpath -DskipTests -Dmdep.includeScope=test \
       -Dmdep.outputFile="$work/cp.txt" >/dev/null
mkdir -p "$work/runner"
javac -d "$work/runner" -cp "$jar" bench/serverless/ColdRunner.java
reactor="$(ls -d "$root"/*/target/classes "$root"/connectors/*/target/classes "$root"/engine/target/test-classes 2>/dev/null | tr '\n' ':')"
# aws: the driver's own planner needs the SDK modules of the layer (the source is in connectors/aws/target/classes)
sdk=""
if [ "$mode" = aws ]; then
  [ -n "$layer" ] || { echo "aws needs layers/aws/target/layer" >&2; exit 1; }
  sdk="$(ls "$layer"/java/lib/*.jar | grep -v sluice-connector-aws | tr '\n' ':')"
fi
java -cp "functions/target/classes:$reactor$sdk$(cat "$work/cp.txt")" bench/serverless/ColdStartBench.java \
  "$jar" "$work/runner" "$runs" "$pg" "$work" ${layer:+"$layer/java/lib"} $mode 2> "$work/driver.err" || { tail -40 "$work/driver.err" >&2; exit 1; }
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "(machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); emulators and PostgreSQL on this machine)"
