# Sourced by bench/run.sh and bench/chaos.sh with the run's name and the script's arguments: into the project
# folder (project), the jar built if missing, --keep taken out of the arguments (args), and a working folder (work)
# that goes at exit unless kept.
name=$1
shift
cd "$(dirname "${BASH_SOURCE[0]}")/.."
project=$(pwd)

keep=0
args=()
for a in "$@"; do
  if [[ $a == --keep ]]; then keep=1; else args+=("$a"); fi
done

if [[ ! -f target/pindrop.jar ]]; then
  echo "[$name] target/pindrop.jar missing: building it" >&2
  mvn -B -q package -DskipTests
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/pindrop-$name.XXXXXX")
if [[ $keep == 1 ]]; then
  echo "[$name] working folder kept: $work" >&2
else
  trap 'rm -rf "$work"' EXIT
fi
