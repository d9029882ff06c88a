#!/usr/bin/env bash
# The chaos run: pindrop as a service under a fault mix (HTTP 503, resets, 000035, slow answers), killed with
# SIGKILL at random moments and restarted, then checked: every row one outcome, every row SUCCESS, the site
# holds each row's PIN, repeated calls at most the calls in flight per kill. Prints its figures.
#
#   bench/chaos.sh [--kills N] [--rows N] [--seed N] [--concurrency N] [--keep]
#
# Works in a temporary folder, talks to 127.0.0.1 only. Not part of `mvn verify`; CrashRecoveryIT keeps a small
# version of it.
set -euo pipefail
cd "$(dirname "$0")/.."
project=$(pwd)

keep=0
args=()
for a in "$@"; do
  if [[ $a == --keep ]]; then keep=1; else args+=("$a"); fi
done

if [[ ! -f target/pindrop.jar ]]; then
  echo "[chaos] target/pindrop.jar missing: building it" >&2
  mvn -B -q package -DskipTests
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/pindrop-chaos.XXXXXX")
if [[ $keep == 1 ]]; then
  echo "[chaos] working folder kept: $work" >&2
else
  trap 'rm -rf "$work"' EXIT
fi

javac -nowarn -d "$work/classes" -cp target/pindrop.jar bench/src/Chaos.java
java -cp "$work/classes:target/pindrop.jar" Chaos --project "$project" --work "$work/run" "${args[@]}"
