#!/usr/bin/env bash
# The slow-reader attack against the reference server (wirelab.dispatcher.Main with
# its defaults: 16 workers, write timeout 5 s): a folder with a 20 MB file, 24 connections that
# send GET /big.bin and never read, then one plain GET /index.html. Without a write timeout the
# plain GET is never answered; with it, within the write timeout plus a few seconds.
#
#   grading/bench/dispatcher/slow-readers.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
"$root/mvnw" -q -B -o -pl solutions/dispatcher -am compile -f "$root/pom.xml" >&2
work="$(mktemp -d)"
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
mkdir -p "$work/www"
head -c 20000000 /dev/urandom > "$work/www/big.bin"
echo '<h1>home</h1>' > "$work/www/index.html"
java -cp "$root/solutions/dispatcher/target/classes" wirelab.dispatcher.Main 0 "$work/www" > "$work/server.log" 2>&1 &
pid=$!
for _ in $(seq 100); do grep -q 'localhost:' "$work/server.log" && break; sleep 0.1; done
port=$(grep -o 'localhost:[0-9]*' "$work/server.log" | cut -d: -f2)
java "$here/SlowReaders.java" "$port" 24
