#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# Benchmark: `go mod download` of a generated graph of Go modules (default 40) through an
# ArtifactHub group repository (group -> proxy -> nginx serving a GOPROXY tree), cold (ArtifactHub's
# cache empty) and warm (cache filled), against GOPROXY=file://<the same tree> as the floor.
# Prints a table; this is a measurement, not a test (it fails only on sanity errors).
#
# Env knobs: BENCH_RUNS (samples per figure, default 5), BENCH_MODULES (modules in the graph,
#            default 40, at least 30), BENCH_MODULE_KB (Go source per module version, default 16),
#            BENCH_IDLE_WARM=0 (skip the 31 s wait and the warm-after-idle runs),
#            BENCH_SKIP_BUILD=1 (reuse an existing Release build),
#            BENCH_SERVER_LOG=FILE (copy the server's log there on exit; finer logging can be asked
#            for with e.g. 'Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Command=Information'
#            in the environment, which the server inherits).
set -euo pipefail

# shellcheck source=lib.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"
cd "$REPO_ROOT"

require_cmd go "see https://go.dev/dl/ (any Go >= 1.17)"
require_cmd nginx "apt-get install -y nginx"
require_cmd curl "apt-get install -y curl"
require_cmd python3 "apt-get install -y python3"
require_cmd dotnet "see https://dotnet.microsoft.com/download (SDK 10)"

RUNS="${BENCH_RUNS:-5}"
MODULES="${BENCH_MODULES:-40}"
MODULE_KB="${BENCH_MODULE_KB:-16}"
AIM_RATIO="1.5"
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || die "BENCH_RUNS must be a positive integer (got '$RUNS')"
if ! [[ "$MODULES" =~ ^[0-9]+$ ]] || ((MODULES < 30 || MODULES > 999)); then
    die "BENCH_MODULES must be 30..999 (got '$MODULES')"
fi
[[ "$MODULE_KB" =~ ^[0-9]+$ ]] || die "BENCH_MODULE_KB must be a non-negative integer (got '$MODULE_KB')"

