# shellcheck shell=bash
# Shared helpers for the benchmark scripts in this folder. Sourced, not executed.
#
# The caller must define BENCH_TMP (a private temp dir) before calling start_server.

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$BENCH_DIR/.." && pwd)"
SERVER_PROJECT="$REPO_ROOT/src/ArtifactHub.Server"
SERVER_BIN="$SERVER_PROJECT/bin/Release/net10.0"
SERVER_DLL="$SERVER_BIN/ArtifactHub.Server.dll"

SERVER_PID=""
SERVER_PORT=""
SERVER_URL=""
ADMIN_PW="bench-$(date +%s)-$$-Pw1!"

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { printf 'ERROR: %s\n' "$*" >&2; exit 1; }

# require_cmd NAME "install hint"
require_cmd() {
    command -v "$1" >/dev/null 2>&1 || die "'$1' not found. Install it with: $2"
}

# Prints a free TCP port on 127.0.0.1 (the kernel picks it).
free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# Builds the server in Release unless BENCH_SKIP_BUILD=1 and the dll already exists.
build_server() {
    if [[ "${BENCH_SKIP_BUILD:-0}" == "1" && -f "$SERVER_DLL" ]]; then
        log "BENCH_SKIP_BUILD=1: using existing $SERVER_DLL"
        return
    fi
    log "building src/ArtifactHub.Server (Release)..."
    if ! dotnet build -c Release "$SERVER_PROJECT" -nologo -v quiet >"$BENCH_TMP/build.log" 2>&1; then
        tail -n 40 "$BENCH_TMP/build.log" >&2
        die "dotnet build failed (full log above was the tail of $BENCH_TMP/build.log)"
    fi
    [[ -f "$SERVER_DLL" ]] || die "build succeeded but $SERVER_DLL is missing"
}

# Starts the server on a free loopback port with a fresh data dir under $BENCH_TMP
# and waits for /readyz. Sets SERVER_PID, SERVER_PORT, SERVER_URL.
start_server() {
    SERVER_PORT="$(free_port)"
    SERVER_URL="http://127.0.0.1:$SERVER_PORT"
    mkdir -p "$BENCH_TMP/data"
    log "starting ArtifactHub on $SERVER_URL"
    (
        cd "$SERVER_BIN" || exit 1
        ArtifactHub__DataDir="$BENCH_TMP/data" \
        ArtifactHub__Admin__Password="$ADMIN_PW" \
        Logging__LogLevel__Default=Warning \
        exec dotnet "$SERVER_DLL" --urls "$SERVER_URL"
    ) >"$BENCH_TMP/server.log" 2>&1 &
    SERVER_PID=$!
    local i
    for ((i = 0; i < 300; i++)); do   # up to 60 s
        if ! kill -0 "$SERVER_PID" 2>/dev/null; then
            tail -n 40 "$BENCH_TMP/server.log" >&2
            die "server exited during start-up (log tail above)"
        fi
        if curl -fsS -o /dev/null --max-time 2 "$SERVER_URL/readyz" 2>/dev/null; then
            log "server ready (pid $SERVER_PID)"
            return
        fi
        sleep 0.2
    done
    tail -n 40 "$BENCH_TMP/server.log" >&2
    die "server did not become ready within 60 s"
}

stop_server() {
    stop_bench_pid "$SERVER_PID"
    SERVER_PID=""
}

