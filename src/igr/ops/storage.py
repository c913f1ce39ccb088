"""Collected static files: fingerprinted and compressed for WhiteNoise, with CSS references rewritten.

The vendored script bundles (Vega, vega-embed) end with a ``sourceMappingURL`` comment naming a map file we
do not ship; Django's default JavaScript pattern would fail collectstatic on it. Only the CSS patterns apply.
"""

from __future__ import annotations

from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticStorage(CompressedManifestStaticFilesStorage):
    patterns = tuple(p for p in CompressedManifestStaticFilesStorage.patterns if p[0] == "*.css")
