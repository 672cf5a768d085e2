#!/usr/bin/env bash
# Checks the deployment files without Docker or kubectl: YAML syntax, Kubernetes document shape and probes,
# compose file references, the environment variable names against the settings the server reads, the Dockerfile's
# stages and COPY sources, and nginx.conf with `nginx -t`. Stops at the first problem with a message naming it.
#
# Needs: bash, python3 with PyYAML (Debian/Ubuntu: apt-get install -y python3-yaml), nginx (apt-get install -y nginx).
# Run from anywhere: deploy/validate.sh
set -euo pipefail

DEPLOY_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$DEPLOY_DIR/.." && pwd)"

fail() { printf 'deploy/validate.sh: FAIL: %s\n' "$*" >&2; exit 1; }
ok() { printf 'ok   %s\n' "$*"; }

command -v python3 >/dev/null 2>&1 || fail "python3 not found (Debian/Ubuntu: apt-get install -y python3 python3-yaml)"
python3 -c 'import yaml' 2>/dev/null || fail "python3 cannot import yaml (PyYAML). Debian/Ubuntu: apt-get install -y python3-yaml"
command -v nginx >/dev/null 2>&1 || fail "nginx not found, needed for 'nginx -t' on deploy/nginx.conf (Debian/Ubuntu: apt-get install -y nginx)"

