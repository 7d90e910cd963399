#!/usr/bin/env bash
# Venue routing: generated venues of 1,000 and 10,000 nodes on 4 levels. First the route computation
# alone (bench/venue/RouteBench.java, in-process, p50/p99), then GET /route over HTTP with wrk next to
# GET /api/events (a trivial endpoint) in the same run, reported as a ratio.
# Usage: ./mvnw package -DskipTests && bench/route.sh
# Tunables: BENCH_WRK_OPTS (default "-t2 -c64 -d20s"), BENCH_LEVELS (default 4).
source "$(dirname "$0")/lib/common.sh"
bench_require wrk curl psql javac bc
LEVELS=${BENCH_LEVELS:-4}

CLASSPATH="$PROJECT_ROOT/target/classes:$PROJECT_ROOT/target/quarkus-app/lib/main/*"
mkdir -p "$BENCH_OUT/classes"
javac -d "$BENCH_OUT/classes" -cp "$CLASSPATH" "$BENCH_ROOT/venue/RouteBench.java"
route_bench() {
    java -cp "$BENCH_OUT/classes:$CLASSPATH" io.hallway.venue.RouteBench "$@"
}

echo "route computation alone (20,000 random room pairs after 20,000 to warm up):"
for nodes in 1000 10000; do
    route_bench measure "$nodes" "$LEVELS" | tee "$BENCH_OUT/compute-$nodes.txt"
done

bench_pg_start
bench_db_create hallway_bench_route
# A 10,000-node venue document is about 1.5 MB, over the default body limit meant for ordinary requests.
bench_app_start hallway_bench_route -Dquarkus.http.limits.max-body-size=16M
bench_mint organizer bench-organizer 1 "$BENCH_OUT/organizer.token"
TOKEN=$(head -1 "$BENCH_OUT/organizer.token")

declare -A ROUTE_URL
for nodes in 1000 10000; do
    slug="bench-route-$nodes"
    curl -fsS -o /dev/null -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
        -d "{\"slug\":\"$slug\",\"name\":\"Route bench $nodes\",\"timeZone\":\"UTC\",\"startDate\":\"2024-11-10\",\"endDate\":\"2024-11-10\",\"published\":true}" \
        "$BENCH_URL/api/admin/events"
    read -r from to < <(route_bench json "$nodes" "$LEVELS" "$BENCH_OUT/venue-$nodes.json")
    curl -fsS -o /dev/null -X PUT -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
        --data-binary "@$BENCH_OUT/venue-$nodes.json" "$BENCH_URL/api/admin/events/$slug/venue"
    ROUTE_URL[$nodes]="$BENCH_URL/api/events/$slug/route?from=$from&to=$to"
    curl -fsS "${ROUTE_URL[$nodes]}" > "$BENCH_OUT/route-$nodes.json"
    echo "route for $nodes nodes: $from -> $to, $(grep -o '"node"' "$BENCH_OUT/route-$nodes.json" | wc -l) nodes," \
        "$(wc -c < "$BENCH_OUT/route-$nodes.json") bytes"
done
EVENTS="$BENCH_URL/api/events"

echo "warming up the app (JIT) ..."
for url in "$EVENTS" "${ROUTE_URL[1000]}" "${ROUTE_URL[10000]}"; do
    wrk -t2 -c16 -d10s "$url" >/dev/null
done

# The reference is measured before and after the routes; its mean is what the ratios divide by.
read -r _ EVENTS_A EVENTS_A_P99 < <(bench_wrk events-before "$EVENTS")
read -r _ ROUTE_1K ROUTE_1K_P99 < <(bench_wrk route-1000 "${ROUTE_URL[1000]}")
read -r _ ROUTE_10K ROUTE_10K_P99 < <(bench_wrk route-10000 "${ROUTE_URL[10000]}")
read -r _ EVENTS_B EVENTS_B_P99 < <(bench_wrk events-after "$EVENTS")
RSS=$(bench_rss "$BENCH_APP_PID")
EVENTS_MEAN=$(echo "($EVENTS_A + $EVENTS_B) / 2" | bc -l)

echo
printf '%-22s %12s %10s %14s\n' case "req/s" "p99 ms" "vs /api/events"
printf '%-22s %12s %10s %14s\n' "GET /api/events" "$EVENTS_A" "$EVENTS_A_P99" "(before)"
printf '%-22s %12s %10s %14.2f\n' "GET /route 1k nodes" "$ROUTE_1K" "$ROUTE_1K_P99" "$(echo "$ROUTE_1K / $EVENTS_MEAN" | bc -l)"
printf '%-22s %12s %10s %14.2f\n' "GET /route 10k nodes" "$ROUTE_10K" "$ROUTE_10K_P99" "$(echo "$ROUTE_10K / $EVENTS_MEAN" | bc -l)"
printf '%-22s %12s %10s %14s\n' "GET /api/events" "$EVENTS_B" "$EVENTS_B_P99" "(after)"
echo "app RSS after the run: ${RSS} MiB"
echo "targets: route computation p50 under 0.5 ms at 10,000 nodes; /route at least 0.60 of /api/events"
