#include "data/system.h"

#include <algorithm>
#include <map>
#include <set>

namespace statecraft {

namespace {

bool is_upper3(const std::string& s) {
  return s.size() == 3 && std::all_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// ccode -> actor id for every state of states2016
std::map<int, std::string> actor_ids(const CowData& d) {
  std::map<std::string, std::set<int>> codes_of;
  for (const auto& s : d.states) codes_of[s.abb].insert(s.ccode);
  std::map<int, std::string> ids;
  for (const auto& s : d.states) {
    const bool usable = is_upper3(s.abb) && codes_of[s.abb].size() == 1;
    ids.emplace(s.ccode, usable ? s.abb : "cow" + std::to_string(s.ccode));
  }
  return ids;
}

std::string id_of(const std::map<int, std::string>& ids, int ccode) {
  const auto it = ids.find(ccode);
  return it != ids.end() ? it->second : "cow" + std::to_string(ccode);
}

bool overlaps(Date start, std::optional<Date> end, Date lo, Date hi) { return start <= hi && (!end || *end >= lo); }

std::string ccode_label(int ccode, const std::string& name) { return name + " (ccode " + std::to_string(ccode) + ")"; }

}  // namespace

std::string cow_actor_id(const CowData& d, int ccode) { return id_of(actor_ids(d), ccode); }

SystemYear system_year(const CowData& d, int year) {
  SystemYear out;
  out.year = year;
  const auto ids = actor_ids(d);
  const Date jan1{days_from_civil(year, 1, 1)}, dec31{days_from_civil(year, 12, 31)};

  std::map<int, std::string> name_of;
  for (const auto& s : d.states) name_of.emplace(s.ccode, s.name);

  // members of the system this year (system2016 is sorted by year, ccode)
  std::vector<int> members;
  for (const auto& m : d.system)
    if (m.year == year) members.push_back(m.ccode);
  if (members.empty())
    throw InputError(
        {Diagnostic{d.dir + "/" + kCowSystemFile, Loc{}, "year", "no state is in the system in " + std::to_string(year),
                    "a year of system2016 (1816..2016)", ""}});
  const std::set<int> in_system(members.begin(), members.end());

  Scenario& s = out.scenario;
  s.info.id = "cow-system-" + std::to_string(year);
  s.info.title = "Correlates of War state system, " + std::to_string(year);
  s.info.description = "States, capabilities and alliances in force from the Correlates of War data";
  s.info.start = jan1;
  s.info.horizon = dec31;
  s.info.sources = {
      "COW National Material Capabilities 6.0 (Singer, Bremer and Stuckey 1972; Greig and Enterline 2021)",
      "COW State System Membership and Major Powers v2016 (Correlates of War Project 2017)",
      "COW Formal Alliances 4.1 (Gibler 2009)", "COW Direct Contiguity 3.2 (Stinnett et al. 2002)"};

  // actors with their capabilities; NMC thousands become units
  for (const int ccode : members) {
    Actor a;
    a.id = id_of(ids, ccode);
    a.cow = ccode;
    a.kind = ActorKind::state;
    const auto nm = name_of.find(ccode);
    a.name = nm != name_of.end() ? nm->second : a.id;
    ActorGaps g{a.id, ccode, {}, {}};
    const NmcRow* n = find_nmc(d, ccode, year);
    auto put = [&](const std::optional<double> NmcRow::*field, double& dst, const char* path) {
      if (n && n->*field)
        dst = *(n->*field) * 1000.0;
      else
        g.missing.push_back(path);
    };
    put(&NmcRow::tpop, a.population, "population");
    put(&NmcRow::upop, a.urban_population, "urban_population");
    put(&NmcRow::milper, a.military.stock.personnel, "military.personnel");
    put(&NmcRow::milex, a.military.spending_usd, "military.spending_usd");
    put(&NmcRow::irst, a.industry.iron_steel_tons, "industry.iron_steel_tons");
    put(&NmcRow::pec, a.industry.energy_coal_tons, "industry.energy_coal_tons");
    if (n && n->cinc)
      a.cinc = n->cinc;
    else
      g.missing.push_back("cinc");
    if (year < 1914 && n && n->milex)
      g.notes.push_back(
          "military.spending_usd: NMC gives military expenditure before 1914 in British pounds; "
          "the value is pounds, not converted to dollars");
    if (!n) g.notes.push_back("no NMC row for this state-year");
    for (const auto& m : d.majors)
      if (m.ccode == ccode && overlaps(m.start, m.end, jan1, dec31)) a.major_power = true;
    s.actors.push_back(std::move(a));
    out.gaps.push_back(std::move(g));
  }

  // alliances in force: rows are sorted by alliance, so each alliance is a run of rows
  for (size_t i = 0; i < d.alliances.size();) {
    size_t j = i;
    while (j < d.alliances.size() && d.alliances[j].alliance == d.alliances[i].alliance) ++j;
    const AllianceMember& first = d.alliances[i];
    std::set<int> in_force;  // ordered, and a member with two spells in the year counts once
    for (size_t k = i; k < j; ++k)
      if (overlaps(d.alliances[k].member_start, d.alliances[k].member_end, jan1, dec31))
        in_force.insert(d.alliances[k].ccode);
    if (!in_force.empty()) {
      const std::string tid = "cow-alliance-" + std::to_string(first.alliance);
      Treaty t;
      t.id = tid;
      t.name = "COW alliance " + std::to_string(first.alliance) + " (" + first.ss_type + ")";
      t.type = first.type;
      t.signed_on = first.alliance_start;
      t.ends_on = first.alliance_end;
      for (const int c : in_force) {
        if (in_system.count(c)) {
          t.members.push_back(id_of(ids, c));
          continue;
        }
        std::string member_name;
        for (size_t k = i; k < j; ++k)
          if (d.alliances[k].ccode == c) member_name = d.alliances[k].state_name;
        out.notes.push_back(tid + ": member " + ccode_label(c, member_name) + " is not in the state system in " +
                            std::to_string(year) + "; left out");
      }
      if (t.members.size() >= 2)
        s.treaties.push_back(std::move(t));
      else
        out.notes.push_back(tid + ": fewer than two members in the system in " + std::to_string(year) + "; dropped");
    }
    i = j;
  }

  // contiguity: the closest type in force at any time of the year, per pair
  const int lo = year * 100 + 1, hi = year * 100 + 12;
  for (const auto& c : d.contiguity) {
    if (c.begin > hi || c.end < lo) continue;
    if (!in_system.count(c.ccode1) || !in_system.count(c.ccode2)) {
      out.notes.push_back("contiguity " + c.abb1 + "-" + c.abb2 + ": a state is not in the system in " +
                          std::to_string(year) + "; left out");
      continue;
    }
    // spells of a pair are adjacent in the sorted file
    if (!out.contiguity.empty() && out.contiguity.back().ccode_a == c.ccode1 &&
        out.contiguity.back().ccode_b == c.ccode2) {
      out.contiguity.back().conttype = std::min(out.contiguity.back().conttype, c.conttype);
    } else {
      out.contiguity.push_back(
          Contiguity{id_of(ids, c.ccode1), id_of(ids, c.ccode2), c.ccode1, c.ccode2, c.conttype, LinkKind::land, 0});
    }
  }
  static constexpr double kWaterMiles[] = {0, 0, 12, 24, 150, 400};
  for (auto& c : out.contiguity) {
    c.kind = c.conttype == 1 ? LinkKind::land : LinkKind::sea;
    c.max_water_miles = kWaterMiles[c.conttype];
  }
  return out;
}

std::optional<WarRecord> war_participants(const CowData& d, int war_num) {
  const auto from =
      std::lower_bound(d.wars.begin(), d.wars.end(), war_num, [](const WarRow& r, int n) { return r.war_num < n; });
  const auto to = std::upper_bound(from, d.wars.end(), war_num, [](int n, const WarRow& r) { return n < r.war_num; });
  if (from == to) return std::nullopt;
  const auto ids = actor_ids(d);
  WarRecord w;
  w.war_num = war_num;
  w.name = from->war_name;
  // rows are sorted by (war, side, ccode, start): the order carries over
  for (auto it = from; it != to; ++it) {
    const WarRow& r = *it;
    WarParticipant p{id_of(ids, r.ccode), r.ccode,  r.state_name, r.side,         r.initiator,
                     r.outcome,           r.spell1, r.spell2,     r.battle_deaths};
    if (r.initiator && std::find(w.initiators.begin(), w.initiators.end(), p.id) == w.initiators.end())
      w.initiators.push_back(p.id);
    if (r.battle_deaths)
      w.side_battle_deaths[static_cast<size_t>(r.side - 1)] += *r.battle_deaths;
    else
      ++w.unknown_battle_deaths;
    for (const WarSpell* sp : {&r.spell1, r.spell2 ? &*r.spell2 : nullptr}) {
      if (!sp) continue;
      if (sp->start && (!w.start || *sp->start < *w.start)) w.start = sp->start;
      if (sp->end && (!w.end || *sp->end > *w.end)) w.end = sp->end;
    }
    w.participants.push_back(std::move(p));
  }
  return w;
}

}  // namespace statecraft
