"""Write a synthetic, deterministic content pack of N items for benchmarking.

    python benchmarks/generate.py --items 10000 --out benchmarks/packs/10k

The pack has the shape of the real one (see docs/CONTENT.md): one folder per briefing with a
``source.toml`` holding ``[source]`` and ``[[sections]]``, the items spread over files of about
1,000 items each, and a ``comparison.toml`` of themes. Every item has a realistic title, a
100-200 word summary composed from a policy vocabulary (so searches for "trade", "hydrogen",
"Brazil"... hit as they would in real content), tags taken from ``briefing_tui/vocab.py``, and
about half of the items link to others. All seven kinds appear with their required fields.

The same ``--items`` and ``--seed`` always give byte-identical files.
"""

from __future__ import annotations

import argparse
import bisect
import itertools
import json
import random
import re
import shutil
import sys
from pathlib import Path

from briefing_tui.core.vocab import ACTORS, COUNTRIES, LAC_COUNTRIES, SECTORS

ITEMS_PER_FILE = 1_000
ITEMS_PER_BRIEFING = 2_500
"""A 10,000-item pack has 4 briefings, a 100,000-item pack 40."""

KIND_SHARES = {
    "figure": 0.20,
    "initiative": 0.18,
    "case-study": 0.15,
    "obstacle": 0.13,
    "approach": 0.12,
    "recommendation": 0.12,
    "opportunity": 0.10,
}
"""Roughly the mix of the bundled content."""

KIND_ABBR = {
    "recommendation": "rec",
    "obstacle": "obs",
    "opportunity": "opp",
    "case-study": "case",
    "initiative": "init",
    "figure": "fig",
    "approach": "app",
}

# -- vocabulary ------------------------------------------------------------------------------
# Lists are in rough order of frequency: `_pick` favours early entries (Zipf-like), so common
# words ("investment", "trade") hit many items and rare ones few, as in real prose.

LAC = sorted(LAC_COUNTRIES, key=list(COUNTRIES).index)
BIG_LAC = ["brazil", "mexico", "chile", "argentina", "colombia", "peru", "panama", "ecuador", "uruguay", "costa-rica"]
LAC_WEIGHTED = BIG_LAC + [country for country in LAC if country not in BIG_LAC]
PARTNERS = ["japan", "china", "united-states", "south-korea", "european-union", "spain", "india", "canada", "taiwan"]
MAIN_ACTORS = ["us", "japan", "china", "lac", "multilateral", "eu", "korea", "private-sector"]

TOPICS = [
    "investment",
    "trade",
    "infrastructure investment",
    "digital trade",
    "development finance",
    "supply chain resilience",
    "technology transfer",
    "capacity building",
    "regional integration",
    "energy transition",
    "export diversification",
    "critical mineral supply chains",
    "food security",
    "port logistics",
    "data governance",
    "quality infrastructure",
    "climate adaptation",
    "debt sustainability",
    "disaster risk reduction",
    "industrial policy",
    "foreign direct investment",
    "free trade agreements",
    "digital connectivity",
    "economic security",
    "vocational training",
    "public procurement",
]

