// Tiny inline scenarios for tests: a line of regions between two states.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "engine/engine.h"
#include "model/model.h"
#include "scenario/load.h"
#include "world/world.h"

namespace statecraft::test {

/// Parses an inline scenario; fails the test with every diagnostic if it is bad.
inline Scenario parse_ok(const std::string& yaml) {
  std::vector<Diagnostic> problems;
  Scenario s = parse_scenario(yaml, "<inline>", problems);
  std::string all;
  for (const auto& d : problems) all += format_diagnostic(d) + "\n";
  EXPECT_TRUE(problems.empty()) << all;
  return s;
}

inline Model compile_ok(const std::string& yaml) { return compile(parse_ok(yaml)); }

/// Two states, RED (attacker) and BLU (defender), on a line of regions
/// r1 (RED) - r2 (RED) - b1 (BLU) - b2 (BLU) - b3 (BLU), plus the extra YAML
/// (forces, links, model ...) appended at the end of the file. `war: false`
/// leaves the two at peace.
inline std::string line_scenario(const std::string& forces, const std::string& extra = "", bool war = true,
                                 const std::string& extra_regions = "", const std::string& extra_links = "") {
  std::string y = R"(statecraft: 1
scenario: {id: tiny, title: Tiny line, start: 2000-01-01, horizon: 2001-12-31}
actors:
  - {id: RED, name: Red, population: 1.0e7, gdp_usd: 1.0e10, capital: r1,
     military: {personnel: 400000, tanks: 2000, artillery: 2000, aircraft: 500, ships: 100}}
  - {id: BLU, name: Blue, population: 1.0e7, gdp_usd: 1.0e10, capital: b3,
     military: {personnel: 400000, tanks: 2000, artillery: 2000, aircraft: 500, ships: 100}}
theaters:
  - id: land
    regions:
      - {id: r1, name: R1, owner: RED, population: 1.0e6, terrain: plains, at: [0.0, 0.0], coastal: true, port: true}
      - {id: r2, name: R2, owner: RED, population: 1.0e6, terrain: plains, at: [0.0, 0.5], coastal: true}
      - {id: b1, name: B1, owner: BLU, population: 1.0e6, terrain: plains, at: [0.0, 1.0], coastal: true}
      - {id: b2, name: B2, owner: BLU, population: 1.0e6, terrain: plains, at: [0.0, 1.5], coastal: true}
      - {id: b3, name: B3, owner: BLU, population: 1.0e6, terrain: plains, at: [0.0, 2.0], coastal: true, port: true}
)" + extra_regions + R"(    links:
      - [r1, r2]
      - [r2, b1]
      - [b1, b2]
      - [b2, b3]
)" + extra_links + "forces:\n" + forces;
  if (war) y += "wars:\n  - {id: w, attackers: [RED], defenders: [BLU], theater: land, aims: {RED: {claims: all}}}\n";
  return y + extra;
}

/// A world at the start of a run, with air, sea and supply computed.
inline RunState started(const Model& m) {
  RunState s = make_world(m);
  start_run(m, s, nullptr);
  return s;
}

inline double personnel(const Model& m, const RunState& s, const char* actor, const char* region) {
  return s.personnel[static_cast<size_t>(find_actor(m, actor)) * m.nregion + find_region(m, region)];
}

}  // namespace statecraft::test