# --- shell scripts: syntax --------------------------------------------------------------------------------------
for script in "$DEPLOY_DIR"/*.sh; do
    bash -n "$script" || fail "bash -n ${script#"$REPO_ROOT"/}: syntax error"
done
ok "shell scripts parse (bash -n deploy/*.sh)"

# --- YAML, Kubernetes, compose, environment names, Dockerfile (python) -------------------------------------------
python3 - "$REPO_ROOT" <<'PY'
import fnmatch, glob, os, re, sys
import yaml

root = sys.argv[1]
deploy = os.path.join(root, "deploy")

def rel(p): return os.path.relpath(p, root)
def fail(msg):
    print(f"deploy/validate.sh: FAIL: {msg}", file=sys.stderr)
    sys.exit(1)
def ok(msg): print(f"ok   {msg}")

# 1. Every YAML file parses (all documents).
yaml_files = sorted(glob.glob(os.path.join(deploy, "**", "*.yaml"), recursive=True)
                    + glob.glob(os.path.join(deploy, "**", "*.yml"), recursive=True))
if not yaml_files:
    fail("no YAML files under deploy/")
docs_by_file = {}
for f in yaml_files:
    try:
        with open(f, encoding="utf-8") as fh:
            docs_by_file[f] = [d for d in yaml.safe_load_all(fh) if d is not None]
    except yaml.YAMLError as e:
        fail(f"{rel(f)} is not valid YAML: {e}")
ok(f"{len(yaml_files)} YAML files parse")

# 2. The settings the server reads: every options class with `const string Section = "A:B"` and its
#    `public T Name { get; set; }` properties gives A__B__Name. Plus ASP.NET Core / .NET host settings.
known, lists = set(), set()
for cs in glob.glob(os.path.join(root, "src", "**", "*.cs"), recursive=True):
    if f"{os.sep}bin{os.sep}" in cs or f"{os.sep}obj{os.sep}" in cs:
        continue
    text = open(cs, encoding="utf-8").read()
    m = re.search(r'const\s+string\s+Section\s*=\s*"([^"]+)"', text)
    if not m:
        continue
    prefix = m.group(1).replace(":", "__")
    for prop in re.finditer(r'public\s+([\w<>\[\]?.,\s]+?)\s+(\w+)\s*\{\s*get;\s*(?:set|init);\s*\}', text):
        known.add(f"{prefix}__{prop.group(2)}")
        if re.match(r'(List|IList|IReadOnlyList|ICollection|IEnumerable)<|.*\[\]$', prop.group(1).strip()):
            lists.add(f"{prefix}__{prop.group(2)}")   # bound from NAME__0, NAME__1, ...
if "ArtifactHub__DataDir" not in known or "ArtifactHub__Database__Provider" not in known:
    fail("could not read the option classes in src/ (expected ArtifactHub__DataDir and ArtifactHub__Database__Provider among them); "
         "update the scan in deploy/validate.sh")
# Not ASPNETCORE_FORWARDEDHEADERS_ENABLED: it trusts X-Forwarded-For from anyone; ArtifactHub__ForwardedHeaders__* names the proxies.
host_settings = {"Urls", "ASPNETCORE_URLS", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_ENVIRONMENT",
                 "DOTNET_ENVIRONMENT", "DOTNET_CLI_TELEMETRY_OPTOUT", "DOTNET_gcServer", "DOTNET_GCHeapHardLimit",
                 "DOTNET_EnableDiagnostics", "TZ"}
host_prefixes = ("Logging__", "Kestrel__")

def check_env_name(name, where):
    if name.startswith("ArtifactHub__"):
        m = re.match(r'^(.*)__\d+$', name)
        if m and m.group(1) in lists:
            return
        if name not in known:
            fail(f"{where}: {name} is not a setting the server reads. Known ArtifactHub settings: {', '.join(sorted(known))}")
    elif name not in host_settings and not name.startswith(host_prefixes):
        fail(f"{where}: {name} is neither an ArtifactHub setting nor a known ASP.NET Core/.NET one "
             f"({', '.join(sorted(host_settings))}, {', '.join(p + '*' for p in host_prefixes)}); add it to validate.sh if it is right")

# 3. Kubernetes manifests.
k8s_dir = os.path.join(deploy, "k8s")
k8s_docs = []
for f in sorted(glob.glob(os.path.join(k8s_dir, "*.yaml"))):
    for d in docs_by_file[f]:
        if not isinstance(d, dict):
            fail(f"{rel(f)}: a document is not a mapping")
        for key in ("apiVersion", "kind"):
            if not d.get(key):
                fail(f"{rel(f)}: a document has no {key}")
        if d["kind"] == "Kustomization":
            continue
        md = d.get("metadata") or {}
        if not md.get("name"):
            fail(f"{rel(f)}: {d['kind']} has no metadata.name")
        if "namespace" in md:
            fail(f"{rel(f)}: {d['kind']}/{md['name']} sets metadata.namespace; the manifests are namespace-free (set it in kustomization.yaml)")
        k8s_docs.append((f, d))
if not k8s_docs:
    fail("no Kubernetes manifests in deploy/k8s")

kust_path = os.path.join(k8s_dir, "kustomization.yaml")
if not os.path.exists(kust_path):
    fail("deploy/k8s/kustomization.yaml is missing")
kust = docs_by_file[kust_path][0]
resources = kust.get("resources") or []
for r in resources:
    if not os.path.exists(os.path.join(k8s_dir, r)):
        fail(f"deploy/k8s/kustomization.yaml lists {r}, which does not exist")
for f in sorted(glob.glob(os.path.join(k8s_dir, "*.yaml"))):
    if f != kust_path and os.path.basename(f) not in resources:
        fail(f"{rel(f)} is not listed in deploy/k8s/kustomization.yaml resources")

by_kind = {}
for f, d in k8s_docs:
    by_kind.setdefault(d["kind"], []).append((f, d))
for kind in ("ConfigMap", "Secret", "Deployment", "Service", "PodDisruptionBudget"):
    if kind not in by_kind:
        fail(f"deploy/k8s has no {kind}")
names = {(d["kind"], d["metadata"]["name"]) for _, d in k8s_docs}

for f, d in by_kind["ConfigMap"]:
    for k in (d.get("data") or {}):
        check_env_name(k, f"{rel(f)} ConfigMap/{d['metadata']['name']}")
for f, d in by_kind["Secret"]:
    for section in ("stringData", "data"):
        for k, v in (d.get(section) or {}).items():
            check_env_name(k, f"{rel(f)} Secret/{d['metadata']['name']}")
            if section == "stringData" and "CHANGE-ME" not in str(v):
                fail(f"{rel(f)}: Secret value {k} is not a CHANGE-ME placeholder: never commit real secrets")

for f, d in by_kind["Deployment"]:
    name = d["metadata"]["name"]
    where = f"{rel(f)} Deployment/{name}"
    spec = d.get("spec") or {}
    tpl = (spec.get("template") or {}).get("spec") or {}
    sel = ((spec.get("selector") or {}).get("matchLabels")) or {}
    labels = ((spec.get("template") or {}).get("metadata") or {}).get("labels") or {}
    if not sel or any(labels.get(k) != v for k, v in sel.items()):
        fail(f"{where}: spec.selector.matchLabels does not match the pod template's labels")
    if (spec.get("strategy") or {}).get("type") != "RollingUpdate":
        fail(f"{where}: strategy.type should be RollingUpdate")
    if not (tpl.get("securityContext") or {}).get("runAsNonRoot"):
        fail(f"{where}: pod securityContext.runAsNonRoot must be true")
    containers = tpl.get("containers") or []
    if not containers:
        fail(f"{where}: no containers")
    volumes = {v.get("name"): v for v in tpl.get("volumes") or []}
    for c in containers:
        cw = f"{where} container {c.get('name')}"
        ports = c.get("ports") or []
        port_names = {p.get("name"): p.get("containerPort") for p in ports}
        port_numbers = {p.get("containerPort") for p in ports}
        if 8081 not in port_numbers:
            fail(f"{cw}: containerPort 8081 (ASPNETCORE_URLS=http://+:8081) is not declared")
        def probe(kind, path):
            p = c.get(kind)
            if not p:
                fail(f"{cw}: no {kind}")
            hg = p.get("httpGet") or {}
            if hg.get("path") != path:
                fail(f"{cw}: {kind} should GET {path}, not {hg.get('path')}")
            port = hg.get("port")
            resolved = port_names.get(port) if isinstance(port, str) else port
            if resolved not in port_numbers:
                fail(f"{cw}: {kind} port {port!r} is not a port of the container")
        probe("readinessProbe", "/readyz")
        probe("livenessProbe", "/healthz")
        probe("startupProbe", "/healthz")
        res = c.get("resources") or {}
        if not res.get("requests") or not res.get("limits"):
            fail(f"{cw}: resources.requests and resources.limits are required")
        sc = c.get("securityContext") or {}
        if not sc.get("readOnlyRootFilesystem"):
            fail(f"{cw}: securityContext.readOnlyRootFilesystem must be true")
        if sc.get("allowPrivilegeEscalation") is not False:
            fail(f"{cw}: securityContext.allowPrivilegeEscalation must be false")
        env_names = [e.get("name") for e in c.get("env") or []]
        for n in env_names:
            check_env_name(n, cw)
        data_dir = None
        for ef in c.get("envFrom") or []:
            ref = ef.get("configMapRef") or ef.get("secretRef")
            kind = "ConfigMap" if "configMapRef" in ef else "Secret"
            if (kind, (ref or {}).get("name")) not in names:
                fail(f"{cw}: envFrom names {kind}/{(ref or {}).get('name')}, which is not in deploy/k8s")
            if kind == "ConfigMap":
                for _, cm in by_kind["ConfigMap"]:
                    if cm["metadata"]["name"] == ref["name"]:
                        data_dir = (cm.get("data") or {}).get("ArtifactHub__DataDir", data_dir)
        mounts = {m.get("mountPath"): m.get("name") for m in c.get("volumeMounts") or []}
        for mp, vn in mounts.items():
            if vn not in volumes:
                fail(f"{cw}: volumeMount {mp} names volume {vn}, which the pod does not have")
        if not data_dir or data_dir not in mounts or "emptyDir" not in volumes.get(mounts[data_dir], {}):
            fail(f"{cw}: ArtifactHub__DataDir ({data_dir}) must be an emptyDir mount (the root file system is read-only)")

svc_ports = []
for f, d in by_kind["Service"]:
    spec = d.get("spec") or {}
    if spec.get("type", "ClusterIP") != "ClusterIP":
        fail(f"{rel(f)}: Service/{d['metadata']['name']} should be ClusterIP")
    svc_ports += [p.get("port") for p in spec.get("ports") or []]
if 8081 not in svc_ports:
    fail("deploy/k8s: no Service exposes port 8081")
ok(f"Kubernetes: {len(k8s_docs)} manifests; kustomization lists them; probes /readyz, /healthz and startup on the container port")

# 4. Compose.
compose_path = os.path.join(deploy, "compose.yaml")
compose = docs_by_file.get(compose_path, [None])[0]
if not isinstance(compose, dict) or not isinstance(compose.get("services"), dict):
    fail("deploy/compose.yaml has no services")
services = compose["services"]
env_example = os.path.join(deploy, ".env.example")
if not os.path.exists(env_example):
    fail("deploy/.env.example is missing")
example_vars = set()
for line in open(env_example, encoding="utf-8"):
    line = line.strip()
    if line and not line.startswith("#"):
        if "=" not in line:
            fail(f"deploy/.env.example: '{line}' is not NAME=value")
        example_vars.add(line.split("=", 1)[0])
compose_text = open(compose_path, encoding="utf-8").read()
for m in re.finditer(r'\$\{([A-Za-z_][A-Za-z0-9_]*)(:?[-?][^}]*)?\}', compose_text):
    var, modifier = m.group(1), m.group(2) or ""
    if not modifier.lstrip(":").startswith("-") and var not in example_vars:
        fail(f"deploy/compose.yaml uses ${{{var}}} without a default, and deploy/.env.example does not define it")

nodes = []
for sname, s in services.items():
    if not isinstance(s, dict):
        fail(f"deploy/compose.yaml: service {sname} is not a mapping")
    if "image" not in s and "build" not in s:
        fail(f"deploy/compose.yaml: service {sname} has neither image nor build")
    build = s.get("build")
    if build is not None:
        ctx = build if isinstance(build, str) else build.get("context", ".")
        ctx_path = os.path.normpath(os.path.join(deploy, ctx))
        if not os.path.isdir(ctx_path):
            fail(f"deploy/compose.yaml: service {sname} build context {ctx} does not exist")
        dockerfile = "Dockerfile" if isinstance(build, str) else build.get("dockerfile", "Dockerfile")
        if not os.path.isfile(os.path.join(ctx_path, dockerfile)):
            fail(f"deploy/compose.yaml: service {sname} dockerfile {dockerfile} does not exist in {rel(ctx_path)}")
        nodes.append(sname)
    for ef in ([s["env_file"]] if isinstance(s.get("env_file"), str) else s.get("env_file") or []):
        p = ef if isinstance(ef, str) else ef.get("path")
        if not os.path.exists(os.path.join(deploy, p)) and not (isinstance(ef, dict) and ef.get("required") is False):
            fail(f"deploy/compose.yaml: service {sname} env_file {p} does not exist")
    for v in s.get("volumes") or []:
        src = v.split(":", 1)[0] if isinstance(v, str) else (v.get("source") if v.get("type") == "bind" else None)
        if src and (src.startswith(".") or src.startswith("/")):
            if not os.path.exists(os.path.normpath(os.path.join(deploy, src))):
                fail(f"deploy/compose.yaml: service {sname} mounts {src}, which does not exist")
        elif src and src not in (compose.get("volumes") or {}) and not (isinstance(v, dict) and v.get("type") == "tmpfs"):
            fail(f"deploy/compose.yaml: service {sname} uses volume {src}, which is not declared under volumes:")
    deps = s.get("depends_on") or {}
    for dep in (deps if isinstance(deps, (list, dict)) else []):
        if dep not in services:
            fail(f"deploy/compose.yaml: service {sname} depends on {dep}, which is not a service")
    if not s.get("healthcheck"):
        fail(f"deploy/compose.yaml: service {sname} has no healthcheck")
if len(nodes) < 2 and not any(((services[n].get("deploy") or {}).get("replicas") or 1) > 1 for n in nodes):
    fail("deploy/compose.yaml: expected several ArtifactHub nodes (services built from deploy/Dockerfile, or deploy.replicas)")
for n in nodes:
    env = services[n].get("environment") or {}
    items = env.keys() if isinstance(env, dict) else [e.split("=", 1)[0] for e in env]
    for k in items:
        check_env_name(k, f"deploy/compose.yaml service {n}")
    for must in ("ArtifactHub__Database__Provider", "ArtifactHub__Database__ConnectionString", "ArtifactHub__Storage__Provider",
                 "ArtifactHub__Storage__ConnectionString"):
        if must not in items:
            fail(f"deploy/compose.yaml service {n}: {must} is not set (nodes must share one database and one blob store)")
ok(f"compose: {len(services)} services ({len(nodes)} ArtifactHub nodes); referenced files, volumes and dependencies exist")

# 5. nginx upstream servers are the compose nodes on 8081.
nginx_conf = open(os.path.join(deploy, "nginx.conf"), encoding="utf-8").read()
upstreams = re.findall(r'^\s*server\s+([\w.-]+):(\d+)', nginx_conf, re.M)
if sorted(h for h, _ in upstreams) != sorted(nodes) or any(p != "8081" for _, p in upstreams):
    fail(f"deploy/nginx.conf upstream servers {upstreams} are not the compose nodes {nodes} on port 8081")
for directive in ("client_max_body_size 0;", "proxy_request_buffering off;", "proxy_buffering off;", "proxy_next_upstream error timeout;",
                  "X-Forwarded-For", "X-Forwarded-Proto"):
    if directive not in nginx_conf:
        fail(f"deploy/nginx.conf lacks '{directive}'")
ok("nginx.conf: upstream = compose nodes on 8081; streaming directives and X-Forwarded-* present")

# 6. Dockerfile: stages, COPY sources (relative to the repository root, the build context), .dockerignore.
dockerfile = os.path.join(deploy, "Dockerfile")
lines, buf = [], ""
for raw in open(dockerfile, encoding="utf-8"):
    s = raw.rstrip("\n")
    if not buf and (s.strip().startswith("#") or not s.strip()):
        continue
    if s.endswith("\\"):
        buf += s[:-1] + " "
        continue
    lines.append(buf + s)
    buf = ""
ignore = []
di = os.path.join(root, ".dockerignore")
if not os.path.exists(di):
    fail(".dockerignore is missing at the repository root")
for line in open(di, encoding="utf-8"):
    line = line.strip()
    if line and not line.startswith("#"):
        ignore.append(line)
def ignored(path):
    result = False
    for pat in ignore:
        neg = pat.startswith("!")
        p = pat[1:] if neg else pat
        p = p.rstrip("/")
        hit = fnmatch.fnmatch(path, p) or fnmatch.fnmatch(path, p + "/*") or (p.startswith("**/") and (fnmatch.fnmatch(path, p[3:]) or fnmatch.fnmatch(path, p[3:] + "/*")))
        if hit:
            result = not neg
    return result
stages, from_count, has_user, exposes, final_user = [], 0, False, set(), None
for line in lines:
    parts = line.split()
    instr = parts[0].upper()
    if instr == "FROM":
        from_count += 1
        if len(parts) >= 4 and parts[2].upper() == "AS":
            stages.append(parts[3].lower())
        final_user = None
    elif instr == "COPY" or instr == "ADD":
        args = [a for a in parts[1:] if not a.startswith("--")]
        flags = [a for a in parts[1:] if a.startswith("--")]
        frm = [f.split("=", 1)[1] for f in flags if f.startswith("--from=")]
        if frm:
            if frm[0].lower() not in stages:
                fail(f"deploy/Dockerfile: '{line.strip()}' copies from stage {frm[0]}, which is not defined before it")
            continue
        if args and args[0].startswith("["):
            fail("deploy/Dockerfile: use the plain form of COPY so validate.sh can check it")
        for src in args[:-1]:
            path = os.path.normpath(os.path.join(root, src))
            if not glob.glob(path):
                fail(f"deploy/Dockerfile: COPY source {src} does not exist (the build context is the repository root)")
            if ignored(os.path.relpath(path, root)):
                fail(f"deploy/Dockerfile: COPY source {src} is excluded by .dockerignore")
    elif instr == "USER":
        final_user = parts[1]
    elif instr == "EXPOSE":
        exposes.update(parts[1:])
    elif instr == "ENV":
        for m in re.finditer(r'([A-Za-z_][A-Za-z0-9_]*)=', line):
            check_env_name(m.group(1), "deploy/Dockerfile ENV")
# The restore layer copies project files one by one: every project the server references (transitively) must be there.
copied = set()
for line in lines:
    parts = line.split()
    if parts[0].upper() == "COPY" and not any(a.startswith("--from") for a in parts[1:]):
        copied.update(os.path.normpath(a) for a in parts[1:-1] if a.endswith(".csproj"))
pending, seen = ["src/ArtifactHub.Server/ArtifactHub.Server.csproj"], set()
while pending:
    proj = os.path.normpath(pending.pop())
    if proj in seen:
        continue
    seen.add(proj)
    if not os.path.exists(os.path.join(root, proj)):
        fail(f"{proj} (referenced by the server) does not exist")
    if proj not in copied:
        fail(f"deploy/Dockerfile: the restore step does not COPY {proj}, which the server references; add a COPY line for it")
    text = open(os.path.join(root, proj), encoding="utf-8").read()
    for ref in re.findall(r'<ProjectReference\s+Include="([^"]+)"', text):
        pending.append(os.path.relpath(os.path.normpath(os.path.join(root, os.path.dirname(proj), ref.replace("\\", "/"))), root))
# A "Urls" in appsettings.json would beat ASPNETCORE_URLS (the JSON file comes later in app configuration), and a
# container would listen on localhost only: the default URL lives in code (src/ArtifactHub.Server/Hosting/DefaultUrl.cs).
appsettings = os.path.join(root, "src", "ArtifactHub.Server", "appsettings.json")
if os.path.exists(appsettings) and re.search(r'"Urls"\s*:', open(appsettings, encoding="utf-8").read()):
    fail("src/ArtifactHub.Server/appsettings.json sets \"Urls\", which beats the image's ASPNETCORE_URLS: set the default in code")
env_lines = " ".join(l for l in lines if l.split() and l.split()[0].upper() == "ENV")
if not re.search(r'ASPNETCORE_URLS=http://\+:8081', env_lines):
    fail("deploy/Dockerfile: ENV ASPNETCORE_URLS=http://+:8081 is missing (the server would listen on localhost only)")
if from_count < 2 or len(stages) < 2:
    fail("deploy/Dockerfile: expected a multi-stage build (FROM ... AS build, FROM ... AS runtime)")
if not final_user or final_user in ("root", "0"):
    fail("deploy/Dockerfile: the final stage must switch to a non-root USER")
if "8081" not in exposes:
    fail("deploy/Dockerfile: EXPOSE 8081 is missing")
if not any(l.split()[0].upper() == "HEALTHCHECK" and "/healthz" in l for l in lines):
    fail("deploy/Dockerfile: no HEALTHCHECK on /healthz")
ok(f"Dockerfile: stages {', '.join(stages)}; COPY sources exist, are not .dockerignored and cover the server's {len(seen)} projects; non-root USER; EXPOSE 8081")
ok(f"environment names: all known to the server ({len(known)} ArtifactHub settings read from src/)")
PY

# --- nginx -t ---------------------------------------------------------------------------------------------------
# Compose service names do not resolve here, and nginx -t resolves upstream hosts: check a copy whose upstream
# servers are 127.0.0.1, with its temp paths and logs in a private prefix (works without root).
tmp="$(mktemp -d "${TMPDIR:-/tmp}/ah-validate.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/logs" "$tmp/temp"
sed -E 's/^([[:space:]]*server[[:space:]]+)[A-Za-z0-9_.-]+:([0-9]+)/\1127.0.0.1:\2/' "$DEPLOY_DIR/nginx.conf" \
    | sed -E "s|^http[[:space:]]*\\{|http {\\n    client_body_temp_path $tmp/temp/body;\\n    proxy_temp_path $tmp/temp/proxy;\\n    fastcgi_temp_path $tmp/temp/fastcgi;\\n    uwsgi_temp_path $tmp/temp/uwsgi;\\n    scgi_temp_path $tmp/temp/scgi;|" \
    >"$tmp/nginx.conf"
printf 'pid %s/nginx.pid;\n' "$tmp" >>"$tmp/nginx.conf"
if ! out="$(nginx -t -q -p "$tmp" -c "$tmp/nginx.conf" -e "$tmp/logs/error.log" 2>&1)"; then
    printf '%s\n' "$out" >&2
    fail "nginx -t rejects deploy/nginx.conf (checked as a copy with upstream servers at 127.0.0.1; output above)"
fi
ok "nginx -t accepts deploy/nginx.conf (upstream servers rewritten to 127.0.0.1)"
echo "deploy/validate.sh: all checks passed"
