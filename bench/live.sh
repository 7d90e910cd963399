#!/usr/bin/env bash
# Live document throughput: the app's GET /live (200 and 304) against nginx serving the very same bytes as a
# static file, in one run, on the schedule bench's event (bench/lib/large-event.sql) moved to today, with delays
# reported in 4 rooms through the API. Usage: ./mvnw package -DskipTests && bench/live.sh
# Tunables: BENCH_WRK_OPTS (default "-t2 -c64 -d20s"), WARMUP_SECONDS (20, per request kind).
source "$(dirname "$0")/lib/common.sh"
bench_require wrk nginx curl psql
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

bench_pg_start
bench_db_create hallway_bench_live
bench_app_start hallway_bench_live
psql -d hallway_bench_live -q -f "$BENCH_ROOT/lib/large-event.sql"
# The live document lists the rest of today: its first day starts ten minutes ago, so a talk runs in every room
# and the day's sessions follow (fewer when it is evening in Denver and the day runs past midnight).
psql -d hallway_bench_live -q <<'SQL'
with shift as (select date_trunc('minute', now()) - interval '10 minutes'
                      - '2025-06-02 09:00 America/Denver'::timestamptz as by)
update session set starts_at = starts_at + shift.by, ends_at = ends_at + shift.by
from shift where event_id = (select id from event where slug = 'bench-large');
update event set start_date = (now() at time zone 'America/Denver')::date,
                 end_date = (now() at time zone 'America/Denver')::date + 3
where slug = 'bench-large';
SQL

bench_mint admin operator 1 "$BENCH_OUT/live-operator.txt"
OPERATOR=$(head -1 "$BENCH_OUT/live-operator.txt")
for position in 1 2 3 4; do
    ROOM=$(psql -d hallway_bench_live -tAc "select r.id from room r join event e on e.id = r.event_id
                                            where e.slug = 'bench-large' and r.position = $position")
    curl -fsS -o /dev/null -X PUT -H "Authorization: Bearer $OPERATOR" -H 'Content-Type: application/json' \
        -d "{\"minutes\": $((position * 5))}" "$BENCH_URL/api/admin/events/bench-large/rooms/$ROOM/delay"
done

LIVE="$BENCH_URL/api/events/bench-large/live"
STATIC="$BENCH_OUT/static"
mkdir -p "$STATIC"
curl -fsS -D "$BENCH_OUT/live.headers" -o "$STATIC/live.json" "$LIVE"
ETAG=$(awk 'tolower($1) == "etag:" {print $2}' "$BENCH_OUT/live.headers" | tr -d '\r')
PLAIN_BYTES=$(stat -c %s "$STATIC/live.json")
GZIP_BYTES=$(curl -fsS -H 'Accept-Encoding: gzip' "$LIVE" | wc -c)
ENTRIES=$(grep -o '"plannedStartsAt"' "$STATIC/live.json" | wc -l)
DELAYED=$(grep -o '"delayMinutes":[1-9]' "$STATIC/live.json" | wc -l)

bench_nginx_start live 8091 "$STATIC" live.json

# Measure the app's steady state, as nginx, which compiles nothing, is measured in (see bench/schedule.sh).
echo "warming up the app (JIT) with ${WARMUP_SECONDS:=20} s of each request ..."
wrk -t2 -c64 -d"${WARMUP_SECONDS}s" "$LIVE" >/dev/null
wrk -t2 -c64 -d"${WARMUP_SECONDS}s" -H "If-None-Match: $ETAG" "$LIVE" >/dev/null

read -r _ APP_200 APP_200_P99 < <(bench_wrk live-app-200 "$LIVE")
read -r _ NGINX_200 NGINX_200_P99 < <(bench_wrk live-nginx-200 "$NGINX_URL")
read -r _ APP_304 APP_304_P99 < <(bench_wrk live-app-304 "$LIVE" -H "If-None-Match: $ETAG")
read -r _ NGINX_304 NGINX_304_P99 < <(bench_wrk live-nginx-304 "$NGINX_URL" -H "If-None-Match: $NGINX_ETAG")
# The document must not have changed under the 304 run (a session ending would): else its 304s were 200s.
[ "$(curl -fsS -o /dev/null -w '%{http_code}' -H "If-None-Match: $ETAG" "$LIVE")" = 304 ] \
    || echo "warning: the live document changed during the run; the 304 figure is not one" >&2
RSS=$(bench_rss "$BENCH_APP_PID")

echo
echo "live document: $ENTRIES sessions, $DELAYED of them late, $PLAIN_BYTES bytes plain, $GZIP_BYTES bytes gzip; load average before: $LOAD_BEFORE"
bench_report_vs_nginx
echo "app RSS after the run: ${RSS} MiB"
echo "target: 304 at least 0.70 of nginx"
