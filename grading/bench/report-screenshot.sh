#!/usr/bin/env bash
# The README's picture of report.html: grades the demo's class of one lab (./wirelab demo --lab LAB),
# then photographs the top of its report.html in headless Chromium (the system's chromium) into
# docs/report-LAB.png. Run it again after a change to the report and commit the picture.
#
#   grading/bench/report-screenshot.sh [LAB]        default: rmi
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
lab="${1:-rmi}"
out="$root/docs/report-$lab.png"
cd "$root"

chromium="$(command -v chromium || command -v chromium-browser || true)"
[[ -n "$chromium" ]] || { echo "report-screenshot: needs chromium (apt-get install chromium)" >&2; exit 2; }

./wirelab demo --lab "$lab"
report="$root/target/demo/$lab/report.html"
[[ -f "$report" ]] || { echo "report-screenshot: the demo wrote no $report" >&2; exit 1; }

profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
flags=(--headless --disable-gpu --no-first-run --hide-scrollbars --force-device-scale-factor=1
       --user-data-dir="$profile" --window-size=1100,1300)
[[ $(id -u) -ne 0 ]] || flags+=(--no-sandbox)   # as root, Chromium refuses to start with its sandbox
"$chromium" "${flags[@]}" --screenshot="$out" "file://$report" 2>/dev/null
echo "report-screenshot: wrote ${out#"$root"/} from ${report#"$root"/}"
