#!/usr/bin/env bash
# Benchmark for instructors: the reference dispatcher against embedded Jetty 12, both serving the
# same 14-byte text/plain response on loopback, measured by wrk with keep-alive, in ONE run.
# Goal: the dispatcher reaches at least half of Jetty's requests per second.
#
#   grading/bench/dispatcher/run.sh                      # defaults below
#   DURATION=20s CONNECTIONS=64 grading/bench/dispatcher/run.sh
#
# Needs: a JDK, wrk (Debian package wrk). The dispatcher's pool is bounded (WORKERS threads);
# keep CONNECTIONS <= WORKERS, since each kept-alive connection holds one worker (blocking I/O).
set -euo pipefail

DURATION=${DURATION:-10s}          # per measured round
WARMUP=${WARMUP:-5s}               # per server, not measured (JIT)
ROUNDS=${ROUNDS:-2}                # measured rounds per server, interleaved
CONNECTIONS=${CONNECTIONS:-32}
WRK_THREADS=${WRK_THREADS:-2}
WORKERS=${WORKERS:-64}             # dispatcher worker threads; Jetty gets the same max threads
JVM_OPTS=${JVM_OPTS:--Xms256m -Xmx256m -XX:+UseParallelGC}

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 2; }

echo "building the benchmark (reference dispatcher + Jetty)..." >&2
"$root/mvnw" -q -B -f "$here/pom.xml" package -DskipTests >&2
cp="$here/target/classes:$(cat "$here/target/classpath.txt")"

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

start() {   # start <main class> -> sets PORT, appends pid
  local log; log="$(mktemp)"
  java $JVM_OPTS -cp "$cp" "$1" 0 "$WORKERS" >"$log" 2>"$log.err" &
  pids+=($!)
  for _ in $(seq 200); do
    if grep -q '^PORT ' "$log"; then PORT=$(awk '/^PORT /{print $2}' "$log"); return; fi
    sleep 0.05
  done
  echo "$1 did not start: $(cat "$log.err")" >&2; exit 1
}

rps() {     # rps <port> <duration> -> requests/s printed by wrk
  wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"$2" --latency "http://127.0.0.1:$1/hello" > "$here/target/wrk.out"
  if grep -q 'Non-2xx\|Socket errors' "$here/target/wrk.out"; then grep 'Non-2xx\|Socket errors' "$here/target/wrk.out" >&2; fi
  awk '/^Requests\/sec:/{print $2}' "$here/target/wrk.out"
}

start wirelab.dispatcher.bench.DispatcherServer; dport=$PORT
start wirelab.dispatcher.bench.JettyServer; jport=$PORT
curl -sf "http://127.0.0.1:$dport/hello" >/dev/null && curl -sf "http://127.0.0.1:$jport/hello" >/dev/null

echo "warming up ($WARMUP each)..." >&2
rps "$dport" "$WARMUP" >/dev/null
rps "$jport" "$WARMUP" >/dev/null

dsum=0; jsum=0
for r in $(seq "$ROUNDS"); do
  d=$(rps "$dport" "$DURATION"); j=$(rps "$jport" "$DURATION")
  printf 'round %d: dispatcher %10.0f req/s   jetty %10.0f req/s\n' "$r" "$d" "$j"
  dsum=$(echo "$dsum + $d" | bc -l); jsum=$(echo "$jsum + $j" | bc -l)
done
d=$(echo "$dsum / $ROUNDS" | bc -l); j=$(echo "$jsum / $ROUNDS" | bc -l)
ratio=$(echo "$d / $j" | bc -l)
printf '\nwrk -t%s -c%s -d%s (keep-alive), %s rounds, %s cores, load %s\n' "$WRK_THREADS" "$CONNECTIONS" "$DURATION" \
  "$ROUNDS" "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf 'dispatcher (%s workers): %10.0f req/s\n' "$WORKERS" "$d"
printf 'jetty %s:        %10.0f req/s\n' "12.1.13" "$j"
printf 'ratio dispatcher/jetty:  %10.2f   (goal: >= 0.50) %s\n' "$ratio" \
  "$(echo "$ratio >= 0.5" | bc -l | sed 's/1/PASS/;s/0/BELOW GOAL/')"
