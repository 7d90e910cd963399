# Shared by the benchmarks: source it. Starts the machine's PostgreSQL 15, makes a scratch database,
# starts the packaged jar in production mode against it with a bench key pair instead of an identity
# provider, and cleans up. Needs a packaged app (./mvnw package -DskipTests) and wrk. BENCH_APP_DIR runs another
# build instead (another worktree's target/quarkus-app), its outputs still under this bench/out.
set -euo pipefail

BENCH_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PROJECT_ROOT=$(cd "$BENCH_ROOT/.." && pwd)
BENCH_APP_DIR=${BENCH_APP_DIR:-$PROJECT_ROOT/target/quarkus-app}
BENCH_OUT="$BENCH_ROOT/out"
BENCH_KEYS="$BENCH_OUT/keys"
# A free port unless one is given, so a bench never talks to somebody else's app.
BENCH_PORT=${BENCH_PORT:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
BENCH_URL="http://127.0.0.1:$BENCH_PORT"
# Health and metrics are on the management port, a free one as well.
BENCH_MANAGEMENT_PORT=${BENCH_MANAGEMENT_PORT:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
BENCH_MANAGEMENT_URL="http://127.0.0.1:$BENCH_MANAGEMENT_PORT"
export PGHOST=127.0.0.1 PGPORT=5432 PGUSER=hallway PGPASSWORD=hallway
mkdir -p "$BENCH_OUT"

bench_require() {
    for tool in "$@"; do
        command -v "$tool" >/dev/null || { echo "missing: $tool (apt-get install -y $tool)" >&2; exit 1; }
    done
    [ -f "$BENCH_APP_DIR/quarkus-run.jar" ] || {
        echo "no packaged app in $BENCH_APP_DIR: run ./mvnw package -DskipTests first" >&2; exit 1; }
}

bench_pg_start() {
    pg_ctlcluster --skip-systemctl-redirect 15 main start 2>/dev/null || true
    for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 && break; sleep 0.5; done
    # As the postgres superuser over the local socket, not with the bench role's PG* variables.
    local as_postgres="env -u PGHOST -u PGPORT -u PGUSER -u PGPASSWORD su postgres -c"
    $as_postgres "psql -tAc \"select 1 from pg_roles where rolname = 'hallway'\"" | grep -q 1 \
        || $as_postgres "psql -c \"create role hallway login superuser password 'hallway'\"" >/dev/null
}

# bench_db_create NAME: a fresh, empty database.
bench_db_create() {
    psql -d postgres -qc "drop database if exists $1" -c "create database $1" >/dev/null
}

bench_keys() {
    [ -f "$BENCH_KEYS/public.b64" ] || java "$BENCH_ROOT/lib/MintTokens.java" keys "$BENCH_KEYS"
}

# bench_mint ROLE PREFIX N FILE: N tokens for users PREFIX0..PREFIX(N-1), one a line.
bench_mint() {
    bench_keys
    java "$BENCH_ROOT/lib/MintTokens.java" mint "$BENCH_KEYS" "$1" "$2" "$3" "$4"
}

# bench_app_start DB [extra -D options...]: the packaged jar in prod mode; waits until it is ready.
bench_app_start() {
    local db=$1; shift
    bench_keys
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$db" \
    QUARKUS_DATASOURCE_USERNAME=hallway QUARKUS_DATASOURCE_PASSWORD=hallway \
    QUARKUS_OIDC_PUBLIC_KEY=$(cat "$BENCH_KEYS/public.b64") \
    QUARKUS_OIDC_TOKEN_ISSUER=https://bench.hallway.invalid/realms/hallway \
    QUARKUS_HTTP_PORT=$BENCH_PORT QUARKUS_MANAGEMENT_PORT=$BENCH_MANAGEMENT_PORT QUARKUS_LOG_LEVEL=WARN \
    HALLWAY_EXCHANGE_TOKEN_KEY=bench-only-exchange-token-key-0123456789abcdef \
    HALLWAY_PUBLIC_BASE_URL=$BENCH_URL \
        java ${BENCH_JAVA_OPTS:-} "$@" -jar "$BENCH_APP_DIR/quarkus-run.jar" \
        > "$BENCH_OUT/app.log" 2>&1 &
    BENCH_APP_PID=$!
    trap bench_app_stop EXIT
    for _ in $(seq 1 120); do
        curl -fs "$BENCH_MANAGEMENT_URL/q/health/ready" >/dev/null 2>&1 && return 0
        kill -0 "$BENCH_APP_PID" 2>/dev/null || { echo "the app died; see $BENCH_OUT/app.log" >&2; exit 1; }
        sleep 0.5
    done
    echo "the app did not become ready; see $BENCH_OUT/app.log" >&2
    exit 1
}

bench_app_stop() {
    [ -n "${BENCH_APP_PID:-}" ] && kill "$BENCH_APP_PID" 2>/dev/null && wait "$BENCH_APP_PID" 2>/dev/null || true
    BENCH_APP_PID=
}

# bench_pg_log DB: the file PostgreSQL logs to (its own collector's file, else the Debian cluster's log).
bench_pg_log() {
    local log
    log=$(psql -d "$1" -tAc "select pg_current_logfile()" 2>/dev/null || true)
    [ -n "$log" ] || log=/var/log/postgresql/postgresql-15-main.log
    case "$log" in /*) ;; *) log="$(psql -d "$1" -tAc 'show data_directory')/$log" ;; esac
    echo "$log"
}

# bench_rss PID: resident set size in MiB.
bench_rss() {
    awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"
}

# bench_cpu_ms PID...: the CPU time (user + system) the processes have used so far, in milliseconds.
bench_cpu_ms() {
    local ticks=0 pid
    for pid in "$@"; do
        [ -r "/proc/$pid/stat" ] && ticks=$((ticks + $(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0)))
    done
    echo $((ticks * 1000 / $(getconf CLK_TCK)))
}

# bench_machine_busy_ms: CPU time all processes of the machine have used so far (steal not counted), in ms.
bench_machine_busy_ms() {
    awk -v hz="$(getconf CLK_TCK)" '/^cpu / {printf "%d", ($2 + $3 + $4 + $7 + $8) * 1000 / hz}' /proc/stat
}

# bench_pg_pids: the machine's PostgreSQL server processes (its backends included).
bench_pg_pids() {
    pgrep -u postgres -x postgres | tr '\n' ' '
}

# bench_wrk LABEL URL [wrk options...]: runs wrk and prints "LABEL requests/s p99_ms" on one line.
bench_wrk() {
    local label=$1 url=$2; shift 2
    local out
    out=$(wrk --latency ${BENCH_WRK_OPTS:--t2 -c64 -d20s} "$@" "$url")
    echo "$out" > "$BENCH_OUT/wrk-$label.txt"
    local rps p99
    rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
    p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
    echo "$label $rps $(bench_ms "$p99")"
}

# bench_ms 1.23ms|456.00us|1.01s: the latency in milliseconds.
bench_ms() {
    echo "$1" | awk '/us$/ {sub("us", ""); printf "%.3f", $1 / 1000; next}
                     /ms$/ {sub("ms", ""); printf "%.3f", $1; next}
                     /s$/  {sub("s", ""); printf "%.3f", $1 * 1000}'
}

# Serves $3/$4 with nginx on 127.0.0.1:$2 (config and logs named $1), the reference each bench measures the app
# against, and stops it with the app on exit. Sets NGINX_URL and NGINX_ETAG; fails when nginx serves other bytes.
bench_nginx_start() {
    local name=$1 port=$2 dir=$3 file=$4
    cat > "$BENCH_OUT/nginx-$name.conf" <<CONF
worker_processes auto;
daemon off;
error_log $BENCH_OUT/nginx-$name-error.log;
pid $BENCH_OUT/nginx-$name.pid;
events { worker_connections 1024; }
http {
    access_log off;
    sendfile on;
    server {
        listen 127.0.0.1:$port;
        root $dir;
        location / { default_type application/json; }
    }
}
CONF
    nginx -c "$BENCH_OUT/nginx-$name.conf" &
    NGINX_PID=$!
    trap 'kill $NGINX_PID 2>/dev/null; bench_app_stop' EXIT
    sleep 1
    NGINX_URL="http://127.0.0.1:$port/$file"
    NGINX_ETAG=$(curl -fsSI "$NGINX_URL" | awk 'tolower($1) == "etag:" {print $2}' | tr -d '\r')
    cmp -s "$dir/$file" <(curl -fsS "$NGINX_URL") || { echo "nginx bytes differ" >&2; exit 1; }
}

# Prints the app against nginx from APP_200, NGINX_200, APP_304, NGINX_304 and their _P99 figures.
bench_report_vs_nginx() {
    printf '%-10s %12s %12s %10s\n' case "app req/s" "nginx req/s" "app/nginx"
    printf '%-10s %12s %12s %10.2f\n' "200" "$APP_200" "$NGINX_200" "$(echo "$APP_200 / $NGINX_200" | bc -l)"
    printf '%-10s %12s %12s %10.2f\n' "304" "$APP_304" "$NGINX_304" "$(echo "$APP_304 / $NGINX_304" | bc -l)"
    printf '%-10s %12s %12s\n' "p99 ms" "200: $APP_200_P99" "200: $NGINX_200_P99"
    printf '%-10s %12s %12s\n' "p99 ms" "304: $APP_304_P99" "304: $NGINX_304_P99"
}

# bench_large_event_tomorrow DB: the large event (bench/lib/large-event.sql) loaded and moved to tomorrow in
# Denver, at the same wall-clock times: what a release announces is a change to sessions still to come.
bench_large_event_tomorrow() {
    psql -d "$1" -q -f "$BENCH_ROOT/lib/large-event.sql"
    psql -d "$1" -q <<'SQL'
set timezone = 'America/Denver';
with shift as (select current_date + 1 - date '2025-06-02' as days)
update session set starts_at = starts_at + shift.days * interval '1 day', ends_at = ends_at + shift.days * interval '1 day'
from shift where event_id = (select id from event where slug = 'bench-large');
with shift as (select current_date + 1 - date '2025-06-02' as days)
update event set start_date = start_date + shift.days, end_date = end_date + shift.days
from shift where slug = 'bench-large';
SQL
}

# bench_last_sessions DB N: ids (comma-separated) of N sessions of the large event that are the last of their
# room and day: moved 15 minutes later, one meets no other session in its room, and its speaker's other session
# is on another day. Fails when there are fewer.
bench_last_sessions() {
    local moved
    moved=$(psql -d "$1" -tAc "select string_agg(id::text, ',' order by starts_at, id) from (
                 select id, starts_at from (
                     select s.id, s.starts_at, row_number() over (partition by s.room_id,
                         (s.starts_at at time zone e.time_zone)::date order by s.starts_at desc) as place
                     from session s join event e on e.id = s.event_id where e.slug = 'bench-large') last
                 where place = 1 order by starts_at, id limit $2) moved")
    [ "$(tr ',' '\n' <<< "$moved" | wc -l)" = "$2" ] \
        || { echo "the event has fewer than $2 sessions that end a day in their room" >&2; return 1; }
    echo "$moved"
}

# bench_admin URL TOKEN METHOD PATH [curl options...]: an organizer's call to the event's admin API (URL), its
# body on stdout; a refusal fails with its problem document.
bench_admin() {
    local url=$1 token=$2 method=$3 path=$4 response status
    shift 4
    response=$(curl -sS -X "$method" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
        -w '\n%{http_code}' "$@" "$url$path")
    status=${response##*$'\n'}
    [[ $status == 2* ]] || { echo "$method $url$path answered $status: ${response%$'\n'*}" >&2; return 1; }
    printf '%s\n' "${response%$'\n'*}"
}

# bench_draft_moves DB ADMIN_URL TOKEN MOVED DIR: the event in release mode manual through the API (the tables
# as they are become the release named initial), then a draft moving each of the sessions MOVED (ids,
# comma-separated) 15 minutes later, as an organizer's tool sends it (the version it read included); the next
# release publishes it. DIR keeps the documents sent.
bench_draft_moves() {
    local db=$1 admin=$2 token=$3 moved=$4 dir=$5 id starts_at ends_at
    bench_admin "$admin" "$token" GET "" | jq '{slug, name, timeZone, startDate, endDate, venueName, venueAddress,
        description, published, durationLimits, version, releaseMode: "manual"}' > "$dir/event-manual.json"
    bench_admin "$admin" "$token" PUT "" -d @"$dir/event-manual.json" > /dev/null
    while read -r id starts_at ends_at; do
        bench_admin "$admin" "$token" GET "/sessions/$id" | jq -c --arg startsAt "$starts_at" --arg endsAt "$ends_at" \
            '{kind, title, abstract, language, level, tags, trackId, roomId, startsAt: $startsAt, endsAt: $endsAt,
              speakerIds: [.speakers[].id], status, slidesUrl, videoUrl, version}' > "$dir/session.json"
        bench_admin "$admin" "$token" PUT "/sessions/$id" -d @"$dir/session.json" > /dev/null
    done < <(psql -d "$db" -tAc "select id, to_json(starts_at + interval '15 minutes') #>> '{}',
                                    to_json(ends_at + interval '15 minutes') #>> '{}'
                                 from session where id in ($moved) order by id" | tr '|' ' ')
}
