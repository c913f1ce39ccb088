#!/usr/bin/env bash
# Score `igr extract` on the development corpus (../shared/corpus): the `make eval` target.
# Prints the scorer's figures overall, by language and by publisher family, the leave-one-family-out figure,
# the rules that fire in only one document, and the confidence calibration (see igr.extract.evaluate).
# Usage: scripts/eval_extraction.sh [--by-doc] [--json FILE]
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
shared="${IGR_SHARED:-$top/../shared}"
python="$top/.venv/bin/python"; [ -x "$python" ] || python=python3
exec "$python" -m igr.extract.evaluate --shared "$shared" "$@"
