#!/usr/bin/env bash
# pindrop's benchmark: per-row cost, latency hiding, throttle accuracy, memory, start-up. Prints a table.
#
#   bench/run.sh            full sizes (100k-row cost run, 1M-row CSV and 200k-row XLSX at -Xmx256m, ...)
#   bench/run.sh --quick    the same five measurements on smaller inputs, ~1-2 minutes
#   bench/run.sh --only 1,3 just those measurements        --jfr DIR   a JFR recording per pindrop run, in DIR
#   --pindrop-jvm "OPTIONS"  JVM options for every pindrop launch (compare JIT or GC settings)
#   bench/run.sh --monday-morning [--monday-rows 900,2100] [--old-ref REF]
#                           adaptive pace against hidden per-minute limits (MondayMorning.java), beside the old
#                           behaviour built from REF (default f720691, before the pace); ~45 minutes of wall time
#   sizes: --cost-rows N --latency-rows N --latency-rows-c1 N --throttle-rows N --memory-csv-rows N --memory-xlsx-rows N
#
# Inputs, outboxes and logs go to a temporary folder (kept with --keep), never into the repository.
# Everything talks to 127.0.0.1 only. Not part of `mvn verify`. See bench/README.md.
set -euo pipefail
source "$(dirname "$0")/prepare.sh" bench "$@"

if [[ " ${args[*]} " == *" --monday-morning "* ]]; then
  old_ref=f720691
  rest=()
  for ((i = 0; i < ${#args[@]}; i++)); do
    if [[ ${args[i]} == --old-ref ]]; then old_ref=${args[i + 1]}; i=$((i + 1)); else rest+=("${args[i]}"); fi
  done
  args=("${rest[@]}" --old-project "$work/old")
  mkdir -p "$work/old"
  git archive "$old_ref" | tar -x -C "$work/old"
  echo "[bench] building the old behaviour from $old_ref" >&2
  (cd "$work/old" && mvn -B -q -o package -DskipTests)
fi

# the XLSX writer the inputs need is in the jar (pindrop writes its templates with it)
javac -nowarn -d "$work/classes" -cp target/pindrop.jar bench/src/*.java
java -cp "$work/classes:target/pindrop.jar" Bench --project "$project" --work "$work" "${args[@]}"
