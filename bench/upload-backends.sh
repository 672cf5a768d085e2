#!/usr/bin/env bash
# Benchmark: upload throughput (PUT of Go module zips) to one ArtifactHub server whose blob store is the file system
# vs Azure Blob (Azurite), on the same database kind (SQLite in a fresh data dir for each). Workloads: one big zip
# (default 200 MiB, 3 runs) and many small ones (default 50 × 1 MiB) one after another and 4 at a time. Prints MiB/s
# per backend and the ratio; a measurement, not a test (it fails only when an upload does not answer 201 or the
# bytes do not come back identical).
#
# Env knobs: BENCH_BIG_MIB (default 200), BENCH_BIG_RUNS (default 3), BENCH_SMALL_COUNT (default 50),
#            BENCH_SMALL_KIB (default 1024), BENCH_PARALLEL (default 4), BENCH_BACKENDS (default "FileSystem AzureBlob"),
#            BENCH_SKIP_BUILD=1 (reuse src/ArtifactHub.Server/bin/Release/net10.0), TMPDIR (needs ~3 × the data).
set -euo pipefail

source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"
cd "$REPO_ROOT"

require_cmd curl "apt-get install -y curl"
require_cmd python3 "apt-get install -y python3"
require_cmd dotnet "see https://dotnet.microsoft.com/download (SDK 10)"

BIG_MIB="${BENCH_BIG_MIB:-200}"
BIG_RUNS="${BENCH_BIG_RUNS:-3}"
SMALL_COUNT="${BENCH_SMALL_COUNT:-50}"
SMALL_KIB="${BENCH_SMALL_KIB:-1024}"
PARALLEL="${BENCH_PARALLEL:-4}"
BACKENDS="${BENCH_BACKENDS:-FileSystem AzureBlob}"

BENCH_TMP="$(mktemp -d "${TMPDIR:-/tmp}/ah-upload-backends.XXXXXX")"
AZURITE_PID=""
cleanup() {
    local rc=$?
    stop_server
    stop_bench_pid "$AZURITE_PID"
    rm -rf "$BENCH_TMP"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

build_server

# --- the zips, made once (outside every timing) ---------------------------------------------------------------
log "generating $BIG_RUNS × $BIG_MIB MiB and $((SMALL_COUNT * 2)) × $SMALL_KIB KiB module zips in $BENCH_TMP ..."
mkdir -p "$BENCH_TMP/zips"
for ((r = 1; r <= BIG_RUNS; r++)); do
    make_module_zip "$BENCH_TMP/zips/big$r.zip" example.com/big "v1.0.$r" $((BIG_MIB * 1048576)) 4
done
for ((i = 1; i <= SMALL_COUNT; i++)); do
    make_module_zip "$BENCH_TMP/zips/seq$i.zip" "example.com/seq$i" v1.0.0 $((SMALL_KIB * 1024)) 1
    make_module_zip "$BENCH_TMP/zips/par$i.zip" "example.com/par$i" v1.0.0 $((SMALL_KIB * 1024)) 1
done
BIG_BYTES="$(stat -c %s "$BENCH_TMP/zips/big1.zip")"
SMALL_BYTES_TOTAL="$(cat "$BENCH_TMP"/zips/seq*.zip | wc -c)"

# Reference: copying the big zip on the same file system (what a disk-bound store cannot beat).
sync
t0=$(date +%s.%N); cp "$BENCH_TMP/zips/big1.zip" "$BENCH_TMP/copy.zip"; sync; t1=$(date +%s.%N)
COPY_MIBS="$(awk -v b="$BIG_BYTES" -v s="$t0" -v e="$t1" 'BEGIN { printf "%.1f", b / 1048576 / (e - s) }')"
rm -f "$BENCH_TMP/copy.zip"

# put FILE MODULE VERSION -> seconds; fails unless 201
put() {
    local out code
    out="$(curl -sS -o "$BENCH_TMP/put.json" -w '%{http_code} %{time_total}' -u "admin:$ADMIN_PW" -T "$1" \
        "$SERVER_URL/repository/go-hosted/$2/@v/$3.zip")"
    code="${out%% *}"
    [[ "$code" == "201" ]] || { cat "$BENCH_TMP/put.json" >&2; die "PUT $2@$3 answered $code (expected 201)"; }
    printf '%s\n' "${out#* }"
}
put_small() { put "$BENCH_TMP/zips/$1$2.zip" "example.com/$1$2" v1.0.0 >/dev/null; }
export -f put die
export BENCH_TMP
make_module_zip "$BENCH_TMP/warm.zip" example.com/warm v0.0.1 65536 1

declare -A BIG SEQ PAR
for backend in $BACKENDS; do
    rm -rf "$BENCH_TMP/data"
    case "$backend" in
        FileSystem)
            unset ArtifactHub__Storage__Provider ArtifactHub__Storage__ConnectionString ArtifactHub__Storage__Container ;;
        AzureBlob)
            read -r AZURITE_PID endpoint < <(start_azurite "$BENCH_TMP/azurite")
            export ArtifactHub__Storage__Provider=AzureBlob
            export ArtifactHub__Storage__ConnectionString="$(azurite_connection_string "$endpoint")"
            export ArtifactHub__Storage__Container=bench ;;
        *) die "unknown backend $backend (FileSystem or AzureBlob)" ;;
    esac
    start_server
    put "$BENCH_TMP/warm.zip" example.com/warm v0.0.1 >/dev/null   # warm-up (JIT, connections), not counted

    log "$backend: $BIG_RUNS × $BIG_MIB MiB, one at a time"
    times=()
    for ((r = 1; r <= BIG_RUNS; r++)); do
        times+=("$(put "$BENCH_TMP/zips/big$r.zip" example.com/big "v1.0.$r")")
        log "  run $r: ${times[-1]} s"
    done
    BIG[$backend]="$(printf '%s\n' "${times[@]}" | sort -g | awk -v b="$BIG_BYTES" '{ a[NR] = $1 } END { m = a[int((NR + 1) / 2)]; printf "%.1f %.2f", b / 1048576 / m, m }')"

    log "$backend: $SMALL_COUNT × $SMALL_KIB KiB, one at a time"
    t0=$(date +%s.%N)
    for ((i = 1; i <= SMALL_COUNT; i++)); do put_small seq "$i"; done
    t1=$(date +%s.%N)
    SEQ[$backend]="$(awk -v b="$SMALL_BYTES_TOTAL" -v n="$SMALL_COUNT" -v s="$t0" -v e="$t1" 'BEGIN { printf "%.1f %.1f", b / 1048576 / (e - s), n / (e - s) }')"

    log "$backend: $SMALL_COUNT × $SMALL_KIB KiB, $PARALLEL at a time"
    export SERVER_URL ADMIN_PW
    t0=$(date +%s.%N)
    seq 1 "$SMALL_COUNT" | xargs -P "$PARALLEL" -I{} bash -c 'put "$BENCH_TMP/zips/par{}.zip" "example.com/par{}" v1.0.0 >/dev/null'
    t1=$(date +%s.%N)
    PAR[$backend]="$(awk -v b="$SMALL_BYTES_TOTAL" -v n="$SMALL_COUNT" -v s="$t0" -v e="$t1" 'BEGIN { printf "%.1f %.1f", b / 1048576 / (e - s), n / (e - s) }')"

    # Sanity: the last big zip and one small one come back byte for byte.
    curl -fsS -o "$BENCH_TMP/back.zip" "$SERVER_URL/repository/go-hosted/example.com/big/@v/v1.0.$BIG_RUNS.zip" || die "$backend: GET of the big zip failed"
    cmp -s "$BENCH_TMP/zips/big$BIG_RUNS.zip" "$BENCH_TMP/back.zip" || die "$backend: the big zip came back different"
    curl -fsS -o "$BENCH_TMP/back.zip" "$SERVER_URL/repository/go-hosted/example.com/par$SMALL_COUNT/@v/v1.0.0.zip" || die "$backend: GET of a small zip failed"
    cmp -s "$BENCH_TMP/zips/par$SMALL_COUNT.zip" "$BENCH_TMP/back.zip" || die "$backend: a small zip came back different"
    rm -f "$BENCH_TMP/back.zip"
    stop_server
    if [[ "$backend" == AzureBlob ]]; then stop_bench_pid "$AZURITE_PID"; AZURITE_PID=""; fi
