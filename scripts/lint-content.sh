#!/usr/bin/env bash
# Checks the words in content/: no long runs copied from the source documents (when ../shared is
# beside the project, as on the team's machines and CI), and Chinese typography (zhlint, .zhlintrc).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -x ../shared/tools/copycheck ]; then
  ../shared/tools/copycheck --min 14 content
else
  echo "copycheck: skipped (../shared/tools/copycheck is not beside this clone)"
fi
if ! report=$(zhlint "content/**/*.mdx" 2>&1); then
  grep -v -E '^(Config file|Global ignored)' <<<"$report" >&2
  echo "Chinese style check failed: fix the places above, or run: npx zhlint --fix 'content/**/*.mdx'" >&2
  exit 1
fi
echo "zhlint: content/ follows the Chinese style rules in .zhlintrc"
