#!/usr/bin/env bash
# Runs every test. The end-to-end and hashing tests drive the real go command and golang.org/x/mod,
# so this installs them first when they are missing (Debian/Ubuntu: golang-go, golang-golang-x-mod-dev).
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v go >/dev/null 2>&1 || [ ! -d /usr/share/gocode/src/golang.org/x/mod/sumdb/dirhash ]; then
  echo "test.sh: installing the go command and golang.org/x/mod (apt) ..."
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq golang-go golang-golang-x-mod-dev >/dev/null
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet test ArtifactHub.sln "$@"
