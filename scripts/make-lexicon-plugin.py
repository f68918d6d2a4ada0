#!/usr/bin/env python3
"""Writes a manifest-only plugin with an N-name lexicon of organizations.

    scripts/make-lexicon-plugin.py N DIR

DIR gets manifest.yaml (kind `company`, the core `lookup` normalizer) and companies.tsv:
N distinct, synthetic but realistic multi-word names ("Kessler Maritime Logistics Ltd",
"Banco Andino de Fomento", "Northern Rift Power-Grid Holdings"), a tenth of them with an
acronym alias. The names are seeded, so the same N always gives the same plugin. Used to
measure how lexicon size affects loading and scanning (docs/performance.md, Benchmarks/).
"""
import os
import random
import sys

LEADS = """Aldgate Almaty Amber Andean Apex Arctic Ardent Ashford Atlas Aurora Baltic Banyan Bayside
Beacon Bengal Birch Blackstone Bluewater Bosphorus Brightwater Cairn Caledonian Cambrian Canopy
Cascade Cedar Celtic Central Coastal Cobalt Colombo Condor Copper Coral Crescent Danube Delta
Eastern Emerald Equator Evergreen Falcon Fjord Frontier Galway Ganges Granite Gulf Harbour Highland
Himalayan Horizon Indus Iron Island Jade Jubilee Kalahari Keystone Kestrel Kinetic Lagos Lakeside
Liberty Lotus Lumen Madras Malabar Mekong Meridian Mesa Midland Monsoon Nairobi Nile Nordic Northern
Oakridge Oceanic Orion Pacific Pampas Pearl Pinnacle Polar Prairie Quantum Rainier Redwood Riverside
Sahara Saffron Sapphire Savanna Sentinel Sierra Silverline Solstice Southern Sterling Summit Sunrise
Tasman Terra Thames Tundra Union Valley Vanguard Vega Vertex Volga Western Zambezi Zenith""".split()

SURNAMES = """Abara Adeyemi Agarwal Ahmadi Albrecht Alvarez Amari Andersen Arora Bakshi Banerjee Becker
Bergstrom Bhatt Castillo Chandra Chen Choudhury Dasgupta Delacroix Desai Dubois Eriksen Fernandes
Fischer Fujimoto Gallagher Ghosh Gonzaga Gupta Haddad Hartmann Hashimoto Iyer Jansen Joshi Kapoor
Kessler Khanna Kimura Kowalski Krishnan Lindqvist Mahmoud Mehta Menon Moreau Murakami Nakamura Naidu
Nguyen Novak Okafor Olsen Osei Pereira Petrov Pillai Quispe Rahman Rao Reddy Rossi Saito Santos
Schneider Sethi Shah Silva Singh Sorensen Suzuki Tanaka Thakur Varga Verma Wagner Watanabe Yamada
Yilmaz Zhou""".split()

SECTORS = """Aerospace Agritech Analytics Aquaculture Automotive Aviation Biologics Biotech Cables
Capital Cement Ceramics Chemicals Coatings Commodities Composites Construction Consulting Dairy
Datacom Diagnostics Drilling Electricals Electronics Energy Engineering Fertilisers Fibre Finance
Fisheries Forging Foods Forestry Freight Gas Genomics Glassworks Grain Healthcare Hydraulics
Hydropower Infrastructure Infotech Instruments Insurance Investments Irrigation Leasing Logistics
Machinery Marine Maritime Media Metals Microsystems Minerals Mining Motors Networks Nutrition
Optics Packaging Paints Petroleum Pharma Pipelines Plastics Polymers Ports Power Precision Printing
Properties Pulp Railways Realty Refineries Robotics Rubber Satellites Securities Semiconductors
Shipping Shipyards Software Solar Spinning Steel Sugar Telecom Textiles Timber Tobacco Tooling
Transmission Tyres Utilities Vaccines Ventures Water Wind Yarns""".split()

QUALIFIERS = """Advanced Allied Applied Consolidated Continental Cooperative Digital Federal General
Global Integrated International Modern National Premier Regional Renewable Royal Strategic United
Universal""".split()

HEADS = """Ltd Limited Inc Corporation Corp Company Co Group Holdings Industries Enterprises Partners
Associates Trust Foundation Agency Authority Board Council Institute Bank Cooperative Society
Consortium Alliance""".split()

SPANISH = """Banco Compañía Corporación Empresa Fondo Grupo Instituto Sociedad""".split()
SPANISH_TAIL = ["Andino", "Austral", "Central", "Continental", "del Pacífico", "de Fomento",
                "de Inversiones", "Mercantil", "Minero", "Nacional", "Regional", "de Desarrollo", "Agrícola"]


def name(rng):
    shape = rng.random()
    if shape < 0.08:
        return f"{rng.choice(SPANISH)} {rng.choice(LEADS)} {rng.choice(SPANISH_TAIL)}"
    lead = rng.choice(LEADS) if shape < 0.55 else rng.choice(SURNAMES)
    if rng.random() < 0.15:
        lead += " & " + rng.choice(SURNAMES)
    words = [lead]
    if rng.random() < 0.35:
        words.append(rng.choice(QUALIFIERS))
    sector = rng.choice(SECTORS)
    if rng.random() < 0.12:
        sector += "-" + rng.choice(SECTORS)
    words.append(sector)
    if rng.random() < 0.4:
        words.append(rng.choice(SECTORS))
    words.append(rng.choice(HEADS))
    return " ".join(words)


def acronym(text):
    letters = "".join(w[0] for w in text.replace("-", " ").split() if w[0].isupper())
    # An acronym that is also a common word would match ordinary all-caps text.
    return letters if len(letters) >= 3 and letters not in {"THE", "AND", "FOR", "ARE", "BUT", "NOT", "ALL", "CAN"} else None


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: make-lexicon-plugin.py N DIR")
    count, folder = int(sys.argv[1]), sys.argv[2]
    rng = random.Random(20261207)
    names, seen, acronyms = [], set(), set()
    attempts = 0
    while len(names) < count:
        attempts += 1
        if attempts > count * 50:
            sys.exit(f"could not make {count} distinct names")
        text = name(rng)
        if text in seen:
            continue
        seen.add(text)
        alias = acronym(text) if rng.random() < 0.1 else None
        if alias and alias in acronyms:
            alias = None
        if alias:
            acronyms.add(alias)
        names.append((text, f"C{len(names) + 1:06d}", alias or ""))
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "companies.tsv"), "w", encoding="utf-8") as out:
        out.write("name\tid\taliases\n")
        for text, ident, alias in names:
            out.write(f"{text}\t{ident}\t{alias}\n")
    first = names[0][0]
    with open(os.path.join(folder, "manifest.yaml"), "w", encoding="utf-8") as out:
        out.write(f"""# Generated by scripts/make-lexicon-plugin.py {count}: {count} synthetic companies.
id: companies
version: "1.0.0"
kind: company
description: Synthetic companies ({count} names), for measuring lexicon size.
normalizer: lookup
priority: 40              # a company wins over a party (25) of the same span
params:
  lexicon: companies
  column: id
lexicons:
  companies: companies.tsv
rules:
  - id: company
    pattern: '\\b{{@companies}}\\b'
    examples:
      - text: "profits at ⟦{first}⟧ rose."
        values: ["C000001"]
""")


if __name__ == "__main__":
    main()
