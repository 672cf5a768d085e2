#!/usr/bin/env bash
# Benchmark: warm anonymous download throughput of one Go module zip through nginx round robin in front of 1, 2 and
# 3 ArtifactHub nodes sharing one PostgreSQL and one Azurite (deploy/cluster.sh), against nginx serving the same
# file as a static file. Prints requests/s, MiB/s and the scaling ratio vs 1 node. A measurement, not a test.
#
# Env knobs: BENCH_DURATION (default 10s per run), BENCH_CONCURRENCY (wrk connections, default 32),
#            BENCH_ROUNDS (default 3: every target once per round, medians reported),
#            BENCH_NODES (default "1 2 3"), BENCH_ZIP_BYTES (random payload, default 1048576),
#            BENCH_SKIP_BUILD=1 (reuse the published server of an earlier run in $BENCH_CLUSTER_DIR, see below),
#            BENCH_CLUSTER_DIR (the cluster's state dir; default: a temp dir deleted on exit).
set -euo pipefail

source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"
cd "$REPO_ROOT"

require_cmd wrk "apt-get install -y wrk"
require_cmd nginx "apt-get install -y nginx"
require_cmd curl "apt-get install -y curl"
require_cmd python3 "apt-get install -y python3"
require_cmd dotnet "see https://dotnet.microsoft.com/download (SDK 10)"

DURATION="${BENCH_DURATION:-10s}"
CONC="${BENCH_CONCURRENCY:-32}"
NODE_COUNTS="${BENCH_NODES:-1 2 3}"
ROUNDS="${BENCH_ROUNDS:-3}"
PAYLOAD_BYTES="${BENCH_ZIP_BYTES:-1048576}"
MODULE="example.com/bench"
VERSION="v1.0.0"
URL_PATH="/repository/go-hosted/$MODULE/@v/$VERSION.zip"

