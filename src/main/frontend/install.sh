#!/bin/sh
# Installs the web page's browser packages from the committed lock file with this machine's Node.js and npm
# into $1 (target/frontend), then copies the files the page serves into $2 (the jar's static/assets/vendor).
# Node.js runs only here, at build time: the service serves the copied files itself. npm runs only when the
# lock file changed, so a build that has them installed pays nothing.
set -e
here=$(cd "$(dirname "$0")" && pwd)
into=$1
vendor=$2
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  exit 1
fi
if [ ! -d "$into/node_modules/@xterm/xterm" ] || [ ! -d "$into/node_modules/@novnc/novnc" ] || ! cmp -s "$here/package-lock.json" "$into/package-lock.json"; then
  mkdir -p "$into"
  cp "$here/package.json" "$here/package-lock.json" "$into/"
  (cd "$into" && npm ci --ignore-scripts --no-audit --no-fund --prefer-offline --loglevel=error)
fi
m=$into/node_modules
mkdir -p "$vendor/xterm"
cp "$m/@xterm/xterm/lib/xterm.js" "$m/@xterm/xterm/css/xterm.css" "$m/@xterm/addon-fit/lib/addon-fit.js" "$vendor/xterm/"
cp "$m/@xterm/xterm/LICENSE" "$vendor/xterm/LICENSE"
# noVNC is ES modules: its core (rfb.js and what it imports) and the vendored inflate it imports, paths kept
rm -rf "$vendor/novnc"
mkdir -p "$vendor/novnc"
cp -R "$m/@novnc/novnc/core" "$m/@novnc/novnc/vendor" "$vendor/novnc/"
cp "$m/@novnc/novnc/LICENSE.txt" "$vendor/novnc/LICENSE.txt"
