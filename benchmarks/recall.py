"""Search quality: recall@3 of the natural-query set (questions, misspellings, ES/PT spellings) and the
exact-term set in tests/data/search_queries.toml, on the bundled content.

    python benchmarks/recall.py            # both sets, with the misses listed
    python benchmarks/recall.py --json     # numbers only, for scripts

A query counts as found when any of its expected items is among the first three results.
"""

from __future__ import annotations

import argparse
import json
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUERIES = ROOT / "tests" / "data" / "search_queries.toml"
sys.path.insert(0, str(ROOT))


def recall(index, cases: list[dict], k: int = 3) -> tuple[float, list[tuple[str, list[str]]]]:
    misses = []
    for case in cases:
        top = [result.id for result in index.search(case["query"], limit=k).results]
        if not set(top) & set(case["expect"]):
            misses.append((case["query"], top))
    return 1 - len(misses) / len(cases), misses


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    from briefing_tui.core.content import load_library
    from briefing_tui.core.search import SearchIndex

    index = SearchIndex(load_library(None, use_cache=False))
    sets = tomllib.loads(QUERIES.read_text(encoding="utf-8"))
    report = {}
    for name, cases in sets.items():
        value, misses = recall(index, cases)
        report[name] = {"queries": len(cases), "recall_at_3": round(value, 4), "misses": misses}
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    for name, data in report.items():
        print(f"{name:8} recall@3 {data['recall_at_3']:.1%} of {data['queries']} queries")
        for query, top in data["misses"]:
            print(f"    miss: {query!r} -> {top}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
