#!/usr/bin/env bash
# The topology of deploy/compose.yaml, run natively on loopback (no containers): one PostgreSQL, one Azurite (Azure
# Blob emulator), N ArtifactHub nodes and nginx round robin in front, built from deploy/nginx.conf. For trying
# several nodes by hand and for the cluster benchmarks in bench/.
#
#   deploy/cluster.sh start [N]     build the server (Release, published into the state dir), start everything; N=3
#   deploy/cluster.sh scale N       start or stop nodes so that N run, and reload nginx
#   deploy/cluster.sh status        what runs, where, and whether each node is ready
#   deploy/cluster.sh stop          stop everything and delete the state dir (ARTIFACTHUB_CLUSTER_KEEP=1 keeps it)
#   deploy/cluster.sh env           print the state (URL=..., ADMIN_PASSWORD=..., ...) for `eval` or `source`
#
# Environment:
#   ARTIFACTHUB_CLUSTER_DIR       state dir (default ${TMPDIR:-/tmp}/artifacthub-cluster): pids, ports, logs, data dirs
#   ARTIFACTHUB_CLUSTER_PORT      nginx port on 127.0.0.1 (default 8080)
#   ARTIFACTHUB_ADMIN_PASSWORD    the admin password (default: generated, written to $STATE/admin.password)
#   ARTIFACTHUB_CLUSTER_SKIP_BUILD=1   reuse $STATE/app from an earlier start instead of publishing again
#   ARTIFACTHUB_CLUSTER_LOG_LEVEL Logging__LogLevel__Default of the nodes (default Warning)
# The nodes inherit the rest of the environment, so e.g. ArtifactHub__GarbageCollection__IntervalSeconds=60 before
# `start` reaches every node.
#
# Works as a normal user and as root (PostgreSQL then runs as the user postgres through runuser, its files in a
# folder of its own under /tmp). Needs: .NET 10 SDK, PostgreSQL server programs (apt-get install -y postgresql),
# nginx (apt-get install -y nginx), Node.js/npm for Azurite (tools/azurite; npm ci runs when it is missing),
# python3 and curl.
set -euo pipefail

DEPLOY_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$DEPLOY_DIR/.." && pwd)"
STATE="${ARTIFACTHUB_CLUSTER_DIR:-${TMPDIR:-/tmp}/artifacthub-cluster}"
STATE_FILE="$STATE/cluster.env"