BENCH_TMP="$(mktemp -d "${TMPDIR:-/tmp}/ah-go-mod-download.XXXXXX")"
NGINX_PID=""
cleanup() {
    local rc=$?
    stop_server
    if [[ -n "$NGINX_PID" ]] && kill -0 "$NGINX_PID" 2>/dev/null; then
        kill "$NGINX_PID" 2>/dev/null || true   # SIGTERM: fast shutdown of master + workers
        wait "$NGINX_PID" 2>/dev/null || true
    fi
    if [[ -n "${BENCH_SERVER_LOG:-}" && -f "$BENCH_TMP/server.log" ]]; then
        cp "$BENCH_TMP/server.log" "$BENCH_SERVER_LOG" || true
    fi
    chmod -R u+w "$BENCH_TMP" 2>/dev/null || true   # the module cache is read-only by default
    rm -rf "$BENCH_TMP"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

TREE="$BENCH_TMP/goproxy"     # the GOPROXY tree (served by file:// and by nginx)
APP="$BENCH_TMP/app"          # the consumer module (pristine copy; each run works on a copy)
RUNS_DIR="$BENCH_TMP/runs"
mkdir -p "$TREE" "$APP" "$RUNS_DIR"

# --- the module graph ------------------------------------------------------------
# bench.example/mNN requires m(NN+1) and m(NN+2). Every 5th module has v1.0.0 and v1.1.0:
# m(j-1) requires v1.1.0, m(j-2) requires v1.0.0, so MVS selects v1.1.0 and the go command
# still reads v1.0.0's go.mod. The modules say `go 1.16` (unpruned graph, so each go.mod lists
# only its direct requirements); the consumer says `go 1.17`, and `go mod tidy` lists every
# module of the build list in its go.mod, which is what `go mod download` (no arguments) fetches.
log "generating a GOPROXY tree of $MODULES modules under $TREE"
python3 - "$TREE" "$APP" "$MODULES" "$MODULE_KB" <<'PY'
import hashlib, json, os, sys, zipfile
tree, app, n, kb = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
width = max(2, len(str(n)))
name = lambda i: f"m{i:0{width}d}"
path = lambda i: f"bench.example/{name(i)}"
dual = lambda i: i % 5 == 0
versions = lambda i: ["v1.0.0", "v1.1.0"] if dual(i) else ["v1.0.0"]

def required(i):
    out = []
    for t in (i + 1, i + 2):
        if t <= n:
            out.append((t, "v1.1.0" if dual(t) and t == i + 1 else "v1.0.0"))
    return out

def gomod(i):
    reqs = required(i)
    s = f"module {path(i)}\n\ngo 1.16\n"
    if reqs:
        s += "\nrequire (\n" + "".join(f"\t{path(t)} {v}\n" for t, v in reqs) + ")\n"
    return s

def data_go(i, v):
    # deterministic, poorly compressible filler: hex digests in a string table
    pkg, lines, size, k = name(i), [], 0, 0
    while size < kb * 1024:
        h = hashlib.sha256(f"{i}/{v}/{k}".encode()).hexdigest()
        line = f'\t"{h}",\n'
        lines.append(line); size += len(line); k += 1
    return f"package {pkg}\n\n// Table is filler so the module has some weight.\nvar Table = []string{{\n" + "".join(lines) + "}\n"

def main_go(i, v):
    pkg, reqs = name(i), required(i)
    imports = "".join(f'\t"{path(t)}"\n' for t, _ in reqs)
    calls = " + ".join(f"{name(t)}.Value()" for t, _ in reqs) or "0"
    s = f"// Package {pkg} is a generated benchmark module.\npackage {pkg}\n\n"
    if imports:
        s += f"import (\n{imports})\n\n"
    s += f"// Value sums the values of the modules this one depends on.\nfunc Value() int {{ return {i} + len(Table) + {calls} }}\n"
    if v != "v1.0.0":
        s += f"\n// Version names this version.\nfunc Version() string {{ return \"{v}\" }}\n"
    return s

def util_go(i):
    pkg = name(i)
    return (f"package {pkg}\n\nimport \"strings\"\n\n"
            f"// Join joins the table with sep.\nfunc Join(sep string) string {{ return strings.Join(Table, sep) }}\n\n"
            f"// Count counts table entries that start with prefix.\nfunc Count(prefix string) int {{\n"
            f"\tc := 0\n\tfor _, s := range Table {{\n\t\tif strings.HasPrefix(s, prefix) {{\n\t\t\tc++\n\t\t}}\n\t}}\n\treturn c\n}}\n")

total_zip, nversions = 0, 0
for i in range(1, n + 1):
    vdir = os.path.join(tree, path(i), "@v")
    os.makedirs(vdir, exist_ok=True)
    with open(os.path.join(vdir, "list"), "w") as f:
        f.write("".join(v + "\n" for v in versions(i)))
    for v in versions(i):
        nversions += 1
        mod = gomod(i)
        with open(os.path.join(vdir, v + ".info"), "w") as f:
            json.dump({"Version": v, "Time": "2026-01-01T00:00:00Z"}, f)
        with open(os.path.join(vdir, v + ".mod"), "w") as f:
            f.write(mod)
        prefix = f"{path(i)}@{v}/"
        zp = os.path.join(vdir, v + ".zip")
        with zipfile.ZipFile(zp, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            for fname, content in (("go.mod", mod), ("LICENSE", "Generated for a benchmark; no rights reserved.\n"),
                                   (name(i) + ".go", main_go(i, v)), ("util.go", util_go(i)), ("data.go", data_go(i, v))):
                zi = zipfile.ZipInfo(prefix + fname, date_time=(2026, 1, 1, 0, 0, 0))
                zi.compress_type = zipfile.ZIP_DEFLATED
                zf.writestr(zi, content)
        total_zip += os.path.getsize(zp)

os.makedirs(app, exist_ok=True)
with open(os.path.join(app, "go.mod"), "w") as f:
    f.write(f"module bench.example/app\n\ngo 1.17\n\nrequire {path(1)} v1.0.0\n")
with open(os.path.join(app, "main.go"), "w") as f:
    f.write(f'package main\n\nimport (\n\t"fmt"\n\n\t"{path(1)}"\n)\n\nfunc main() {{ fmt.Println({name(1)}.Value()) }}\n')
with open(os.path.join(tree, "stats"), "w") as f:
    f.write(f"{nversions} {total_zip}\n")
PY
read -r TREE_VERSIONS TREE_ZIP_BYTES <"$TREE/stats"
rm -f "$TREE/stats"

# go_env GOPROXY_VALUE RUN_DIR CMD... : runs the go command in RUN_DIR/app with a clean environment
# and fresh GOPATH/GOMODCACHE/GOCACHE under RUN_DIR (nothing from the user's go env leaks in).
go_env() {
    local proxy=$1 dir=$2
    shift 2
    mkdir -p "$dir/home" "$dir/gopath" "$dir/gocache"
    (
        cd "$dir/app"
        exec env -i PATH="$PATH" HOME="$dir/home" TMPDIR="${TMPDIR:-/tmp}" GOENV=off GOTOOLCHAIN=local \
            GO111MODULE=on GOPROXY="$proxy" GOSUMDB=off GOFLAGS="-mod=mod -modcacherw" \
            GOPATH="$dir/gopath" GOMODCACHE="$dir/gopath/pkg/mod" GOCACHE="$dir/gocache" \
            "$@"
    )
}

# Complete the consumer's go.mod/go.sum from the tree (offline: file:// only).
mkdir -p "$BENCH_TMP/tidy"
cp -r "$APP" "$BENCH_TMP/tidy/app"
if ! go_env "file://$TREE" "$BENCH_TMP/tidy" go mod tidy >"$BENCH_TMP/tidy.log" 2>&1; then
    cat "$BENCH_TMP/tidy.log" >&2
    die "the generated tree does not work with GOPROXY=file:// (go mod tidy failed, output above)"
fi
cp "$BENCH_TMP/tidy/app/go.mod" "$BENCH_TMP/tidy/app/go.sum" "$APP/"
if ! go_env off "$BENCH_TMP/tidy" go build -o /dev/null . >"$BENCH_TMP/build-app.log" 2>&1; then
    cat "$BENCH_TMP/build-app.log" >&2
    die "the consumer module does not build from the tree (output above)"
fi
required_count="$(grep -cE '^(require[[:space:]]+|[[:space:]]+)bench\.example/m[0-9]' "$APP/go.mod" || true)"
((required_count == MODULES)) || { cat "$APP/go.mod" >&2; die "go mod tidy listed $required_count modules, expected $MODULES"; }
chmod -R u+w "$BENCH_TMP/tidy"; rm -rf "$BENCH_TMP/tidy"
log "tree OK: $MODULES modules, $TREE_VERSIONS versions, $TREE_ZIP_BYTES bytes of zips; consumer go.mod requires all $MODULES"

# manifest DIR : what a run left in its module cache, one line per file: path and, for .mod, .zip
# and .ziphash, the SHA-256 (the .info JSON may legitimately differ in formatting, so only its name).
manifest() {
    local dl="$1/gopath/pkg/mod/cache/download"
    [[ -d "$dl" ]] || return 0
    (
        cd "$dl"
        find . -type f \( -name '*.mod' -o -name '*.zip' -o -name '*.ziphash' -o -name '*.info' \) | LC_ALL=C sort |
            while read -r f; do
                if [[ "$f" == *.info ]]; then echo "$f"; else echo "$f $(sha256sum <"$f" | cut -c1-64)"; fi
            done
    )
}

# timed_download LABEL GOPROXY_VALUE -> prints elapsed ms; leaves the run dir in $RUNS_DIR/LABEL
# (checked against the floor's manifest, then removed). Dies if the go command fails.
timed_download() {
    local label=$1 proxy=$2 dir="$RUNS_DIR/$1" t0 t1
    mkdir -p "$dir"
    cp -r "$APP" "$dir/app"
    t0=$(date +%s%N)
    if ! go_env "$proxy" "$dir" go mod download >"$dir/out.log" 2>&1; then
        cat "$dir/out.log" >&2
        die "go mod download ($label, GOPROXY=$proxy) failed (output above)"
    fi
    t1=$(date +%s%N)
    echo $(((t1 - t0) / 1000000))
}

# check_run LABEL : the run's module cache must hold exactly what the reference run's did.
check_run() {
    local label=$1 dir="$RUNS_DIR/$1"
    manifest "$dir" >"$dir/manifest"
    if ! cmp -s "$REF_MANIFEST" "$dir/manifest"; then
        diff "$REF_MANIFEST" "$dir/manifest" | head -n 20 >&2 || true
        die "run '$label' downloaded a different module set than the file:// reference (diff above)"
    fi
    chmod -R u+w "$dir"; rm -rf "$dir"
}

# Reference run through file:// (also warms the OS page cache and the go binary; not timed).
timed_download ref "file://$TREE" >/dev/null
REF_MANIFEST="$BENCH_TMP/ref.manifest"
manifest "$RUNS_DIR/ref" >"$REF_MANIFEST"
ref_zips="$(grep -c '\.zip ' "$REF_MANIFEST" || true)"
ref_mods="$(grep -c '\.mod ' "$REF_MANIFEST" || true)"
((ref_zips == MODULES)) || die "file:// reference run downloaded $ref_zips zips, expected $MODULES"
go_env off "$RUNS_DIR/ref" go list -m all >"$BENCH_TMP/ref.list" 2>&1 || { cat "$BENCH_TMP/ref.list" >&2; die "go list -m all failed after the reference run"; }
chmod -R u+w "$RUNS_DIR/ref"; rm -rf "$RUNS_DIR/ref"
log "reference file:// run OK: $ref_zips zips, $ref_mods go.mod files in the module cache"

# --- nginx serving the tree ------------------------------------------------------------
NGX="$BENCH_TMP/nginx"
NGINX_PORT="$(free_port)"
mkdir -p "$NGX/temp"
user_line=""
if [[ "$(id -u)" == "0" ]]; then user_line="user root;"; fi   # workers must read files in our 0700 temp dir
cat >"$NGX/nginx.conf" <<EOF
$user_line
worker_processes auto;
pid $NGX/nginx.pid;
error_log $NGX/error.log warn;
events { worker_connections 1024; }
http {
    log_format bench '\$status \$request_method \$uri';
    access_log $NGX/access.log bench;
    sendfile on;
    keepalive_requests 1000000;
    client_body_temp_path $NGX/temp/body;
    proxy_temp_path $NGX/temp/proxy;
    fastcgi_temp_path $NGX/temp/fastcgi;
    uwsgi_temp_path $NGX/temp/uwsgi;
    scgi_temp_path $NGX/temp/scgi;
    types { application/zip zip; application/json info; }
    default_type text/plain;
    server {
        listen 127.0.0.1:$NGINX_PORT;
        root $TREE;
    }
}
EOF
nginx -p "$NGX" -c "$NGX/nginx.conf" -e "$NGX/error.log" -g 'daemon off;' >"$NGX/stdout.log" 2>&1 &
NGINX_PID=$!
NGINX_URL="http://127.0.0.1:$NGINX_PORT"
probe="bench.example/m01/@v/list"
[[ -f "$TREE/$probe" ]] || probe="bench.example/m001/@v/list"
for ((i = 0; i < 50; i++)); do
    kill -0 "$NGINX_PID" 2>/dev/null || { cat "$NGX/error.log" "$NGX/stdout.log" >&2 || true; die "nginx failed to start"; }
    curl -fsS -o /dev/null "$NGINX_URL/$probe" 2>/dev/null && break
    sleep 0.1
done
curl -fsS -o /dev/null "$NGINX_URL/$probe" || die "nginx does not serve the tree ($NGINX_URL/$probe)"
log "nginx serves the tree on $NGINX_URL (pid $NGINX_PID)"

upstream_lines() { if [[ -f "$NGX/access.log" ]]; then wc -l <"$NGX/access.log"; else echo 0; fi; }
# upstream_since LINE -> "total zip mod info list other" counts of nginx requests after line LINE
upstream_since() {
    tail -n +"$(($1 + 1))" "$NGX/access.log" | awk '
        { n++ }
        $3 ~ /\.zip$/ { z++; next }
        $3 ~ /\.mod$/ { m++; next }
        $3 ~ /\.info$/ { i++; next }
        $3 ~ /\/@v\/list$/ { l++; next }
        { o++ }
        END { printf "%d %d %d %d %d %d\n", n, z, m, i, l, o }'
}

# --- ArtifactHub ---------------------------------------------------------------------------
build_server
start_server

# api METHOD PATH JSON -> dies unless 2xx
api() {
    local code
    code="$(curl -sS -o "$BENCH_TMP/api.json" -w '%{http_code}' -u "admin:$ADMIN_PW" -X "$1" \
        -H 'Content-Type: application/json' -d "$3" "$SERVER_URL$2")"
    if [[ "$code" != 2?? ]]; then
        cat "$BENCH_TMP/api.json" >&2; echo >&2
        die "$1 $2 returned HTTP $code (body above)"
    fi
}

# new_pair K : creates bench-proxy-K (upstream: nginx) and bench-group-K [go-hosted, bench-proxy-K]
new_pair() {
    api POST /api/v1/repositories "{\"name\":\"bench-proxy-$1\",\"format\":\"go\",\"type\":\"proxy\",
        \"proxy\":{\"upstream\":\"$NGINX_URL/\",\"metadataMaxAgeMinutes\":30,\"negativeCacheMinutes\":5,
                   \"connectTimeoutSeconds\":10,\"readTimeoutSeconds\":60}}"
    api POST /api/v1/repositories "{\"name\":\"bench-group-$1\",\"format\":\"go\",\"type\":\"group\",
        \"group\":{\"members\":[\"go-hosted\",\"bench-proxy-$1\"]}}"
}
group_url() { echo "$SERVER_URL/repository/bench-group-$1"; }

# Warm-up (not counted): one cold and one warm download through a throw-away pair, so the
# timed cold runs measure an empty cache, not a JIT-cold process.
new_pair 0
first_cold_ms="$(timed_download warmup-cold "$(group_url 0)")"
check_run warmup-cold
first_warm_ms="$(timed_download warmup-warm "$(group_url 0)")"
check_run warmup-warm
log "warm-up: first cold run after start ${first_cold_ms} ms, first warm ${first_warm_ms} ms (not counted)"

# go list -m all through the group must match the file:// reference.
timed_download list-check "$(group_url 0)" >/dev/null
go_env off "$RUNS_DIR/list-check" go list -m all >"$BENCH_TMP/group.list" 2>&1 || { cat "$BENCH_TMP/group.list" >&2; die "go list -m all failed after a group run"; }
cmp -s "$BENCH_TMP/ref.list" "$BENCH_TMP/group.list" || { diff "$BENCH_TMP/ref.list" "$BENCH_TMP/group.list" >&2 || true; die "go list -m all differs between file:// and the group"; }
check_run list-check

# --- timed runs (interleaved: floor, cold on a fresh pair, warm on that pair) ---------------
FLOOR=(); NGINXT=(); COLD=(); WARM=(); PROXYT=()
COLD_UP=(); WARM_UP=(); COLD_CPU=(); WARM_CPU=()
CLK_TCK="$(getconf CLK_TCK)"
# CPU time (user + system, ms) the server process has used so far
server_cpu_ms() { awk -v hz="$CLK_TCK" '{ sub(/^.*\) /, ""); printf "%d\n", ($12 + $13) * 1000 / hz }' "/proc/$SERVER_PID/stat"; }
warnings=()
for ((r = 1; r <= RUNS; r++)); do
    ms="$(timed_download "floor-$r" "file://$TREE")"; check_run "floor-$r"; FLOOR+=("$ms")
    ms="$(timed_download "nginx-$r" "$NGINX_URL")"; check_run "nginx-$r"; NGINXT+=("$ms")

    new_pair "$r"
    before="$(upstream_lines)"; cpu0="$(server_cpu_ms)"
    ms="$(timed_download "cold-$r" "$(group_url "$r")")"; COLD_CPU+=("$(($(server_cpu_ms) - cpu0))")
    check_run "cold-$r"; COLD+=("$ms")
    up="$(upstream_since "$before")"; COLD_UP+=("$up")
    if ((r == 1)); then   # the files the go command asked for (each cold miss goes upstream once)
        tail -n +"$((before + 1))" "$NGX/access.log" | awk '{ print $3 }' >"$BENCH_TMP/paths"
    fi

    before="$(upstream_lines)"; cpu0="$(server_cpu_ms)"
    ms="$(timed_download "warm-$r" "$(group_url "$r")")"; WARM_CPU+=("$(($(server_cpu_ms) - cpu0))")
    check_run "warm-$r"; WARM+=("$ms")
    up="$(upstream_since "$before")"; WARM_UP+=("$up")
    ms="$(timed_download "proxy-$r" "$SERVER_URL/repository/bench-proxy-$r")"; check_run "proxy-$r"; PROXYT+=("$ms")
    read -r wn wz wm wi wl wo <<<"$up"
    if ((wn > 0)); then
        warnings+=("warm run $r made $wn upstream requests ($wz zip, $wm mod, $wi info, $wl list, $wo other; expected 0: all of it should be cached)")
    fi
    log "run $r/$RUNS: file:// ${FLOOR[-1]} ms, nginx ${NGINXT[-1]} ms, cold ${COLD[-1]} ms (upstream $(cut -d' ' -f1 <<<"${COLD_UP[-1]}") req), warm ${WARM[-1]} ms (upstream $(cut -d' ' -f1 <<<"$up") req), warm proxy alone ${PROXYT[-1]} ms"
done

# --- warm after idle (reference) -----------------------------------------------------------------
# The server keeps found .info/.mod/.zip rows in memory for 30 s (ImmutableAssetCache.Lifetime), so the
# warm runs above, right after their fill, never query the database for them. A build hours after the
# fill does: wait past that lifetime, then download once more through each filled pair.
IDLE=(); IDLE_FLOOR=()
if [[ "${BENCH_IDLE_WARM:-1}" == "1" ]]; then
    log "waiting 31 s so the server's in-memory asset cache expires, then one warm run per pair..."
    sleep 31
    before="$(upstream_lines)"
    for ((r = 1; r <= RUNS; r++)); do   # each after a file:// run of its own: the load may have changed
        ms="$(timed_download "idle-floor-$r" "file://$TREE")"; check_run "idle-floor-$r"; IDLE_FLOOR+=("$ms")
        ms="$(timed_download "idle-$r" "$(group_url "$r")")"; check_run "idle-$r"; IDLE+=("$ms")
    done
    read -r idle_up _ <<<"$(upstream_since "$before")"
    ((idle_up == 0)) || warnings+=("warm-after-idle runs made $idle_up upstream requests (expected 0)")
    log "warm after idle: ${IDLE[*]} ms (file:// alongside: ${IDLE_FLOOR[*]} ms)"
fi

# --- per-request latency (diagnostic) -------------------------------------------------------
# GETs every path of one download (.info/.mod/.zip, as the go command asked for them) one after the
# other over one keep-alive connection. latency_probe PASSES BASE_URL... prints per base URL
# "median p90 median_info median_mod median_zip" in ms.
latency_probe() {
    python3 - "$BENCH_TMP/paths" "$@" <<'PY'
import http.client, sys, time, urllib.parse
paths = [p.strip() for p in open(sys.argv[1]) if p.strip()]
passes = int(sys.argv[2])
med = lambda xs: sorted(xs)[len(xs) // 2] if xs else 0.0
for base in sys.argv[3:]:
    u = urllib.parse.urlsplit(base)
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=60)
    samples, by_ext = [], {"info": [], "mod": [], "zip": []}
    for _ in range(passes):
        for p in paths:
            t0 = time.perf_counter()
            conn.request("GET", u.path.rstrip("/") + p)
            r = conn.getresponse(); r.read()
            ms = (time.perf_counter() - t0) * 1000
            if r.status != 200:
                sys.exit(f"GET {base}{p}: HTTP {r.status}")
            samples.append(ms)
            by_ext.setdefault(p.rsplit(".", 1)[-1], []).append(ms)
    conn.close()
    samples.sort()
    print(f"{med(samples):.2f} {samples[int(len(samples) * 0.9)]:.2f} {med(by_ext['info']):.2f} {med(by_ext['mod']):.2f} {med(by_ext['zip']):.2f}")
PY
}
LAT="$(latency_probe 3 "$NGINX_URL" "$SERVER_URL/repository/bench-proxy-1" "$(group_url 1)")" || die "latency probe failed"
mapfile -t LAT <<<"$LAT"
new_pair probe
before="$(upstream_lines)"
LAT_COLD="$(latency_probe 1 "$SERVER_URL/repository/bench-group-probe")" || die "cold latency probe failed"
read -r probe_up _ <<<"$(upstream_since "$before")"
probe_count="$(wc -l <"$BENCH_TMP/paths")"
((probe_up == probe_count)) || warnings+=("cold latency probe: $probe_up upstream requests for $probe_count files (expected one each)")
lat_fmt() { awk '{ printf "%s / %s (info %s, mod %s, zip %s)", $1, $2, $3, $4, $5 }' <<<"$1"; }

median() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else printf "%d\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
minimum() { printf '%s\n' "$@" | sort -n | head -n 1; }
FLOOR_MED="$(median "${FLOOR[@]}")"
COLD_MED="$(median "${COLD[@]}")"
WARM_MED="$(median "${WARM[@]}")"
NGINX_MED="$(median "${NGINXT[@]}")"
PROXY_MED="$(median "${PROXYT[@]}")"
((FLOOR_MED > 0)) || FLOOR_MED=1
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
COLD_RATIO="$(ratio "$COLD_MED" "$FLOOR_MED")"
WARM_RATIO="$(ratio "$WARM_MED" "$FLOOR_MED")"
VERDICT="$(awk -v r="$WARM_RATIO" -v aim="$AIM_RATIO" 'BEGIN { print (r <= aim ? "MET" : "NOT MET") }')"
read -r c_n c_z c_m c_i c_l c_o <<<"${COLD_UP[0]}"
read -r w_n w_z w_m w_i w_l w_o <<<"${WARM_UP[0]}"
zip_mib="$(awk -v b="$TREE_ZIP_BYTES" 'BEGIN { printf "%.2f", b / 1048576 }')"

# --- report --------------------------------------------------------------------------------
echo
echo "== go mod download: ArtifactHub group (-> proxy -> nginx) vs GOPROXY=file:// =="
echo "graph:     $MODULES modules, $TREE_VERSIONS versions in the tree ($ref_zips zips and $ref_mods go.mod files downloaded per run)"
echo "zips:      $TREE_ZIP_BYTES bytes in the tree ($zip_mib MiB, ~$MODULE_KB KiB of Go source per version, deflated)"
echo "go:        $(go version | sed 's/^go version //')"
echo "machine:   $(nproc) cores; go, ArtifactHub and nginx share them"
echo "temp dir:  $BENCH_TMP on $(stat -f -c %T "$BENCH_TMP") (module caches, tree and server data; the floor is mostly file creation there)"
echo "each run:  fresh GOPATH/GOMODCACHE/GOCACHE, GOSUMDB=off, GOFLAGS=-mod=mod, wall clock of 'go mod download'"
echo "cold:      a fresh proxy+group pair per run (ArtifactHub's cache empty, server already JIT-warm);"
echo "           first cold run after start (not counted): $first_cold_ms ms"
echo "samples:   file:// ${FLOOR[*]} | nginx ${NGINXT[*]} | cold ${COLD[*]} | warm ${WARM[*]} | warm proxy ${PROXYT[*]} (ms)"
if ((${#IDLE[@]})); then echo "           after 31 s idle: file:// ${IDLE_FLOOR[*]} | warm group ${IDLE[*]} (ms)"; fi
echo "server CPU: per cold run ${COLD_CPU[*]} ms, per warm run ${WARM_CPU[*]} ms (user+sys, /proc/PID/stat)"
echo "latency:   one GET at a time over keep-alive, the $probe_count files of one download, median / p90 ms:"
echo "           nginx       $(lat_fmt "${LAT[0]}")   [3 passes]"
echo "           warm proxy  $(lat_fmt "${LAT[1]}")   [3 passes]"
echo "           warm group  $(lat_fmt "${LAT[2]}")   [3 passes]"
echo "           cold group  $(lat_fmt "$LAT_COLD")   [1 pass, fresh pair, each an upstream fetch]"
echo "load:      $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15-min load average at the end; other work on the machine skews all figures)"
echo "upstream:  cold run 1: $c_n requests ($c_z zip, $c_m mod, $c_i info, $c_l list, $c_o other)"
echo "           warm run 1: $w_n requests ($w_z zip, $w_m mod, $w_i info, $w_l list, $w_o other)"
echo
echo "go mod download of $MODULES modules ($TREE_VERSIONS versions, $zip_mib MiB of zips), $RUNS runs each, median:"
printf '  %-20s %6d ms\n' "file:// floor" "$FLOOR_MED"
printf '  %-20s %6d ms   %5sx floor\n' "ArtifactHub cold" "$COLD_MED" "$COLD_RATIO"
printf '  %-20s %6d ms   %5sx floor   aim <= %sx: %s\n' "ArtifactHub warm" "$WARM_MED" "$WARM_RATIO" "$AIM_RATIO" "$VERDICT"
echo "  for reference (same runs, not part of the aim):"
printf '  %-20s %6d ms   %5sx floor   (GOPROXY=nginx: the go command over HTTP, no ArtifactHub)\n' "nginx, same tree" "$NGINX_MED" "$(ratio "$NGINX_MED" "$FLOOR_MED")"
printf '  %-20s %6d ms   %5sx floor   (GOPROXY=the warm proxy member, no group)\n' "ArtifactHub proxy" "$PROXY_MED" "$(ratio "$PROXY_MED" "$FLOOR_MED")"
if ((${#IDLE[@]})); then
    IDLE_MED="$(median "${IDLE[@]}")"; IDLE_FLOOR_MED="$(median "${IDLE_FLOOR[@]}")"
    printf '  %-20s %6d ms   %5sx floor   (warm group after 31 s idle, rows read from the database; vs its own file:// runs, median %d ms)\n' \
        "ArtifactHub warm idle" "$IDLE_MED" "$(ratio "$IDLE_MED" "$IDLE_FLOOR_MED")" "$IDLE_FLOOR_MED"
fi
paired() {   # paired A[@] B[@] -> median of A[i]/B[i] (robust to load that drifts between rounds)
    local -n a=$1 b=$2; local i
    for i in "${!a[@]}"; do awk -v x="${a[$i]}" -v y="${b[$i]}" 'BEGIN { printf "%.4f\n", x / (y > 0 ? y : 1) }'; done |
        sort -n | awk '{ v[NR] = $1 } END { printf "%.2f", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
echo "  (median of per-round ratios: cold $(paired COLD FLOOR)x, warm $(paired WARM FLOOR)x floor)"
echo "  (best of $RUNS: file:// $(minimum "${FLOOR[@]}") ms, cold $(minimum "${COLD[@]}") ms, warm $(minimum "${WARM[@]}") ms;" \
    "warm/file:// $(ratio "$(minimum "${WARM[@]}")" "$(minimum "${FLOOR[@]}")")x)"
server_errors="$(grep -ciE 'fail|error|exception' "$BENCH_TMP/server.log" || true)"
if ((server_errors > 0)); then
    warnings+=("the server log has $server_errors lines with fail/error/exception, e.g.: $(grep -iE -m1 'fail|error|exception' "$BENCH_TMP/server.log" | cut -c1-200)")
fi
if ((${#warnings[@]})); then
    echo
    echo "WARNINGS:"
    printf '  %s\n' "${warnings[@]}"
fi
