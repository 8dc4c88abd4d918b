# Sourced by the load scripts: the CLI jar, built by the reactor (never `mvn install`).
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
jar="$root/cli/target/sluice.jar"
if [ ! -f "$jar" ]; then
  echo "build the CLI first: (cd $root && mvn -B -q -pl cli -am package -DskipTests)" >&2
  exit 1
fi
server="${PGURL:-postgresql://postgres@127.0.0.1:5432}"
now() { date +%s.%N; }
# run_sluice LABEL ARGS...: runs java -jar with SLUICE_JAVA_OPTS under /usr/bin/time -v; prints
# "LABEL: exit E, S s, peak RSS R MiB" and keeps the output in LABEL.out
run_sluice() {
  local label="$1"; shift
  local s e code=0
  s=$(now)
  /usr/bin/time -v -o "$label.time" java ${SLUICE_JAVA_OPTS:-} -jar "$jar" "$@" >"$label.out" 2>&1 || code=$?
  e=$(now)
  local rss; rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$label.time")
  printf '%s: exit %s, %.1f s, peak RSS %d MiB\n' "$label" "$code" "$(echo "$e - $s" | bc -l)" $((rss / 1024))
}
