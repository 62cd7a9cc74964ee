// Writing scenarios back: the text reads back to the same Scenario, field by field.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <string>

#include "scenario/load.h"
#include "scenario/write.h"

using namespace statecraft;

namespace {

std::string dir(const char* sub) { return (std::filesystem::path(STATECRAFT_SOURCE_DIR) / sub).string(); }

Scenario reparse(const std::string& text) {
  std::vector<Diagnostic> problems;
  Scenario s = parse_scenario(text, "written.yaml", problems);
  std::string listing;
  for (const auto& d : problems) listing += format_diagnostic(d) + "\n";
  EXPECT_TRUE(problems.empty()) << listing << "\n--- written text ---\n" << text;
  return s;
}

// field-by-field comparison; Locs, `file` and `applied_variants` are not part of the format

void same(const Equipment& a, const Equipment& b) {
  EXPECT_EQ(a.personnel, b.personnel);
  EXPECT_EQ(a.tanks, b.tanks);
  EXPECT_EQ(a.artillery, b.artillery);
  EXPECT_EQ(a.aircraft, b.aircraft);
  EXPECT_EQ(a.ships, b.ships);
}

void same(const std::optional<LatLon>& a, const std::optional<LatLon>& b) {
  ASSERT_EQ(a.has_value(), b.has_value());
  if (!a) return;
  EXPECT_EQ(a->lat, b->lat);
  EXPECT_EQ(a->lon, b->lon);
}

void same(const Condition& a, const Condition& b) {
  ASSERT_EQ(a.nodes.size(), b.nodes.size());
  for (size_t i = 0; i < a.nodes.size(); ++i) {
    SCOPED_TRACE("condition node " + std::to_string(i));
    EXPECT_EQ(a.nodes[i].op, b.nodes[i].op);
    EXPECT_EQ(a.nodes[i].actor, b.nodes[i].actor);
    EXPECT_EQ(a.nodes[i].region, b.nodes[i].region);
    EXPECT_EQ(a.nodes[i].date, b.nodes[i].date);
    EXPECT_EQ(a.nodes[i].value, b.nodes[i].value);
    EXPECT_EQ(a.nodes[i].children, b.nodes[i].children);
  }
}

void same(const Scenario& a, const Scenario& b) {
  EXPECT_EQ(a.schema_version, b.schema_version);
  EXPECT_EQ(a.info.id, b.info.id);
  EXPECT_EQ(a.info.title, b.info.title);
  EXPECT_EQ(a.info.description, b.info.description);
  EXPECT_EQ(a.info.start, b.info.start);
  EXPECT_EQ(a.info.horizon, b.info.horizon);
  EXPECT_EQ(a.info.step, b.info.step);
  EXPECT_EQ(a.info.sources, b.info.sources);

  ASSERT_EQ(a.actors.size(), b.actors.size());
  for (size_t i = 0; i < a.actors.size(); ++i) {
    SCOPED_TRACE("actor " + a.actors[i].id);
    const Actor &x = a.actors[i], &y = b.actors[i];
    EXPECT_EQ(x.id, y.id);
    EXPECT_EQ(x.name, y.name);
    EXPECT_EQ(x.cow, y.cow);
    EXPECT_EQ(x.kind, y.kind);
    EXPECT_EQ(x.population, y.population);
    EXPECT_EQ(x.urban_population, y.urban_population);
    EXPECT_EQ(x.gdp_usd, y.gdp_usd);
    same(x.military.stock, y.military.stock);
    same(x.military.production_per_year, y.military.production_per_year);
    EXPECT_EQ(x.military.quality, y.military.quality);
    EXPECT_EQ(x.military.spending_usd, y.military.spending_usd);
    EXPECT_EQ(x.military.deployable_share, y.military.deployable_share);
    EXPECT_EQ(x.military.deploy_days, y.military.deploy_days);
    EXPECT_EQ(x.industry.iron_steel_tons, y.industry.iron_steel_tons);
    EXPECT_EQ(x.industry.energy_coal_tons, y.industry.energy_coal_tons);
    EXPECT_EQ(x.nuclear_warheads, y.nuclear_warheads);
    EXPECT_EQ(x.regime, y.regime);
    EXPECT_EQ(x.ideology, y.ideology);
    ASSERT_EQ(x.interests.size(), y.interests.size());
    for (size_t k = 0; k < x.interests.size(); ++k) {
      EXPECT_EQ(x.interests[k].theater, y.interests[k].theater);
      EXPECT_EQ(x.interests[k].stake, y.interests[k].stake);
    }
    EXPECT_EQ(x.casualty_tolerance, y.casualty_tolerance);
    EXPECT_EQ(x.cinc, y.cinc);
    EXPECT_EQ(x.major_power, y.major_power);
    same(x.at, y.at);
    EXPECT_EQ(x.capital, y.capital);
    EXPECT_EQ(x.abstain, y.abstain);
  }

  ASSERT_EQ(a.organizations.size(), b.organizations.size());
  for (size_t i = 0; i < a.organizations.size(); ++i) {
    const Organization &x = a.organizations[i], &y = b.organizations[i];
    SCOPED_TRACE("organization " + x.id);
    EXPECT_EQ(x.id, y.id);
    EXPECT_EQ(x.name, y.name);
    EXPECT_EQ(x.kind, y.kind);
    EXPECT_EQ(x.members, y.members);
    EXPECT_EQ(x.reliability, y.reliability);
    ASSERT_EQ(x.council.has_value(), y.council.has_value());
    if (x.council) {
      EXPECT_EQ(x.council->permanent, y.council->permanent);
      EXPECT_EQ(x.council->members, y.council->members);
      EXPECT_EQ(x.council->veto, y.council->veto);
      EXPECT_EQ(x.council->absent, y.council->absent);
    }
  }

  ASSERT_EQ(a.treaties.size(), b.treaties.size());
  for (size_t i = 0; i < a.treaties.size(); ++i) {
    const Treaty &x = a.treaties[i], &y = b.treaties[i];
    SCOPED_TRACE("treaty " + x.id);
    EXPECT_EQ(x.id, y.id);
    EXPECT_EQ(x.name, y.name);
    EXPECT_EQ(x.type, y.type);
    EXPECT_EQ(x.members, y.members);
    EXPECT_EQ(x.signed_on, y.signed_on);
    EXPECT_EQ(x.ends_on, y.ends_on);
    EXPECT_EQ(x.reliability, y.reliability);
  }

  ASSERT_EQ(a.relations.size(), b.relations.size());
  for (size_t i = 0; i < a.relations.size(); ++i) {
    const Relation &x = a.relations[i], &y = b.relations[i];
    SCOPED_TRACE("relation " + std::to_string(i));
    EXPECT_EQ(x.kind, y.kind);
    EXPECT_EQ(x.between, y.between);
    EXPECT_EQ(x.affinity, y.affinity);
    EXPECT_EQ(x.trade_usd, y.trade_usd);
    EXPECT_EQ(x.by, y.by);
    EXPECT_EQ(x.on, y.on);
    EXPECT_EQ(x.from, y.from);
    EXPECT_EQ(x.to, y.to);
    EXPECT_EQ(x.usd_per_year, y.usd_per_year);
  }

  ASSERT_EQ(a.theaters.size(), b.theaters.size());
  for (size_t t = 0; t < a.theaters.size(); ++t) {
    const Theater &x = a.theaters[t], &y = b.theaters[t];
    SCOPED_TRACE("theater " + x.id);
    EXPECT_EQ(x.id, y.id);
    EXPECT_EQ(x.name, y.name);
    ASSERT_EQ(x.regions.size(), y.regions.size());
    for (size_t i = 0; i < x.regions.size(); ++i) {
      const Region &p = x.regions[i], &q = y.regions[i];
      SCOPED_TRACE("region " + p.id);
      EXPECT_EQ(p.id, q.id);
      EXPECT_EQ(p.name, q.name);
      EXPECT_EQ(p.owner, q.owner);
      EXPECT_EQ(p.control, q.control);
      EXPECT_EQ(p.population, q.population);
      EXPECT_EQ(p.terrain, q.terrain);
      EXPECT_EQ(p.coastal, q.coastal);
      EXPECT_EQ(p.port, q.port);
      EXPECT_EQ(p.at.lat, q.at.lat);
      EXPECT_EQ(p.at.lon, q.at.lon);
      EXPECT_EQ(p.admin1, q.admin1);
      EXPECT_EQ(p.fortification, q.fortification);
    }
    ASSERT_EQ(x.links.size(), y.links.size());
    for (size_t i = 0; i < x.links.size(); ++i) {
      SCOPED_TRACE("link " + std::to_string(i));
      EXPECT_EQ(x.links[i].a, y.links[i].a);
      EXPECT_EQ(x.links[i].b, y.links[i].b);
      EXPECT_EQ(x.links[i].kind, y.links[i].kind);
      EXPECT_EQ(x.links[i].km, y.links[i].km);
      EXPECT_EQ(x.links[i].river, y.links[i].river);
    }
    for (auto lists : {std::pair{&x.entry, &y.entry}, std::pair{&x.borders, &y.borders}}) {
      ASSERT_EQ(lists.first->size(), lists.second->size());
      for (size_t i = 0; i < lists.first->size(); ++i) {
        EXPECT_EQ((*lists.first)[i].actor, (*lists.second)[i].actor);
        EXPECT_EQ((*lists.first)[i].regions, (*lists.second)[i].regions);
      }
    }
  }

  ASSERT_EQ(a.forces.size(), b.forces.size());
  for (size_t i = 0; i < a.forces.size(); ++i) {
    const Force &x = a.forces[i], &y = b.forces[i];
    SCOPED_TRACE("force " + std::to_string(i));
    EXPECT_EQ(x.actor, y.actor);
    EXPECT_EQ(x.theater, y.theater);
    EXPECT_EQ(x.region, y.region);
    EXPECT_EQ(x.reserve, y.reserve);
    EXPECT_EQ(x.arrival_days, y.arrival_days);
    same(x.equipment, y.equipment);
  }

  ASSERT_EQ(a.wars.size(), b.wars.size());
  for (size_t i = 0; i < a.wars.size(); ++i) {
    const War &x = a.wars[i], &y = b.wars[i];
    SCOPED_TRACE("war " + x.id);
    EXPECT_EQ(x.id, y.id);
    EXPECT_EQ(x.name, y.name);
    EXPECT_EQ(x.attackers, y.attackers);
    EXPECT_EQ(x.defenders, y.defenders);
    EXPECT_EQ(x.theater, y.theater);
    ASSERT_EQ(x.aims.size(), y.aims.size());
    for (size_t k = 0; k < x.aims.size(); ++k) {
      EXPECT_EQ(x.aims[k].actor, y.aims[k].actor);
      EXPECT_EQ(x.aims[k].kind, y.aims[k].kind);
      EXPECT_EQ(x.aims[k].regions, y.aims[k].regions);
    }
  }

  ASSERT_EQ(a.events.size(), b.events.size());
  for (size_t i = 0; i < a.events.size(); ++i) {
    const Event &x = a.events[i], &y = b.events[i];
    SCOPED_TRACE("event " + std::to_string(i));
    EXPECT_EQ(x.kind, y.kind);
    EXPECT_EQ(x.at, y.at);
    same(x.when, y.when);
    EXPECT_EQ(x.actor, y.actor);
    EXPECT_EQ(x.treaty, y.treaty);
    EXPECT_EQ(x.organization, y.organization);
    EXPECT_EQ(x.note, y.note);
  }

  ASSERT_EQ(a.params.size(), b.params.size());
  for (size_t i = 0; i < a.params.size(); ++i) {
    EXPECT_EQ(a.params[i].key, b.params[i].key);
    EXPECT_EQ(a.params[i].value, b.params[i].value) << a.params[i].key;
  }

  ASSERT_EQ(a.uncertain.size(), b.uncertain.size());
  for (size_t i = 0; i < a.uncertain.size(); ++i) {
    const Uncertain &x = a.uncertain[i], &y = b.uncertain[i];
    SCOPED_TRACE("uncertain " + x.path);
    EXPECT_EQ(x.path, y.path);
    EXPECT_EQ(x.dist.kind, y.dist.kind);
    EXPECT_EQ(x.dist.args, y.dist.args);
    EXPECT_EQ(x.clip, y.clip);
  }

  ASSERT_EQ(a.variants.size(), b.variants.size());
  for (size_t i = 0; i < a.variants.size(); ++i) {
    const Variant &x = a.variants[i], &y = b.variants[i];
    SCOPED_TRACE("variant " + x.name);
    EXPECT_EQ(x.name, y.name);
    EXPECT_EQ(x.description, y.description);
    ASSERT_EQ(x.set.size(), y.set.size());
    for (size_t k = 0; k < x.set.size(); ++k) {
      EXPECT_EQ(x.set[k].path, y.set[k].path);
      EXPECT_EQ(x.set[k].value, y.set[k].value);
    }
    same(x.when, y.when);
  }

  const History &h = a.history, &k = b.history;
  EXPECT_EQ(h.present, k.present);
  EXPECT_EQ(h.outcome, k.outcome);
  EXPECT_EQ(h.end, k.end);
  ASSERT_EQ(h.checkpoints.size(), k.checkpoints.size());
  for (size_t i = 0; i < h.checkpoints.size(); ++i) {
    SCOPED_TRACE("checkpoint " + std::to_string(i));
    EXPECT_EQ(h.checkpoints[i].date, k.checkpoints[i].date);
    same(h.checkpoints[i].condition, k.checkpoints[i].condition);
  }
  EXPECT_EQ(h.battle_deaths_total, k.battle_deaths_total);
  EXPECT_EQ(h.battle_deaths_by_actor, k.battle_deaths_by_actor);
  EXPECT_EQ(h.entries, k.entries);
  EXPECT_EQ(h.source, k.source);
}

}  // namespace

