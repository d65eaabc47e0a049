"""Search latency with typo correction: misspelled words, questions and regional names, at the explorer's limit.

    python benchmarks/search_typos.py --content benchmarks/packs/10k [--reps 20]

Prints p50/p95 per category in ms (the vocabulary's one-time load reported apart).
The generated packs' words come from benchmarks/generate.py's vocabulary.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

CATEGORIES = {
    "typo-1": ["hydrogn", "brazl", "cabels", "tarde", "investmnet"],
    "typo+word": ["hydrogn brazil", "brazl trade", "energy cabels"],
    "typo-prefix": ["hydrgo", "brazl", "semicondu"],
    "question": ["how does china finance telecom", "what is japan doing on hydrogen in chile"],
    "regional": ["Brasil", "México comercio", "Perú Japón"],
    "no-match": ["xqzvwk", "zzyzx qqq"],
}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--content", required=True)
    parser.add_argument("--reps", type=int, default=20)
    args = parser.parse_args()
    from briefing_tui.core.content import cache, load_library
    from briefing_tui.core.search import SearchIndex
    from briefing_tui.tui.widgets.search import RESULTS_SHOWN

    library = load_library([args.content], use_cache=True)
    index = SearchIndex(library, cache.index_path(library))
    began = time.perf_counter()
    index.vocabulary.count("trade")
    print(f"{len(library.items):,} items; vocabulary load {1000 * (time.perf_counter() - began):.1f} ms (once)")
    for name, queries in CATEGORIES.items():
        as_typed = name == "typo-prefix"
        samples = []
        for _ in range(args.reps):
            for query in queries:
                start = time.perf_counter()
                outcome = index.search(query, limit=RESULTS_SHOWN, as_typed=as_typed, counts=False)
                samples.append(time.perf_counter() - start)
        samples.sort()
        p95 = samples[int(0.95 * (len(samples) - 1))]
        example = index.search(queries[0], limit=RESULTS_SHOWN, as_typed=as_typed, counts=False)
        print(
            f"  {name:12} p50 {1000 * statistics.median(samples):6.2f} ms  p95 {1000 * p95:6.2f} ms"
            f"   e.g. {queries[0]!r}: {example.message or len(example.results)}"
        )
        del outcome
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
