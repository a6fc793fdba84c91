#!/usr/bin/env bash
# The stuck check against the full time limits, test by test. Grades the same submissions twice in
# one run: with the stuck check (the default: a test whose threads can no longer move ends at once,
# see grading/runner StuckWatch) and with every hung test waiting out its time limit
# (--stuck-after 0). Then lists every test whose verdict or points differ between the two: those
# the stuck check ended (there must be none) apart from those where neither side's verdict came from
# it (a racy submission answering differently from run to run); the time each side took and its
# slowest submissions, each split into its timed-out tests, its other tests and the rest (test
# JVMs started again after each hung test, compiling).
#
#   grading/bench/stuck-vs-limits.sh demo [LAB]     the demo's samples (every lab, or one)
#   grading/bench/stuck-vs-limits.sh mutate LAB     the lab's mutants (./wirelab mutate): also the killed sets
#   ARGS="--max 20" grading/bench/stuck-vs-limits.sh mutate LAB    more options for both sides
#
# Exit code 1 when a verdict the stuck check gave differs. The full-limit side takes long: a hung test waits out its
# limit (2 minutes in the threads lab).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
mode="${1:?usage: stuck-vs-limits.sh demo [LAB] | mutate LAB}"
lab="${2:-}"
work="$root/target/stuck-vs-limits"
cd "$root"
./wirelab --version > /dev/null

side() {
  local name="$1"; shift
  local t0=$SECONDS
  echo "== $name: $* (load $(cut -d' ' -f1-3 /proc/loadavg))"
  case "$mode" in
    demo) ./wirelab demo --force --no-reuse --out "$work/$name" ${lab:+--lab "$lab"} ${ARGS:-} "$@" > "$work/$name.log" 2>&1 || true ;;
    mutate) ./wirelab mutate --lab "${lab:?which lab?}" --force --out "$work/$name" ${ARGS:-} "$@" > "$work/$name.log" 2>&1 || true ;;
    *) echo "unknown mode $mode" >&2; exit 2 ;;
  esac
  echo "   $((SECONDS - t0)) s, load $(cut -d' ' -f1-3 /proc/loadavg); log $work/$name.log"
  echo "$((SECONDS - t0))" > "$work/$name.seconds"
}

rm -rf "$work" && mkdir -p "$work"
side stuck
side limits --stuck-after 0

python3 - "$work/stuck" "$work/limits" "$mode" <<'PY'
import json, pathlib, sys
stuck, limits, mode = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]), sys.argv[3]

def results(root):
    out = {}
    for f in root.rglob("students/*/result.json"):
        r = json.loads(f.read_text())
        out[str(f.parent.relative_to(root))] = r
    return out

a, b = results(stuck), results(limits)
# a difference is the stuck check's when its side ended that test as stuck; where neither side's
# verdict came from the watch, the submission itself answered differently (a race that a mutant
# opened wins one run and loses the next), which the check cannot cause and must not hide
differ, flaky, tests, stuck_verdicts = [], [], 0, 0
for key in sorted(set(a) | set(b)):
    if key not in a or key not in b:
        differ.append(f"{key}: graded on one side only")
        continue
    ta = {t["id"]: t for t in a[key]["tests"]}
    tb = {t["id"]: t for t in b[key]["tests"]}
    for tid in sorted(set(ta) | set(tb)):
        x, y = ta.get(tid), tb.get(tid)
        tests += 1
        if x is None or y is None:
            differ.append(f"{key} {tid}: on one side only")
        elif x["status"] != y["status"] or x["score"] != y["score"]:
            line = f"{key} {tid}: stuck check {x['status']} {x['score']}, full limits {y['status']} {y['score']}"
            (differ if (x.get("message") or "").startswith("stuck:") else flaky).append(line)
        elif (x.get("message") or "").startswith("stuck:"):
            stuck_verdicts += 1

def seconds(path):
    return float((path.parent / (path.name + ".seconds")).read_text())

print(f"\n{len(a)} submissions, {tests} tests compared; {stuck_verdicts} ended as stuck (same verdict and points as at the limit)")
if mode == "mutate":
    def killed(root):
        m = json.loads((root / "mutants.json").read_text())
        return {x["id"] for x in m.get("mutants", []) if x.get("status") == "killed"}
    try:
        ka, kb = killed(stuck), killed(limits)
        print(f"killed: {len(ka)} with the stuck check, {len(kb)} with the full limits, the same set: {ka == kb}")
        if ka != kb:
            # a mutant killed on one side only counts against the check when a stuck verdict did it
            by_check = {k for k in ka ^ kb if any(line.startswith(f"grading/students/{k} ") for line in differ)}
            (differ if by_check else flaky).append(
                f"killed only with the stuck check: {sorted(ka - kb)}; only with the full limits: {sorted(kb - ka)}")
    except (OSError, KeyError, ValueError) as e:
        differ.append(f"cannot compare the killed sets: {e}")
sa, sb = seconds(stuck), seconds(limits)
print(f"time: {sa:.0f} s with the stuck check, {sb:.0f} s with the full limits: {sb / max(sa, 1):.2f}x")
def where(r):
    """Where a submission's time went: its hung tests, its other tests, the rest (test JVM start-ups, compiling)."""
    tests = r.get("tests", [])
    hung = [t for t in tests if t.get("status") == "timeout"]
    in_hung = sum(t.get("seconds") or 0 for t in hung)
    in_tests = sum(t.get("seconds") or 0 for t in tests)
    return (f"{r.get('seconds', 0):.0f} s = {len(hung)} timed out {in_hung:.0f} s + other tests {in_tests - in_hung:.0f} s"
            f" + the rest {r.get('seconds', 0) - in_tests:.0f} s ({r.get('jvms', 0)} test JVMs)")

for name, side in (("stuck check", a), ("full limits", b)):
    slow = sorted(((r.get("seconds", 0), k) for k, r in side.items()), reverse=True)[:3]
    print(f"slowest with the {name}:")
    for s, k in slow:
        print(f"  {k.replace('/students/', '/')}: {where(side[k])}")
if flaky:
    print(f"\n{len(flaky)} difference(s) where neither side ended the test as stuck (the submission's own"
          " nondeterminism, not the check's):")
    for d in flaky:
        print("  " + d)
if differ:
    print(f"\n{len(differ)} difference(s) made by the stuck check:")
    for d in differ:
        print("  " + d)
    sys.exit(1)
print("every verdict the stuck check gave is the one the full limit gives, with the same points")
PY
