#!/usr/bin/env bash
# Adds up a fault-suite tally (cli/target/faults/tally.tsv, one line per case) per fault class.
set -euo pipefail
file="${1:-cli/target/faults/tally.tsv}"
awk -F'\t' '
  { c=$1; cases[c]++; kills[c]+=$4; mid[c]+=$5; rows[c]+=$6; lost[c]+=$7; dup[c]+=$8; ahead[c]+=$9; unf[c]+=$10; prob[c]+=$11 }
  END {
    printf "%-28s %6s %6s %9s %12s %5s %5s %6s %10s %8s\n", "class", "cases", "kills", "mid-sync", "rows checked", "lost", "dups", "ahead", "unfinished", "problems"
    for (c in cases) printf "%-28s %6d %6d %9d %12d %5d %5d %6d %10d %8d\n", c, cases[c], kills[c], mid[c], rows[c], lost[c], dup[c], ahead[c], unf[c], prob[c]
  }' "$file"
