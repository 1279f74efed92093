"""Base-year stocks of the Taiyuan, Dandong and Shaoxing scenarios from data up to each base year.

Usage: base_year.py CITY [--write] [--check]

Prints the city totals, the zone table of docs/scenarios.md and the base-year age shares; --write
puts the zone stocks into scenarios/CITY.toml, --check exits 1 if the file's stocks differ from
them (ctest scenario_base_year_stocks_CITY). The inputs below cite their rows (docs/scenarios.md,
"Data citations"); the method is scenarios/data/README.md 3.1 and docs/scenarios.md's city sections.

Method, the same for each city:
- resident urbanization: the city's 2010 census rate carried to the base year with its rural share
  falling at the national pace of 2016-2017 (China,2016|2017,常住人口城镇化率: 42.65% to 41.48% rural),
  unless a city row of the base year exists (Shaoxing);
- registered urbanization: no source gives it; the resident rate times China's ratio of the registered
  to the resident rate in the base year (China,2016|2017 rows), on the registered people who live in
  the city (residents less non-local migrants); population.urban_hukou_factor carries its uncertainty;
- zones: resident shares, relative rural shares and the outsider and urban-hukou rules as listed per
  city (data rows up to the base year where they exist, else assumptions), scaled to the city totals;
- age groups: the city's 2010 census shares moved by the change of 2010-2015 (the 2010 census and the
  2015 1% survey) of its province where both rows exist (Liaoning), else of China, per year, to the
  base year (census and survey dates of 1 November taken as year-end); sex ratio of 2010 held.
"""
import os
import re
import sys

CHINA_RURAL = {2016: 1 - 0.5735, 2017: 1 - 0.5852}                 # China,2016|2017,常住人口城镇化率
CHINA_RATIO = {2016: 41.2 / 57.35, 2017: 42.35 / 58.52}            # China,2016|2017,户籍人口城镇化率 / 常住
# Age shares 0-14 / 15-59 / 60-64 / 65+ (60-64 = 60+ less 65+) of the 2010 census and the 2015 1% survey.
AGE = {"China": {2010: (16.60, 70.14, 13.26 - 8.87, 8.87),          # China,2010,0-14 / 15-59 / 60+ / 65+
                 2015: (16.52, 67.33, 16.15 - 10.47, 10.47)},       # China,2015 (1% sample survey)
       "Liaoning": {2010: (11.42, 73.15, 15.43 - 10.31, 10.31),     # Liaoning,2010 (6th census, province)
                    2015: (10.38, 69.02, 20.6 - 12.82, 12.82)}}     # Liaoning,2015 (1% survey, province)