SECTOR_WORDS = {
    "digital": ["digital economy", "e-commerce", "digital platforms", "data centres"],
    "telecom": ["5G networks", "submarine cables", "telecommunications", "Open RAN"],
    "ai": ["artificial intelligence", "machine learning", "AI governance"],
    "smart-cities": ["smart cities", "urban mobility", "smart grids"],
    "cybersecurity": ["cybersecurity", "network security", "cyber resilience"],
    "space": ["satellites", "space cooperation", "earth observation"],
    "energy": ["energy", "power generation", "electricity transmission"],
    "renewables": ["solar power", "wind energy", "renewable energy", "geothermal power"],
    "hydrogen": ["green hydrogen", "hydrogen", "ammonia exports", "electrolysers"],
    "critical-minerals": ["lithium", "copper", "critical minerals", "rare earths", "nickel"],
    "mining": ["mining", "mineral processing", "mining concessions"],
    "semiconductors": ["semiconductors", "chip packaging", "electronics assembly"],
    "infrastructure": ["infrastructure", "railways", "highways", "ports"],
    "transport": ["logistics", "shipping routes", "the Panama Canal", "air cargo"],
    "agriculture": ["agriculture", "soybeans", "agribusiness", "irrigation"],
    "food": ["food security", "food processing", "beef exports", "pork exports"],
    "fisheries": ["fisheries", "salmon farming", "aquaculture"],
    "health": ["health systems", "vaccines", "hospitals", "medical devices"],
    "finance": ["financing", "concessional loans", "capital markets", "green bonds"],
    "trade": ["trade", "exports", "tariffs", "market access"],
    "manufacturing": ["manufacturing", "industrial parks", "nearshoring"],
    "automotive": ["automotive", "electric vehicles", "auto parts", "battery plants"],
    "environment": ["climate change", "deforestation", "biodiversity", "emissions"],
    "disaster-risk": ["disaster risk", "earthquake resilience", "early warning systems"],
    "education": ["education", "scholarships", "technical training"],
    "governance": ["standards", "rule of law", "transparency", "regulation"],
    "security": ["economic security", "investment screening", "export controls"],
    "tourism": ["tourism", "hospitality", "cultural exchange"],
    "water": ["water", "sanitation", "desalination"],
}
SECTOR_ORDER = [
    "trade",
    "finance",
    "infrastructure",
    "digital",
    "energy",
    "critical-minerals",
    "agriculture",
    "renewables",
    "hydrogen",
    "telecom",
    "manufacturing",
    "automotive",
    "environment",
    "transport",
    "mining",
    "food",
    "health",
    "governance",
    "security",
    "semiconductors",
    "education",
    "ai",
    "smart-cities",
    "cybersecurity",
    "disaster-risk",
    "fisheries",
    "space",
    "water",
    "tourism",
]
assert sorted(SECTOR_ORDER) == sorted(SECTORS), "SECTOR_ORDER must list every sector of vocab.py"

INSTITUTIONS = [
    "the IDB",
    "JICA",
    "JBIC",
    "the DFC",
    "CAF",
    "the World Bank",
    "China Development Bank",
    "the Export-Import Bank of China",
    "ECLAC",
    "NEXI",
    "USAID",
    "KOICA",
    "the European Investment Bank",
    "the Asian Development Bank",
    "JETRO",
    "the Inter-American Investment Corporation",
]
COMPANIES = [
    "Mitsubishi",
    "NEC",
    "Toyota",
    "Nissan",
    "Huawei",
    "State Grid",
    "COSCO",
    "Mitsui",
    "Sumitomo",
    "Marubeni",
    "Vale",
    "Petrobras",
    "Codelco",
    "SQM",
    "Embraer",
    "Rakuten",
    "BYD",
    "Tesla",
    "Ericsson",
    "Hitachi",
]
INSTRUMENTS = [
    "concessional loans",
    "co-financing",
    "blended finance",
    "technical cooperation",
    "guarantees",
    "grants",
    "equity stakes",
    "political risk insurance",
    "green bonds",
    "currency swap lines",
]
OBSTACLES = [
    "limited access to long-term finance",
    "high logistics costs",
    "weak regulatory frameworks",
    "currency volatility",
    "bureaucratic delays",
    "skills shortages",
    "fragmented standards",
    "political uncertainty",
    "corruption concerns",
    "low spending on research",
    "insecure property rights",
    "informal labour markets",
]
STAKEHOLDERS = [
    "exporters",
    "small firms",
    "investors",
    "local governments",
    "farmers",
    "workers",
    "ministries",
    "development banks",
]
REGIONS = [
    "the region",
    "Latin America",
    "the Caribbean",
    "Central America",
    "the Andean countries",
    "the Southern Cone",
    "Mercosur",
    "the Pacific Alliance",
]
CONTEXTS = [
    "the commodity boom of the 2000s",
    "the 2008 financial crisis",
    "the COVID-19 pandemic",
    "rivalry between Washington and Beijing",
    "the region's debt crisis of the 1980s",
    "slowing growth in the region",
    "supply-chain disruptions after 2020",
    "a wave of elections across the region",
]
MECHANISMS = [
    "dialogue",
    "working group",
    "fund",
    "task force",
    "platform",
    "partnership",
    "memorandum of understanding",
]
THEMES = [
    "Development finance",
    "Infrastructure",
    "Digital connectivity",
    "Energy transition",
    "Critical minerals",
    "Trade and market access",
    "Agriculture and food security",
    "Capacity building",
]
PUBLISHERS = [
    "Inter-American Development Bank",
    "Wilson Center, Latin America Program",
    "Inter-American Dialogue",
    "Japan Institute of International Affairs",
    "Center for Strategic and International Studies",
    "Chinese Academy of Social Sciences, Institute of Latin American Studies",
    "ECLAC",
    "Atlantic Council",
]
PERSPECTIVES = [
    "US think tank",
    "Japanese government research institute",
    "Chinese scholar",
    "Multilateral development bank",
    "UN regional commission",
    "Latin American university",
]
SURNAMES = ["Myers", "Tanaka", "Wang", "Silva", "Hernández", "Kato", "Li", "Ortiz", "Smith", "Suzuki", "Zhang", "Rojas"]
GIVEN = ["M.", "K.", "J.", "A.", "L.", "R.", "S.", "H.", "C.", "E."]
MONTHS = ["January", "March", "April", "June", "July", "September", "October", "November", "December"]
ADJECTIVES = [
    "patient",
    "targeted",
    "state-led",
    "market-driven",
    "quality-focused",
    "pragmatic",
    "cautious",
    "ambitious",
]
REC_VERBS = [
    "Expand",
    "Coordinate",
    "Strengthen",
    "Launch",
    "Align",
    "Fund",
    "Deepen",
    "Create",
    "Support",
    "Prioritize",
]
SECTION_TITLES = [
    "Introduction",
    "Historical background",
    "Trade flows",
    "Investment trends",
    "Development finance",
    "Infrastructure and connectivity",
    "The digital economy",
    "Energy and the green transition",
    "Critical minerals",
    "Agriculture and food",
    "Obstacles to deeper engagement",
    "Opportunities by sector",
    "Case studies",
    "Comparing approaches",
    "Policy options",
    "A way forward",
    "Recommendations",
    "Conclusion",
]


