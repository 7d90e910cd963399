#!/usr/bin/env bash
# Schedule snapshot throughput: the app's GET /schedule (200 and 304) against nginx serving the very
# same bytes as a static file, in one run. Usage: ./mvnw package -DskipTests && bench/schedule.sh
# Tunables: BENCH_WRK_OPTS (default "-t2 -c64 -d20s"), WARMUP_SECONDS (20, per request kind).
source "$(dirname "$0")/lib/common.sh"
bench_require wrk nginx curl psql

bench_pg_start
bench_db_create hallway_bench_schedule
bench_app_start hallway_bench_schedule
psql -d hallway_bench_schedule -q -f "$BENCH_ROOT/lib/large-event.sql"

SCHEDULE="$BENCH_URL/api/events/bench-large/schedule"
STATIC="$BENCH_OUT/static"
mkdir -p "$STATIC"
curl -fsS -D "$BENCH_OUT/schedule.headers" -o "$STATIC/schedule.json" "$SCHEDULE"
ETAG=$(awk 'tolower($1) == "etag:" {print $2}' "$BENCH_OUT/schedule.headers" | tr -d '\r')
PLAIN_BYTES=$(stat -c %s "$STATIC/schedule.json")
GZIP_BYTES=$(curl -fsS -H 'Accept-Encoding: gzip' "$SCHEDULE" | wc -c)
SESSIONS=$(grep -o '"guid"' "$STATIC/schedule.json" | wc -l)

bench_nginx_start schedule 8090 "$STATIC" schedule.json

# The JIT needs about half a minute of each path before it stops compiling (jstat -compiler): measure the
# app's steady state, as nginx, which compiles nothing, is measured in.
echo "warming up the app (JIT) with ${WARMUP_SECONDS:=20} s of each request ..."
wrk -t2 -c64 -d"${WARMUP_SECONDS}s" "$SCHEDULE" >/dev/null
wrk -t2 -c64 -d"${WARMUP_SECONDS}s" -H "If-None-Match: $ETAG" "$SCHEDULE" >/dev/null

read -r _ APP_200 APP_200_P99 < <(bench_wrk app-200 "$SCHEDULE")
read -r _ NGINX_200 NGINX_200_P99 < <(bench_wrk nginx-200 "$NGINX_URL")
read -r _ APP_304 APP_304_P99 < <(bench_wrk app-304 "$SCHEDULE" -H "If-None-Match: $ETAG")
read -r _ NGINX_304 NGINX_304_P99 < <(bench_wrk nginx-304 "$NGINX_URL" -H "If-None-Match: $NGINX_ETAG")
RSS=$(bench_rss "$BENCH_APP_PID")

echo
echo "schedule snapshot: $SESSIONS sessions, $PLAIN_BYTES bytes plain, $GZIP_BYTES bytes gzip"
bench_report_vs_nginx
echo "app RSS after the run: ${RSS} MiB"
echo "targets: 200 at least 0.50 of nginx, 304 at least 0.70 of nginx"