CITIES = {
    "taiyuan": dict(
        base=2017,
        residents=4379700,                  # Taiyuan,2017,常住人口 (derived 442.14-4.17)
        urban_2010=0.8254,                  # Taiyuan,2010,常住人口城镇化率 (6th census)
        outsiders=None,                     # per zone below
        age_2010=(13.49, 75.40, 3.18, 7.93),  # Taiyuan,2010,0-14 / 15-59 / 60-64 / 65+ (6th census)
        sex_2010=104.97,                    # Taiyuan,2010,性别比
        # zone: (resident share: assumption, 2010 census by district as recalled; relative rural share:
        # assumption; outsiders as a share of town residents: assumption; urban-hukou weight)
        zones={
            "小店区": (0.19071, 0.088, 0.20, 1), "迎泽区": (0.14192, 0.029, 0.20, 1),
            "杏花岭区": (0.15570, 0.049, 0.20, 1), "尖草坪区": (0.09781, 0.137, 0.20, 1),
            "万柏林区": (0.17997, 0.069, 0.20, 1), "晋源区": (0.05275, 0.265, 0.20, 1),
            "清徐县": (0.08007, 0.510, 0.05, 1), "阳曲县": (0.02824, 0.627, 0.05, 1),
            "娄烦县": (0.02404, 0.627, 0.05, 1), "古交市": (0.04879, 0.265, 0.05, 1),
        }),
    "dandong": dict(
        base=2017,
        # Dandong,2010,常住人口 carried 7 years at Liaoning's growth of 2010-2015, 4375.0万 to 4382.4万
        # (Liaoning,2010|2015,常住人口; no Dandong row between the censuses).
        residents=round(2444697 * (43824 / 43750) ** (7 / 5)),
        age_from="Liaoning",
        urban_2010=0.6034,                  # Dandong,2010,常住人口城镇化率 (6th census)
        outsiders=0.02,                     # assumption: 2% of residents (../shared/data/README.md)
        age_2010=(11.08, 72.60, 5.61, 10.72),
        sex_2010=102.9,
        # shares: 东港 Dandong-Donggang,2010 (62.75万 of 244.47万); the other five: assumption, recalled
        # 2010 sizes 元宝 20, 振兴 38, 振安 19, 凤城 58, 宽甸 44万, scaled to the rest. Rural shares:
        # assumption (95% urban 元宝 and 振兴, 50% 振安 and 凤城, 55% 东港, 35% 宽甸); outsiders in
        # proportion to town residents; urban hukou 85 : 62 of local town residents, core : elsewhere.
        zones={
            "元宝区": (20, 0.05, 1, 85), "振兴区": (38, 0.05, 1, 85), "振安区": (19, 0.50, 1, 62),
            "东港市": ("donggang", 0.45, 1, 62), "凤城市": (58, 0.50, 1, 62), "宽甸满族自治县": (44, 0.65, 1, 62),
        }),
    "shaoxing": dict(
        base=2016,
        residents=4988000,                  # Shaoxing,2016,常住人口 (derived 501.0-2.2)
        urban=0.643,                        # Shaoxing,2016,常住人口城镇化率 (derived 65.5-1.2)
        outsiders=0.2073,                   # Shaoxing,2010,市外流入人口 101.85 of 491.22万, held
        age_2010=(12.78, 71.87, 5.41, 9.94),
        sex_2010=101.09,
        # shares: 嵊州 Shaoxing-Shengzhou,2010 (679,762 of 4,912,239); the other five: assumption,
        # recalled 2010 sizes 越城 88.6, 柯桥 (then 绍兴县) 109.6, 上虞 78.0, 诸暨 115.8, 新昌 37.7万,
        # scaled to the rest. Rural shares: assumption (越城 15%, 柯桥 25%, 上虞 40%, the county-level
        # cities and 新昌 45%). Outsiders: assumption, twice as dense among town residents in 越城 and
        # 柯桥 (the old city and the textile market) as elsewhere. Urban hukou: the same share of each
        # zone's local town residents.
        zones={
            "越城区": (88.6, 0.15, 2, 1), "柯桥区": (109.6, 0.25, 2, 1), "上虞区": (78.0, 0.40, 1, 1),
            "诸暨市": (115.8, 0.45, 1, 1), "嵊州市": ("shengzhou", 0.45, 1, 1), "新昌县": (37.7, 0.45, 1, 1),
        }),
}
KNOWN_2010 = {"donggang": (627500, 2444697),    # Dandong-Donggang,2010,常住人口 (derived 56.86+5.89万)
              "shengzhou": (679762, 4912239)}   # Shaoxing-Shengzhou,2010,常住人口; Shaoxing,2010,常住人口


def resident_rate(c):
    if "urban" in c:
        return c["urban"]
    years = c["base"] - 2010
    pace = CHINA_RURAL[2017] / CHINA_RURAL[2016]
    return 1 - (1 - c["urban_2010"]) * pace ** years


def zone_shares(c):
    """Resident shares: known 2010 shares first, the assumed sizes scaled to the rest."""
    known = {z: KNOWN_2010[v[0]][0] / KNOWN_2010[v[0]][1] for z, v in c["zones"].items() if isinstance(v[0], str)}
    rest = {z: v[0] for z, v in c["zones"].items() if not isinstance(v[0], str)}
    left, total = 1 - sum(known.values()), sum(rest.values())
    return {z: known[z] if z in known else left * rest[z] / total for z in c["zones"]}