done

# --- report --------------------------------------------------------------------------------------------------------
echo
echo "== upload throughput: FileSystem vs AzureBlob (Azurite) blob store, SQLite database =="
echo "machine:     $(machine_line)"
echo "temp dir:    $BENCH_TMP on $(df -P "$BENCH_TMP" | awk 'NR == 2 { print $1 }') ($(stat -f -c %T "$BENCH_TMP"))"
echo "zips:        big = $BIG_BYTES bytes (4 random files, stored); small = $SMALL_KIB KiB payload each; curl -T, HTTP/1.1"
echo "reference:   cp of the big zip on the same file system + sync: $COPY_MIBS MiB/s"
echo
printf '%-36s' "workload"; for b in $BACKENDS; do printf '%24s' "$b"; done; printf '%14s\n' "ratio"
line() {   # line LABEL ARRAY UNIT
    local -n arr=$2
    local first="" last="" b
    printf '%-36s' "$1"
    for b in $BACKENDS; do
        read -r mibs extra <<<"${arr[$b]}"
        printf '%24s' "$mibs MiB/s ($extra $3)"
        [[ -z "$first" ]] && first=$mibs
        last=$mibs
    done
    awk -v a="$last" -v f="$first" 'BEGIN { if (f > 0) printf "%13.2fx\n", a / f; else print "n/a" }'
}
line "1 × $BIG_MIB MiB (median of $BIG_RUNS)" BIG "s"
line "$SMALL_COUNT × $SMALL_KIB KiB, sequential" SEQ "/s"
line "$SMALL_COUNT × $SMALL_KIB KiB, $PARALLEL in parallel" PAR "/s"
echo
echo "ratio = last backend ÷ first. The server, curl and Azurite (one Node.js process writing to the same disk) share"
echo "$(nproc) cores; a real Azure Storage account adds network latency per block (4 MiB) and per request instead."
