#!/usr/bin/env bash
# Benchmark (c) of issue #3: PostgreSQL -> PostgreSQL, a 1,000,000-row seven-column table read
# as an incremental table (cursor updated_at, indexed with the key as an incremental source
# table should be): the first sync reads everything, then 1,000 rows
# change and the second sync reads only those. Prints both syncs' times (the engine's own, from
# its report, and the process's wall time with JVM start) and the incremental one as a fraction
# of the full one, plus peak RSS under -Xmx256m; and the physical limit in the same run: the table
# piped with binary COPY (psql COPY TO STDOUT | psql COPY FROM STDIN) into an empty table of the
# same shape, key and index, and the full sync's time as a ratio of it; and the peer a user would
# pick for a one-off copy, pgloader (when installed: apt-get install pgloader), into an empty
# database, wall time against the full sync's wall time.
#   bench/pg-to-pg.sh [ROWS]     (server: PGURL, default postgresql://postgres@127.0.0.1:5432)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
rows="${1:-1000000}"
server="${PGURL:-postgresql://postgres@127.0.0.1:5432}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
"$root/sluice" --version >/dev/null
for db in sluice_bench_src sluice_bench_dst sluice_bench_pipe sluice_bench_pgl; do
  psql -q "$server/postgres" -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
done
psql -q "$server/sluice_bench_src" <<SQL
create table items (id bigint primary key, name text, price numeric(20,0), qty integer, tags text[],
                    created_at timestamptz, updated_at timestamptz not null);
insert into items select g, 'item ' || g, g * 7, g % 100, array['t' || (g % 10)], now() - interval '1 day',
                         '2024-01-01'::timestamptz + g * interval '1 ms' from generate_series(1, $rows) g;
create index on items (updated_at, id);
analyze items;
SQL
cat > pg.yml <<YAML
kind: source
spec:
  name: src
  path: postgresql
  tables: ["items"]
  destinations: [dst]
  spec:
    connection_string: "$server/sluice_bench_src"
    tables: ["public.items"]
    page_size: 10000
    incremental: {public.items: updated_at}
---
kind: destination
spec:
  name: dst
  path: postgresql
  write_mode: overwrite-delete-stale
  spec: {connection_string: "$server/sluice_bench_dst", batch_size: 10000}
YAML
now() { date +%s.%N; }
run() { # -> "wall engine rows"
  local s e
  s=$(now)
  /usr/bin/time -f '%M' -o rss.txt java -Xmx256m -jar "$root/cli/target/sluice.jar" sync pg.yml --log-level warn >sync.out
  e=$(now)
  engine=$(sed -n 's/^source src -> dst: [A-Z]* in \([0-9.]*\) s.*/\1/p' sync.out)
  synced=$(awk '$1 == "items" {gsub(",", "", $2); print $2}' sync.out)
  echo "$(echo "$e - $s" | bc -l) $engine $synced"
}
# the physical limit: binary COPY out of the source and into an empty table of the same shape
pg_dump -s -t items "$server/sluice_bench_src" | psql -q "$server/sluice_bench_pipe" >/dev/null
pipe_start=$(now)
psql -q "$server/sluice_bench_src" -c "COPY items TO STDOUT (FORMAT binary)" \
  | psql -q "$server/sluice_bench_pipe" -c "COPY items FROM STDIN (FORMAT binary)"
pipe=$(echo "$(now) - $pipe_start" | bc -l)
pgl=""
if command -v pgloader >/dev/null; then
  pgl_start=$(now)
  pgloader --quiet "$server/sluice_bench_src" "$server/sluice_bench_pgl" >pgloader.out 2>&1
  pgl=$(echo "$(now) - $pgl_start" | bc -l)
  pgl_rows=$(psql -qAt "$server/sluice_bench_pgl" -c "select count(*) from items")
fi
read -r full_wall full_engine full_rows < <(run); full_rss=$(tail -1 rss.txt)
psql -q "$server/sluice_bench_src" -c "update items set qty = -1, updated_at = now() where id % ($rows / 1000) = 0"
read -r inc_wall inc_engine inc_rows < <(run); inc_rss=$(tail -1 rss.txt)
same=$(psql -qAt "$server/sluice_bench_dst" -c "select count(*) from items where qty = -1")
# the same incremental sync three more times in one JVM: what is left once the JVM is warm
warm=$(java -Xmx256m -cp "$root/cli/target/sluice.jar" "$root/bench/pg/WarmIncremental.java" pg.yml "$server/sluice_bench_src" \
  "update items set qty = qty - 1, updated_at = now() where id % ($rows / 1000) = 0" 3 2>/dev/null | grep '^incremental run')
for db in sluice_bench_src sluice_bench_dst sluice_bench_pipe sluice_bench_pgl; do psql -q "$server/postgres" -c "DROP DATABASE $db"; done

printf 'full:        %d rows, engine %.2f s (%.0f rows/s), wall with JVM start %.2f s, peak RSS %.0f MiB\n' \
  "$full_rows" "$full_engine" "$(echo "$full_rows / $full_engine" | bc -l)" "$full_wall" "$(echo "$full_rss / 1024" | bc -l)"
printf 'binary COPY pipe: %.2f s (%.0f rows/s); pipe / full sync engine time: %.2f\n' \
  "$pipe" "$(echo "$full_rows / $pipe" | bc -l)" "$(echo "$pipe / $full_engine" | bc -l)"
if [ -n "$pgl" ]; then
  printf 'pgloader: %d rows, wall %.2f s (%.0f rows/s); pgloader wall / full sync wall: %.2f\n' \
    "$pgl_rows" "$pgl" "$(echo "$pgl_rows / $pgl" | bc -l)" "$(echo "$pgl / $full_wall" | bc -l)"
fi
printf 'incremental: %d rows (%d changed rows in the destination), engine %.2f s, wall %.2f s, peak RSS %.0f MiB\n' \
  "$inc_rows" "$same" "$inc_engine" "$inc_wall" "$(echo "$inc_rss / 1024" | bc -l)"
printf 'incremental / full: engine %.2f %%, wall %.2f %%\n' \
  "$(echo "100 * $inc_engine / $full_engine" | bc -l)" "$(echo "100 * $inc_wall / $full_wall" | bc -l)"
echo "$warm"
last_ms=$(echo "$warm" | tail -1 | sed -n 's/.*engine \([0-9]*\) ms.*/\1/p')
printf 'warm incremental / full: engine %.2f %%\n' "$(echo "100 * $last_ms / 1000 / $full_engine" | bc -l)"