TEST(ScenarioWrite, EveryValidFileRoundTripsFieldByField) {
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir("tests/scenarios/valid"))) {
    SCOPED_TRACE(entry.path().string());
    ++files;
    const Scenario original = load_scenario(entry.path().string());
    const std::string text = write_scenario(original);
    const Scenario again = reparse(text);
    same(original, again);
    EXPECT_EQ(write_scenario(again), text) << "writing is a fixed point";
  }
  EXPECT_GE(files, 3);
}

TEST(ScenarioWrite, NumbersRoundTripExactly) {
  Scenario s = load_scenario(dir("tests/scenarios/valid/minimal.yaml"));
  const double awkward[] = {0.1 + 0.2, 1.0 / 3.0, 5e-324, 1.7976931348623157e308, 123456789.123456789,
                            9.6e6, 2.5e-12, 6000000.5, 1e7, 9999999};
  for (double v : awkward) {
    s.actors[0].population = v;
    s.actors[0].gdp_usd = v;
    const Scenario again = reparse(write_scenario(s));
    EXPECT_EQ(again.actors[0].population, v) << write_scenario(s);
  }
}

TEST(ScenarioWrite, NumbersAreWrittenAsPeopleWriteThem) {
  Scenario s = load_scenario(dir("tests/scenarios/valid/minimal.yaml"));
  s.actors[0].population = 9.6e6;
  s.actors[0].gdp_usd = 1.5e9;
  s.actors[0].military.stock.personnel = 198380;
  s.actors[0].casualty_tolerance = 0.75;
  const std::string text = write_scenario(s);
  EXPECT_NE(text.find("population: 9600000\n"), std::string::npos) << text;
  EXPECT_NE(text.find("gdp_usd: 1.5e9\n"), std::string::npos) << text;
  EXPECT_NE(text.find("military: {personnel: 198380}"), std::string::npos) << text;
  EXPECT_NE(text.find("casualty_tolerance: 0.75\n"), std::string::npos) << text;
}