# make_module_zip OUT MODULE VERSION TOTAL_BYTES [FILES]
# Writes a valid Go module zip to OUT, streaming (never holds the data in memory):
# go.mod plus FILES (default 1) files of incompressible random data totalling
# TOTAL_BYTES, stored uncompressed (ZIP_STORED).
make_module_zip() {
    python3 - "$@" <<'PY'
import os, sys, zipfile
out, module, version, total = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
files = int(sys.argv[5]) if len(sys.argv) > 5 else 1
prefix = f"{module}@{version}/"
chunk = 1 << 20
with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_STORED, allowZip64=True) as zf:
    zf.writestr(prefix + "go.mod", f"module {module}\n\ngo 1.21\n")
    zf.writestr(prefix + "bench.go", "package bench\n")
    per = total // files
    for i in range(files):
        size = per if i < files - 1 else total - per * (files - 1)
        info = zipfile.ZipInfo(prefix + f"data/blob{i}.bin", date_time=(2024, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_STORED
        info.file_size = size
        with zf.open(info, "w", force_zip64=size >= (1 << 31)) as w:
            left = size
            while left > 0:
                n = min(chunk, left)
                w.write(os.urandom(n))
                left -= n
PY
}

# proc_status_kib PID FIELD  -> prints the value (kB) of FIELD (VmRSS, VmHWM) from /proc/PID/status
proc_status_kib() {
    awk -v f="$2:" '$1 == f { print $2 }' "/proc/$1/status"
}

# ---- helpers of the cluster and backend benchmarks (cluster-zip-download.sh, upload-backends.sh) -------------

# machine_line -> "2 cores, load 0.52 0.80 1.10, Linux 6.1" for the report header
machine_line() {
    printf '%s cores, load average %s, %s %s' "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)" "$(uname -s)" "$(uname -r)"
}

# start_static_nginx ROOT_DIR NAME: a private nginx (foreground, own prefix under $BENCH_TMP/NAME) serving ROOT_DIR
# as static files (sendfile on) on a free loopback port. Prints "PID URL".
start_static_nginx() {
    local root=$1 name=$2 dir port user_line="" pid i
    dir="$BENCH_TMP/$name"
    port="$(free_port)"
    mkdir -p "$dir/temp"
    if [[ "$(id -u)" == "0" ]]; then user_line="user root;"; fi   # workers must read files in our 0700 temp dir
    cat >"$dir/nginx.conf" <<NGINX
$user_line
worker_processes auto;
pid $dir/nginx.pid;
events { worker_connections 4096; }
http {
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 1000000;
    client_body_temp_path $dir/temp/body;
    proxy_temp_path $dir/temp/proxy;
    fastcgi_temp_path $dir/temp/fastcgi;
    uwsgi_temp_path $dir/temp/uwsgi;
    scgi_temp_path $dir/temp/scgi;
    default_type application/zip;
    server {
        listen 127.0.0.1:$port;
        root $root;
    }
}
NGINX
    nginx -p "$dir" -c "$dir/nginx.conf" -e "$dir/error.log" -g 'daemon off;' >"$dir/stdout.log" 2>&1 &
    pid=$!
    for ((i = 0; i < 50; i++)); do
        kill -0 "$pid" 2>/dev/null || { cat "$dir/error.log" "$dir/stdout.log" >&2 || true; die "nginx ($name) failed to start"; }
        curl -s -o /dev/null "http://127.0.0.1:$port/" 2>/dev/null && break
        sleep 0.1
    done
    printf '%s http://127.0.0.1:%s\n' "$pid" "$port"
}

# stop_bench_pid PID: SIGTERM, wait up to 5 s, then SIGKILL (for processes this script started).
stop_bench_pid() {
    local pid=${1:-} i
    [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 0
    kill "$pid" 2>/dev/null || true
    for ((i = 0; i < 50; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}

# wrk_figures URL CONNECTIONS DURATION [LOG] -> "req_per_s MiB_per_s non2xx socket_errors"
# wrk runs with min(2, CONNECTIONS) threads; MiB/s is its Transfer/sec (body + headers, binary units).
wrk_figures() {
    local url=$1 c=$2 d=$3 logfile=${4:-/dev/null} t out
    t=$((c < 2 ? c : 2))
    out="$(wrk -t"$t" -c"$c" -d"$d" --timeout 10s "$url")"
    printf '== %s c=%s d=%s\n%s\n' "$url" "$c" "$d" "$out" >>"$logfile"
    awk '
        /^Requests\/sec:/ { rps = $2 }
        /^Transfer\/sec:/ {
            v = $2; n = v + 0; unit = v; sub(/^[0-9.]+/, "", unit)
            m = 1 / 1048576
            if (unit == "KB") m = 1 / 1024; else if (unit == "MB") m = 1
            else if (unit == "GB") m = 1024; else if (unit == "TB") m = 1048576
            mib = n * m
        }
        /Non-2xx or 3xx responses:/ { non2xx = $NF }
        /Socket errors:/ { sockerr = $0; sub(/.*Socket errors: */, "", sockerr); gsub(/ /, "", sockerr) }
        END { printf "%s %.1f %s %s\n", rps + 0, mib + 0, non2xx + 0, (sockerr == "" ? "-" : sockerr) }
    ' <<<"$out"
}

# start_azurite DIR -> prints "PID BLOB_ENDPOINT" (Azurite's blob service from tools/azurite on a free loopback port)
start_azurite() {
    local dir=$1 cmd="$REPO_ROOT/tools/azurite/node_modules/.bin/azurite-blob" port pid i
    [[ -x "$cmd" ]] || die "Azurite is not installed: run 'npm ci --prefix tools/azurite' (test.sh does it)"
    port="$(free_port)"
    mkdir -p "$dir"
    "$cmd" --blobHost 127.0.0.1 --blobPort "$port" --location "$dir" --silent --skipApiVersionCheck --disableTelemetry \
        </dev/null >"$dir.log" 2>&1 &
    pid=$!
    for ((i = 0; i < 300; i++)); do   # any answer (403 to an unsigned request) means it listens
        kill -0 "$pid" 2>/dev/null || { cat "$dir.log" >&2; die "Azurite exited during start-up"; }
        [[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/devstoreaccount1?comp=list" 2>/dev/null)" != "000" ]] && break
        sleep 0.2
    done
    printf '%s http://127.0.0.1:%s/devstoreaccount1\n' "$pid" "$port"
}

# Azurite's published development account (not a secret) for a blob endpoint.
azurite_connection_string() {
    printf 'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=%s' "$1"
}
