#!/usr/bin/python3
"""The Korea 1950 backtest table of the README, and the theory ablations.

Runs `statecraft run scenarios/korea-1950.yaml` on the same seeds three times
(the scenario as it is, collective security switched off, balance of threat
switched off) and prints, as Markdown, what the model says next to what
happened:

- North Korea takes Seoul early; the United States and other UN members enter;
  a counter-offensive pushes north; China enters, separately for the runs in
  which forces it disfavours came within 100 km of its border before it
  decided and for the others; the outcome classes; the ceasefire line
  (share of the peninsula's people on the side of their pre-war owner);
  duration and battle deaths;
- the ablations as paired differences on common random numbers (the same run
  seeds), with 95% intervals: P(US enters) with and without collective
  security, P(China enters) with and without balance of threat.

Usage:
  tools/korea_table.py [--runs 1000] [--seed 1] [--binary build/statecraft] [--out DIR] [--json FILE]

Needs only the Python standard library (run it with /usr/bin/python3).
"""

import argparse
import csv
import json
import math
import os
import statistics
import subprocess
import sys
from datetime import date

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCENARIO = os.path.join(ROOT, "scenarios", "korea-1950.yaml")
START = date(1950, 6, 25)
UN_CONTRIBUTORS = ["USA", "GBR", "TUR", "CAN", "AUS", "FRA", "GRC", "COL", "ETH", "THA", "NLD", "BEL", "PHL"]
# Pyongyang, taken on 19 October 1950 as the first Chinese armies crossed, is about 170 km from the Yalu:
# "approach" is UN forces north of the Pyongyang-Wonsan line.
APPROACH_KM = 200


def run(binary, runs, seed, out, sets, scenario=SCENARIO):
    cmd = [binary, "run", scenario, "--runs", str(runs), "--seed", str(seed), "--out", out, "--quiet"]
    for s in sets:
        cmd += ["--set", s]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    with open(os.path.join(out, "runs.csv")) as f:
        return list(csv.DictReader(f))


def day_of(cell):
    if not cell:
        return None
    y, m, d = (int(x) for x in cell.split("-"))
    return (date(y, m, d) - START).days


def wilson(k, n):
    if n == 0:
        return float("nan"), float("nan"), float("nan")
    z = 1.959964
    p = k / n
    den = 1 + z * z / n
    mid = (p + z * z / (2 * n)) / den
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / den
    return p, mid - half, mid + half


def paired_difference(a, b):
    """Mean of b - a over paired 0/1 outcomes, with a 95% normal interval."""
    d = [y - x for x, y in zip(a, b)]
    n = len(d)
    mean = sum(d) / n
    sd = statistics.pstdev(d) if n > 1 else 0
    half = 1.959964 * sd / math.sqrt(n)
    return mean, mean - half, mean + half


def pct(p):
    return f"{100 * p:.0f}%"


