"""Charts as Vega-Lite specs built with altair on the server, drawn by vega-embed in the page.

A chart never stands alone: each carries a sentence that says what it shows and the same figures as a table,
so the content needs no JavaScript and reads the same to a screen reader. Labels come in the page's language.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

import altair as alt
from django.core.cache import cache

FONT = "Noto Sans, arial, sans-serif"
CHART_TIMEOUT = 24 * 3600
NARROW = 3
STEP = 80
COLOURS = ["#1d70b8", "#00703c", "#d4351c", "#4c2c92", "#f47738", "#28a197", "#5694ca", "#912b88"]


@dataclass
class Chart:
    """One chart: its Vega-Lite spec, a text summary and the data table that stands in for it."""

    key: str
    title: str
    summary: str
    columns: list[str]
    rows: list[list[Any]]
    spec: dict[str, Any] = field(default_factory=dict)

    @property
    def element_id(self) -> str:
        return f"chart-{self.key}"

    @property
    def spec_id(self) -> str:
        return f"chart-{self.key}-spec"


def _config(chart: alt.Chart) -> dict[str, Any]:
    # aria off: the chart is decoration for sighted readers; the summary and table carry the content.
    return (
        chart.configure(font=FONT, aria=False)
        .configure_view(strokeWidth=0)
        .properties(width="container", height=240)
        .to_dict(validate=False)
    )


def bar_chart(
    values: list[dict[str, Any]],
    x: str,
    y: str,
    x_title: str,
    y_title: str,
    colour: str | None = None,
    colour_title: str = "",
    x_type: str = "O",
) -> dict[str, Any]:
    """A bar chart (stacked by ``colour`` when given) of ``values``: a list of records.

    Building a spec with altair costs tens of milliseconds, while a page has only a few shapes of chart. So
    altair builds each shape (fields, titles, colour domain) once, kept in the cache under a digest of them,
    and the figures are set into a copy of it.
    """
    domain = list(dict.fromkeys(str(v[colour]) for v in values)) if colour else []
    shape = [x, y, str(x_title), str(y_title), colour, str(colour_title), x_type, domain]
    key = "igr-chart-v2:" + hashlib.sha1(json.dumps(shape, sort_keys=True).encode()).hexdigest()
    spec = cache.get(key)
    if spec is None:
        spec = _bar_chart(x, y, x_title, y_title, colour, colour_title, x_type, domain)
        cache.set(key, spec, CHART_TIMEOUT)
    if (
        len({v[x] for v in values}) <= NARROW
    ):  # a bar or two drawn at a bar's width, not stretched across the page
        return {**spec, "width": {"step": STEP}, "data": {"values": values}}
    return {**spec, "data": {"values": values}}


def _bar_chart(
    x: str,
    y: str,
    x_title: str,
    y_title: str,
    colour: str | None,
    colour_title: str,
    x_type: str,
    domain: list[str],
) -> dict[str, Any]:
    encoding: dict[str, Any] = {
        "x": alt.X(
            f"{x}:{x_type}", title=x_title, axis=alt.Axis(labelAngle=0, labelLimit=90), sort=None
        ),  # data order
        "y": alt.Y(f"{y}:Q", title=y_title, axis=alt.Axis(tickMinStep=1)),
        "tooltip": [alt.Tooltip(f"{x}:{x_type}", title=x_title), alt.Tooltip(f"{y}:Q", title=y_title)],
    }
    if colour:
        encoding["color"] = alt.Color(
            f"{colour}:N",
            title=colour_title,
            scale=alt.Scale(domain=domain, range=COLOURS[: max(1, len(domain))]),
            legend=alt.Legend(orient="bottom"),
        )
        encoding["tooltip"].append(alt.Tooltip(f"{colour}:N", title=colour_title))
    chart = alt.Chart(alt.Data(values=[])).mark_bar(color=COLOURS[0]).encode(**encoding)
    return _config(chart)
