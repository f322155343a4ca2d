#!/usr/bin/env bash
# Installs the Debian packages the tests use, only those that are missing:
#   chromium       end-to-end tests and benchmarks (Playwright drives Debian's Chromium;
#                  Playwright's own browser download is impossible offline)
#   poppler-utils  pdfsig, pdftotext, pdftoppm, pdfinfo, pdfdetach: independent judges of reports
#   qpdf           qpdf --check on every generated report
#   libnss3-tools  certutil, to give pdfsig a trust store with the test CA
#   libimage-exiftool-perl  exiftool, judge of what metadata photos still carry
#   libxml2-utils  xmllint, to validate exported STIG checklists (.ckl) against DISA's XSD and to
#                  judge the checklist XML reader's idea of well-formed
set -euo pipefail
declare -A tool_of=([chromium]=chromium [poppler-utils]=pdfsig [qpdf]=qpdf [libnss3-tools]=certutil
  [libimage-exiftool-perl]=exiftool [libxml2-utils]=xmllint)
missing=()
for pkg in "${!tool_of[@]}"; do
  command -v "${tool_of[$pkg]}" > /dev/null 2>&1 || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get > /dev/null; then
  echo "Missing system packages: ${missing[*]}. Install them with: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "Installing system packages: ${missing[*]}"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" > /dev/null
