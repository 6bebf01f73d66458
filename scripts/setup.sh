#!/usr/bin/env bash
# Installs what the handbook needs on a Debian/Ubuntu machine, then the npm dependencies.
# Safe to run again: it only installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
# fc-list -q answers by its exit status (a pipe into grep -q would fail by SIGPIPE under pipefail).
fc-list -q "Noto Sans CJK SC" 2>/dev/null || need_apt+=(fonts-noto-cjk)
command -v pdffonts >/dev/null || need_apt+=(poppler-utils)
command -v WebKitWebDriver >/dev/null || need_apt+=(webkit2gtk-driver)
command -v Xvfb >/dev/null || need_apt+=(xvfb)
# nginx for the deploy test (tests/deploy/), which serves the built site with deploy/nginx/; and its
# Brotli module for the .br copies, where the distribution packages it (Debian 12 does).
[ -x /usr/sbin/nginx ] || need_apt+=(nginx)
brotli_module=libnginx-mod-http-brotli-static
brotli_wanted() {
  [ ! -e /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ] && apt-cache show "$brotli_module" >/dev/null 2>&1
}
if brotli_wanted; then need_apt+=("$brotli_module"); fi

if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq
    # On a machine whose package lists were empty, whether the module is packaged is known only now.
    if [[ " ${need_apt[*]} " != *" $brotli_module "* ]] && brotli_wanted; then need_apt+=("$brotli_module"); fi
    echo "setup: installing ${need_apt[*]} with apt-get"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
  else
    cat >&2 <<MSG
setup: missing system packages: ${need_apt[*]}
  The build renders diagrams and PDFs and the tests run in Chromium, with the Noto CJK fonts for
  Chinese; the PDF tests read the files with poppler-utils (pdffonts, pdftotext, pdftoppm). The
  deploy test serves the site with nginx (and its Brotli module), and is skipped without it. The
  WebKit smoke tests run WebKitGTK (webkit2gtk-driver) on a virtual display (xvfb), and are skipped
  without them.
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