BENCH_TMP="$(mktemp -d "${TMPDIR:-/tmp}/ah-cluster-zip.XXXXXX")"
export ARTIFACTHUB_CLUSTER_DIR="${BENCH_CLUSTER_DIR:-$BENCH_TMP/cluster}"
export ARTIFACTHUB_CLUSTER_PORT="$(free_port)"
export ARTIFACTHUB_CLUSTER_SKIP_BUILD="${BENCH_SKIP_BUILD:-0}"
CLUSTER="$REPO_ROOT/deploy/cluster.sh"
STATIC_PID=""
cleanup() {
    local rc=$?
    "$CLUSTER" stop >/dev/null 2>&1 || true
    stop_bench_pid "$STATIC_PID"
    rm -rf "$BENCH_TMP"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

LOAD_START="load average $(cut -d' ' -f1-3 /proc/loadavg)"
first_nodes="${NODE_COUNTS%% *}"
log "starting the cluster (deploy/cluster.sh start $first_nodes; publishes the server in Release unless BENCH_SKIP_BUILD=1)"
"$CLUSTER" start "$first_nodes" >"$BENCH_TMP/cluster-start.log" 2>&1 || { tail -n 40 "$BENCH_TMP/cluster-start.log" >&2; die "deploy/cluster.sh start failed"; }
eval "$("$CLUSTER" env | grep -E '^(URL|ADMIN_PASSWORD|NODE1_PORT)=')"

# --- the module zip --------------------------------------------------------------------------------------------
ZIP="$BENCH_TMP/m.zip"
make_module_zip "$ZIP" "$MODULE" "$VERSION" "$PAYLOAD_BYTES" 1
ZIP_SIZE="$(stat -c %s "$ZIP")"
code="$(curl -sS -o "$BENCH_TMP/upload.json" -w '%{http_code}' -u "admin:$ADMIN_PASSWORD" -T "$ZIP" "$URL$URL_PATH")"
[[ "$code" == "201" ]] || { cat "$BENCH_TMP/upload.json" >&2; die "upload through nginx returned HTTP $code (expected 201)"; }
log "uploaded $ZIP_SIZE bytes through nginx: HTTP 201"

mkdir -p "$BENCH_TMP/static$(dirname "$URL_PATH")"
cp "$ZIP" "$BENCH_TMP/static$URL_PATH"
read -r STATIC_PID STATIC_URL < <(start_static_nginx "$BENCH_TMP/static" nginx-static)
curl -fsS -o "$BENCH_TMP/static.zip" "$STATIC_URL$URL_PATH" || die "static nginx does not serve $URL_PATH"
cmp -s "$ZIP" "$BENCH_TMP/static.zip" || die "static nginx serves different bytes"

declare -A RUNS_RPS RUNS_MIB RPS MIBS
warnings=()
measure() {   # measure KEY URL: one run, appended to the key's samples
    local key=$1 url=$2 rps mib bad serr
    read -r rps mib bad serr < <(wrk_figures "$url" "$CONC" "$DURATION" "$BENCH_TMP/wrk.log")
    RUNS_RPS[$key]+="$rps "; RUNS_MIB[$key]+="$mib "
    if [[ "$bad" != "0" ]]; then warnings+=("$key: $bad non-2xx/3xx responses"); fi
    if [[ "$serr" != "-" ]]; then warnings+=("$key: socket errors $serr"); fi
    log "$key: $rps req/s, $mib MiB/s"
}
median() { tr ' ' '\n' <<<"$1" | grep -v '^$' | sort -g | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else printf "%.2f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

# Rounds interleave every target, so that load from elsewhere on the machine hits them alike; medians are reported.
for ((round = 1; round <= ROUNDS; round++)); do
    log "round $round/$ROUNDS: static nginx (3 s warm-up, then $DURATION at $CONC connections)"
    wrk_figures "$STATIC_URL$URL_PATH" "$CONC" 3s >/dev/null
    measure static "$STATIC_URL$URL_PATH"
    for n in $NODE_COUNTS; do
        "$CLUSTER" scale "$n" >>"$BENCH_TMP/cluster-start.log" 2>&1 || { tail -n 20 "$BENCH_TMP/cluster-start.log" >&2; die "deploy/cluster.sh scale $n failed"; }
        # Every node answers (round robin) and the bytes are checked; then a warm-up fills each node's caches.
        for ((i = 0; i < n * 2; i++)); do
            curl -fsS -o "$BENCH_TMP/back.zip" "$URL$URL_PATH" || die "download through nginx failed with $n node(s)"
            cmp -s "$ZIP" "$BENCH_TMP/back.zip" || die "downloaded bytes differ from the uploaded zip ($n node(s))"
        done
        log "round $round/$ROUNDS: $n node(s) (3 s warm-up, then $DURATION at $CONC connections)"
        wrk_figures "$URL$URL_PATH" "$CONC" 3s >/dev/null
        measure "nodes$n" "$URL$URL_PATH"
        if [[ "$n" == "1" ]]; then
            wrk_figures "http://127.0.0.1:$NODE1_PORT$URL_PATH" "$CONC" 3s >/dev/null
            measure direct1 "http://127.0.0.1:$NODE1_PORT$URL_PATH"
        fi
    done
done
for key in "${!RUNS_RPS[@]}"; do
    RPS[$key]="$(median "${RUNS_RPS[$key]}")"; MIBS[$key]="$(median "${RUNS_MIB[$key]}")"
done

# --- report --------------------------------------------------------------------------------------------------------
echo
echo "== cluster zip download: nginx round robin over N ArtifactHub nodes (PostgreSQL + Azurite) =="
echo "file:        $URL_PATH, $ZIP_SIZE bytes (random payload, stored)"
echo "machine:     $(machine_line) (at the end; $LOAD_START at the start)"
echo "load:        wrk -t2 -c$CONC -d$DURATION on the same machine; nodes, nginx, PostgreSQL, Azurite share the same cores"
echo "MiB/s:       wrk's Transfer/sec (body + headers), binary units"
echo
printf '%-34s %10s %10s %11s %10s   %s\n' "target (median of $ROUNDS)" "req/s" "MiB/s" "vs 1 node" "vs static" "req/s of each round"
row() {   # row LABEL KEY
    local base="${RPS[nodes1]:-0}" st="${RPS[static]:-0}"
    printf '%-34s %10.1f %10.1f %11s %10s   %s\n' "$1" "${RPS[$2]}" "${MIBS[$2]}" \
        "$(awk -v a="${RPS[$2]}" -v b="$base" 'BEGIN { if (b > 0) printf "%.2fx", a / b; else print "n/a" }')" \
        "$(awk -v a="${RPS[$2]}" -v b="$st" 'BEGIN { if (b > 0) printf "%.1f%%", 100 * a / b; else print "n/a" }')" \
        "$(printf '%.0f ' ${RUNS_RPS[$2]})"
}
row "nginx static file (baseline)" static
[[ -n "${RPS[direct1]:-}" ]] && row "1 node direct (no load balancer)" direct1
for n in $NODE_COUNTS; do row "nginx -> $n node(s)" "nodes$n"; done
echo
echo "On $(nproc) cores the nodes compete with each other, nginx, wrk, PostgreSQL and Azurite for the same CPUs: more"
echo "nodes cannot add CPU here, so the ratio shows the cost or benefit of spreading, not what separate machines give."
if ((${#warnings[@]})); then
    echo
    echo "WARNINGS (these runs are not comparable):"
    printf '  %s\n' "${warnings[@]}"
fi
