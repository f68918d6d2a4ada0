#!/usr/bin/env python3
"""Turn the hand-written mention lists (in document order) into gold JSONL.

Each mention is found at the first occurrence of its surface text after the
end of the previous mention, so the lists must follow the text; the script
only locates spans that were chosen by hand and never proposes any.
"""
import json, os, sys

def D(t, v): return ("date", t, v)
def M(t, a, c, mx=None):
    v = {"amount": a, "currency": c}
    if mx is not None: v = {"amount": a, "amountMax": mx, "currency": c}
    return ("money", t, v)
def P(t, name, acr=None):
    v = {"name": name}
    if acr: v["acronym"] = acr
    return ("program", t, v)
def X(t, name, year=None, edition=None):
    v = {"name": name}
    if year: v["year"] = year
    if edition: v["edition"] = edition
    return ("exercise", t, v)
def SKIP(t): return ("skip", t, None)  # move past a parenthesized acronym, not a mention
def C(t, name, code): return ("party", t, {"name": name, "type": "country", "code": code})
def O(t, name=None, acr=None):
    v = {"name": name or t, "type": "organization"}
    if acr: v["acronym"] = acr
    return ("party", t, v)

NO, SE, FI = C("Norway","Norway","NO"), C("Sweden","Sweden","SE"), C("Finland","Finland","FI")
NATO = O("NATO", "North Atlantic Treaty Organization", "NATO")
STORTING = O("Storting")
DOCS = {}
DOCS["001_nordic_security_brief"] = [
    D("12 September 2024", "2024-09-12"),
    X("Nordic Response 24", "Nordic Response", 2024),
    D("4 and 15 March", "2024-03-04/2024-03-15"),
    NO, SE, FI,
    X("Cold Response", "Cold Response"),
    X("Cold Response 2022", "Cold Response", 2022),
    X("Nordic Response 24", "Nordic Response", 2024),
    NATO,
    X("Steadfast Defender 24", "Steadfast Defender", 2024),
    D("January to May", "2024-01/2024-05"),
    SE,
    O("North Atlantic Treaty Organization", "North Atlantic Treaty Organization", "NATO"),
    D("7 March", "2024-03-07"),
    FI,
    D("April 4, 2023", "2023-04-04"),
    O("US Marine Corps"),
    O("Royal Netherlands Marine Corps"),
    O("Royal Marines"),
    O("Finnish Defence Forces"),
    O("US Army"),
    X("Arctic Edge 2024", "Arctic Edge", 2024),
    D("February", "2024-02"),
    D("March", "2024-03"),
    P("Supplementary Defence Cooperation Agreement", "Supplementary Defence Cooperation Agreement", "SDCA"),
    D("April 2021", "2021-04"),
    STORTING,
    D("June 2022", "2022-06"),
    P("SDCA", "Supplementary Defence Cooperation Agreement", "SDCA"),
    D("June", "2024-06"),
    STORTING,
    M("NOK 600 billion", 600000000000, "NOK"),
    NO, NATO,
    O("Kongsberg Defence & Aerospace"),
    M("1.2 billion kroner", 1200000000, "NOK"),
    O("Ministry of Defence"),
    M("kr 350 million", 350000000, "NOK"),
    O("BAE Systems Hägglunds"),
    C("Denmark", "Denmark", "DK"),
    M("DKK 143 billion", 143000000000, "DKK"),
    M("€19.2 billion", 19200000000, "EUR"),
    P("Nansen Support Programme for Ukraine", "Nansen Support Programme for Ukraine"),
    D("2023", "2023"),
    M("NOK 75 billion", 75000000000, "NOK"),
    D("2023-2027", "2023/2027"),
    M("NOK 135 billion", 135000000000, "NOK"),
    D("2024", "2024"),
    D("2030", "2030"),
    O("European Union"),
    P("European Peace Facility", "European Peace Facility"),
    NO,
    C("Ukraine", "Ukraine", "UA"),
    M("$1.6bn", 1600000000, "USD"),
    P("International Fund for Ukraine", "International Fund for Ukraine"),
    C("United Kingdom", "United Kingdom", "GB"),
    D("FY2024", "FY2024"),
    D("November 19–20", "2024-11-19/2024-11-20"),
    X("Cold Response", "Cold Response"),
    D("March 2026", "2026-03"),
    C("Iceland", "Iceland", "IS"),
    D("December", "2024-12"),
]
IDB = O("IDB", "Inter-American Development Bank", "IDB")
IDBFULL = O("Inter-American Development Bank")
CO, MX, BR = C("Colombia","Colombia","CO"), C("Mexico","Mexico","MX"), C("Brazil","Brazil","BR")
DOCS["002_idb_energy_press_release"] = [
    IDB, M("$500 million", 500000000, "USD"), CO,
    D("Nov. 28, 2024", "2024-11-28"),
    O("Inter-American Development Bank", "Inter-American Development Bank", "IDB"),
    M("$500 million", 500000000, "USD"), CO,
    D("October 2022", "2022-10"), D("FY2025", "FY2025"), D("FY2026", "FY2026"),
    M("COP 1.8 trillion", 1800000000000, "COP"), M("US$450 million", 450000000, "USD"), CO,
    IDB, D("2015", "2015"),
    O("Development Bank of Latin America and the Caribbean", "Development Bank of Latin America and the Caribbean", "CAF"),
    M("€120 million", 120000000, "EUR"),
    O("Spanish Agency for International Development Cooperation", "Spanish Agency for International Development Cooperation", "AECID"),
    M("US$ 38,500,000", 38500000, "USD"),
    D("10–13 July", "2024-07-10/2024-07-13"),
    O("IDB Invest"),
    M("R$2.5 billion", 2500000000, "BRL"),
    P("Eco Invest Brasil", "Eco Invest Brasil"),
    BR, O("National Treasury"), D("February 2024", "2024-02"),
    M("MXN 3,200 million", 3200000000, "MXN"), M("$160 million", 160000000, "USD"),
    O("Nacional Financiera"), MX,
    P("Pacific Corridor", "Pacific Corridor"),
    MX, C("Panama", "Panama", "PA"),
    O("Central American Bank for Economic Integration", "Central American Bank for Economic Integration", "CABEI"),
    SKIP("(CABEI)"),
    O("CABEI", "Central American Bank for Economic Integration", "CABEI"),
    M("$1.2-1.5 billion", 1200000000, "USD", 1500000000),
    D("2024–2028", "2024/2028"),
    X("Tradewinds 2024", "Tradewinds", 2024),
    C("Trinidad and Tobago", "Trinidad and Tobago", "TT"),
    O("US Southern Command"),
    D("April", "2024-04"), D("May", "2024-05"), D("2025", "2025"),
    CO, D("2030", "2030"),
    P("Paris Agreement", "Paris Agreement"),
    IDB, P("Amazonia Forever", "Amazonia Forever"),
    D("2023", "2023"), D("March 2024", "2024-03"),
    M("$1 billion", 1000000000, "USD"),
    BR, C("Peru", "Peru", "PE"), C("Ecuador", "Ecuador", "EC"),
    IDB, IDBFULL,
    D("1959", "1959"), IDB,
]
SN = C("Senegal", "Senegal", "SN")
IMF = O("IMF", "International Monetary Fund", "IMF")
BCEAO = O("BCEAO", "Central Bank of West African States", "BCEAO")
DOCS["003_senegal_budget_aid_note"] = [
    D("15/01/2025", "2025-01-15"),
    SN, D("2025", "2025"), O("National Assembly"), D("28 December 2024", "2024-12-28"),
    M("6,395 billion CFA francs", 6395000000000, "XOF"), M("€9.7 billion", 9700000000, "EUR"),
    D("2019 and 2023", "2019/2023"),
    IMF, D("June 2023", "2023-06"),
    P("Extended Fund Facility", "Extended Fund Facility", "EFF"),
    P("Extended Credit Facility", "Extended Credit Facility", "ECF"),
    M("$1.8 billion", 1800000000, "USD"),
    M("FCFA 140 billion", 140000000000, "XOF"),
    D("first half of 2025", "2025-H1"),
    O("World Bank"), M("$300 million", 300000000, "USD"), D("Q4 2024", "2024-Q4"),
    O("African Development Bank", "African Development Bank", "AfDB"),
    M("XOF 65 billion", 65000000000, "XOF"),
    O("Millennium Challenge Corporation"),
    P("Senegal Power Compact", "Senegal Power Compact"),
    M("$550 million", 550000000, "USD"), D("December 2018", "2018-12"), D("2021", "2021"),
    D("September 2026", "2026-09"),
    O("Senelec"), O("MCC", "Millennium Challenge Corporation", "MCC"),
    C("Côte d'Ivoire", "Côte d'Ivoire", "CI"), D("2025", "2025"),
    M("15,339.5 billion CFA francs", 15339500000000, "XOF"),
    O("Central Bank of West African States", "Central Bank of West African States", "BCEAO"),
    D("December 2024", "2024-12"),
    O("Economic Community of West African States", "Economic Community of West African States", "ECOWAS"),
    C("Mali", "Mali", "ML"), C("Burkina Faso", "Burkina Faso", "BF"), C("Niger", "Niger", "NE"),
    D("January 28, 2024", "2024-01-28"),
    O("Alliance of Sahel States"),
    M("XOF 22 billion", 22000000000, "XOF"),
    O("Senegalese Navy"),
    X("Obangame Express 2025", "Obangame Express", 2025),
    C("US", "United States", "US"),
    D("2011", "2011"),
    X("Grand African NEMO", "Grand African NEMO"),
    D("October 2024", "2024-10"),
    C("Ghana", "Ghana", "GH"), C("Nigeria", "Nigeria", "NG"),
    P("Yaoundé Code of Conduct", "Yaoundé Code of Conduct"),
    D("2013", "2013"), D("2025", "2025"),
    P("Greater Tortue Ahmeyim", "Greater Tortue Ahmeyim"),
    C("Mauritania", "Mauritania", "MR"),
    D("second quarter of 2025", "2025-Q2"),
    IMF, D("H2 2025", "2025-H2"),
    O("Ministry of Finance and Budget"), IMF, D("December 2024", "2024-12"),
    BCEAO, D("2024", "2024"),
]
KZ, CN, JO = C("Kazakhstan","Kazakhstan","KZ"), C("China","China","CN"), C("Jordan","Jordan","JO")
CAW = O("CAW", "CAW", "CAW")
DOCS["004_central_asia_gulf_wire"] = [
    O("CENTRAL ASIA & GULF WIRE", "Central Asia & Gulf Wire"),
    D("21 May 2024", "2024-05-21"),
    D("May 21", "2024-05-21"), CAW,
    KZ, CN, M("$4.5 billion", 4500000000, "USD"),
    P("Trans-Caspian International Transport Route", "Trans-Caspian International Transport Route", "TITR"),
    SKIP("(TITR)"),
    P("TITR", "Trans-Caspian International Transport Route", "TITR"),
    D("2023", "2023"),
    O("Kazakhstan Temir Zholy"),
    M("1.2 trillion tenge", 1200000000000, "KZT"), M("$2.7 billion", 2700000000, "USD"),
    D("2027", "2027"),
    CN, P("Belt and Road Initiative", "Belt and Road Initiative", "BRI"),
    D("2014", "2014"),
    M("2.9 trillion tenge", 2900000000000, "KZT"),
    D("2024-2026", "2024/2026"),
    M("KZT 2 trillion", 2000000000000, "KZT"),
    P("National Fund of the Republic of Kazakhstan", "National Fund of the Republic of Kazakhstan"),
    O("Asian Development Bank"),
    M("$110 million", 110000000, "USD"),
    P("Central Asia Regional Economic Cooperation Program", "Central Asia Regional Economic Cooperation Program", "CAREC"),
    X("Steppe Eagle-2024", "Steppe Eagle", 2024),
    D("August", "2024-08"),
    C("United Kingdom", "United Kingdom", "GB"), C("U.S.", "United States", "US"), C("Türkiye", "Türkiye", "TR"),
    D("2003", "2003"), D("summer of 2023", "2023-SU"),
    CAW,
    D("May 21", "2024-05-21"), CAW,
    JO, X("Eager Lion 2024", "Eager Lion", 2024),
    C("United States", "United States", "US"),
    O("Jordan Armed Forces-Arab Army"),
    D("May 19 to 30", "2024-05-19/2024-05-30"),
    O("U.S. Agency for International Development", "U.S. Agency for International Development", "USAID"),
    M("$845.1 million", 845100000, "USD"),
    D("fiscal year 2024", "FY2024"),
    P("U.S.-Jordan Memorandum of Understanding", "U.S.-Jordan Memorandum of Understanding"),
    M("$1.45 billion", 1450000000, "USD"),
    D("FY2023 through FY2029", "FY2023/FY2029"),
    JO, D("2024", "2024"),
    M("JD 12.4 billion", 12400000000, "JOD"),
    M("2.1 billion dinars", 2100000000, "JOD"),
    IMF, JO, P("Extended Fund Facility", "Extended Fund Facility"),
    D("March 20", "2024-03-20"),
    M("$130 million", 130000000, "USD"),
    D("May 21", "2024-05-21"), CAW,
    O("Abu Dhabi Fund for Development"),
    M("AED 1.1 billion", 1100000000, "AED"), M("$300 million", 300000000, "USD"),
    C("Uzbekistan", "Uzbekistan", "UZ"),
    C("Saudi Arabia", "Saudi Arabia", "SA"),
    O("ACWA Power"),
    M("SAR 18.75 billion", 18750000000, "SAR"),
    C("Qatar", "Qatar", "QA"), C("Oman", "Oman", "OM"),
    O("Gulf Cooperation Council", "Gulf Cooperation Council", "GCC"),
    D("fourth quarter of 2024", "2024-Q4"),
]

base = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
ok = True
for doc, ms in DOCS.items():
    text = open(os.path.join(base, "articles", doc + ".txt"), encoding="utf-8", errors="replace", newline="").read()
    pos, out = 0, []
    for kind, surf, val in ms:
        i = text.find(surf, pos)
        if i < 0:
            print(f"{doc}: not found after {pos}: {kind} {surf!r}"); ok = False; continue
        assert text[i:i+len(surf)] == surf
        if kind == "skip":
            pos = i + len(surf); continue
        out.append({"doc": doc, "kind": kind, "start": i, "end": i + len(surf), "text": surf, "value": val})
        pos = i + len(surf)
    with open(os.path.join(base, "gold", doc + ".jsonl"), "w", encoding="utf-8") as f:
        for r in out:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(doc, len(out), "mentions")
sys.exit(0 if ok else 1)
