"""Controlled vocabularies: kinds, actors, sectors and countries.

Content refers to these by slug, so filters work (``country:brazil``) and a typo
in a content file is caught at load time instead of silently hiding an item.
"""

from __future__ import annotations

from typing import Final

KINDS: Final[dict[str, str]] = {
    "recommendation": "Recommendation",
    "obstacle": "Obstacle",
    "opportunity": "Opportunity",
    "case-study": "Case study",
    "initiative": "Initiative",
    "figure": "Key figure",
    "approach": "Approach",
}
"""Item kinds in display order, slug -> label."""

KIND_PLURALS: Final[dict[str, str]] = {
    "recommendation": "Recommendations",
    "obstacle": "Obstacles",
    "opportunity": "Opportunities",
    "case-study": "Case studies",
    "initiative": "Initiatives",
    "figure": "Key figures",
    "approach": "Approaches",
}


def count_of(count: int, kind: str) -> str:
    """ "1 obstacle", "12 obstacles", "6 opportunities": a count of items of a kind, in English."""
    return f"{count} {(KINDS if count == 1 else KIND_PLURALS).get(kind, kind).lower()}"


ACTORS: Final[dict[str, str]] = {
    "us": "United States",
    "japan": "Japan",
    "china": "China",
    "lac": "Latin America & Caribbean",
    "multilateral": "Multilateral",
    "korea": "South Korea",
    "eu": "European Union",
    "private-sector": "Private sector",
}
"""Actors whose approaches the briefings characterize, slug -> label."""

SECTORS: Final[dict[str, str]] = {
    "digital": "Digital economy & ICT",
    "telecom": "Telecoms, 5G & cables",
    "ai": "Artificial intelligence",
    "smart-cities": "Smart cities",
    "cybersecurity": "Cybersecurity",
    "space": "Space & satellites",
    "energy": "Energy",
    "renewables": "Renewable energy",
    "hydrogen": "Hydrogen",
    "critical-minerals": "Critical minerals",
    "mining": "Mining",
    "semiconductors": "Semiconductors",
    "infrastructure": "Infrastructure",
    "transport": "Transport & logistics",
    "agriculture": "Agriculture",
    "food": "Food & food security",
    "fisheries": "Fisheries & aquaculture",
    "health": "Health",
    "finance": "Finance & investment",
    "trade": "Trade",
    "manufacturing": "Manufacturing",
    "automotive": "Automotive",
    "environment": "Environment & climate",
    "disaster-risk": "Disaster risk",
    "education": "Education & capacity building",
    "governance": "Governance, standards & rules",
    "security": "Economic security",
    "tourism": "Tourism",
    "water": "Water & sanitation",
}
"""Sectors, slug -> label."""

COUNTRIES: Final[dict[str, str]] = {
    # Latin America and the Caribbean
    "antigua-and-barbuda": "Antigua and Barbuda",
    "argentina": "Argentina",
    "bahamas": "Bahamas",
    "barbados": "Barbados",
    "belize": "Belize",
    "bolivia": "Bolivia",
    "brazil": "Brazil",
    "chile": "Chile",
    "colombia": "Colombia",
    "costa-rica": "Costa Rica",
    "cuba": "Cuba",
    "dominica": "Dominica",
    "dominican-republic": "Dominican Republic",
    "ecuador": "Ecuador",
    "el-salvador": "El Salvador",
    "grenada": "Grenada",
    "guatemala": "Guatemala",
    "guyana": "Guyana",
    "haiti": "Haiti",
    "honduras": "Honduras",
    "jamaica": "Jamaica",
    "mexico": "Mexico",
    "nicaragua": "Nicaragua",
    "panama": "Panama",
    "paraguay": "Paraguay",
    "peru": "Peru",
    "saint-kitts-and-nevis": "Saint Kitts and Nevis",
    "saint-lucia": "Saint Lucia",
    "saint-vincent-and-the-grenadines": "Saint Vincent and the Grenadines",
    "suriname": "Suriname",
    "trinidad-and-tobago": "Trinidad and Tobago",
    "uruguay": "Uruguay",
    "venezuela": "Venezuela",
    # Partners and others named in the briefings
    "united-states": "United States",
    "japan": "Japan",
    "china": "China",
    "south-korea": "South Korea",
    "taiwan": "Taiwan",
    "india": "India",
    "australia": "Australia",
    "canada": "Canada",
    "new-zealand": "New Zealand",
    "singapore": "Singapore",
    "malaysia": "Malaysia",
    "vietnam": "Vietnam",
    "brunei": "Brunei",
    "thailand": "Thailand",
    "indonesia": "Indonesia",
    "philippines": "Philippines",
    "european-union": "European Union",
    "spain": "Spain",
    "portugal": "Portugal",
    "germany": "Germany",
    "france": "France",
    "united-kingdom": "United Kingdom",
    "italy": "Italy",
    "netherlands": "Netherlands",
    "russia": "Russia",
    "africa": "Africa",
}
"""Countries (and a few regions) named in the briefings, slug -> name."""

