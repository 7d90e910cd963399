#!/usr/bin/env bash
# A rolling restart with no failed request: under steady load through nginx (wrk, rolling-load.lua: schedule and
# live revalidations, agendas, bookmark PUTs), each replica of the stand-in in turn gets SIGTERM, is waited for
# until it exits (killed after the grace period, as the kubelet would), is started again and waited for until
# ready. Then the load's totals: every answer outside 2xx/3xx and every socket error counts as failed, and any
# makes the script exit non-zero. Usage: deploy/local/up.sh && deploy/local/rolling-restart.sh
# Tunables: ROLLING_LOAD_SECONDS (300: must outlast the restarts; the script says so if it did not).
source "$(dirname "$0")/stand-in.sh"
bench_require wrk curl psql bc

for n in $(seq 1 "$LOCAL_REPLICAS"); do
    local_alive "$n" || { echo "replica $n is not running: deploy/local/up.sh first" >&2; exit 1; }
done
LOAD_SECONDS=${ROLLING_LOAD_SECONDS:-300}
SLUG=bench-large
EVENT="$LOCAL_URL/api/events/$SLUG"
export SLUG TOKENS="$LOCAL_RUN/rolling-tokens.txt"
[ "$(psql -d "$LOCAL_DB" -tAc "select count(*) from event where slug = '$SLUG'")" = 1 ] \
    || psql -d "$LOCAL_DB" -q -f "$BENCH_ROOT/lib/large-event.sql"
if [ ! -s "$TOKENS" ] || [ -n "$(find "$TOKENS" -mmin +600)" ]; then
    bench_mint attendee rolling 200 "$TOKENS"
fi
SESSIONS=$(psql -d "$LOCAL_DB" -tAc "select string_agg(id::text, ',') from session
                                     where event_id = (select id from event where slug = '$SLUG')")
etag() { curl -fsS -D - -o /dev/null "$1" | awk 'tolower($1) == "etag:" {print $2}' | tr -d '\r'; }
SCHEDULE_ETAG=$(etag "$EVENT/schedule")
LIVE_ETAG=$(etag "$EVENT/live")
export SESSIONS SCHEDULE_ETAG LIVE_ETAG

OUT="$LOCAL_RUN/rolling-restart.txt"
# A request still unanswered after 30 s counts as failed: nginx (proxy_read_timeout) would have given up on it.
wrk --latency -t2 -c8 -d"${LOAD_SECONDS}s" --timeout 30s -s "$(dirname "$0")/rolling-load.lua" "$LOCAL_URL" > "$OUT" 2>&1 &
WRK_PID=$!
trap 'kill "$WRK_PID" 2>/dev/null || true' EXIT
echo "load through nginx for $LOAD_SECONDS s; rolling restart of $LOCAL_REPLICAS replicas after 10 s ..."
sleep 10
for n in $(seq 1 "$LOCAL_REPLICAS"); do
    exited=$(local_replica_stop "$n")
    started=$(date +%s.%N)
    local_replica_start "$n"
    local_replica_await_ready "$n"
    echo "  replica $n: exited $exited s after SIGTERM; started again, ready in $(echo "$(date +%s.%N) - $started" | bc -l | xargs printf '%.1f') s"
    # Past nginx's fail_timeout, so that it takes requests again before the next replica goes.
    sleep 10
done
kill -0 "$WRK_PID" 2>/dev/null \
    || { echo "the load ended before the rolling restart did: raise ROLLING_LOAD_SECONDS" >&2; cat "$OUT" >&2; exit 1; }
echo "restarts done; the load runs to its end ..."
wait "$WRK_PID"
trap - EXIT
cat "$OUT"
read -r TOTAL FAILED < <(awk '$1 == "requests" {print $2, $4}' "$OUT")
[ -n "$TOTAL" ] || { echo "wrk printed no totals" >&2; exit 1; }
echo "rolling restart of $LOCAL_REPLICAS replicas under load: $TOTAL requests, $FAILED failed"
[ "$FAILED" = 0 ]
