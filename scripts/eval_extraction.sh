#!/usr/bin/env bash
# Score `igr extract` on the development corpus (../shared/corpus): the `make eval` target.
# Usage: scripts/eval_extraction.sh [--by-doc]
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
shared="${IGR_SHARED:-$top/../shared}"
if [ ! -d "$shared/corpus/dev" ] || [ ! -f "$shared/tools/score_extraction.py" ]; then
  echo "eval: $shared/corpus/dev or $shared/tools/score_extraction.py is missing; nothing to score" >&2
  exit 2
fi
igr="$top/.venv/bin/igr"; [ -x "$igr" ] || igr=igr
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
mkdir -p "$work/gold"
cp "$shared"/corpus/dev/*.json "$shared"/corpus/seed/seed-*.json "$work/gold/"
"$igr" extract --no-progress "$shared"/corpus/dev/*.txt "$shared/corpus/seed/seed-letter.txt" \
  "$shared/corpus/seed/seed-statement.txt" > "$work/pred.jsonl"
python3 "$shared/tools/score_extraction.py" --gold "$work/gold" --pred "$work/pred.jsonl" "$@"
