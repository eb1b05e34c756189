#!/usr/bin/env bash
# Runs Folio's whole test suite on a fresh Debian 12 machine: installs the Debian packages it needs
# (scripts/setup-debian.sh, idempotent), builds, and runs every test — unit, render, and the integration
# tests that start their own cupsd + ippeveprinter, folio serve on loopback, and the checkers
# (xmllint, pdftotext, pdffonts, qpdf, zbarimg). Any extra arguments go to `swift test` (e.g. --filter X).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-debian.sh
swift build --build-tests
# --no-parallel: many integration tests wait synchronously on real daemons (cupsd, folio serve, pdftoppm),
# which parks Swift's cooperative threads; on 2 cores that starves the in-process HTTP server tests sharing
# the pool. Serial, the whole suite takes well under a minute; each test still exercises its own concurrency.
swift test --no-parallel "$@"
