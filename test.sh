#!/usr/bin/env bash
# Runs every test. The end-to-end and hashing tests drive the real go command and golang.org/x/mod,
# so this installs them first when they are missing (Debian/Ubuntu: golang-go, golang-golang-x-mod-dev); the same for
# PostgreSQL, which the database tests run on besides SQLite.
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v go >/dev/null 2>&1 || [ ! -d /usr/share/gocode/src/golang.org/x/mod/sumdb/dirhash ]; then
  echo "test.sh: installing the go command and golang.org/x/mod (apt) ..."
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq golang-go golang-golang-x-mod-dev >/dev/null
fi

# The PostgreSQL tests start a server of their own (tests/ArtifactHub.TestSupport/PostgresServer.cs): they need its programs.
if ! command -v initdb >/dev/null 2>&1 && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  echo "test.sh: installing PostgreSQL (apt) ..."
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq postgresql >/dev/null
fi

# The Azure Blob tests run Azurite (the Azure Storage emulator), pinned in tools/azurite/package-lock.json.
if [ ! -x tools/azurite/node_modules/.bin/azurite-blob ]; then
  if ! command -v npm >/dev/null 2>&1; then
    echo "test.sh: installing node and npm (apt) ..."
    sudo_cmd=""
    [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq nodejs npm >/dev/null
  fi
  echo "test.sh: installing Azurite (npm ci --prefix tools/azurite) ..."
  npm ci --prefix tools/azurite --no-audit --no-fund --loglevel=error >/dev/null
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet test ArtifactHub.sln "$@"
