#!/usr/bin/env bash
# Installs the Debian packages Folio needs to build, run its demo and run its tests.
# Idempotent and quiet when everything is already there. Runs apt-get as root (or through sudo).
set -euo pipefail

PACKAGES=(
  # C libraries wrapped by Folio's system-library targets
  libcairo2-dev libpango1.0-dev libharfbuzz-dev libfontconfig-dev libqrencode-dev
  libxml2-dev libssl-dev libcups2-dev libsqlite3-dev libmicrohttpd-dev libxmlsec1-dev
  libcurl4-openssl-dev libzip-dev librsvg2-dev zlib1g-dev
  # librsvg's runtime library, not linked: Render opens librsvg-2.so.2 with dlopen for the first SVG image
  # (librsvg2-dev depends on it; listed because the executables no longer name it)
  librsvg2-2
  # real components the demo and the tests start: CUPS, an IPP Everywhere printer (ippeveprinter), a private D-Bus bus for it
  cups-daemon cups-client cups-ipp-utils dbus
  # independent checkers used by the tests
  libxml2-utils poppler-utils qpdf zbar-tools curl xmlsec1 openssl unzip
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
echo "setup: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >/dev/null
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