def stocks(name):
    c = CITIES[name]
    res, rate = c["residents"], resident_rate(c)
    shares = zone_shares(c)
    rural_w = {z: v[1] for z, v in c["zones"].items()}
    # One factor k on every zone's rural share so that the city's rural residents come out.
    k = (1 - rate) * res / sum(shares[z] * res * rural_w[z] for z in shares)
    zres = {z: shares[z] * res for z in shares}
    town = {z: zres[z] * (1 - rural_w[z] * k) for z in shares}
    assert all(t > 0 for t in town.values()), name
    if c["outsiders"] is None:
        out = {z: town[z] * c["zones"][z][2] for z in shares}
    else:
        w = {z: town[z] * c["zones"][z][2] for z in shares}
        out = {z: c["outsiders"] * res * w[z] / sum(w.values()) for z in shares}
    registered_here = res - sum(out.values())
    reg_rate = rate * CHINA_RATIO[c["base"]]
    urban_total = reg_rate * registered_here
    local_town = {z: town[z] - out[z] for z in shares}
    uw = {z: local_town[z] * c["zones"][z][3] for z in shares}
    urban = {z: urban_total * uw[z] / sum(uw.values()) for z in shares}
    zones = {}
    for z in shares:
        u, m = round(urban[z]), round(out[z])
        rt = round(local_town[z] - urban[z])
        rv = round(zres[z] - town[z])
        assert min(u, m, rt, rv) >= 0, (name, z)
        zones[z] = dict(urban_hukou=u, rural_hukou_village=rv, rural_hukou_town=rt, migrants_outside=m)
    return dict(residents=res, resident_rate=rate, registered_rate=reg_rate, registered_here=registered_here,
                outsiders=sum(out.values()), town=sum(town.values()), zones=zones)


def ages(name):
    c = CITIES[name]
    f, ref = (c["base"] - 2010) / 5, AGE[c.get("age_from", "China")]
    a = [c["age_2010"][i] + f * (ref[2015][i] - ref[2010][i]) for i in range(4)]
    a = [round(x / sum(a), 4) for x in a]
    a[1] = round(1 - a[0] - a[2] - a[3], 4)      # 15-59 takes the rounding
    return a


def report(name, s):
    print(f"{name}: residents {s['residents']:,}; resident rate {100 * s['resident_rate']:.2f}%; "
          f"outsiders {s['outsiders']:,.0f}; registered living here {s['registered_here']:,.0f}; "
          f"registered rate {100 * s['registered_rate']:.2f}%; town residents {s['town']:,.0f}")
    print(f"city_age = {ages(name)}; sex_ratio = {CITIES[name]['sex_2010']:.1f}")
    print("| zone | residents | resident rate | registered rate | urban hukou | rural, villages | rural, towns "
          "| migrants |")
    print("|---|---|---|---|---|---|---|---|")
    tot = dict.fromkeys(["urban_hukou", "rural_hukou_village", "rural_hukou_town", "migrants_outside"], 0)
    for z, v in s["zones"].items():
        r = sum(v.values())
        town = v["urban_hukou"] + v["rural_hukou_town"] + v["migrants_outside"]
        reg = v["urban_hukou"] / (v["urban_hukou"] + v["rural_hukou_village"] + v["rural_hukou_town"])
        print(f"| {z} | {r:,} | {100 * town / r:.1f}% | {100 * reg:.1f}% | {v['urban_hukou']:,} | "
              f"{v['rural_hukou_village']:,} | {v['rural_hukou_town']:,} | {v['migrants_outside']:,} |")
        for k in tot:
            tot[k] += v[k]
    print("totals:", {k: f"{v:,}" for k, v in tot.items()})


def zone_blocks(text):
    """(name, start, end) of each [[zones]] block of a scenario file."""
    out = []
    for m in re.finditer(r'^\[\[zones\]\]\nname = "([^"]+)"\n(?:(?!^\[).*\n)*', text, re.M):
        out.append((m.group(1), m.start(), m.end()))
    return out


def apply(text, zones):
    for z, start, end in reversed(zone_blocks(text)):
        block = text[start:end]
        for k, v in zones[z].items():
            block, n = re.subn(rf"^{k} = \d+$", f"{k} = {v}", block, flags=re.M)
            assert n == 1, (z, k)
        text = text[:start] + block + text[end:]
    return text


def main():
    args = sys.argv[1:]
    if not args or args[0] not in CITIES:
        sys.exit(__doc__)
    name = args[0]
    s = stocks(name)
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "scenarios", name + ".toml")
    with open(path, encoding="utf-8") as f:
        text = f.read()
    new = apply(text, s["zones"])
    if "--write" in args:
        with open(path, "w", encoding="utf-8") as f:
            f.write(new)
    if "--check" in args:
        if new != text:
            print(f"{path}: zone stocks differ from analysis/base_year.py {name} (run it with --write)")
            sys.exit(1)
        print(f"{name}: zone stocks match")
        return
    report(name, s)


if __name__ == "__main__":
    main()