log() { printf '[cluster %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { printf 'deploy/cluster.sh: ERROR: %s\n' "$*" >&2; exit 1; }
need() { command -v "$1" >/dev/null 2>&1 || die "'$1' not found. Install it with: $2"; }

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# --- state: KEY=VALUE lines, values shell-quoted --------------------------------------------------------------
declare -A S=()
load_state() {
    [[ -f "$STATE_FILE" ]] || die "no cluster state in $STATE (start one with: deploy/cluster.sh start)"
    local key value
    while IFS='=' read -r key value; do
        [[ -n "$key" ]] || continue
        S[$key]="$(eval "printf '%s' $value")"
    done <"$STATE_FILE"
}
save_state() {
    local key tmp="$STATE_FILE.tmp"
    : >"$tmp"
    for key in $(printf '%s\n' "${!S[@]}" | sort); do
        printf '%s=%q\n' "$key" "${S[$key]}" >>"$tmp"
    done
    chmod 600 "$tmp"
    mv "$tmp" "$STATE_FILE"
}

# alive PID PATTERN: the process runs and its command line contains PATTERN (a recycled pid is not ours)
alive() {
    [[ -n "${1:-}" ]] && kill -0 "$1" 2>/dev/null && tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null | grep -qF -- "$2"
}

stop_pid() {   # stop_pid PID PATTERN NAME
    local pid=$1 pattern=$2 name=$3 i
    alive "$pid" "$pattern" || return 0
    kill "$pid" 2>/dev/null || true
    for ((i = 0; i < 100; i++)); do
        alive "$pid" "$pattern" || { log "stopped $name (pid $pid)"; return 0; }
        sleep 0.1
    done
    kill -9 "$pid" 2>/dev/null || true
    log "killed $name (pid $pid) after 10 s"
}

# wait_http URL SECONDS PID PATTERN LOG: until URL answers 2xx; fails early when the process is gone
wait_http() {
    local url=$1 secs=$2 pid=${3:-} pattern=${4:-} logfile=${5:-} i
    for ((i = 0; i < secs * 5; i++)); do
        if [[ -n "$pid" ]] && ! alive "$pid" "$pattern"; then
            [[ -n "$logfile" ]] && tail -n 30 "$logfile" >&2
            die "process $pid exited before $url answered (log tail above: $logfile)"
        fi
        curl -fsS -o /dev/null --max-time 2 "$url" 2>/dev/null && return 0
        sleep 0.2
    done
    [[ -n "$logfile" ]] && tail -n 30 "$logfile" >&2
    die "$url did not answer within $secs s"
}

# --- PostgreSQL -----------------------------------------------------------------------------------------------
pg_bin_dir() {
    local initdb
    if initdb="$(command -v initdb 2>/dev/null)"; then
        dirname "$(readlink -f "$initdb")"
        return
    fi
    local d best="" v bestv=0
    for d in /usr/lib/postgresql/*/bin; do
        [[ -x "$d/initdb" && -x "$d/pg_ctl" ]] || continue
        v="$(basename "$(dirname "$d")")"
        if [[ "$v" =~ ^[0-9]+$ ]] && ((v > bestv)); then bestv=$v; best=$d; fi
    done
    [[ -n "$best" ]] || die "PostgreSQL's initdb/pg_ctl not found on PATH or in /usr/lib/postgresql/*/bin (apt-get install -y postgresql)"
    printf '%s\n' "$best"
}
as_pg() {   # PostgreSQL refuses to run as root
    if [[ "$(id -u)" == "0" ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start_postgres() {
    local bin port dir
    bin="$(pg_bin_dir)"
    port="$(free_port)"
    if [[ "$(id -u)" == "0" ]]; then
        id postgres >/dev/null 2>&1 || die "running as root needs the user 'postgres' (apt-get install -y postgresql creates it)"
        dir="$(runuser -u postgres -- mktemp -d /tmp/ahcluster-pg.XXXXXX)"
    else
        dir="$STATE/postgres"
        mkdir -p "$dir"
    fi
    S[PG_BIN]=$bin; S[PG_DIR]=$dir; S[PG_PORT]=$port; save_state
    log "PostgreSQL: initdb in $dir"
    as_pg "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --no-locale --no-sync >"$STATE/postgres-initdb.log" 2>&1 \
        || { cat "$STATE/postgres-initdb.log" >&2; die "initdb failed"; }
    as_pg "$bin/pg_ctl" start -w -t 60 -D "$dir/data" -l "$dir/log" \
        -o "-p $port -c listen_addresses=127.0.0.1 -k $dir -c max_connections=300 -c shared_buffers=128MB" >/dev/null \
        || { as_pg cat "$dir/log" >&2 || true; die "PostgreSQL did not start"; }
    as_pg "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -qAt -c 'CREATE DATABASE artifacthub' >/dev/null \
        || die "could not create the database artifacthub"
    S[DB_CONNECTION_STRING]="Host=127.0.0.1;Port=$port;Database=artifacthub;Username=postgres;Maximum Pool Size=50"
    save_state
    log "PostgreSQL 127.0.0.1:$port ready (database artifacthub)"
}

stop_postgres() {
    [[ -n "${S[PG_DIR]:-}" && -d "${S[PG_DIR]}" ]] || return 0
    if as_pg test -f "${S[PG_DIR]}/data/postmaster.pid"; then
        as_pg "${S[PG_BIN]}/pg_ctl" stop -m fast -w -t 30 -D "${S[PG_DIR]}/data" >/dev/null 2>&1 \
            || as_pg "${S[PG_BIN]}/pg_ctl" stop -m immediate -D "${S[PG_DIR]}/data" >/dev/null 2>&1 || true
        log "stopped PostgreSQL"
    fi
    if [[ "${ARTIFACTHUB_CLUSTER_KEEP:-0}" != "1" ]]; then as_pg rm -rf "${S[PG_DIR]}"; fi
}

# --- Azurite --------------------------------------------------------------------------------------------------
start_azurite() {
    local cmd="$REPO_ROOT/tools/azurite/node_modules/.bin/azurite-blob" port
    if [[ ! -x "$cmd" ]]; then
        need npm "apt-get install -y nodejs npm"
        log "installing Azurite (npm ci --prefix tools/azurite)"
        npm ci --prefix "$REPO_ROOT/tools/azurite" --no-audit --no-fund --loglevel=error >/dev/null
    fi
    port="$(free_port)"
    mkdir -p "$STATE/azurite"
    setsid "$cmd" --blobHost 127.0.0.1 --blobPort "$port" --location "$STATE/azurite" --silent --skipApiVersionCheck \
        --disableTelemetry --loose </dev/null >"$STATE/azurite.log" 2>&1 &
    S[AZURITE_PID]=$!; S[AZURITE_PORT]=$port
    S[STORAGE_CONNECTION_STRING]="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:$port/devstoreaccount1"
    save_state
    local i
    for ((i = 0; i < 300; i++)); do   # any answer (403 to an unsigned request) means it listens
        alive "${S[AZURITE_PID]}" azurite || { cat "$STATE/azurite.log" >&2; die "Azurite exited during start-up"; }
        [[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/devstoreaccount1?comp=list" 2>/dev/null)" != "000" ]] && break
        sleep 0.2
    done
    log "Azurite 127.0.0.1:$port ready (pid ${S[AZURITE_PID]})"
}

# --- the server -----------------------------------------------------------------------------------------------
publish_server() {
    if [[ "${ARTIFACTHUB_CLUSTER_SKIP_BUILD:-0}" == "1" && -f "$STATE/app/ArtifactHub.Server.dll" ]]; then
        log "ARTIFACTHUB_CLUSTER_SKIP_BUILD=1: using $STATE/app"
        return
    fi
    need dotnet "the .NET 10 SDK (https://dotnet.microsoft.com/download)"
    log "publishing src/ArtifactHub.Server (Release) into $STATE/app ..."
    local attempt
    for attempt in 1 2 3; do
        # Published into the state dir, so that rebuilds of the working tree do not pull the files from under the nodes.
        if dotnet publish "$REPO_ROOT/src/ArtifactHub.Server" -c Release -o "$STATE/app" -nologo -v quiet -p:UseAppHost=false \
            >"$STATE/build.log" 2>&1; then
            return
        fi
        # Another build of the same tree holding a file is worth a second try; anything else is not.
        grep -qiE 'being used by another process|file is locked|cannot access the file' "$STATE/build.log" && ((attempt < 3)) || break
        log "build collided with another build; retrying in 20 s"
        sleep 20
    done
    tail -n 40 "$STATE/build.log" >&2
    die "dotnet publish failed (log: $STATE/build.log)"
}

start_node() {   # start_node I
    local i=$1 port dir
    port="$(free_port)"
    dir="$STATE/node$i"
    mkdir -p "$dir/data"
    (
        cd "$STATE/app"
        export ArtifactHub__DataDir="$dir/data"
        export ArtifactHub__Admin__Password="${S[ADMIN_PASSWORD]}"
        export ArtifactHub__Database__Provider=PostgreSql
        export ArtifactHub__Database__ConnectionString="${S[DB_CONNECTION_STRING]}"
        export ArtifactHub__Storage__Provider=AzureBlob
        export ArtifactHub__Storage__ConnectionString="${S[STORAGE_CONNECTION_STRING]}"
        export ArtifactHub__Storage__Container="${ArtifactHub__Storage__Container:-artifacthub}"
        export ArtifactHub__ForwardedHeaders__KnownProxies__0=127.0.0.1   # nginx: believe its X-Forwarded-For
        export Logging__LogLevel__Default="${ARTIFACTHUB_CLUSTER_LOG_LEVEL:-Warning}"
        exec setsid dotnet "$STATE/app/ArtifactHub.Server.dll" --urls "http://127.0.0.1:$port"
    ) </dev/null >"$dir/server.log" 2>&1 &
    S[NODE${i}_PID]=$!; S[NODE${i}_PORT]=$port
    save_state
}

wait_node() {
    local i=$1
    wait_http "http://127.0.0.1:${S[NODE${i}_PORT]}/readyz" 120 "${S[NODE${i}_PID]}" ArtifactHub.Server.dll "$STATE/node$i/server.log"
    log "node $i ready on http://127.0.0.1:${S[NODE${i}_PORT]} (pid ${S[NODE${i}_PID]})"
}

stop_node() {
    local i=$1
    stop_pid "${S[NODE${i}_PID]:-}" ArtifactHub.Server.dll "node $i"
    unset "S[NODE${i}_PID]" "S[NODE${i}_PORT]"
}

# --- nginx, from deploy/nginx.conf ----------------------------------------------------------------------------
write_nginx_conf() {
    local n=${S[NODES]} servers="" i
    for ((i = 1; i <= n; i++)); do
        servers+="        server 127.0.0.1:${S[NODE${i}_PORT]} max_fails=3 fail_timeout=10s;"$'\n'
    done
    mkdir -p "$STATE/nginx/temp"
    python3 - "$DEPLOY_DIR/nginx.conf" "$STATE/nginx" "${S[NGINX_PORT]}" "$servers" "$(id -u)" >"$STATE/nginx/nginx.conf.tmp" <<'PY'
import re, sys
src, ngx, port, servers, uid = sys.argv[1:6]
conf = open(src).read()
# The upstream servers are this cluster's nodes; the first compose node line marks where they go.
lines = conf.split("\n")
out, placed = [], False
for line in lines:
    if re.match(r"\s*server\s+[\w.-]+:\d+", line):
        if not placed:
            out.append(servers.rstrip("\n"))
            placed = True
        continue
    out.append(line)
conf = "\n".join(out)
conf = re.sub(r"listen\s+8080;", f"listen 127.0.0.1:{port};", conf)
conf = re.sub(r"^http\s*\{", "http {\n" + "".join(
    f"    {k}_temp_path {ngx}/temp/{k};\n" for k in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")), conf, count=1, flags=re.M)
head = f"pid {ngx}/nginx.pid;\n" + ("user root;\n" if uid == "0" else "")
assert placed, "no upstream servers in deploy/nginx.conf"
sys.stdout.write(head + conf)
PY
    mv "$STATE/nginx/nginx.conf.tmp" "$STATE/nginx/nginx.conf"
}

start_nginx() {
    need nginx "apt-get install -y nginx"
    write_nginx_conf
    nginx -t -q -p "$STATE/nginx" -c "$STATE/nginx/nginx.conf" -e "$STATE/nginx/error.log" \
        || die "nginx -t rejects $STATE/nginx/nginx.conf"
    setsid nginx -p "$STATE/nginx" -c "$STATE/nginx/nginx.conf" -e "$STATE/nginx/error.log" -g 'daemon off;' \
        </dev/null >"$STATE/nginx/stdout.log" 2>&1 &
    S[NGINX_PID]=$!
    save_state
    wait_http "${S[URL]}/nginx-health" 20 "${S[NGINX_PID]}" nginx "$STATE/nginx/error.log"
    log "nginx ${S[URL]} ready (pid ${S[NGINX_PID]}), round robin over ${S[NODES]} node(s)"
}

reload_nginx() {
    write_nginx_conf
    nginx -t -q -p "$STATE/nginx" -c "$STATE/nginx/nginx.conf" -e "$STATE/nginx/error.log" \
        || die "nginx -t rejects $STATE/nginx/nginx.conf"
    kill -HUP "${S[NGINX_PID]}"
    sleep 0.5   # the old workers finish their requests; new ones use the new upstream list
    log "nginx reloaded: ${S[NODES]} node(s)"
}

# --- commands -------------------------------------------------------------------------------------------------
cmd_start() {
    local n=${1:-3} i
    [[ "$n" =~ ^[1-9][0-9]*$ ]] || die "start N: N must be a positive number, not '$n'"
    need python3 "apt-get install -y python3"
    need curl "apt-get install -y curl"
    need nginx "apt-get install -y nginx"
    if [[ -f "$STATE_FILE" ]]; then
        load_state
        if alive "${S[NGINX_PID]:-}" nginx || alive "${S[NODE1_PID]:-}" ArtifactHub.Server.dll; then
            die "a cluster already runs from $STATE (deploy/cluster.sh status | stop)"
        fi
        log "removing the state of a stopped cluster in $STATE"
        stop_everything >/dev/null 2>&1 || true
        S=()
    fi
    local keep_app=""
    if [[ "${ARTIFACTHUB_CLUSTER_SKIP_BUILD:-0}" == "1" && -d "$STATE/app" ]]; then keep_app=1; fi
    mkdir -p "$STATE"
    chmod 700 "$STATE"
    if [[ -z "$keep_app" ]]; then rm -rf "$STATE/app"; fi
    S[STATE]=$STATE
    S[NGINX_PORT]=${ARTIFACTHUB_CLUSTER_PORT:-8080}
    S[URL]="http://127.0.0.1:${S[NGINX_PORT]}"
    S[ADMIN_PASSWORD]=${ARTIFACTHUB_ADMIN_PASSWORD:-"ah-$(python3 -c 'import secrets; print(secrets.token_urlsafe(18))')"}
    S[NODES]=0
    save_state
    (umask 077 && printf '%s\n' "${S[ADMIN_PASSWORD]}" >"$STATE/admin.password")
    if python3 -c 'import socket,sys; s=socket.socket(); s.bind(("127.0.0.1",int(sys.argv[1])))' "${S[NGINX_PORT]}" 2>/dev/null; then :; else
        die "port ${S[NGINX_PORT]} on 127.0.0.1 is taken: set ARTIFACTHUB_CLUSTER_PORT"
    fi

    # Whatever ends the start early (die, a failed command) stops what was started.
    trap 'rc=$?; if ((rc != 0)); then log "start failed: stopping what was started"; stop_everything; fi; exit $rc' EXIT
    publish_server
    start_postgres
    start_azurite
    # The first node creates the schema and the default repositories on the empty database alone; then the rest.
    start_node 1
    wait_node 1
    for ((i = 2; i <= n; i++)); do start_node "$i"; done
    for ((i = 2; i <= n; i++)); do wait_node "$i"; done
    S[NODES]=$n
    save_state
    start_nginx
    wait_http "${S[URL]}/readyz" 10
    trap - EXIT
    echo
    echo "ArtifactHub cluster: ${S[URL]}  ($n node(s), PostgreSQL 127.0.0.1:${S[PG_PORT]}, Azurite 127.0.0.1:${S[AZURITE_PORT]})"
    echo "admin password: $STATE/admin.password   state: $STATE_FILE   logs: $STATE/node*/server.log"
    echo "GOPROXY=${S[URL]}/repository/go-group"
}

cmd_scale() {
    local n=${1:-} i
    [[ "$n" =~ ^[1-9][0-9]*$ ]] || die "scale N: N must be a positive number"
    load_state
    alive "${S[NGINX_PID]:-}" nginx || die "nginx of the cluster in $STATE does not run"
    local old=${S[NODES]}
    if ((n > old)); then
        for ((i = old + 1; i <= n; i++)); do start_node "$i"; done
        for ((i = old + 1; i <= n; i++)); do wait_node "$i"; done
        S[NODES]=$n; save_state
        reload_nginx
    elif ((n < old)); then
        S[NODES]=$n; save_state
        reload_nginx   # take them out of rotation first, then stop them
        for ((i = n + 1; i <= old; i++)); do stop_node "$i"; done
        save_state
    fi
    log "$n node(s) behind ${S[URL]}"
}

cmd_status() {
    load_state
    local i rc=0 state
    printf '%-10s %-8s %-28s %s\n' component pid address state
    state=down; alive "${S[NGINX_PID]:-}" nginx && state=up
    printf '%-10s %-8s %-28s %s\n' nginx "${S[NGINX_PID]:--}" "${S[URL]}" "$state"; [[ $state == up ]] || rc=1
    state=down; [[ -n "${S[PG_PORT]:-}" ]] && as_pg "${S[PG_BIN]}/pg_isready" -q -h 127.0.0.1 -p "${S[PG_PORT]}" && state=up
    printf '%-10s %-8s %-28s %s\n' postgres - "127.0.0.1:${S[PG_PORT]:-}" "$state"; [[ $state == up ]] || rc=1
    state=down; alive "${S[AZURITE_PID]:-}" azurite && state=up
    printf '%-10s %-8s %-28s %s\n' azurite "${S[AZURITE_PID]:--}" "127.0.0.1:${S[AZURITE_PORT]:-}" "$state"; [[ $state == up ]] || rc=1
    for ((i = 1; i <= ${S[NODES]:-0}; i++)); do
        state=down
        if alive "${S[NODE${i}_PID]:-}" ArtifactHub.Server.dll; then
            state="up, /readyz $(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://127.0.0.1:${S[NODE${i}_PORT]}/readyz" || true)"
        fi
        printf '%-10s %-8s %-28s %s\n' "node$i" "${S[NODE${i}_PID]:--}" "http://127.0.0.1:${S[NODE${i}_PORT]:-}" "$state"
        [[ $state == "up, /readyz 200" ]] || rc=1
    done
    echo "admin password: $STATE/admin.password"
    return $rc
}

stop_everything() {
    local key
    stop_pid "${S[NGINX_PID]:-}" nginx nginx
    for key in "${!S[@]}"; do
        if [[ "$key" =~ ^NODE([0-9]+)_PID$ ]]; then stop_pid "${S[$key]}" ArtifactHub.Server.dll "node ${BASH_REMATCH[1]}"; fi
    done
    stop_pid "${S[AZURITE_PID]:-}" azurite Azurite
    stop_postgres
    if [[ "${ARTIFACTHUB_CLUSTER_KEEP:-0}" != "1" ]]; then
        if [[ "${ARTIFACTHUB_CLUSTER_SKIP_BUILD:-0}" == "1" && -d "$STATE/app" ]]; then
            find "$STATE" -mindepth 1 -maxdepth 1 ! -name app -exec rm -rf {} +   # keep the build for the next start
        else
            rm -rf "$STATE"
        fi
    fi
}

cmd_stop() {
    [[ -f "$STATE_FILE" ]] || { log "no cluster state in $STATE: nothing to stop"; return 0; }
    load_state
    stop_everything
    log "cluster stopped"
}

cmd_env() {
    load_state
    cat "$STATE_FILE"
}

case "${1:-}" in
    start) shift; cmd_start "$@" ;;
    scale) shift; cmd_scale "$@" ;;
    status) cmd_status ;;
    stop) cmd_stop ;;
    env) cmd_env ;;
    *) sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
