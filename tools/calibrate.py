#!/usr/bin/python3
"""Calibrate a scenario's coefficients against its historical record.

Objective: the loss that `statecraft backtest FILE --json` reports (the mean,
over the parts of the history block, of scores in [0, 1]: checkpoints,
outcome, end date, who entered and when, who stayed out, battle deaths).
Every evaluation runs the same seeds (common random numbers), so two
parameter sets are compared on the same luck.

With --solo VARIANT the objective also holds the combat model to what it must
do without outside help: in that variant (every outsider abstains) the
attacker should have won within --solo-days in at least --solo-share of the
runs; the shortfall, squared, is added as one more part ("solo"). With
--approach ACTOR=KM one more part ("approach") is 1 minus the share of runs in
which ACTOR entered only after hostile forces had come within KM of it (the
order of events a date alone does not carry: China entered as UN forces
neared the Yalu).

Search: the defaults, then (with --start FILE) the best point of an earlier
result, then a random search (log-uniform where a parameter spans orders of
magnitude) over the box in the parameter file, then a coordinate search
around the best point with shrinking steps. Everything
(objective, search settings, every evaluation, the best point and its
backtest table) is written to the --out JSON so anyone can rerun and check it.
With --apply the best values are written into the scenario's `model:` and
`theory:` blocks between `# calibrated by tools/calibrate.py` markers.

Usage:
  tools/calibrate.py scenarios/korea-1950.yaml --params calibration/korea-1950.params.json \
      --out calibration/korea-1950.json [--runs 300] [--random 120] [--rounds 3] [--seed 11] [--apply]
  (the commands that made the Korean coefficients are in calibration/korea-1950*.json, key "command")

Needs only the Python standard library (run it with /usr/bin/python3).
"""

import argparse
import json
import math
import os
import random
import re
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def weighted_loss(groups, weights):
    total = sum(weights.get(g, 1.0) * v for g, v in groups.items())
    return total / max(1e-9, sum(weights.get(g, 1.0) for g in groups))


def evaluate(binary, scenario, values, runs, seed, variants, out_dir=None, threads=0):
    cmd = [binary, "backtest", scenario, "--runs", str(runs), "--seed", str(seed), "--json", "-j", str(threads)]
    if out_dir:
        cmd += ["--out", out_dir]
    for v in variants:
        cmd += ["--variant", v]
    for path, value in values.items():
        cmd += ["--set", f"{path}={value:.6g}"]
    out = subprocess.run(cmd, capture_output=True, text=True)
    if out.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed:\n{out.stderr}")
    return json.loads(out.stdout)


def solo_score(binary, scenario, values, runs, seed, variant, days, share, threads=0):
    """Squared shortfall of the share of runs the attacker wins alone within `days`."""
    out_dir = os.path.join("/tmp", f"calibrate-solo-{os.getpid()}")
    cmd = [binary, "run", scenario, "--runs", str(runs), "--seed", str(seed), "--out", out_dir, "--quiet",
           "-j", str(threads), "--variant", variant]
    for path, value in values.items():
        cmd += ["--set", f"{path}={value:.6g}"]
    out = subprocess.run(cmd, capture_output=True, text=True)
    if out.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed:\n{out.stderr}")
    import csv
    with open(os.path.join(out_dir, "runs.csv")) as f:
        rows = list(csv.DictReader(f))
    won = sum(1 for r in rows if r["outcome"] == "victory:attackers" and int(r["days"]) <= days)
    return max(0.0, share - won / max(1, len(rows))) ** 2


def approach_score(out_dir, actor, km):
    """1 - the share of runs in which `actor` entered the war after hostile forces had come within `km` of it.

    A fact of the record that a date alone does not carry: China entered when UN forces were on their way
    to the Yalu, not while the war was far from its border."""
    import csv
    with open(os.path.join(out_dir, "runs.csv")) as f:
        rows = list(csv.DictReader(f))
    ok = 0
    for r in rows:
        closest = r.get(f"closest_km_{actor}", "")
        if r.get(f"entered_{actor}") and closest != "" and float(closest) <= km:
            ok += 1
    return 1.0 - ok / max(1, len(rows))


def draw(spec, rng):
    lo, hi = spec["lo"], spec["hi"]
    if spec.get("log"):
        return math.exp(rng.uniform(math.log(lo), math.log(hi)))
    return rng.uniform(lo, hi)


def clamp(spec, x):
    return min(spec["hi"], max(spec["lo"], x))


