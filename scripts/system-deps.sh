#!/usr/bin/env bash
# Installs the system packages the test suite needs when they are missing (Debian-like systems):
# a real OBS Studio under Xvfb for the overlay tests, a CJK font for rendering, Chromium for the
# sign-up page tests, PostgreSQL for the hub tests (a throwaway cluster per run), LibreOffice Calc
# and poppler's pdftoppm to open the show report's .xlsx and draw it. Elsewhere it says what to
# install and carries on.
set -euo pipefail
packages=(obs-studio xvfb xauth fonts-noto-cjk chromium chromium-driver postgresql libreoffice-calc-nogui poppler-utils)
if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "system-deps: not a Debian-like system; install by hand: ${packages[*]}" >&2
  exit 0
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "system-deps: installing ${missing[*]}" >&2
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
