#!/usr/bin/python3
"""The Korean War's combat core, written the way an analyst would write it in
Python with numpy, as the baseline statecraft's speed is compared with
(bench/run.sh). It reads the theatre of scenarios/korea-1950.yaml (regions,
land links, terrain, rivers, the forces of North and South Korea, capitals,
quality) and simulates the two Koreas alone, one day at a time: supply traced
from the capital (Dijkstra over friendly regions, effectiveness falling with
distance), Lanchester attrition between adjacent hostile regions with the
engine's default coefficients and daily log-normal noise, advance and
breakthrough that capture regions, retreat or encirclement of the defenders,
static attrition on quiet fronts, fortification, rear forces moving up to
the front, civilian deaths and flight.
No strategic layer: no outside powers, aid, councils, bargaining or truce.

Run it with Debian's /usr/bin/python3 (python3-numpy, python3-yaml).

    /usr/bin/python3 bench/korea_combat.py --runs 200 [--seed 1] [--scenario FILE]

It prints runs per second, simulated days per second and the outcome shares.
"""

import argparse
import heapq
import math
import sys
import time

import numpy as np
import yaml

# the engine's documented defaults (statecraft params)
C = dict(
    tank_weight=40.0, artillery_weight=12.0, attrition_rate=0.012, static_attrition_rate=0.0015,
    lanchester_exponent=0.6, defense_multiplier=1.4, river_multiplier=1.35, fortification_per_day=0.008,
    fortification_max=0.8, advance_km_per_day=18.0, advance_threshold_ratio=1.2, breakthrough_ratio=3.0,
    breakthrough_chance_per_day=0.12, rout_loss=0.25, retreat_loss=0.05, encircled_surrender=0.6,
    noise_sigma=0.25, surprise_multiplier=1.6, surprise_days=7, capitulation_share=0.05, commit_share=0.75,
    capture_depth_share=0.5, supply_range_km=280.0, cutoff_effectiveness=0.35, cutoff_attrition_per_day=0.012,
    attack_min_ratio=1.3, civilian_harm=1.5, civilian_exposure_max=3.0, displacement_share=0.12,
    displacement_per_day=0.0015, tank_loss_factor=1.6, artillery_loss_factor=0.8,
    move_share_per_day=0.2,  # not an engine coefficient: the engine's commanders plan moves instead
)
TERRAIN_DEFENSE = dict(plains=1.0, mixed=1.2, hills=1.4, forest=1.3, mountain=1.8, urban=1.6, marsh=1.4,
                       desert=0.9, island=1.5)
TERRAIN_SPEED = dict(plains=1.0, mixed=0.8, hills=0.65, forest=0.7, mountain=0.45, urban=0.6, marsh=0.5,
                     desert=1.1, island=0.6)


def km_between(a, b):
    lat1, lon1, lat2, lon2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


class Theatre:
    """The static part: regions, land links, the two sides' starting forces."""

    def __init__(self, path):
        with open(path, encoding="utf-8") as f:
            doc = yaml.safe_load(f)
        war = doc["wars"][0]
        self.sides = {war["attackers"][0]: 0, war["defenders"][0]: 1}
        actors = {a["id"]: a for a in doc["actors"]}
        theatre = doc["theaters"][0]
        regions = theatre["regions"]
        self.n = len(regions)
        self.ids = [r["id"] for r in regions]
        index = {r: i for i, r in enumerate(self.ids)}
        self.population = np.array([float(r["population"]) for r in regions])
        self.defense = np.array([TERRAIN_DEFENSE[r["terrain"]] for r in regions]) * C["defense_multiplier"]
        self.speed = np.array([TERRAIN_SPEED[r["terrain"]] for r in regions])
        self.owner = np.array([self.sides.get(r["owner"], -1) for r in regions])
        # land links only: the combat core has no navies
        self.neighbours = [[] for _ in range(self.n)]  # (region, km, river)
        for link in theatre["links"]:
            if isinstance(link, list):
                a, b, river, kind, km = link[0], link[1], False, "land", None
            else:
                a, b = link["between"]
                river, kind, km = link.get("river", False), link.get("kind", "land"), link.get("km")
            if kind != "land":
                continue
            i, j = index[a], index[b]
            km = km or km_between(regions[i]["at"], regions[j]["at"])
            self.neighbours[i].append((j, km, river))
            self.neighbours[j].append((i, km, river))
        self.quality = np.ones(2)
        self.capital = np.zeros(2, dtype=int)
        for actor, side in self.sides.items():
            self.quality[side] = actors[actor]["military"].get("quality", 1.0)
            self.capital[side] = index[actors[actor]["capital"]]
        # forces: (side, region) personnel, tanks, artillery
        self.start = np.zeros((3, 2, self.n))
        for f in doc["forces"]:
            if f["actor"] in self.sides and "region" in f:
                s, r = self.sides[f["actor"]], index[f["region"]]
                self.start[0, s, r] += f.get("personnel", 0)
                self.start[1, s, r] += f.get("tanks", 0)
                self.start[2, s, r] += f.get("artillery", 0)
        start = doc["scenario"]["start"]
        horizon = doc["scenario"]["horizon"]
        self.horizon_days = (np.datetime64(str(horizon)) - np.datetime64(str(start))).astype(int)