def capfirst(text: str) -> str:
    return text[:1].upper() + text[1:]


def with_article(word: str) -> str:
    return ("an " if word[:1] in "aeiou" else "a ") + word


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def toml_string(value: str) -> str:
    # JSON string escapes (\" \\ \n \uXXXX) are all valid in TOML basic strings.
    return json.dumps(value, ensure_ascii=False)


def toml_value(value: object) -> str:
    if isinstance(value, str):
        return toml_string(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(entry) for entry in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{key} = {toml_value(entry)}" for key, entry in value.items()) + " }"
    raise TypeError(type(value))


def toml_table(header: str, fields: dict[str, object]) -> str:
    lines = [header]
    for key, value in fields.items():
        if value in ("", [], None):
            continue
        lines.append(f"{key} = {toml_value(value)}")
    return "\n".join(lines) + "\n"


class Writer:
    """Composes text from the vocabulary with one seeded random generator."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self._cumulative: dict[int, list[float]] = {}

    def pick(self, options: list[str]) -> str:
        """A Zipf-like choice: the first entries come up far more often than the last."""
        cumulative = self._cumulative.get(id(options))
        if cumulative is None:
            weights = [1.0 / (position + 1) ** 0.8 for position in range(len(options))]
            cumulative = self._cumulative[id(options)] = list(itertools.accumulate(weights))
        return options[bisect.bisect(cumulative, self.rng.random() * cumulative[-1])]

    def country(self) -> str:
        return self.pick(LAC_WEIGHTED)

    def sector(self) -> str:
        return self.pick(SECTOR_ORDER)

    def sector_words(self, sector: str) -> str:
        return self.rng.choice(SECTOR_WORDS[sector])

    def actor_name(self, actor: str) -> str:
        return {
            "us": "the United States",
            "lac": "Latin American governments",
            "eu": "the European Union",
            "multilateral": "multilateral lenders",
            "private-sector": "private investors",
        }.get(actor, ACTORS[actor])

    def amount(self) -> str:
        rng = self.rng
        form = rng.randrange(4)
        if form == 0:
            return f"US${rng.randint(1, 90)}.{rng.randint(0, 9)} billion"
        if form == 1:
            return f"{rng.randint(2, 60)}%"
        if form == 2:
            return f"{rng.randint(100, 990)} million"
        return f"${rng.randint(1, 40)} billion"

    def sentence(self, country: str, sector: str, actor: str) -> str:
        """One sentence of policy prose, mostly about the given country, sector and actor.

        Off-focus words are drawn from flat distributions and a third of the sentences are
        generic, so common words reach document frequencies like the bundled content's
        (scaled for summaries about three times as long).
        """
        rng = self.rng
        pick = self.pick
        place = COUNTRIES[country if rng.random() < 0.85 else rng.choice(LAC)]
        words = self.sector_words(sector if rng.random() < 0.8 else rng.choice(SECTOR_ORDER))
        who = self.actor_name(actor if rng.random() < 0.85 else rng.choice(MAIN_ACTORS))
        # Only the chosen template is formatted: the generator spends its time here.
        template = rng.randrange(20)
        if template == 0:
            return f"{capfirst(who)} has expanded {pick(TOPICS)} in {place}, where {pick(INSTITUTIONS)} supports {words} through {pick(INSTRUMENTS)}."
        if template == 1:
            return f"The report argues that {pick(TOPICS)} in {rng.choice(REGIONS)} depends on {pick(OBSTACLES)} being addressed first."
        if template == 2:
            year = rng.randint(1995, 2020)
            return f"Between {year} and {year + rng.randint(2, 9)}, flows to {place} reached {self.amount()}, mostly in {words}."
        if template == 3:
            return f"{capfirst(pick(INSTITUTIONS))} funds {words} projects with {pick(INSTRUMENTS)}, often alongside {pick(COMPANIES)}."
        if template == 4:
            return f"Officials in {place} see {words} as a way to diversify the economy and create skilled jobs."
        if template == 5:
            return f"Critics note that {pick(OBSTACLES)} holds back progress and raises costs for {rng.choice(STAKEHOLDERS)}."
        if template == 6:
            return f"A joint {rng.choice(MECHANISMS)} between {who} and {self.actor_name(rng.choice(MAIN_ACTORS))} could align {pick(TOPICS)} with shared standards."
        if template == 7:
            return f"The authors recommend that {who} work with {place} on {words}."
        if template == 8:
            return f"{pick(COMPANIES)} opened operations in {place} in {rng.randint(1995, 2024)}, drawn by {words} and a growing local market."
        if template == 9:
            return f"{capfirst(who)} favours {with_article(rng.choice(ADJECTIVES))} style of engagement, using {pick(INSTRUMENTS)}."
        if template == 10:
            return f"Links between {place} and {COUNTRIES[rng.choice(PARTNERS)]} grew quickly, led by {words}."
        if template == 11:
            return (
                f"Local {rng.choice(STAKEHOLDERS)} in {place} ask for better regulation and clearer rules on {words}."
            )
        if template == 12:
            return f"The section places this in the context of {rng.choice(CONTEXTS)}."
        if template == 13:
            return f"{capfirst(who)} presents the effort as part of a long-term strategy rather than a one-off project."
        if template == 14:
            return f"Interviews with {rng.choice(STAKEHOLDERS)} in {place} suggest that results so far are mixed."
        if template == 15:
            return "The document gives few details on costs, timelines or who would lead the work."
        if template == 16:
            return f"Progress has been uneven since {rng.randint(2000, 2022)}, and several announced projects have stalled."
        if template == 17:
            return f"Observers in {place} welcome the attention but worry about dependence on a single partner."
        if template == 18:
            return f"The text cites {pick(INSTITUTIONS)} data and a survey of {rng.randint(20, 400)} firms to support the point."
        return f"Success would require sustained political support in {place} and in the capitals of its partners."

    def paragraph(self, low: int, high: int, country: str, sector: str, actor: str) -> str:
        target = self.rng.randint(low, high)
        sentences: list[str] = []
        count = 0
        while count < target:
            sentence = self.sentence(country, sector, actor)
            sentences.append(sentence)
            count += len(sentence.split())
        return " ".join(sentences)


def kind_sequence(rng: random.Random, count: int) -> list[str]:
    kinds = []
    for kind, share in KIND_SHARES.items():
        kinds += [kind] * round(count * share)
    kinds = (kinds + ["figure"] * count)[:count]
    rng.shuffle(kinds)
    return kinds


def make_sections(writer: Writer, briefing_id: str) -> list[dict]:
    rng = writer.rng
    titles = sorted(rng.sample(SECTION_TITLES[1:-1], rng.randint(10, 14)), key=SECTION_TITLES.index)
    titles = ["Introduction", *titles, "Conclusion"]
    sections = []
    for position, title in enumerate(titles, start=1):
        section_id = f"{briefing_id}-s{position:02d}-{slugify(title)}"
        sections.append(
            {
                "id": section_id,
                "title": title,
                "number": str(position),
                "summary": writer.paragraph(40, 70, writer.country(), writer.sector(), rng.choice(MAIN_ACTORS)),
            }
        )
        # A few chapters have numbered subsections, as real reports do.
        if rng.random() < 0.3 and title not in ("Introduction", "Conclusion"):
            for sub in range(1, rng.randint(2, 4)):
                sub_title = f"{title}: {capfirst(writer.sector_words(writer.sector()))}"
                sections.append(
                    {
                        "id": f"{section_id}-{sub}",
                        "title": sub_title,
                        "number": f"{position}.{sub}",
                        "parent": section_id,
                        "summary": writer.paragraph(30, 60, writer.country(), writer.sector(), "lac"),
                    }
                )
    return sections


def make_item(writer: Writer, kind: str, number: int, briefing_id: str, section_id: str, state: dict) -> dict:
    rng = writer.rng
    country = writer.country()
    sector = writer.sector()
    actor = rng.choice(MAIN_ACTORS)
    place = COUNTRIES[country]
    words = writer.sector_words(sector)
    extra: dict[str, object] = {}
    if kind == "recommendation":
        parent = state.get("last_rec")
        if parent and rng.random() < 0.35:
            state["sub"] += 1
            extra["number"] = f"{state['rec_number']}{chr(64 + min(state['sub'], 26))}"
            extra["parent"] = parent
        else:
            state["rec_number"] += 1
            state["sub"] = 0
            extra["number"] = str(state["rec_number"])
        title = f"{rng.choice(REC_VERBS)} {writer.pick(TOPICS)} with {place}"
        extra["proposals"] = [writer.sentence(country, sector, actor) for _ in range(rng.randint(1, 4))]
        extra["addressed_to"] = sorted(set(rng.sample(MAIN_ACTORS[:5], rng.randint(1, 2))))
    elif kind == "obstacle":
        title = f"{capfirst(writer.pick(OBSTACLES))} in {place}"
    elif kind == "opportunity":
        title = f"{capfirst(words)} in {place}"
    elif kind == "case-study":
        company = writer.pick(COMPANIES)
        title = f"{company} and {words} in {place}"
        start = rng.randint(1990, 2022)
        extra["companies"] = [company]
        extra["institutions"] = [writer.pick(INSTITUTIONS).removeprefix("the ")]
        extra["years"] = [str(start)] if rng.random() < 0.6 else [f"{start}-{start + rng.randint(1, 5)}"]
    elif kind == "initiative":
        name = f"{ACTORS[actor]}-{place} {writer.pick(TOPICS).title()} {rng.choice(MECHANISMS).title()}"
        acronym = "".join(word[0] for word in re.findall(r"[A-Za-z]+", name) if word[0].isupper())[:6]
        extra["name"] = name
        extra["acronym"] = acronym
        extra["partners"] = rng.sample(INSTITUTIONS, rng.randint(1, 3))
        extra["year"] = str(rng.randint(1990, 2024))
        title = f"{acronym}: {words} cooperation with {place}"
    elif kind == "figure":
        year = str(rng.randint(2000, 2024))
        value = writer.amount()
        extra["value"] = value
        extra["unit"] = "percent" if value.endswith("%") else ("US dollars" if "$" in value else "")
        extra["measures"] = (
            f"{capfirst(writer.pick(TOPICS))} of {writer.actor_name(actor)} in {place} in {year}, "
            f"as a {'stock' if rng.random() < 0.5 else 'flow'} in {words}."
        )
        extra["year"] = year
        title = f"{ACTORS[actor]} {writer.pick(TOPICS)} in {place} ({year})"
    else:  # approach
        actor = rng.choice(["us", "japan", "china", "lac", "eu", "korea"])
        theme = rng.choice(THEMES)
        extra["actor"] = actor
        extra["theme"] = theme
        title = f"{ACTORS[actor]}: {with_article(rng.choice(ADJECTIVES))} approach to {theme.lower()}"
        state["approaches"].setdefault((theme, actor), []).append(f"{briefing_id}-{KIND_ABBR[kind]}-{number:06d}")
    item_id = f"{briefing_id}-{KIND_ABBR[kind]}-{number:06d}"
    if kind == "recommendation" and "parent" not in extra:
        state["last_rec"] = item_id

    countries = sorted({country, *(writer.country() for _ in range(rng.randint(0, 2)))})
    if rng.random() < 0.2:
        countries = sorted({*countries, rng.choice(PARTNERS)})
    item: dict[str, object] = {
        "id": item_id,
        "kind": kind,
        "title": title,
        "summary": writer.paragraph(100, 180, country, sector, actor),
        "source": {"document": briefing_id, "section": section_id, "page": str(rng.randint(1, 120))},
        "countries": countries,
        "actors": sorted({actor, *rng.sample(MAIN_ACTORS, rng.randint(0, 1))}),
        "sectors": sorted({sector, *(writer.sector() for _ in range(rng.randint(0, 2)))}),
        "tags": sorted({slugify(writer.pick(TOPICS)) for _ in range(rng.randint(0, 3))}),
    }
    item.update(extra)
    if rng.random() < 0.25:
        item["body"] = (
            writer.paragraph(40, 90, country, sector, actor)
            + "\n\n"
            + "\n".join(f"- {writer.sentence(country, sector, actor)}" for _ in range(rng.randint(2, 4)))
        )
    earlier = state["ids"]
    if earlier and rng.random() < 0.5:
        item["related"] = sorted(set(rng.sample(earlier[-400:], min(len(earlier[-400:]), rng.randint(1, 3)))))
    if rng.random() < 0.1:
        item["quote"] = {
            "text": writer.sentence(country, sector, actor),
            "attribution": f"{rng.choice(GIVEN)} {rng.choice(SURNAMES)}, p. {rng.randint(1, 120)}",
        }
    if rng.random() < 0.1:
        item["notes"] = [f"The document cites {writer.pick(INSTITUTIONS)} ({rng.randint(2000, 2024)}) for this point."]
    earlier.append(item_id)
    return item


ITEM_KEY_ORDER = [
    "id",
    "kind",
    "number",
    "parent",
    "name",
    "acronym",
    "actor",
    "theme",
    "title",
    "value",
    "unit",
    "measures",
    "year",
    "summary",
    "body",
    "source",
    "addressed_to",
    "actors",
    "countries",
    "sectors",
    "tags",
    "companies",
    "institutions",
    "years",
    "partners",
    "proposals",
    "related",
    "quote",
    "notes",
]


def item_toml(item: dict) -> str:
    return toml_table("[[items]]", {key: item[key] for key in ITEM_KEY_ORDER if key in item})


def generate(items: int, out: Path, seed: int = 20241123) -> dict:
    """Write the pack; return a summary (briefings, files, items)."""
    rng = random.Random(f"{seed}:{items}")
    writer = Writer(rng)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    briefing_count = max(3, round(items / ITEMS_PER_BRIEFING))
    per_briefing = [
        items // briefing_count + (1 if index < items % briefing_count else 0) for index in range(briefing_count)
    ]
    state: dict = {"ids": [], "approaches": {}}
    files = 0
    briefing_ids = []
    for index, count in enumerate(per_briefing, start=1):
        briefing_id = f"syn{index:02d}"
        briefing_ids.append(briefing_id)
        folder = out / briefing_id
        folder.mkdir()
        actor = rng.choice(["us", "japan", "china", "lac"])
        topic = writer.pick(TOPICS)
        source = {
            "id": briefing_id,
            "title": f"{capfirst(writer.actor_name(actor))} and Latin America: {capfirst(topic)} in a Changing Order",
            "publisher": rng.choice(PUBLISHERS),
            "authors": [f"{rng.choice(GIVEN)} {rng.choice(SURNAMES)}" for _ in range(rng.randint(1, 3))],
            "date": f"{rng.choice(MONTHS)} {rng.randint(2013, 2024)}",
            "url": f"https://example.org/reports/{briefing_id}",
            "perspective": rng.choice(PERSPECTIVES),
            "kind": rng.choice(["report", "policy brief", "journal article", "monograph"]),
            "summary": writer.paragraph(120, 200, writer.country(), writer.sector(), actor),
        }
        sections = make_sections(writer, briefing_id)
        text = f"# Synthetic briefing {briefing_id} (benchmarks/generate.py); not real content.\n\n"
        text += toml_table("[source]", source) + "\n"
        text += "\n".join(toml_table("[[sections]]", section) for section in sections)
        (folder / "source.toml").write_text(text, encoding="utf-8")
        files += 1

        state.update(last_rec=None, rec_number=0, sub=0, ids=[])
        kinds = kind_sequence(rng, count)
        section_ids = [section["id"] for section in sections]
        for start in range(0, count, ITEMS_PER_FILE):
            chunk = []
            for offset, kind in enumerate(kinds[start : start + ITEMS_PER_FILE]):
                # Items follow the document order: section by section through the file.
                position = (start + offset) * len(section_ids) // count
                chunk.append(make_item(writer, kind, start + offset + 1, briefing_id, section_ids[position], state))
            body = "\n".join(item_toml(item) for item in chunk)
            name = f"items-{start // ITEMS_PER_FILE + 1:03d}.toml"
            (folder / name).write_text(f"# Items of {briefing_id}, part {name[6:9]}.\n\n{body}", encoding="utf-8")
            files += 1

    themes = []
    for theme in THEMES:
        cells = []
        for actor in ["us", "japan", "china", "lac"]:
            evidence = state["approaches"].get((theme, actor), [])[:3]
            if evidence:
                briefings = sorted({item_id.split("-")[0] for item_id in evidence})
                cells.append(
                    toml_table(
                        "[[themes.cells]]",
                        {
                            "actor": actor,
                            "stance": writer.paragraph(40, 70, writer.country(), writer.sector(), actor),
                            "instruments": rng.sample(INSTRUMENTS, 2),
                            "evidence": evidence,
                            "sources": briefings,
                            "contrast": f"Relies on {writer.pick(INSTRUMENTS)} more than the others.",
                        },
                    )
                )
            else:
                cells.append(
                    toml_table(
                        "[[themes.cells]]",
                        {
                            "actor": actor,
                            "stance": "None of the documents characterizes this actor here.",
                            "silent": True,
                        },
                    )
                )
        header = toml_table(
            "[[themes]]",
            {"id": slugify(theme), "title": theme, "summary": f"How each actor approaches {theme.lower()}."},
        )
        themes.append(header + "\n" + "\n".join(cells))
    (out / "comparison.toml").write_text("\n".join(themes), encoding="utf-8")
    files += 1
    return {"items": items, "briefings": len(briefing_ids), "files": files}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", type=int, required=True, help="how many items to write")
    parser.add_argument("--out", type=Path, required=True, help="the pack folder (replaced if it exists)")
    parser.add_argument("--seed", type=int, default=20241123)
    parser.add_argument("--check", action="store_true", help="load and validate the pack afterwards")
    args = parser.parse_args(argv)
    if args.items < 1:
        parser.error("--items must be at least 1")
    summary = generate(args.items, args.out, args.seed)
    print(f"wrote {summary['items']} items in {summary['briefings']} briefings, {summary['files']} files: {args.out}")
    if args.check:
        from briefing_tui.core.content import ContentError, load_library

        try:
            library = load_library([args.out], use_cache=False)
        except ContentError as error:
            print(error, file=sys.stderr)
            return 2
        print(f"valid: {len(library.items)} items, {len(library.briefings)} briefings, {len(library.themes)} themes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
