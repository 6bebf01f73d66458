#!/usr/bin/env bash
# One command for a fresh machine: set up, build the site, and serve it at http://127.0.0.1:4321/
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
npm run build
npm run preview
