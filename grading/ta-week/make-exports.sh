#!/usr/bin/env bash
# usage: grading/ta-week/make-exports.sh SUBMISSIONS OUT
# Lays out a week of the rmi lab as a TA downloads it, from the demo's sample submissions
# (SUBMISSIONS: target/demo/submissions/rmi, made by ./wirelab demo --lab rmi):
#   OUT/rmi-submissions/      a GitHub Classroom clone, as `gh classroom clone student-repos` makes it:
#                             rmi-<github-user>/ git clones, each with one commit at its submit time
#   OUT/gradescope-export.zip a Gradescope "Export Submissions" zip: submission_metadata.yml
#                             (this folder's copy) and a submission_<id>/ folder per submission
# Who is who is in roster.csv beside this script. Needs git and a JDK (jar).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
subs="${1:?usage: make-exports.sh SUBMISSIONS OUT}"
out="${2:?usage: make-exports.sh SUBMISSIONS OUT}"
[[ -d "$subs/reference" ]] || { echo "no $subs/reference: run ./wirelab demo --lab rmi first" >&2; exit 2; }
rm -rf "$out/rmi-submissions" "$out/gradescope-export" "$out/gradescope-export.zip"
mkdir -p "$out/rmi-submissions" "$out/gradescope-export"

# GitHub user, sample, commit time (the deadline is 2026-10-04T23:59+02:00)
clone() {
  local repo="$out/rmi-submissions/rmi-$1"
  mkdir -p "$repo" && cp -R "$subs/$2/src" "$repo/"
  git -C "$repo" init -q
  git -C "$repo" add -A
  GIT_AUTHOR_DATE="$3" GIT_COMMITTER_DATE="$3" git -C "$repo" -c user.name="$1" \
    -c user.email="$1@users.noreply.github.com" commit -q -m "lab done"
}
clone ada-l reference 2026-10-04T21:00:00+02:00
clone bob-b racy-get-then-put 2026-10-06T09:30:00+02:00
clone mallory-x starter 2026-10-04T22:00:00+02:00

# Gradescope submission id, sample (submission_231013 is in the metadata but has no folder)
cp "$here/submission_metadata.yml" "$out/gradescope-export/"
for pair in submission_231004:unsynchronised-hashmap submission_231007:synchronized-map \
            submission_231011:forgot-to-export; do
  mkdir -p "$out/gradescope-export/${pair%%:*}" && cp -R "$subs/${pair#*:}/src" "$out/gradescope-export/${pair%%:*}/"
done
(cd "$out/gradescope-export" && jar cfM ../gradescope-export.zip .)
rm -rf "$out/gradescope-export"
echo "wrote $out/rmi-submissions (3 clones) and $out/gradescope-export.zip (3 submissions)"
