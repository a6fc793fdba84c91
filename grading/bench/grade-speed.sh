#!/usr/bin/env bash
# Where a submission's grading time goes, in a class-sized batch: grades N submissions of LAB (the
# reference and the demo's non-hostile samples on the solution, cycled) in ONE ./wirelab grade run
# with the default lanes, then prints the wall time per submission and the tests' own seconds per
# test class (summed over the batch, from result.json), slowest first, and whether the copies of
# each submission got one score.
#   grading/bench/grade-speed.sh LAB [N]              default N: 12
#   SAMPLES="reference merge-store" grading/bench/grade-speed.sh rmi 24
#                                                      only these samples, cycled (e.g. the same
#                                                      list before and after a change of samples)
# Run it before and after a change to the tests, on the same machine, one after the other, and
# compare; say how busy the machine was (the script prints the load average at the start and the end).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
lab="${1:?usage: grade-speed.sh LAB [N]}"
n="${2:-12}"
work="$root/target/bench-$lab-speed"
cd "$root"
./wirelab --version > /dev/null
rm -rf "$work" && mkdir -p "$work/subs"
if [[ -n "${SAMPLES:-}" ]]; then
  read -r -a samples <<< "$SAMPLES"
else
  mapfile -t samples < <(cd "grading/samples/$lab" && for d in */; do
    d="${d%/}"; grep -q '^base=solution' "$d/sample.properties" && ! grep -q '^verdict=' "$d/sample.properties" && echo "$d"; done)
  samples=(reference "${samples[@]}")
fi
# each sample once as the demo writes it (its base, patches and files), then copied N times
"$root/grading/bench/sample-submissions.sh" "$lab" "$work/built" "${samples[@]}" > /dev/null
for ((i = 0; i < n; i++)); do
  s="${samples[$((i % ${#samples[@]}))]}"
  dest="$work/subs/$(printf 's%03d' "$i")-$s"
  mkdir -p "$dest/src" && cp -r "$work/built/$s/src/main" "$dest/src/"
  # what a student hands in: the solution regions kept, the starter text and the markers dropped
  python3 - "$dest" <<'PY'
import pathlib, sys
for p in pathlib.Path(sys.argv[1]).rglob("*.java"):
    out, mode = [], None
    for line in p.read_text().split("\n"):
        t = line.strip()
        if t.startswith("// BEGIN SOLUTION") or t.startswith("// END SOLUTION"):
            mode = None; continue
        if t.startswith("// STARTER"):
            mode = "starter"; continue
        if mode != "starter":
            out.append(line)
    p.write_text("\n".join(out))
PY
done
echo "load at start: $(cut -d' ' -f1-3 /proc/loadavg)"
# the first run builds the lab's bundle and learns the plan; not timed (a few submissions suffice)
mapfile -t subs < <(ls -d "$work/subs"/*)
./wirelab grade "${subs[@]:0:4}" --lab "$lab" --out "$work/warm-up" --force > /dev/null 2>&1 < /dev/null &
wait $! || true
rm -rf "$work/warm-up"
t0=$(date +%s.%N)
./wirelab grade "$work/subs"/* --lab "$lab" --out "$work/out" --force > "$work/grade.log" 2>&1 || true
t1=$(date +%s.%N)
echo "load at end:   $(cut -d' ' -f1-3 /proc/loadavg)"
grep "submission(s):" "$work/grade.log" || true
echo "per submission: $(echo "($t1 - $t0) / $n" | bc -l | xargs printf '%.1f') s wall ($n submissions, default lanes);" \
  "a class of 100 at this rate: $(echo "($t1 - $t0) / $n * 100 / 60" | bc -l | xargs printf '%.1f') min"
python3 - "$work/out" <<'PY'
import json, glob, sys, collections
by = collections.Counter(); total = 0; subs = 0
for f in glob.glob(sys.argv[1] + "/students/*/result.json"):
    subs += 1
    for t in json.load(open(f))["tests"]:
        s = t.get("seconds") or 0
        by[(t.get("className") or t.get("class") or t.get("id", "?")).split(".")[-1].split("#")[0]] += s
        total += s
print(f"tests' own time: {total / max(subs, 1):.1f} s per submission; per test class (s per submission):")
for k, v in by.most_common():
    print(f"  {v / max(subs, 1):6.2f}  {k}")
# the same code graded more than once in the batch must get the same score every time
scores = collections.defaultdict(list)
for f in glob.glob(sys.argv[1] + "/students/*/result.json"):
    r = json.load(open(f))
    scores[r["student"].split("-", 1)[1]].append(r["score"])
split = {k: v for k, v in scores.items() if len(set(v)) > 1}
print(f"copies: {sum(len(v) for v in scores.values())} gradings of {len(scores)} different submissions;",
      "all copies agree" if not split else f"DISAGREE: {split}")
PY
