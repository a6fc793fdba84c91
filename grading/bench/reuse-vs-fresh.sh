#!/usr/bin/env bash
# Reused results against running every test, test by test. Grades the same submissions twice in
# one run: as the demo and mutate do by default (the reference first; a test class whose inputs
# are the reference's bytes takes its results, see docs/architecture.md) and with --no-reuse.
# Then lists every test whose verdict or points differ: those in a class the first side reused
# (there must be none) apart from those both sides ran (a racy submission answering differently
# from run to run); the time and CPU each side took.
#
#   grading/bench/reuse-vs-fresh.sh demo [LAB]     the demo's samples (every lab, or one)
#   grading/bench/reuse-vs-fresh.sh mutate LAB     the lab's mutants: also the killed sets
#   ARGS="--max 20" grading/bench/reuse-vs-fresh.sh mutate LAB    more options for both sides
#
# Exit code 1 when a reused result differs from the one running the test gives.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
mode="${1:?usage: reuse-vs-fresh.sh demo [LAB] | mutate LAB}"
lab="${2:-}"
work="$root/target/reuse-vs-fresh"
cd "$root"
./wirelab --version > /dev/null

cpu_of() {  # the CPU seconds of the processes of cgroup $1 (as root), else of this shell's children
  if [[ -r "$1/cpuacct.usage" ]]; then echo "$(cat "$1/cpuacct.usage") / 1000000000" | bc -l; else echo 0; fi
}

side() {
  local name="$1"; shift
  local t0=$SECONDS group="/sys/fs/cgroup/cpuacct/reuse-vs-fresh-$name-$$"
  echo "== $name: $* (load $(cut -d' ' -f1-3 /proc/loadavg))"
  mkdir "$group" 2>/dev/null || group=""
  (
    [[ -n "$group" ]] && echo "$BASHPID" > "$group/cgroup.procs"
    case "$mode" in
      demo) ./wirelab demo --force --out "$work/$name" ${lab:+--lab "$lab"} ${ARGS:-} "$@" > "$work/$name.log" 2>&1 || true ;;
      mutate) ./wirelab mutate --lab "${lab:?which lab?}" --force --out "$work/$name" ${ARGS:-} "$@" > "$work/$name.log" 2>&1 || true ;;
      *) echo "unknown mode $mode" >&2; exit 2 ;;
    esac
  )
  local cpu=0
  if [[ -n "$group" ]]; then cpu="$(cpu_of "$group")"; rmdir "$group" 2>/dev/null || true; fi
  printf '   %d s, %.0f CPU-s, load %s; log %s\n' "$((SECONDS - t0))" "$cpu" "$(cut -d' ' -f1-3 /proc/loadavg)" "$work/$name.log"
  echo "$((SECONDS - t0)) $cpu" > "$work/$name.seconds"
}

rm -rf "$work" && mkdir -p "$work"
side reuse
side fresh --no-reuse

python3 - "$work/reuse" "$work/fresh" "$mode" <<'PY'
import json, pathlib, sys
reuse, fresh, mode = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]), sys.argv[3]

def results(root):
    return {str(f.parent.relative_to(root)): json.loads(f.read_text())
            for f in root.rglob("students/*/result.json")}

def reused_classes(r):
    for n in r.get("notes", []):
        if n.startswith("reused: "):
            return set(c.strip() for c in n.rsplit("got these results: ", 1)[1].split(","))
    return set()

a, b = results(reuse), results(fresh)
differ, flaky, tests, reused = [], [], 0, 0
for key in sorted(set(a) | set(b)):
    if key not in a or key not in b:
        differ.append(f"{key}: graded on one side only")
        continue
    classes = reused_classes(a[key])
    ta = {t["id"]: t for t in a[key]["tests"]}
    tb = {t["id"]: t for t in b[key]["tests"]}
    for tid in sorted(set(ta) | set(tb)):
        x, y = ta.get(tid), tb.get(tid)
        tests += 1
        was_reused = tid.split("#")[0] in classes
        reused += was_reused
        if x is None or y is None:
            differ.append(f"{key} {tid}: on one side only")
        elif x["status"] != y["status"] or x["score"] != y["score"]:
            line = f"{key} {tid}: reused side {x['status']} {x['score']}, fresh {y['status']} {y['score']}"
            (differ if was_reused else flaky).append(line)

def cost(path):
    wall, cpu = (path.parent / (path.name + ".seconds")).read_text().split()
    return float(wall), float(cpu)

print(f"\n{len(a)} submissions, {tests} tests compared; {reused} of them reused on the first side")
if mode == "mutate":
    def killed(root):
        m = json.loads((root / "mutants.json").read_text())
        return {x["id"] for x in m.get("mutants", []) if x.get("status") == "killed"}
    ka, kb = killed(reuse), killed(fresh)
    print(f"killed: {len(ka)} with reuse, {len(kb)} running every test, the same set: {ka == kb}")
    if ka != kb:
        flaky.append(f"killed only with reuse: {sorted(ka - kb)}; only running every test: {sorted(kb - ka)}")
(wa, ca), (wb, cb) = cost(reuse), cost(fresh)
print(f"time: {wa:.0f} s with reuse, {wb:.0f} s running every test: {wa / max(wb, 1):.2f}x")
if ca and cb:
    print(f"CPU: {ca:.0f} CPU-s with reuse, {cb:.0f} CPU-s running every test: {ca / max(cb, 1):.2f}x")
if flaky:
    print(f"\n{len(flaky)} difference(s) in tests both sides ran (the submission's own nondeterminism):")
    for d in flaky:
        print("  " + d)
if differ:
    print(f"\n{len(differ)} difference(s) in reused results:")
    for d in differ:
        print("  " + d)
    sys.exit(1)
print("every reused result is the one running the test gives, with the same points")
PY
