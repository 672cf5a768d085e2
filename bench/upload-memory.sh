#!/usr/bin/env bash
# Benchmark: server resident memory while receiving a ~400 MiB Go module zip upload.
# The upload must be streamed (to disk), so resident memory should barely move.
# Prints baseline RSS, peak RSS during the upload, the delta, HTTP status and time.
# This is a measurement, not a test (it exits non-zero only if the upload fails).
#
# Env knobs: BENCH_UPLOAD_MIB (random payload, default 400), BENCH_SKIP_BUILD=1,
#            TMPDIR (where the big zip and the server's data dir go; needs ~2x the size free).
set -euo pipefail

source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"
cd "$REPO_ROOT"

require_cmd curl "apt-get install -y curl"
require_cmd python3 "apt-get install -y python3"
require_cmd dotnet "see https://dotnet.microsoft.com/download (SDK 10)"

UPLOAD_MIB="${BENCH_UPLOAD_MIB:-400}"
MODULE="example.com/bench"
AIM_MIB=64
SAMPLE_INTERVAL=0.2

BENCH_TMP="$(mktemp -d "${TMPDIR:-/tmp}/ah-upload-memory.XXXXXX")"
SAMPLER_PID=""
cleanup() {
    local rc=$?
    if [[ -n "$SAMPLER_PID" ]]; then
        kill "$SAMPLER_PID" 2>/dev/null || true
        wait "$SAMPLER_PID" 2>/dev/null || true
    fi
    stop_server
    rm -rf "$BENCH_TMP"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

need_kib=$(((UPLOAD_MIB * 2 + 64) * 1024))
avail_kib="$(df -Pk "$BENCH_TMP" | awk 'NR == 2 { print $4 }')"
((avail_kib > need_kib)) || die "need ~$((need_kib / 1024)) MiB free in $BENCH_TMP, only $((avail_kib / 1024)) MiB available (set TMPDIR)"

build_server
start_server

url_for() { printf '%s/repository/go-hosted/%s/@v/%s.zip' "$SERVER_URL" "$MODULE" "$1"; }

# --- warm-up: one small upload + download ---------------------------------------
make_module_zip "$BENCH_TMP/small.zip" "$MODULE" v0.0.1 4096 1
code="$(curl -sS -o "$BENCH_TMP/warm.json" -w '%{http_code}' -u "admin:$ADMIN_PW" -X PUT \
    -H 'Content-Type: application/zip' --data-binary "@$BENCH_TMP/small.zip" "$(url_for v0.0.1)")"
if [[ "$code" != "201" ]]; then
    cat "$BENCH_TMP/warm.json" >&2; echo >&2
    die "warm-up upload returned HTTP $code (expected 201)"
fi
curl -fsS -o /dev/null "$(url_for v0.0.1)" || die "warm-up download failed"

# --- the big zip (streamed to disk by python) ------------------------------------
BIG="$BENCH_TMP/big.zip"
log "generating ${UPLOAD_MIB} MiB module zip on disk..."
make_module_zip "$BIG" "$MODULE" v1.0.0 $((UPLOAD_MIB * 1048576)) 4
BIG_SIZE="$(stat -c %s "$BIG")"
log "big zip: $BIG_SIZE bytes"
sync "$BIG" 2>/dev/null || true

sleep 1
baseline_kib="$(proc_status_kib "$SERVER_PID" VmRSS)"
hwm_before_kib="$(proc_status_kib "$SERVER_PID" VmHWM)"
# Reset the peak-RSS counter (VmHWM) so it covers only the upload (Linux >= 4.0;
# needs permission to write the process's clear_refs, e.g. same user).
hwm_reset="no"
if { echo 5 >"/proc/$SERVER_PID/clear_refs"; } 2>/dev/null; then hwm_reset="yes"; fi

# --- sample VmRSS in the background during the upload ----------------------------
SAMPLES="$BENCH_TMP/rss.samples"
: >"$SAMPLES"
(
    while kill -0 "$SERVER_PID" 2>/dev/null; do
        awk '$1 == "VmRSS:" { print $2 }' "/proc/$SERVER_PID/status" 2>/dev/null || true
        sleep "$SAMPLE_INTERVAL"
    done
) >>"$SAMPLES" &
SAMPLER_PID=$!

log "uploading..."
set +e
curl_out="$(curl -sS -o "$BENCH_TMP/big.json" -w '%{http_code} %{time_total} %{speed_upload}' \
    -u "admin:$ADMIN_PW" -X PUT -H 'Content-Type: application/zip' -H 'Expect:' \
    -T "$BIG" "$(url_for v1.0.0)")"
curl_rc=$?
set -e
sleep 1   # let post-upload work (if any) show up in the samples
kill "$SAMPLER_PID" 2>/dev/null || true
wait "$SAMPLER_PID" 2>/dev/null || true
SAMPLER_PID=""

read -r http_code time_total speed_upload <<<"$curl_out"
after_kib="$(proc_status_kib "$SERVER_PID" VmRSS)"
hwm_kib="$(proc_status_kib "$SERVER_PID" VmHWM)"
peak_kib="$(sort -n "$SAMPLES" | tail -n 1)"
nsamples="$(wc -l <"$SAMPLES")"
peak_kib="${peak_kib:-0}"

mib() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
delta_kib=$((peak_kib - baseline_kib))
# If the HWM counter was reset, it also catches spikes shorter than the sample interval.
if [[ "$hwm_reset" == "yes" ]]; then
    worst_kib=$((hwm_kib > peak_kib ? hwm_kib : peak_kib))
else
    worst_kib=$peak_kib
fi
worst_delta_kib=$((worst_kib - baseline_kib))

echo
echo "== upload memory: ${UPLOAD_MIB} MiB module zip =="
echo "zip size:              $BIG_SIZE bytes ($(mib $((BIG_SIZE / 1024))) MiB, 4 random files, stored)"
echo "server pid:            $SERVER_PID"
echo "baseline RSS:          $(mib "$baseline_kib") MiB (after a warm-up upload; VmHWM since start-up was $(mib "$hwm_before_kib") MiB)"
echo "peak RSS (sampled):    $(mib "$peak_kib") MiB ($nsamples samples every ${SAMPLE_INTERVAL}s)"
if [[ "$hwm_reset" == "yes" ]]; then
    echo "VmHWM during upload:   $(mib "$hwm_kib") MiB (counter reset just before the upload)"
else
    echo "VmHWM:                 $(mib "$hwm_kib") MiB (since start-up; could not reset the counter)"
fi
echo "RSS after upload:      $(mib "$after_kib") MiB"
echo "delta (sampled peak):  $(mib "$delta_kib") MiB"
echo "delta (worst of both): $(mib "$worst_delta_kib") MiB"
echo "upload:                HTTP $http_code in ${time_total}s ($(awk -v s="$speed_upload" 'BEGIN { printf "%.1f", s / 1e6 }') MB/s), curl exit $curl_rc"
echo "response:              $(head -c 400 "$BENCH_TMP/big.json" 2>/dev/null || true)"
echo
if ((worst_delta_kib < AIM_MIB * 1024)); then v="MET"; else v="NOT MET"; fi
echo "aim: RSS delta during upload < ${AIM_MIB} MiB: $(mib "$worst_delta_kib") MiB -> $v"

if [[ "$http_code" != "201" ]]; then
    echo
    echo "server log tail:" >&2
    tail -n 30 "$BENCH_TMP/server.log" >&2 || true
    die "upload returned HTTP $http_code (expected 201)"
fi
