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
cd "$(dirname "$0")/.."
project=$(pwd)

keep=0
args=()
for a in "$@"; do
  if [[ $a == --keep ]]; then keep=1; else args+=("$a"); fi
done

if [[ ! -f target/pindrop.jar ]]; then
  echo "[bench] target/pindrop.jar missing: building it" >&2
  mvn -B -q package -DskipTests
fi

m2=${MAVEN_REPO:-$HOME/.m2/repository}
fastexcel=$m2/org/dhatim/fastexcel/0.18.4/fastexcel-0.18.4.jar
opczip=$m2/com/github/rzymek/opczip/1.2.0/opczip-1.2.0.jar
if [[ ! -f $fastexcel || ! -f $opczip ]]; then
  # the XLSX writer is a test dependency of pindrop: fetch it with Maven if the local repository lacks it
  mvn -B -q dependency:get -Dartifact=org.dhatim:fastexcel:0.18.4 >&2
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/pindrop-bench.XXXXXX")
if [[ $keep == 1 ]]; then
  echo "[bench] working folder kept: $work" >&2
else
  trap 'rm -rf "$work"' EXIT
fi

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

javac -nowarn -d "$work/classes" -cp "target/pindrop.jar:$fastexcel:$opczip" bench/src/*.java
java -cp "$work/classes:target/pindrop.jar:$fastexcel:$opczip" Bench --project "$project" --work "$work" "${args[@]}"