TEST(ScenarioWrite, StringsAreQuotedWhenTheyMustBe) {
  Scenario s = load_scenario(dir("tests/scenarios/valid/minimal.yaml"));
  const std::string names[] = {"Korea: North",   "#1 state", "say \"hi\"",     "true",          "no",
                               "1950",           "0x1F",     " padded ",       "a\\b",          "line\nbreak",
                               "조선민주주의인민공화국", "[list]", "{map}",    "- dash",        "tab\there",
                               "null",           "~",        "a, b",           "it's",          "50%",
                               "next\xC2\x85line", "sep\xE2\x80\xA8" "ara\xE2\x80\xA9" "tors", "\xEF\xBB\xBF" "bom",
                               "ctrl\x01\x7F"};
  for (const auto& name : names) {
    s.actors[0].name = name;
    s.info.sources = {name, "plain", ""};
    s.theaters[0].regions[0].admin1 = {name};
    const Scenario again = reparse(write_scenario(s));
    EXPECT_EQ(again.actors[0].name, name);
    EXPECT_EQ(again.info.sources, s.info.sources);
    EXPECT_EQ(again.theaters[0].regions[0].admin1, s.theaters[0].regions[0].admin1);
  }
}

TEST(ScenarioWrite, DefaultsAreLeftOut) {
  const Scenario s = load_scenario(dir("tests/scenarios/valid/minimal.yaml"));
  const std::string text = write_scenario(s);
  for (const char* absent : {"casualty_tolerance", "military", "control", "terrain", "kind", "forces", "model"})
    EXPECT_EQ(text.find(absent), std::string::npos) << absent << " in\n" << text;
  EXPECT_NE(text.find("- [north, south]"), std::string::npos) << text;
}

TEST(ScenarioWrite, AppliedVariantAndDrawsRoundTrip) {
  const Scenario base = load_scenario(dir("tests/scenarios/valid/full.yaml"));
  Scenario s = apply_variant(base, "late-aid");
  Rng rng(99);
  draw_uncertain(s, rng);
  const std::string text = write_scenario(s);
  EXPECT_NE(text.find("# written with variants applied: late-aid"), std::string::npos);
  const Scenario again = reparse(text);
  same(s, again);
}