def apply_to_scenario(path, best, params):
    """Writes the calibrated values into the scenario's model: and theory: blocks."""
    text = open(path).read()
    blocks = {"model": {}, "theory": {}}
    for p in params:
        parts = p["path"].split(".")
        node = blocks[parts[0]]
        for k in parts[1:-1]:
            node = node.setdefault(k, {})
        node[parts[-1]] = best[p["path"]]

    def render(name, tree):
        lines = [f"{name}:  # calibrated by tools/calibrate.py; see calibration/"]
        for group, vals in tree.items():
            inner = ", ".join(f"{k}: {v:.4g}" for k, v in vals.items())
            lines.append(f"  {group}: {{{inner}}}")
        return "\n".join(lines) if tree else f"{name}: {{}}"

    for name, tree in blocks.items():
        # replace `name: {}` or a previously calibrated block
        pattern = re.compile(rf"^{name}:(?: \{{\}}|  # calibrated by tools/calibrate.py[^\n]*)(\n(?:  .*\n?)*)?", re.M)
        new = render(name, tree) + "\n"
        if pattern.search(text):
            text = pattern.sub(lambda m: new, text, count=1)
        else:
            text += "\n" + new
    open(path, "w").write(text)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("scenario")
    ap.add_argument("--params", required=True, help="JSON list of {path, lo, hi, log}")
    ap.add_argument("--out", required=True)
    ap.add_argument("--runs", type=int, default=300)
    ap.add_argument("--random", type=int, default=120, help="random-search evaluations")
    ap.add_argument("--rounds", type=int, default=3, help="coordinate-search rounds")
    ap.add_argument("--seed", type=int, default=11, help="seed of the search and of every ensemble")
    ap.add_argument("--variant", action="append", default=[])
    ap.add_argument("--binary", default=os.path.join(ROOT, "build", "statecraft"))
    ap.add_argument("--weights", default="", help="weights of the backtest parts, e.g. no_entry=2,checkpoint=1.5")
    ap.add_argument("--apply", action="store_true", help="write the best values into the scenario")
    ap.add_argument("--solo", default="", help="variant in which the attacker fights alone (e.g. no-intervention)")
    ap.add_argument("--solo-days", type=int, default=150)
    ap.add_argument("--solo-share", type=float, default=0.75)
    ap.add_argument("--approach", default="", help="ACTOR=KM: a part scoring the runs in which ACTOR entered "
                    "only after hostile forces came within KM of it (e.g. CHN=200)")
    ap.add_argument("--start", default="", help="an earlier --out JSON: its best values are the first point, "
                    "and the coordinate search starts from them unless a random point beats them")
    ap.add_argument("--threads", type=int, default=0, help="worker threads of each ensemble (0: all cores)")
    args = ap.parse_args()

    params = json.load(open(args.params))
    weights = {k: float(v) for k, v in (kv.split("=") for kv in args.weights.split(",") if kv)}
    rng = random.Random(args.seed)
    evaluations = []
    t0 = time.time()

    def run(values, stage):
        out_dir = os.path.join("/tmp", f"calibrate-base-{os.getpid()}") if args.approach else None
        res = evaluate(args.binary, args.scenario, values, args.runs, args.seed, args.variant, out_dir, args.threads)
        if args.approach:
            actor, km = args.approach.split("=")
            res["groups"]["approach"] = approach_score(out_dir, actor, float(km))
        if args.solo:
            res["groups"]["solo"] = solo_score(args.binary, args.scenario, values, max(50, args.runs // 3), args.seed,
                                               args.solo, args.solo_days, args.solo_share, args.threads)
        res["loss"] = weighted_loss(res["groups"], weights)
        evaluations.append({"stage": stage, "values": values, "loss": res["loss"], "groups": res["groups"]})
        print(f"[{len(evaluations):4d} {time.time() - t0:6.0f}s] {stage:10s} loss {res['loss']:.4f}  "
              + " ".join(f"{k}={v:.3f}" for k, v in res["groups"].items()), flush=True)
        return res

    # the defaults of the scenario as written
    base = run({}, "defaults")
    best_values, best = {}, base
    if args.start:
        start = json.load(open(args.start))["best_values"]
        best_values = {p["path"]: clamp(p, start[p["path"]]) for p in params if p["path"] in start}
        best_values.update({p["path"]: clamp(p, p.get("start", (p["lo"] + p["hi"]) / 2))
                            for p in params if p["path"] not in best_values})
        best = run(best_values, "start")
    # random search over the box
    for _ in range(args.random):
        values = {p["path"]: draw(p, rng) for p in params}
        res = run(values, "random")
        if res["loss"] < best["loss"]:
            best_values, best = values, res
    # coordinate search around the best, with shrinking steps
    if not best_values:
        best_values = {p["path"]: clamp(p, p.get("start", (p["lo"] + p["hi"]) / 2)) for p in params}
        best = run(best_values, "start")
    step = 0.5
    for r in range(args.rounds):
        for p in params:
            for direction in (+1, -1):
                values = dict(best_values)
                x = values[p["path"]]
                if p.get("log"):
                    values[p["path"]] = clamp(p, x * math.exp(direction * step))
                else:
                    values[p["path"]] = clamp(p, x + direction * step * (p["hi"] - p["lo"]) / 2)
                if values[p["path"]] == x:
                    continue
                res = run(values, f"coord{r + 1}")
                if res["loss"] < best["loss"]:
                    best_values, best = values, res
                    break
        step /= 2

    result = {
        "scenario": args.scenario,
        "objective": "weighted mean over history parts (checkpoint, outcome, end, entry, no_entry, deaths) of scores "
                     "in [0,1]; see src/statecraft/analysis/backtest.cpp" +
                     (f"; plus solo: (max(0, {args.solo_share} - share of '{args.solo}' runs the attacker wins "
                      f"within {args.solo_days} days))^2" if args.solo else "") +
                     (f"; plus approach: 1 - share of runs in which {args.approach.split('=')[0]} entered after "
                      f"hostile forces came within {args.approach.split('=')[1]} km" if args.approach else ""),
        "weights": weights,
        "search": {"runs_per_evaluation": args.runs, "solo": args.solo, "seed": args.seed, "random": args.random, "rounds": args.rounds,
                   "start": args.start, "approach": args.approach,
                   "variants": args.variant, "params": params},
        "defaults_loss": base["loss"],
        "best_loss": best["loss"],
        "best_values": best_values,
        "best_backtest": best,
        "evaluations": evaluations,
        "seconds": round(time.time() - t0, 1),
    }
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "w") as f:
        json.dump(result, f, indent=1)
    print(f"defaults loss {base['loss']:.4f} -> best {best['loss']:.4f}; wrote {args.out}")
    if args.apply:
        apply_to_scenario(args.scenario, best_values, params)
        print(f"applied to {args.scenario}")


if __name__ == "__main__":
    sys.exit(main())