def run(th, seed):
    """One run; returns (outcome, days, military deaths, civilian deaths)."""
    rng = np.random.default_rng(seed)
    n = th.n
    personnel, tanks, artillery = (th.start[k].copy() for k in range(3))
    control = th.owner.copy()
    capital = th.capital.copy()
    fort = np.zeros(n)
    progress = np.zeros(n)
    population = th.population.copy()
    owned = np.array([th.population[th.owner == s].sum() for s in (0, 1)])
    killed = np.zeros(2)
    civilians = 0.0
    displaced = 0.0

    for day in range(th.horizon_days):
        # supply: shortest path from the capital over friendly regions
        eff = np.full(n, C["cutoff_effectiveness"])
        supplied = np.zeros(n, dtype=bool)
        for s in (0, 1):
            dist = {capital[s]: 0.0}
            heap = [(0.0, capital[s])]
            while heap:
                d, u = heapq.heappop(heap)
                if d > dist.get(u, math.inf) or control[u] != s:
                    continue
                for v, km, _ in th.neighbours[u]:
                    if control[v] == s and d + km < dist.get(v, math.inf):
                        dist[v] = d + km
                        heapq.heappush(heap, (d + km, v))
            for r, d in dist.items():
                if control[r] == s:
                    eff[r] = max(C["cutoff_effectiveness"], 1 / (1 + (d / C["supply_range_km"]) ** 2))
                    supplied[r] = True

        # combat power of the holder of each region
        holder = control
        strength = personnel + C["tank_weight"] * tanks + C["artillery_weight"] * artillery
        power = np.where(holder >= 0, th.quality[np.clip(holder, 0, 1)] * strength[np.clip(holder, 0, 1), np.arange(n)]
                         * eff, 0.0)

        # each region attacks its weakest hostile neighbour when the odds are good enough
        attack = np.zeros(n)
        river_weighted = np.zeros(n)
        attacker_of = np.full(n, -1)
        committed = []  # (from, to)
        depth = np.zeros(n)
        for a in range(n):
            s = holder[a]
            if s < 0 or power[a] <= 0:
                continue
            best, best_ratio, best_link = -1, 0.0, None
            for b, km, river in th.neighbours[a]:
                if holder[b] >= 0 and holder[b] != s:
                    ratio = power[a] * C["commit_share"] / max(1.0, power[b] * th.defense[b] * (1 + fort[b]))
                    if ratio > best_ratio:
                        best, best_ratio, best_link = b, ratio, (km, river)
            if best < 0 or best_ratio < C["attack_min_ratio"]:
                continue
            surprise = C["surprise_multiplier"] if s == 0 and day < C["surprise_days"] else 1.0
            e = C["commit_share"] * power[a] * surprise
            attack[best] += e
            river_weighted[best] += e * (C["river_multiplier"] if best_link[1] else 1.0)
            attacker_of[best] = s
            depth[best] = max(depth[best], best_link[0] * C["capture_depth_share"])
            committed.append((a, best))

        fought = attack > 0
        losses = np.zeros((2, n))  # share of each side's force lost in each region today
        captures = []
        for b in np.nonzero(fought)[0]:
            defense = power[b] * th.defense[b] * (1 + fort[b]) * river_weighted[b] / attack[b]
            speed = C["advance_km_per_day"] * th.speed[b]
            if defense < 1:
                progress[b] += speed * rng.lognormal(0, C["noise_sigma"])
                if progress[b] >= depth[b]:
                    captures.append((b, attacker_of[b], False))
                continue
            ratio = attack[b] / defense
            noise = rng.lognormal(0, C["noise_sigma"], size=3)
            def_frac = min(0.5, C["attrition_rate"] * ratio ** C["lanchester_exponent"] * noise[0])
            att_frac = min(0.5, C["attrition_rate"] * ratio ** -C["lanchester_exponent"] * noise[1])
            losses[holder[b], b] += def_frac
            for a, target in committed:
                if target == b:
                    losses[holder[a], a] += att_frac * C["commit_share"]
            if ratio > C["advance_threshold_ratio"]:
                progress[b] += speed * (1 - C["advance_threshold_ratio"] / ratio) * noise[2]
            daily = min(1.0, C["breakthrough_chance_per_day"] * min(3.0, ratio / C["breakthrough_ratio"]))
            collapse = ratio >= C["breakthrough_ratio"] and rng.random() < daily
            if collapse or progress[b] >= depth[b]:
                captures.append((b, attacker_of[b], collapse))

        # quiet fronts bleed, cut-off forces wither, held lines dig in
        for r in range(n):
            s = holder[r]
            if s < 0:
                continue
            enemy = sum(power[v] for v, _, _ in th.neighbours[r] if holder[v] >= 0 and holder[v] != s)
            if not fought[r] and enemy > 0 and power[r] > 0 and losses[s, r] == 0:
                rel = enemy / (power[r] * th.defense[r] * (1 + fort[r]))
                losses[s, r] += min(0.05, C["static_attrition_rate"] * rel ** C["lanchester_exponent"])
                fort[r] = min(C["fortification_max"], fort[r] + C["fortification_per_day"])
            if not supplied[r]:
                losses[s, r] += C["cutoff_attrition_per_day"]
            if enemy == 0 and not fought[r]:
                progress[r] = 0

        losses = np.minimum(losses, 0.9)
        dead = personnel * losses
        killed += dead.sum(axis=1)
        personnel -= dead
        tanks -= tanks * np.minimum(1.0, losses * C["tank_loss_factor"])
        artillery -= artillery * np.minimum(1.0, losses * C["artillery_loss_factor"])

        # the people of fought-over regions die and flee
        mean_pop = th.population.mean()
        for r in np.nonzero(fought)[0]:
            exposure = min(C["civilian_exposure_max"], population[r] / mean_pop)
            deaths = min(population[r] * 0.01, C["civilian_harm"] * dead[:, r].sum() * exposure)
            fled = (population[r] - deaths) * C["displacement_per_day"]
            population[r] -= deaths + fled
            civilians += deaths
            displaced += fled

        # captures: defenders fall back to the best-supplied friendly neighbour or are encircled
        for b, s, routed in captures:
            d = control[b]
            if d == s or d < 0:
                continue
            back = [v for v, _, _ in th.neighbours[b] if control[v] == d]
            loss = C["rout_loss"] if routed else C["retreat_loss"]
            if back:
                v = max(back, key=lambda x: eff[x])
                for arr in (personnel, tanks, artillery):
                    arr[d, v] += arr[d, b] * (1 - loss)
                killed[d] += personnel[d, b] * loss
            else:
                killed[d] += personnel[d, b] * (1 - C["encircled_surrender"])
            for arr in (personnel, tanks, artillery):
                arr[d, b] = 0
            # the attackers move in
            for a, target in committed:
                if target == b and control[a] == s:
                    for arr in (personnel, tanks, artillery):
                        moved = arr[s, a] * C["commit_share"] * 0.5
                        arr[s, a] -= moved
                        arr[s, b] += moved
            control[b] = s
            progress[b] = 0
            fort[b] = 0
            fled = population[b] * C["displacement_share"]
            population[b] -= fled
            displaced += fled
            if capital[d] == b:
                mine = np.nonzero(control == d)[0]
                if len(mine):
                    capital[d] = mine[np.argmax(population[mine])]

        # forces behind the front move up: a share of every rear region's force
        # goes to the neighbour nearest the enemy
        for s in (0, 1):
            hops = np.full(n, n + 1)
            frontier = [r for r in range(n) if control[r] == s and
                        any(control[v] >= 0 and control[v] != s for v, _, _ in th.neighbours[r])]
            for r in frontier:
                hops[r] = 0
            while frontier:
                nxt = []
                for u in frontier:
                    for v, _, _ in th.neighbours[u]:
                        if control[v] == s and hops[v] > hops[u] + 1:
                            hops[v] = hops[u] + 1
                            nxt.append(v)
                frontier = nxt
            for r in range(n):
                if control[r] != s or hops[r] == 0 or hops[r] > n:
                    continue
                v = min((v for v, _, _ in th.neighbours[r] if control[v] == s), key=lambda x: hops[x])
                for arr in (personnel, tanks, artillery):
                    moved = arr[s, r] * C["move_share_per_day"]
                    arr[s, r] -= moved
                    arr[s, v] += moved

        # a side left with almost none of its people gives up
        for s in (0, 1):
            held = th.population[(control == s) & (th.owner == s)].sum()
            if held < C["capitulation_share"] * owned[s] or not (control == s).any():
                return ("victory:defenders" if s == 0 else "victory:attackers"), day + 1, killed.sum(), civilians
    return "ongoing", int(th.horizon_days), killed.sum(), civilians


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=200)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--scenario", default="scenarios/korea-1950.yaml")
    args = ap.parse_args()
    th = Theatre(args.scenario)
    outcomes = {}
    days = 0
    deaths = []
    t0 = time.perf_counter()
    for i in range(args.runs):
        outcome, d, k, _ = run(th, [args.seed, i])
        outcomes[outcome] = outcomes.get(outcome, 0) + 1
        days += d
        deaths.append(k)
    seconds = time.perf_counter() - t0
    print(f"python+numpy combat core: {args.runs} runs in {seconds:.2f} s: {args.runs / seconds:.1f} runs/s, "
          f"{days / seconds:.0f} simulated days/s, mean {days / args.runs:.0f} days/run")
    print("  outcomes: " + ", ".join(f"{k} {100 * v / args.runs:.1f}%" for k, v in sorted(outcomes.items())))
    print(f"  military deaths p50 {np.median(deaths):.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
