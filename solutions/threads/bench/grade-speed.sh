#!/usr/bin/env bash
# Where a threads submission's grading time goes, in a class-sized batch (see grading/bench/grade-speed.sh):
#   solutions/threads/bench/grade-speed.sh [N]      default 12
set -euo pipefail
exec "$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)/grading/bench/grade-speed.sh" threads "$@"
