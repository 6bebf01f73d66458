#!/usr/bin/env bash
# Installs what the handbook needs on a Debian/Ubuntu machine, then the npm dependencies.
# Safe to run again: it only installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || need_apt+=(fonts-noto-cjk)
command -v pdffonts >/dev/null || need_apt+=(poppler-utils)
command -v WebKitWebDriver >/dev/null || need_apt+=(webkit2gtk-driver)
command -v Xvfb >/dev/null || need_apt+=(xvfb)

if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "setup: installing ${need_apt[*]} with apt-get"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
  else
    cat >&2 <<MSG
setup: missing system packages: ${need_apt[*]}
  The build renders diagrams and PDFs and the tests run in Chromium, with the Noto CJK fonts for
  Chinese; the PDF tests read the files with poppler-utils (pdffonts, pdftotext, pdftoppm).
  The WebKit smoke tests run WebKitGTK (webkit2gtk-driver) on a virtual display (xvfb), and are
  skipped without them.
  Install them as root:   sudo apt-get install ${need_apt[*]}
  (Without /usr/bin/chromium, Playwright's own browser is used: npx playwright install chromium)
MSG
    [[ " ${need_apt[*]} " == *" fonts-noto-cjk "* ]] && exit 1
  fi
fi

if ! command -v npm >/dev/null; then
  echo "setup: npm is missing. Install Node.js (any version with npm; the project brings its own Node 24): apt-get install nodejs npm" >&2
  exit 1
fi

# npm ci would need every platform's optional bindings in the lockfile; npm install keeps it working.
npm install --no-audit --no-fund --loglevel=error

# Without Debian's Chromium (or with PLAYWRIGHT_CHROMIUM=bundled), use Playwright's own browser.
if [ ! -x /usr/bin/chromium ] || [ "${PLAYWRIGHT_CHROMIUM:-}" = bundled ]; then
  npx playwright install chromium
fi
