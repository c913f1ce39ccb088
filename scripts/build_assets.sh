#!/usr/bin/env bash
# Compile GOV.UK Frontend's Sass with this service's font and asset path, and copy the few files the pages
# use into the package's static folder. The results are committed, so running the register needs no Node.js;
# run this after changing scss/ or upgrading govuk-frontend.
set -euo pipefail
cd "$(dirname "$0")/.."
npm install --no-audit --no-fund --loglevel=error
npx sass --pkg-importer=node --style=compressed --quiet-deps --no-source-map scss/app.scss src/igr/static/igr/app.css
src=node_modules/govuk-frontend/dist/govuk
dst=src/igr/static/govuk-frontend
rm -rf "$dst" && mkdir -p "$dst/assets"
cp "$src/govuk-frontend.min.js" "$dst/"
cp -r "$src/assets/images" "$dst/assets/"
cp "$src/assets/manifest.json" "$dst/assets/"
echo "assets built: $(du -sh src/igr/static | cut -f1)"
# Vega, Vega-Lite and vega-embed draw the charts (the page works without them: every chart has a table).
vega=src/igr/static/vega
rm -rf "$vega" && mkdir -p "$vega"
cp node_modules/vega/build/vega.min.js node_modules/vega-lite/build/vega-lite.min.js \
  node_modules/vega-embed/build/vega-embed.min.js "$vega/"
# Vega's expression interpreter, so that charts draw under a Content-Security-Policy without 'unsafe-eval'.
# It is an ES module importing three helpers from vega-util, which the vega.min.js loaded before it provides.
sed "s#^import { ascending, isString, DisallowedObjectProperties } from 'vega-util';#const { ascending, isString, DisallowedObjectProperties } = globalThis.vega;#" \
  node_modules/vega-interpreter/build/vega-interpreter.js > "$vega/vega-interpreter.js"
grep -q "globalThis.vega" "$vega/vega-interpreter.js" || { echo "vega-interpreter's imports changed: update build_assets.sh" >&2; exit 1; }
echo "chart scripts copied: $(du -sh "$vega" | cut -f1)"
