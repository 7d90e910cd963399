# Shared by up.sh, down.sh and rolling-restart.sh (and bench/herd.sh): source it. The local stand-in for the
# cluster: REPLICAS replicas of the packaged jar on one PostgreSQL database behind nginx, with the settings the
# Kubernetes manifests give each pod. The bench library (bench/lib/common.sh) starts PostgreSQL and holds the
# key pair that signs the tokens the replicas accept in place of an identity provider.
# Tunables: LOCAL_DB (hallway_local), LOCAL_PORT (18080: nginx; replica n listens on LOCAL_PORT + n, its
# management port on LOCAL_PORT + 100 + n), LOCAL_REPLICAS (3), LOCAL_RUN (deploy/local/.run: pids, logs and
# nginx's files), LOCAL_MEMORY (1536m: the pod's memory limit, which sizes the heap as in the container).
source "$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/bench/lib/common.sh"

LOCAL_DB=${LOCAL_DB:-hallway_local}
LOCAL_PORT=${LOCAL_PORT:-18080}
LOCAL_REPLICAS=${LOCAL_REPLICAS:-3}
LOCAL_RUN=${LOCAL_RUN:-$PROJECT_ROOT/deploy/local/.run}
LOCAL_MEMORY=${LOCAL_MEMORY:-1536m}
LOCAL_URL="http://127.0.0.1:$LOCAL_PORT"
# As in the pod: the heap is a share of the memory limit (MaxRAM stands in for the container's cgroup limit),
# and a replica out of memory exits to be restarted instead of limping on.
LOCAL_JAVA_OPTS=${LOCAL_JAVA_OPTS:-"-XX:MaxRAM=$LOCAL_MEMORY -XX:MaxRAMPercentage=70 -XX:+ExitOnOutOfMemoryError"}
# What the kubelet allows a pod between SIGTERM and SIGKILL (terminationGracePeriodSeconds).
LOCAL_GRACE_SECONDS=40
mkdir -p "$LOCAL_RUN"

local_http_port() { echo $((LOCAL_PORT + $1)); }
local_management_port() { echo $((LOCAL_PORT + 100 + $1)); }
local_pid() { cat "$LOCAL_RUN/replica-$1.pid" 2>/dev/null || true; }
local_alive() { local pid; pid=$(local_pid "$1"); [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; }

# local_replica_start N: starts replica N in the background (production mode, as the pod runs it).
local_replica_start() {
    local n=$1
    bench_keys
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$LOCAL_DB" \
    QUARKUS_DATASOURCE_USERNAME=hallway QUARKUS_DATASOURCE_PASSWORD=hallway \
    QUARKUS_OIDC_PUBLIC_KEY=$(cat "$BENCH_KEYS/public.b64") \
    QUARKUS_OIDC_TOKEN_ISSUER=https://bench.hallway.invalid/realms/hallway \
    QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT=$(local_http_port "$n") \
    QUARKUS_MANAGEMENT_HOST=127.0.0.1 QUARKUS_MANAGEMENT_PORT=$(local_management_port "$n") \
    HALLWAY_EXCHANGE_TOKEN_KEY=local-stand-in-exchange-token-key-0123456789abcdef \
    HALLWAY_PUBLIC_BASE_URL=$LOCAL_URL \
        setsid java $LOCAL_JAVA_OPTS -jar "$BENCH_APP_DIR/quarkus-run.jar" >> "$LOCAL_RUN/replica-$n.log" 2>&1 &
    echo $! > "$LOCAL_RUN/replica-$n.pid"
}

# local_replica_await_ready N: until replica N's readiness probe answers UP (the kubelet's readinessProbe).
local_replica_await_ready() {
    local n=$1
    for _ in $(seq 1 240); do
        curl -fs "http://127.0.0.1:$(local_management_port "$n")/q/health/ready" >/dev/null 2>&1 && return 0
        local_alive "$n" || { echo "replica $n died; see $LOCAL_RUN/replica-$n.log" >&2; return 1; }
        sleep 0.5
    done
    echo "replica $n did not become ready; see $LOCAL_RUN/replica-$n.log" >&2
    return 1
}

# local_replica_stop N: SIGTERM, as the kubelet sends it, then SIGKILL after the grace period; the seconds it took.
local_replica_stop() {
    local n=$1 pid started
    pid=$(local_pid "$n")
    [ -n "$pid" ] || return 0
    started=$(date +%s.%N)
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 $((LOCAL_GRACE_SECONDS * 10))); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
        echo "replica $n outlived the grace period: killed" >&2
        kill -KILL "$pid" 2>/dev/null || true
    fi
    rm -f "$LOCAL_RUN/replica-$n.pid"
    echo "$(date +%s.%N) - $started" | bc -l | xargs printf '%.1f\n'
}

# nginx in front, as the Service and Ingress: passive health checks (a replica that fails is left out for a
# while), idempotent requests retried on the next replica when one refuses, resets, times out or answers 502/503,
# and kept-alive connections to the replicas.
local_nginx_start() {
    local servers="" n
    for n in $(seq 1 "$LOCAL_REPLICAS"); do
        servers+="        server 127.0.0.1:$(local_http_port "$n") max_fails=1 fail_timeout=5s;"$'\n'
    done
    cat > "$LOCAL_RUN/nginx.conf" <<CONF
worker_processes 1;
pid $LOCAL_RUN/nginx.pid;
error_log $LOCAL_RUN/nginx-error.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    client_body_temp_path $LOCAL_RUN/nginx-body;
    proxy_temp_path $LOCAL_RUN/nginx-proxy;
    fastcgi_temp_path $LOCAL_RUN/nginx-fastcgi;
    uwsgi_temp_path $LOCAL_RUN/nginx-uwsgi;
    scgi_temp_path $LOCAL_RUN/nginx-scgi;
    upstream hallway {
$servers        keepalive 64;
    }
    server {
        listen 127.0.0.1:$LOCAL_PORT;
        client_max_body_size 1m;
        location / {
            proxy_pass http://hallway;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host \$host;
            proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
            proxy_next_upstream error timeout http_502 http_503;
            proxy_next_upstream_tries 3;
            proxy_connect_timeout 2s;
            proxy_read_timeout 30s;
        }
    }
}
CONF
    nginx -c "$LOCAL_RUN/nginx.conf" -e "$LOCAL_RUN/nginx-error.log"
}

local_nginx_stop() {
    [ -f "$LOCAL_RUN/nginx.pid" ] && nginx -c "$LOCAL_RUN/nginx.conf" -e "$LOCAL_RUN/nginx-error.log" -s quit 2>/dev/null || true
    for _ in $(seq 1 50); do [ -f "$LOCAL_RUN/nginx.pid" ] || break; sleep 0.1; done
}
