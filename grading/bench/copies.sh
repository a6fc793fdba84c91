#!/usr/bin/env bash
# The determinism check on the demo's samples: grade N identical copies of each sample of LAB in
# one batch (default lanes) and list every sample whose copies got different verdicts, with the
# tests that differ. Run it once on an idle machine and once while the machine is busy.
#
#   grading/bench/copies.sh [LAB] [N]        default: rmi 4
#
# Exit code 1 when some sample's copies disagree (see `./wirelab grade --copies`).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
lab="${1:-rmi}"
n="${2:-4}"
subs="$root/target/demo/submissions/$lab"

cd "$root"
if [[ ! -d "$subs" ]]; then
  echo "== building the $lab sample submissions (./wirelab demo --lab $lab)"
  ./wirelab demo --lab "$lab" > /dev/null || true   # the samples are built even when one misses its expectation
fi
echo "== $n copies of each sample of $lab in one batch; load average $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
./wirelab grade "$subs" --lab "$lab" --out "$root/target/copies-$lab" --copies "$n"