def share(rows, pred):
    k = sum(1 for r in rows if pred(r))
    p, lo, hi = wilson(k, len(rows))
    return f"{pct(p)} [{pct(lo)}, {pct(hi)}]", p


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--binary", default=os.path.join(ROOT, "build", "statecraft"))
    ap.add_argument("--out", default=os.path.join(ROOT, "out", "korea-table"))
    ap.add_argument("--json", help="also write the figures here")
    ap.add_argument("--scenario", default=SCENARIO)
    ap.add_argument("--values", help="a tools/calibrate.py --out JSON: run with its best values (as --set) "
                    "instead of the coefficients written in the scenario")
    args = ap.parse_args()

    sets = []
    if args.values:
        with open(args.values) as f:
            sets = [f"{k}={v}" for k, v in sorted(json.load(f)["best_values"].items())]
    base = run(args.binary, args.runs, args.seed, os.path.join(args.out, "base"), sets, args.scenario)
    no_cs = run(args.binary, args.runs, args.seed, os.path.join(args.out, "no-collective-security"),
                sets + ["theory.collective_security.enabled=false"], args.scenario)
    no_bot = run(args.binary, args.runs, args.seed, os.path.join(args.out, "no-balance-of-threat"),
                 sets + ["theory.balance_of_threat.enabled=false"], args.scenario)

    def entered(r, a):
        return bool(r["entered_" + a])

    def approached(r):
        km = r["closest_km_CHN"]
        return km != "" and float(km) <= APPROACH_KM

    n = len(base)
    lines = []
    figures = {}

    def row(what, history, model, key=None, value=None):
        lines.append(f"| {what} | {history} | {model} |")
        if key:
            figures[key] = value

    seoul_cells = [c for c in base[0] if c.startswith("checkpoint_")]
    # checkpoint 2 of the history block: PRK side holds Seoul on 1950-07-10
    text, p = share(base, lambda r: r["checkpoint_2"] == "1")
    row("North Korea holds Seoul on 10 July 1950", "yes (fell 28 June)", text, "seoul_by_jul10", p)
    text, p = share(base, lambda r: entered(r, "USA"))
    row("United States enters", "27 June 1950", text, "usa_enters", p)
    us_days = [day_of(r["entered_USA"]) for r in base if entered(r, "USA")]
    if us_days:
        row("  its forces first fight, median day", "day 2", f"day {statistics.median(us_days):.0f}")
    others = [a for a in UN_CONTRIBUTORS if a != "USA"]
    text, p = share(base, lambda r: any(entered(r, a) for a in others))
    row("another UN member sends forces", "15 more states", text, "un_others_enter", p)
    mean_others = sum(sum(entered(r, a) for a in others) for r in base) / n
    row("  UN members other than the US that fight, mean", f"{len(others)} of {len(others)} in the file",
        f"{mean_others:.1f}")
    # checkpoints 5 and 6: KOR side holds Seoul on 1950-10-01, Pyongyang on 1950-10-25
    text, p = share(base, lambda r: r["checkpoint_5"] == "1")
    row("UN side holds Seoul again on 1 October 1950", "yes (retaken 28 Sept)", text, "seoul_back_oct1", p)
    text, p = share(base, approached)
    row(f"UN forces come within {APPROACH_KM} km of China before it decides", "yes (Pyongyang 19 Oct, Chongchon late Oct)", text,
        "approach_yalu", p)
    near = [r for r in base if approached(r)]
    far = [r for r in base if not approached(r)]
    if near:
        text, p = share(near, lambda r: entered(r, "CHN"))
        row("China enters, runs where UN forces approached", "yes (19-27 Oct 1950)", text, "chn_if_approached", p)
    if far:
        text, p = share(far, lambda r: entered(r, "CHN"))
        row("China enters, runs where they did not", "(not observed)", text, "chn_if_not_approached", p)
    # With the UN in the war the counter-offensive nearly always reaches the north, so the runs without an
    # approach are few; the arm without collective security, where the United States often stays out, has
    # plenty of both kinds.
    near = [r for r in no_cs if approached(r)]
    far = [r for r in no_cs if not approached(r)]
    if near and far:
        text, p = share(near, lambda r: entered(r, "CHN"))
        row(f"  same, collective security off ({len(near)} runs with an approach)", "", text,
            "chn_if_approached_no_cs", p)
        text, p = share(far, lambda r: entered(r, "CHN"))
        row(f"  same, collective security off ({len(far)} runs without)", "", text, "chn_if_not_approached_no_cs", p)
    chn_days = [day_of(r["entered_CHN"]) for r in base if entered(r, "CHN")]
    if chn_days:
        row("  China's forces first fight, median date", "27 Oct 1950 (COW)",
            (START.fromordinal(START.toordinal() + int(statistics.median(chn_days)))).isoformat())
    text, p = share(base, lambda r: entered(r, "SOV"))
    row("Soviet Union enters", "no", text, "sov_enters", p)
    outcomes = {}
    for r in base:
        outcomes[r["outcome"]] = outcomes.get(r["outcome"], 0) + 1
    modal = max(outcomes, key=outcomes.get)
    row("modal outcome", "armistice (27 July 1953)",
        f"{modal} ({pct(outcomes[modal] / n)}); " +
        ", ".join(f"{k} {pct(v / n)}" for k, v in sorted(outcomes.items(), key=lambda kv: -kv[1]) if k != modal),
        "outcomes", {k: v / n for k, v in outcomes.items()})
    arm = [r for r in base if r["outcome"] == "armistice"]
    if arm:
        text, p = share(arm, lambda r: float(r["status_quo_share"]) >= 0.85)
        row("ceasefire line near the 38th parallel (>= 85% of people on their pre-war side), armistice runs",
            "yes (about 97%)", text, "line_near_38th", p)
        sq = statistics.median(float(r["status_quo_share"]) for r in arm)
        row("  people on their pre-war side at the armistice, median", "about 97%", pct(sq))
    days = statistics.median(int(r["days"]) for r in base)
    row("duration, median (days)", "1,128", f"{days:.0f} (ratio {days / 1128:.2f})", "median_days", days)
    if arm:
        row("  armistice runs only", "1,128", f"{statistics.median(int(r['days']) for r in arm):.0f}")
    deaths = statistics.median(int(r["military_deaths"]) for r in base)
    row("battle deaths, median", "910,084 (COW)", f"{deaths:,.0f} (ratio {deaths / 910084:.2f})", "median_deaths",
        deaths)

    print(f"Korea 1950, {n} runs, seed {args.seed} (tools/korea_table.py --runs {args.runs} --seed {args.seed})\n")
    print("| | history | model |")
    print("|---|---|---|")
    print("\n".join(lines))

    us_base = [int(entered(r, "USA")) for r in base]
    us_off = [int(entered(r, "USA")) for r in no_cs]
    un_base = [int(any(entered(r, a) for a in UN_CONTRIBUTORS)) for r in base]
    un_off = [int(any(entered(r, a) for a in UN_CONTRIBUTORS)) for r in no_cs]
    ch_base = [int(entered(r, "CHN")) for r in base]
    ch_off = [int(entered(r, "CHN")) for r in no_bot]
    print("\nTheory ablations on the same seeds (difference switched off - on, 95% interval):\n")
    print("| ablation | outcome | on | off | difference |")
    print("|---|---|---|---|---|")
    for name, what, a, b, key in [
        ("collective security off", "US enters", us_base, us_off, "ablation_cs_usa"),
        ("collective security off", "a UN member (US or other) enters", un_base, un_off, "ablation_cs_un"),
        ("balance of threat off", "China enters", ch_base, ch_off, "ablation_bot_chn"),
    ]:
        d, lo, hi = paired_difference(a, b)
        print(f"| {name} | {what} | {pct(sum(a) / n)} | {pct(sum(b) / n)} | {100 * d:+.1f} pts [{100 * lo:+.1f}, {100 * hi:+.1f}] |")
        figures[key] = {"on": sum(a) / n, "off": sum(b) / n, "difference": d, "lo": lo, "hi": hi}
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"runs": n, "seed": args.seed, "figures": figures}, f, indent=1)


if __name__ == "__main__":
    sys.exit(main())
