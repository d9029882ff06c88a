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
source "$(dirname "$0")/prepare.sh" chaos "$@"

javac -nowarn -d "$work/classes" -cp target/pindrop.jar bench/src/Chaos.java
java -cp "$work/classes:target/pindrop.jar" Chaos --project "$project" --work "$work/run" "${args[@]}"
