#!/usr/bin/env bash
# The first command a newcomer runs, timed as they run it: `./wirelab demo` in a FRESH CLONE (no
# target/, no built tool, no cached bundles), with a warm Maven repository (or an empty one).
#
#   grading/bench/demo-time.sh                    this tree once
#   grading/bench/demo-time.sh OTHER [ROUNDS]     this tree and OTHER alternately, ROUNDS each (default 1)
#   EMPTY_REPO=1 grading/bench/demo-time.sh ...   every run starts from an empty Maven repository
#   DEMO_ARGS="--lab threads" ...                 passed on to ./wirelab demo
#   RUN="./mvnw -B verify" ...                    time another command the same way (the README's other one)
#
# A tree is cloned at its committed HEAD (commit first; OTHER may be any clone, e.g. a checkout of
# main before a change). The warm repository is WARM_REPO (default ~/.m2/repository), read-only:
# each side installs its own snapshots into a folder of its own. Prints, per run: the wall time,
# the CPU time of the command and every process it started (as root: a cpuacct cgroup of its own,
# which the sandboxed test JVMs stay in; their CPU is lost to a plain wait), the exit code, the
# load average before and after, when each lab's first and last sample
# finished, and the slowest samples; then the ratio of the totals. Runs alternate so that both trees meet the same load; on a shared machine
# compare the ratio, not the seconds.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
other="${1:-}"
rounds="${2:-1}"
work="${DEMO_TIME_WORK:-$root/target/demo-time}"
warm="${WARM_REPO:-$HOME/.m2/repository}"
[[ -n "$other" ]] && other="$(cd "$other" && pwd)"

