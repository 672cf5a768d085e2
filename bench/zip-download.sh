#!/usr/bin/env bash
# Benchmark: anonymous download of a ~1 MiB Go module zip from ArtifactHub vs the
# same file served by nginx (static file, sendfile on), using wrk at several
# concurrency levels. Prints a table; this is a measurement, not a test.
#
# Env knobs: BENCH_DURATION (default 10s per run), BENCH_CONCURRENCY (default "1 16 64"),
#            BENCH_ZIP_BYTES (random payload size, default 1048576),
#            BENCH_SKIP_BUILD=1 (reuse an existing Release build).
set -euo pipefail

source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"
cd "$REPO_ROOT"

require_cmd wrk "apt-get install -y wrk"
require_cmd nginx "apt-get install -y nginx"
require_cmd curl "apt-get install -y curl"
require_cmd python3 "apt-get install -y python3"
require_cmd dotnet "see https://dotnet.microsoft.com/download (SDK 10)"

DURATION="${BENCH_DURATION:-10s}"
CONCURRENCY="${BENCH_CONCURRENCY:-1 16 64}"
PAYLOAD_BYTES="${BENCH_ZIP_BYTES:-1048576}"
MODULE="example.com/bench"
VERSION="v1.0.0"
URL_PATH="/repository/go-hosted/$MODULE/@v/$VERSION.zip"

