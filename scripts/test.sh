#!/usr/bin/env bash
# One command for every test: set up, unit tests, build, end-to-end tests in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
npm test