rm -rf "$work" && mkdir -p "$work"
now() { date +%s.%N; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
cpuacct=/sys/fs/cgroup/cpuacct

# runs "$@" in a cpuacct group of its own when one can be made, and writes its CPU seconds to $CPU_OUT
# (the group holds every process it starts: the sandbox moves test JVMs only in other hierarchies)
in_group() {
  local group="$cpuacct/demo-time-$BASHPID"
  if mkdir "$group" 2>/dev/null && echo "$BASHPID" > "$group/cgroup.procs" 2>/dev/null; then
    local rc=0
    "$@" || rc=$?
    echo $BASHPID > "$cpuacct/cgroup.procs"
    echo "$(cat "$group/cpuacct.usage") / 1000000000" | bc -l > "$CPU_OUT"
    rmdir "$group" 2>/dev/null || true
    return $rc
  fi
  rmdir "$group" 2>/dev/null || true
  echo "" > "$CPU_OUT"
  "$@"
}

# one fresh clone of TREE, its demo timed; prints one summary block and "TOTAL <seconds>" last
run_one() {
  local side="$1" tree="$2" round="$3"
  local dir="$work/$side-$round" log="$work/$side-$round.log"
  git clone -q "$tree" "$dir"
  local repo_args
  if [[ -n "${EMPTY_REPO:-}" ]]; then
    repo_args="-Dmaven.repo.local=$work/m2-empty-$side-$round"
  else
    repo_args="-Dmaven.repo.local=$work/m2-$side -Dmaven.repo.local.tail=$warm"
  fi
  local before t0 rc
  before="$(load)"
  t0=$(now)
  set +e
  (cd "$dir" && MAVEN_ARGS="$repo_args" WIRELAB_PLAIN=1 CPU_OUT="$work/$side-$round.cpu" \
    in_group ${RUN:-./wirelab demo ${DEMO_ARGS:-}} 2>&1 | stamp > "$log")
  rc=${PIPESTATUS[0]}
  set -e
  local t cpu
  t=$(echo "$(now) - $t0" | bc -l)
  cpu=$(cat "$work/$side-$round.cpu" 2>/dev/null || true)
  [[ -n "$cpu" ]] && cpu=$(printf '%.0f CPU-s' "$cpu") || cpu="CPU not measured (not root)"
  printf '\n== %s (%s), round %d: %.1f s, %s, exit %d, load %s -> %s\n' "$side" "$(git -C "$dir" log -1 --format=%h)" \
    "$round" "$t" "$cpu" "$rc" "$before" "$(load)"
  phases "$log"
  [[ -d "$dir/target/demo" ]] && slowest "$dir/target/demo"
  grep -E '^ *[0-9.]+  \[INFO\] .* (SUCCESS|FAILURE) \[' "$log" | sed -E 's/^ *[0-9.]+  \[INFO\] /  /' || true
  echo "TOTAL $t $(cat "$work/$side-$round.cpu" 2>/dev/null || true)"
}

# prefixes each line with the seconds since the start
stamp() {
  local start=$EPOCHREALTIME line
  while IFS= read -r line; do
    printf '%7.1f  %s\n' "$(echo "$EPOCHREALTIME - $start" | bc -l)" "$line"
  done
}

# when the tool was built, and each lab's first and last finished sample
phases() {
  awk '
    / wirelab: building the command-line tool/ { printf "  %7.1f s  the tool build starts\n", $1 }
    / with Maven: / { printf "  %7.1f s  Maven starts: %s\n", $1, substr($0, index($0, "wirelab: ") + 9, 60) }
    / learning the test plan/ { printf "  %7.1f s  %s\n", $1, substr($0, index($0, "learning")) }
    /^ *[0-9.]+  == / { lab = $3 }
    /^ *[0-9.]+  \[[0-9]+\/[0-9]+\]/ {
      name = $3; l = lab
      if (index(name, "/") > 0) { l = substr(name, 1, index(name, "/") - 1) }
      if (!(l in first)) { first[l] = $1; order[++n] = l }
      last[l] = $1
    }
    END { for (i = 1; i <= n; i++) printf "  %7.1f s .. %7.1f s  %s samples finished\n", first[order[i]], last[order[i]], order[i] }
  ' "$1"
}

# the slowest samples, from their result.json
slowest() {
  python3 - "$1" <<'PY'
import json, pathlib, sys
rows = []
for f in pathlib.Path(sys.argv[1]).glob("*/students/*/result.json"):
    r = json.loads(f.read_text())
    rows.append((r.get("seconds", 0), r["lab"] + "/" + r["student"], r.get("jvms", 0)))
rows.sort(reverse=True)
print("  slowest samples: " + ", ".join(f"{n} {s:.0f} s ({j} JVMs)" for s, n, j in rows[:6]))
print(f"  {len(rows)} samples, {sum(r[0] for r in rows):.0f} s of grading in all")
PY
}

total_this=0
total_other=0
cpu_this=0
cpu_other=0
for ((r = 1; r <= rounds; r++)); do
  sides=(this)
  [[ -n "$other" ]] && { ((r % 2 == 1)) && sides=(this other) || sides=(other this); }
  for side in "${sides[@]}"; do
    tree=$root; [[ $side == other ]] && tree=$other
    out=$(run_one "$side" "$tree" "$r")
    echo "$out" | grep -v '^TOTAL '
    t=$(echo "$out" | awk '/^TOTAL / { print $2 }')
    c=$(echo "$out" | awk '/^TOTAL / { print ($3 == "" ? 0 : $3) }')
    if [[ $side == this ]]; then
      total_this=$(echo "$total_this + $t" | bc -l); cpu_this=$(echo "$cpu_this + $c" | bc -l)
    else
      total_other=$(echo "$total_other + $t" | bc -l); cpu_other=$(echo "$cpu_other + $c" | bc -l)
    fi
  done
done
if [[ -n "$other" ]]; then
  printf '\nthis tree %.1f s, other tree %.1f s over %d round(s): this/other = %.2f\n' \
    "$total_this" "$total_other" "$rounds" "$(echo "$total_this / $total_other" | bc -l)"
  if [[ $(echo "$cpu_other > 0" | bc) == 1 ]]; then
    printf 'CPU: this tree %.0f CPU-s, other tree %.0f CPU-s: this/other = %.2f\n' \
      "$cpu_this" "$cpu_other" "$(echo "$cpu_this / $cpu_other" | bc -l)"
  fi
fi
echo "logs: $work/*.log"
