"""Extraction speed and memory: prints figures (not a test).

    .venv/bin/python benchmarks/extract_speed.py [--docs 5000]

Plain text: documents per second on one core over the corpus texts (or the test documents where
../shared/corpus is absent). PDF: the corpus texts rendered with reportlab (DejaVu Sans), timed through
pdfplumber alone and through the whole extraction. Memory: tracemalloc peak over the first and the last
thousand of N documents, which should be flat. Each figure is printed beside its target. Long texts: one text
of 1 MiB and one of 4 MiB, made of the corpus texts' lines that name a month run together as one document (dense in dates and forums, like a long
parliamentary answer; nothing splits it) and the documents one after another; extraction time should grow with
the size, not faster (the 4 MiB text within 5x the 1 MiB's). CPU time is printed beside the wall time: on a
shared machine it is the steadier figure.

    .venv/bin/python benchmarks/extract_speed.py --sizes 1,4 --only-long     # the long texts alone
"""

from __future__ import annotations

import argparse
import io
import re
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tests.extract.conftest import LETTER, SHARED, STATEMENT, make_pdf  # noqa: E402

from igr.extract import Limits, extract_bytes, extract_text  # noqa: E402

TARGET_DOCS_PER_S = 100  # plain text, one core
TARGET_PDF_RATIO = 1.3  # whole extraction / pdfplumber alone
TARGET_MEMORY_GROWTH = 1.5  # last thousand's peak / first thousand's, at most


def verdict(ok: bool) -> str:
    return "met" if ok else "NOT MET"


def corpus_texts() -> list[str]:
    files = sorted((SHARED / "dev").glob("*.txt")) if (SHARED / "dev").is_dir() else []
    return [f.read_text(encoding="utf-8") for f in files] or [LETTER, STATEMENT]


MONTH = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Ionawr|Chwefror|Mawrth|Ebrill|Mai|Mehefin|Gorffennaf|Awst|Medi|Hydref|Tachwedd|Rhagfyr)\b"
)


def long_text(texts: list[str], size: int, one_document: bool) -> bytes:
    """``size`` bytes of corpus text: one document of the lines naming a month, or the documents in a row."""
    if one_document:
        source = " ".join(line for t in texts for line in t.splitlines() if MONTH.search(line))
    else:
        source = "\n\n".join(texts)
    data = (source * (size // len(source.encode()) + 1)).encode()[:size]
    return data.decode("utf-8", "ignore").encode()


def long_texts(texts: list[str], sizes: list[float]) -> None:
    for one_document in (True, False):
        times, cpu = [], []
        for mib in sizes:
            data = long_text(texts, int(mib * 1024 * 1024), one_document)
            t0, c0 = time.perf_counter(), time.process_time()
            records = extract_bytes(data, "long.txt", Limits(max_bytes=len(data)))
            times.append(time.perf_counter() - t0)
            cpu.append(time.process_time() - c0)
            print(
                f"long text ({'one document, dense in dates' if one_document else 'documents in a row'}): {mib:g} MiB in "
                f"{times[-1]:.2f} s ({cpu[-1]:.2f} s of CPU), {len(records)} records",
                flush=True,
            )
        if len(times) > 1:
            print(
                f"  {sizes[-1]:g} MiB / {sizes[0]:g} MiB: {times[-1] / times[0]:.2f}x the time "
                f"({cpu[-1] / cpu[0]:.2f}x the CPU time) for {sizes[-1] / sizes[0]:g}x the size"
            )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=5000)
    ap.add_argument("--sizes", default="1,4", help="sizes of the long texts in MiB ('' for none)")
    ap.add_argument("--only-long", action="store_true", help="time the long texts only")
    args = ap.parse_args()
    texts = corpus_texts()
    sizes = [float(s) for s in args.sizes.split(",") if s]
    if args.only_long:
        long_texts(texts, sizes)
        return
    extract_text(texts[0])  # warm the gazetteer
    n = max(500, len(texts))
    t0, c0 = time.perf_counter(), time.process_time()
    for i in range(n):
        extract_text(texts[i % len(texts)])
    dt, cpu = time.perf_counter() - t0, time.process_time() - c0
    rate = n / dt
    print(
        f"plain text: {n} documents in {dt:.2f} s = {rate:.0f} docs/s (target >= {TARGET_DOCS_PER_S}: "
        f"{verdict(rate >= TARGET_DOCS_PER_S)}; CPU time {n / cpu:.0f} docs/s)"
    )

    import pdfplumber

    with tempfile.TemporaryDirectory() as tmp:
        pdfs = [make_pdf(t, Path(tmp) / f"{i}.pdf").read_bytes() for i, t in enumerate(texts)]
    t0 = time.perf_counter()
    for data in pdfs:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for page in pdf.pages:
                page.extract_text()
    plumber = time.perf_counter() - t0
    t0 = time.perf_counter()
    for i, data in enumerate(pdfs):
        extract_bytes(data, f"{i}.pdf")
    full = time.perf_counter() - t0
    print(
        f"pdf: {len(pdfs)} files; pdfplumber alone {plumber:.2f} s, whole extraction {full:.2f} s, "
        f"ratio {full / plumber:.2f} (target <= {TARGET_PDF_RATIO}: {verdict(full / plumber <= TARGET_PDF_RATIO)})"
    )

    tracemalloc.start()
    peaks = []
    for i in range(args.docs):
        extract_text(texts[i % len(texts)])
        if (i + 1) % 1000 == 0:
            peaks.append(tracemalloc.get_traced_memory()[1] / 1e3)
            tracemalloc.reset_peak()
    tracemalloc.stop()
    growth = peaks[-1] / peaks[0] if len(peaks) > 1 and peaks[0] else 1.0
    print(
        "memory: tracemalloc peak per 1000 documents (KB): "
        + ", ".join(f"{p:.1f}" for p in peaks)
        + f" (target: flat, last/first <= {TARGET_MEMORY_GROWTH}: {verdict(growth <= TARGET_MEMORY_GROWTH)})"
    )
    long_texts(texts, sizes)


if __name__ == "__main__":
    main()
