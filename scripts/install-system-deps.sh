#!/bin/sh
# Installs the Debian packages the workbook uses outside Python, when they are missing:
#   chromium       headless PDF printing of the HTML report
#   poppler-utils  pdfinfo / pdftoppm, used by the tests to inspect the PDF
#   fonts-*        fonts Chromium renders the report with (no web fonts are loaded):
#                  Liberation (the text), DejaVu (fallback; Arabic and other scripts),
#                  Noto Color Emoji (emoji in the unit's texts, in colour), Symbola (emoji in
#                  chart labels: matplotlib cannot draw colour fonts)
# Runs apt-get only as root; otherwise it says what to install and carries on
# (HTML reports still render without Chromium).
set -eu
missing=""
command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 \
  || command -v google-chrome >/dev/null 2>&1 || missing="$missing chromium"
command -v pdfinfo >/dev/null 2>&1 || missing="$missing poppler-utils"
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing="$missing fonts-dejavu-core"
[ -d /usr/share/fonts/truetype/liberation ] || missing="$missing fonts-liberation"
[ -e /usr/share/fonts/truetype/noto/NotoColorEmoji.ttf ] || missing="$missing fonts-noto-color-emoji"
[ -e /usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf ] || missing="$missing fonts-symbola"
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian packages:$missing"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # shellcheck disable=SC2086
  apt-get install -y -qq $missing >/dev/null
else
  echo "Note: please install these Debian packages for PDF output and tests:$missing" >&2
  echo "      sudo apt-get install$missing" >&2
fi
