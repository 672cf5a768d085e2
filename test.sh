#!/usr/bin/env bash
# Runs every test. The end-to-end and hashing tests drive the real go command and golang.org/x/mod, the database tests
# run on PostgreSQL besides SQLite, the storage tests on Azurite and the UI tests in headless Chromium: this installs
# what is missing first (Debian/Ubuntu packages through apt, Azurite and the web UI's packages through npm).
# First the web UI's component tests (Vitest, in web/). Then two passes: the whole solution with the servers under test
# on {SQLite + disk}, then the Server and E2E suites again on {PostgreSQL + Azurite} (ARTIFACTHUB_TEST_STACK, see tests/ArtifactHub.TestSupport/TestStack.cs). The cluster tests
# (three nodes behind nginx) run once, in the first pass, on PostgreSQL + Azurite. Arguments go to the first pass.
set -euo pipefail
cd "$(dirname "$0")"

# Debian/Ubuntu packages the tests need, installed (quietly, with one apt-get update) only when missing.
missing=()
if ! command -v go >/dev/null 2>&1 || [ ! -d /usr/share/gocode/src/golang.org/x/mod/sumdb/dirhash ]; then
  missing+=(golang-go golang-golang-x-mod-dev)
fi
# The PostgreSQL tests start a server of their own (tests/ArtifactHub.TestSupport/PostgresServer.cs): they need its programs.
if ! command -v initdb >/dev/null 2>&1 && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  missing+=(postgresql)
fi
# A static GOPROXY for the end-to-end tests is python3's http.server (tests/ArtifactHub.E2E/Infrastructure/StaticFileServer.cs).
if ! command -v python3 >/dev/null 2>&1; then
  missing+=(python3)
fi
# The Azure Blob tests run Azurite (the Azure Storage emulator), pinned in tools/azurite/package-lock.json; the web UI
# (web/) is built by the server's build and tested with Vitest: both need Node.js and npm.
if ! command -v npm >/dev/null 2>&1; then
  missing+=(nodejs npm)
fi
# The UI's end-to-end tests use an API token with curl, and drive Debian's Chromium, headless (tests/ArtifactHub.UI.Tests).
if [ ! -x /usr/bin/chromium ]; then
  missing+=(chromium)
fi
if ! command -v curl >/dev/null 2>&1; then
  missing+=(curl)
fi
# The raw repositories' end-to-end tests upload and download with curl and resume a download with wget (tests/ArtifactHub.E2E/RawClientsTests.cs).
if ! command -v wget >/dev/null 2>&1; then
  missing+=(wget)
fi

# The cluster tests put nginx in front of three servers (tests/ArtifactHub.TestSupport/NginxServer.cs).
if [ ! -x /usr/sbin/nginx ]; then
  missing+=(nginx)
fi
# deploy/validate.sh (run by tests/ArtifactHub.Deploy.Tests) parses the compose file and Kubernetes manifests with PyYAML.
if ! python3 -c 'import yaml' >/dev/null 2>&1; then
  missing+=(python3-yaml)
fi

if [ "${#missing[@]}" -gt 0 ]; then
  echo "test.sh: installing ${missing[*]} (apt) ..."
  sudo_cmd=()
  [ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [ ! -x tools/azurite/node_modules/.bin/azurite-blob ]; then
  echo "test.sh: installing Azurite (npm ci --prefix tools/azurite) ..."
  npm ci --prefix tools/azurite --no-audit --no-fund --loglevel=error >/dev/null
fi

# The web UI's packages, pinned in web/package-lock.json (the server's build would install them too).
if [ ! -f web/node_modules/.package-lock.json ] || [ web/package-lock.json -nt web/node_modules/.package-lock.json ]; then
  echo "test.sh: installing the web UI's packages (npm ci --prefix web) ..."
  npm ci --prefix web --no-audit --no-fund --loglevel=error >/dev/null
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
status=0
echo "test.sh: the web UI's component tests (Vitest)"
npm --prefix web test --silent || status=1

echo "test.sh: pass 1 of 2: every project; Server and E2E on sqlite-disk (SQLite + disk), Cluster on PostgreSQL + Azurite + nginx"
ARTIFACTHUB_TEST_STACK=sqlite-disk dotnet test ArtifactHub.sln "$@" || status=1

# Tests about the SQLite file or the blob folder themselves carry [Trait("Stack", "sqlite-disk-only")].
for project in ArtifactHub.Server.Tests ArtifactHub.E2E; do
  echo "test.sh: pass 2 of 2: $project on postgres-azurite (PostgreSQL + Azurite)"
  ARTIFACTHUB_TEST_STACK=postgres-azurite dotnet test "tests/$project" --no-build --filter "Stack!=sqlite-disk-only" || status=1
done
exit "$status"
