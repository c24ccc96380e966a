#!/usr/bin/env bash
# Installs the Debian packages the tests need (Chromium for end-to-end tests, Thai fonts so Thai text
# renders, PostgreSQL for the data tests, poppler-utils to inspect PDFs, python3 for the summary) —
# only when one is missing, so a warm machine does not pay for `apt-get update`.
set -euo pipefail

packages=(chromium fonts-thai-tlwg postgresql postgresql-contrib poppler-utils)

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "install-test-deps: not a Debian-like system (no dpkg-query); install ${packages[*]} yourself." >&2
  exit 0
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

# python3 prints the test summary; a minimal Debian image may lack it (here it may also come from
# outside dpkg, e.g. pyenv, hence the PATH check).
if ! command -v python3 >/dev/null 2>&1; then
  packages+=(python3)
  missing+=(python3)
fi

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" = 0 ]; then
  sudo_cmd=()
elif command -v sudo >/dev/null 2>&1; then
  sudo_cmd=(sudo)
else
  echo "install-test-deps: missing ${missing[*]}, and neither root nor sudo is available." >&2
  exit 1
fi

echo "install-test-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
# The whole list: apt skips what is already installed.
"${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive \
  apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