BENCH_TMP="$(mktemp -d "${TMPDIR:-/tmp}/ah-zip-download.XXXXXX")"
NGINX_PID=""
cleanup() {
    local rc=$?
    stop_server
    if [[ -n "$NGINX_PID" ]] && kill -0 "$NGINX_PID" 2>/dev/null; then
        kill "$NGINX_PID" 2>/dev/null || true   # SIGTERM: fast shutdown of master + workers
        wait "$NGINX_PID" 2>/dev/null || true
    fi
    rm -rf "$BENCH_TMP"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

build_server
start_server

# --- module zip --------------------------------------------------------------
ZIP="$BENCH_TMP/m.zip"
make_module_zip "$ZIP" "$MODULE" "$VERSION" "$PAYLOAD_BYTES" 1
ZIP_SIZE="$(stat -c %s "$ZIP")"
log "module zip: $ZIP_SIZE bytes"

code="$(curl -sS -o "$BENCH_TMP/upload.json" -w '%{http_code}' -u "admin:$ADMIN_PW" \
    -X PUT -H 'Content-Type: application/zip' --data-binary "@$ZIP" "$SERVER_URL$URL_PATH")"
if [[ "$code" != "201" ]]; then
    echo "upload response body:" >&2; cat "$BENCH_TMP/upload.json" >&2; echo >&2
    die "upload returned HTTP $code (expected 201)"
fi
log "uploaded: HTTP $code $(head -c 300 "$BENCH_TMP/upload.json")"

# Fetch the stored bytes back once (anonymous) and compare.
code="$(curl -sS -o "$BENCH_TMP/back.zip" -D "$BENCH_TMP/back.headers" -w '%{http_code}' "$SERVER_URL$URL_PATH")"
[[ "$code" == "200" ]] || die "download returned HTTP $code (expected 200)"
cmp -s "$ZIP" "$BENCH_TMP/back.zip" || die "downloaded bytes differ from the uploaded zip ($(stat -c %s "$BENCH_TMP/back.zip") vs $ZIP_SIZE bytes)"
log "round trip OK: downloaded bytes equal the uploaded zip"

# --- nginx ---------------------------------------------------------------------
NGX_ROOT="$BENCH_TMP/nginx-html"
mkdir -p "$NGX_ROOT$(dirname "$URL_PATH")"
cp "$ZIP" "$NGX_ROOT$URL_PATH"
read -r NGINX_PID NGINX_URL < <(start_static_nginx "$NGX_ROOT" nginx)
[[ -n "${NGINX_URL:-}" ]] || die "nginx failed to start"
curl -fsS -o "$BENCH_TMP/nginx.zip" "$NGINX_URL$URL_PATH" || die "nginx does not serve $URL_PATH"
cmp -s "$ZIP" "$BENCH_TMP/nginx.zip" || die "nginx serves different bytes"
log "nginx ready on $NGINX_URL (pid $NGINX_PID)"

# --- wrk -----------------------------------------------------------------------
# run_wrk URL CONNECTIONS DURATION -> prints "req_per_s mb_per_s non2xx socket_errors"
run_wrk() {
    local url=$1 c=$2 d=$3 t out
    t=$((c < 2 ? c : 2))
    out="$(wrk -t"$t" -c"$c" -d"$d" --timeout 10s "$url")"
    printf '%s\n' "$out" >>"$BENCH_TMP/wrk.log"
    awk '
        /^Requests\/sec:/ { rps = $2 }
        /^Transfer\/sec:/ {
            v = $2; n = v + 0; unit = v; sub(/^[0-9.]+/, "", unit)
            m = 1
            if (unit == "KB") m = 1024; else if (unit == "MB") m = 1024^2
            else if (unit == "GB") m = 1024^3; else if (unit == "TB") m = 1024^4
            mbs = n * m / 1e6
        }
        /Non-2xx or 3xx responses:/ { non2xx = $NF }
        /Socket errors:/ { sockerr = $0; sub(/.*Socket errors: */, "", sockerr); gsub(/ /, "", sockerr) }
        END { printf "%s %.1f %s %s\n", rps + 0, mbs + 0, non2xx + 0, (sockerr == "" ? "-" : sockerr) }
    ' <<<"$out"
}

log "warm-up (3 s each)..."
run_wrk "$SERVER_URL$URL_PATH" 16 3s >/dev/null
run_wrk "$NGINX_URL$URL_PATH" 16 3s >/dev/null

declare -A AH_RPS AH_MBS NG_RPS NG_MBS
warnings=()
for c in $CONCURRENCY; do
    log "concurrency $c: ArtifactHub ($DURATION)..."
    res="$(run_wrk "$SERVER_URL$URL_PATH" "$c" "$DURATION")"
    read -r rps mbs bad serr <<<"$res"
    AH_RPS[$c]=$rps; AH_MBS[$c]=$mbs
    if [[ "$bad" != "0" ]]; then warnings+=("ArtifactHub c=$c: $bad non-2xx/3xx responses"); fi
    if [[ "$serr" != "-" ]]; then warnings+=("ArtifactHub c=$c: socket errors $serr"); fi
    log "concurrency $c: nginx ($DURATION)..."
    res="$(run_wrk "$NGINX_URL$URL_PATH" "$c" "$DURATION")"
    read -r rps mbs bad serr <<<"$res"
    NG_RPS[$c]=$rps; NG_MBS[$c]=$mbs
    if [[ "$bad" != "0" ]]; then warnings+=("nginx c=$c: $bad non-2xx/3xx responses"); fi
    if [[ "$serr" != "-" ]]; then warnings+=("nginx c=$c: socket errors $serr"); fi
done

# --- report --------------------------------------------------------------------
echo
echo "== zip download: ArtifactHub vs nginx (static file) =="
echo "file:      $URL_PATH"
echo "zip size:  $ZIP_SIZE bytes ($(awk -v b="$ZIP_SIZE" 'BEGIN { printf "%.3f", b / 1048576 }') MiB, random payload $PAYLOAD_BYTES bytes, stored)"
echo "machine:   $(nproc) cores; wrk runs on the same machine (threads = min(2, connections)), $DURATION per run"
echo "MB/s = 10^6 bytes/s as reported by wrk's Transfer/sec (body + headers)"
echo
printf '%-12s %16s %12s %12s %12s %10s\n' "concurrency" "ArtifactHub r/s" "AH MB/s" "nginx r/s" "nginx MB/s" "ratio"
for c in $CONCURRENCY; do
    ratio="$(awk -v a="${AH_RPS[$c]}" -v n="${NG_RPS[$c]}" 'BEGIN { if (n > 0) printf "%.1f%%", 100 * a / n; else print "n/a" }')"
    printf '%-12s %16.1f %12.1f %12.1f %12.1f %10s\n' "$c" "${AH_RPS[$c]}" "${AH_MBS[$c]}" "${NG_RPS[$c]}" "${NG_MBS[$c]}" "$ratio"
done
echo
if [[ " $CONCURRENCY " == *" 64 "* ]]; then
    verdict="$(awk -v a="${AH_RPS[64]}" -v n="${NG_RPS[64]}" 'BEGIN { r = (n > 0) ? 100 * a / n : 0; printf "%.1f%% -> %s", r, (r >= 70 ? "MET" : "NOT MET") }')"
    echo "aim: ArtifactHub >= 70% of nginx req/s at concurrency 64: $verdict"
else
    echo "aim: ArtifactHub >= 70% of nginx req/s at concurrency 64 (not measured in this run)"
fi
if ((${#warnings[@]})); then
    echo
    echo "WARNINGS (these runs are not comparable):"
    printf '  %s\n' "${warnings[@]}"
fi
