#!/usr/bin/env python3
"""Fit a few coefficients on the Correlates of War wars before 1946.

Grid search over coefficients that matter for who joins a war and who wins
it, scored by `statecraft backtest --cow --to 1945` (the fitted period only:
the held-out wars from 1946 on and the Korean War never enter the objective).
The objective is the fitted wars' who-joins Brier score plus their winner
Brier score (lower is better). Every grid point runs with the same seed, so
points differ by their coefficients, not by their random draws.

The result goes to calibration/history.json: the objective, the search, the
best values (the `best` object is what `statecraft backtest --cow` applies by
default) and the score of every point. Python 3 standard library only:

    /usr/bin/python3 tools/calibrate_history.py            # the full grid, ~10-20 min on 2 cores
    /usr/bin/python3 tools/calibrate_history.py --quick    # 2 values per coefficient, for a check
"""

import argparse
import datetime
import itertools
import json
import os
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# path -> values tried, in factors of two around the scenario default (treaty_scale 2,
# entry_cost 1.2, belief_force_slope 1.2); the first grid of three values each found its
# best at the low corner, so the grid reaches two steps below the default
GRID = {
    # pull of a defence obligation on an outsider (joining)
    "theory.collective_security.treaty_scale": [0.25, 0.5, 1.0, 2.0, 4.0],
    # cost of fighting for an outsider before tolerance and regime (joining)
    "theory.realism.entry_cost": [0.3, 0.6, 1.2, 2.4],
    # weight of the force ratio in a side's belief in victory (who concedes, so who wins)
    "model.decisions.belief_force_slope": [0.3, 0.6, 1.2, 2.4],
}
QUICK = {k: [v[0], v[-1]] for k, v in GRID.items()}


def evaluate(exe, values, runs, seed, threads):
    cmd = [exe, "backtest", "--cow", "--to", "1945", "--no-calibration", "--json",
           "--runs", str(runs), "--seed", str(seed), "--threads", str(threads)]
    for path, v in values.items():
        cmd += ["--set", "%s=%r" % (path, v)]
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit("calibrate_history: %s failed (exit %d):\n%s" % (" ".join(cmd), p.returncode, p.stderr))
    j = json.loads(p.stdout)
    rows = j["periods"]["fitted"]["rows"]["model"]
    join, winner = rows["join"], rows["winner"]
    objective = (join["brier"] if join else 0.0) + (winner["brier"] if winner else 0.0)
    return objective, {
        "join_brier": join and join["brier"],
        "join_accuracy": join and join["accuracy"],
        "winner_brier": winner and winner["brier"],
        "winner_accuracy": winner and winner["accuracy"],
        "duration_ln_error": rows["duration_ln_error"] and rows["duration_ln_error"]["mean"],
        "deaths_log10_error": rows["deaths_log10_error"] and rows["deaths_log10_error"]["mean"],
        "wars": j["periods"]["fitted"]["wars"],
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--statecraft", default=os.path.join(ROOT, "build", "statecraft"))
    ap.add_argument("--runs", type=int, default=20, help="runs per war at each grid point")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--quick", action="store_true", help="two values per coefficient")
    ap.add_argument("--out", default=os.path.join(ROOT, "calibration", "history.json"))
    a = ap.parse_args()
    if not os.access(a.statecraft, os.X_OK):
        sys.exit("calibrate_history: %s is not an executable (build first, or pass --statecraft)" % a.statecraft)

    grid = QUICK if a.quick else GRID
    paths = list(grid)
    t0 = time.time()
    points = []
    for combo in itertools.product(*(grid[p] for p in paths)):
        values = dict(zip(paths, combo))
        obj, scores = evaluate(a.statecraft, values, a.runs, a.seed, a.threads)
        points.append({"values": values, "objective": obj, "scores": scores})
        print("%-70s objective %.4f" % (" ".join("%s=%g" % (p.split(".")[-1], v) for p, v in values.items()), obj),
              flush=True)
    best = min(points, key=lambda p: p["objective"])
    result = {
        "objective": "fitted wars (COW inter-state wars starting before 1946, Korea never included): "
                     "who-joins Brier + winner Brier of the model, lower is better",
        "search": {"method": "full grid", "grid": grid, "runs_per_war": a.runs, "seed": a.seed,
                   "command": "statecraft backtest --cow --to 1945 --no-calibration --json --runs %d --seed %d"
                              % (a.runs, a.seed),
                   "seconds": round(time.time() - t0, 1),
                   "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d")},
        "best": best["values"],
        "best_objective": best["objective"],
        "best_scores": best["scores"],
        "points": points,
    }
    os.makedirs(os.path.dirname(a.out), exist_ok=True)
    tmp = a.out + ".tmp"
    with open(tmp, "w") as f:
        json.dump(result, f, indent=2)
        f.write("\n")
    os.replace(tmp, a.out)
    print("best: %s objective %.4f -> %s" % (best["values"], best["objective"], a.out))


if __name__ == "__main__":
    main()
