#!/bin/sh
# Installs Spectral for OpenApiLintTest into $1 (target/openapi-lint) from the committed lock file, with the Node.js
# and npm of this machine: the build never downloads Node itself. Runs npm only when the lock file changed, so a
# build that has it installed pays nothing.
set -e
here=$(cd "$(dirname "$0")" && pwd)
into=$1
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "[openapi-lint] the tests lint openapi/openapi.yaml with Spectral and need Node.js 18+ with npm on the PATH: install them (https://nodejs.org), or build with -DskipTests" >&2
  exit 1
fi
if [ -x "$into/node_modules/.bin/spectral" ] && cmp -s "$here/package-lock.json" "$into/package-lock.json"; then
  exit 0
fi
mkdir -p "$into"
cp "$here/package.json" "$here/package-lock.json" "$into/"
cd "$into"
# --ignore-scripts: no package needs an install script to run, and one only sends telemetry
npm ci --ignore-scripts --no-audit --no-fund --prefer-offline --loglevel=error