LAC_COUNTRIES: Final[frozenset[str]] = frozenset(list(COUNTRIES)[:33])
"""The slugs of Latin American and Caribbean countries."""

COMPARISON_ACTORS: Final[tuple[str, ...]] = ("us", "japan", "china", "lac")
"""Column order of the comparison screen; LAC is shown only where the content has it."""


def label(vocabulary: dict[str, str], slug: str) -> str:
    """The display label of a slug, falling back to the slug itself."""
    return vocabulary.get(slug, slug)


def fold(text: str) -> str:
    """Lowercase without accents: "México" -> "mexico", "Colômbia" -> "colombia" (what matching compares)."""
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


COUNTRY_ALIASES: Final[dict[str, str]] = {
    # Spanish and Portuguese names officials in the region write every day, folded (no accents).
    "antigua y barbuda": "antigua-and-barbuda",
    "antigua e barbuda": "antigua-and-barbuda",
    "bahamas": "bahamas",
    "belice": "belize",
    "brasil": "brazil",
    "colombia": "colombia",
    "cuba": "cuba",
    "republica dominicana": "dominican-republic",
    "equador": "ecuador",
    "granada": "grenada",
    "guiana": "guyana",
    "guayana": "guyana",
    "haiti": "haiti",
    "jamaica": "jamaica",
    "mejico": "mexico",
    "nicaragua": "nicaragua",
    "paraguai": "paraguay",
    "san cristobal y nieves": "saint-kitts-and-nevis",
    "santa lucia": "saint-lucia",
    "san vicente y las granadinas": "saint-vincent-and-the-grenadines",
    "surinam": "suriname",
    "trinidad y tobago": "trinidad-and-tobago",
    "trinidad e tobago": "trinidad-and-tobago",
    "uruguai": "uruguay",
    "estados unidos": "united-states",
    "eeuu": "united-states",
    "eua": "united-states",
    "japon": "japan",
    "japao": "japan",
    "corea del sur": "south-korea",
    "coreia do sul": "south-korea",
    "corea": "south-korea",
    "coreia": "south-korea",
    "taiwan": "taiwan",
    "canada": "canada",
    "nueva zelanda": "new-zealand",
    "nova zelandia": "new-zealand",
    "singapur": "singapore",
    "singapura": "singapore",
    "malasia": "malaysia",
    "vietna": "vietnam",
    "tailandia": "thailand",
    "filipinas": "philippines",
    "union europea": "european-union",
    "uniao europeia": "european-union",
    "espana": "spain",
    "espanha": "spain",
    "alemania": "germany",
    "alemanha": "germany",
    "francia": "france",
    "franca": "france",
    "reino unido": "united-kingdom",
    "italia": "italy",
    "paises bajos": "netherlands",
    "paises baixos": "netherlands",
    "holanda": "netherlands",
    "rusia": "russia",
    "russia": "russia",
    "africa": "africa",
    "mexico": "mexico",
    "peru": "peru",
    "panama": "panama",
}
"""Spanish and Portuguese country names (folded, space-separated) -> country slug, for words and ``country:``."""
