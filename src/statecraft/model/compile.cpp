#include <algorithm>
#include <cmath>
#include <climits>
#include <string_view>
#include <unordered_map>

#include "model/model.h"

namespace statecraft {

double distance_km(LatLon a, LatLon b) {
  constexpr double kEarthRadiusKm = 6371.0;
  constexpr double kRad = 3.14159265358979323846 / 180.0;
  const double dlat = (b.lat - a.lat) * kRad;
  const double dlon = (b.lon - a.lon) * kRad;
  const double h = std::sin(dlat / 2) * std::sin(dlat / 2) +
                   std::cos(a.lat * kRad) * std::cos(b.lat * kRad) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * kEarthRadiusKm * std::asin(std::min(1.0, std::sqrt(h)));
}

int find_actor(const Model& m, std::string_view id) {
  for (int i = 0; i < m.nactor; ++i)
    if (m.actor_id[i] == id) return i;
  return kNone;
}

int find_region(const Model& m, std::string_view id) {
  for (int i = 0; i < m.nregion; ++i)
    if (m.region_id[i] == id) return i;
  return kNone;
}

namespace {

Equip to_equip(const Equipment& e) { return {e.personnel, e.tanks, e.artillery, e.aircraft, e.ships}; }

struct Names {
  std::unordered_map<std::string_view, int> actor, region, theater, treaty, org;
  const Scenario* s = nullptr;

  [[noreturn]] void fail(Loc loc, const std::string& key, const std::string& what) const {
    throw InputError({Diagnostic{s->file, loc, key, what, "", ""}});
  }
  int need(const std::unordered_map<std::string_view, int>& map, std::string_view id, Loc loc,
           const char* kind) const {
    auto it = map.find(id);
    if (it == map.end()) fail(loc, kind, "unknown " + std::string(kind) + " '" + std::string(id) + "'");
    return it->second;
  }
  int actor_of(std::string_view id, Loc loc) const { return need(actor, id, loc, "actor"); }
  int region_of(std::string_view id, Loc loc) const { return need(region, id, loc, "region"); }
};

// Every component of the Correlates of War CINC, shared out among the
// scenario's own actors; used only for actors whose file gives no `cinc`.
void fill_missing_cinc(const Scenario& s, Model& m) {
  const int n = m.nactor;
  std::vector<double> comp[6];
  for (auto& c : comp) c.assign(n, 0);
  for (int i = 0; i < n; ++i) {
    const Actor& a = s.actors[i];
    comp[0][i] = a.military.spending_usd;
    comp[1][i] = a.military.stock.personnel;
    comp[2][i] = a.industry.iron_steel_tons;
    comp[3][i] = a.industry.energy_coal_tons;
    comp[4][i] = a.population;
    comp[5][i] = a.urban_population;
  }
  for (int i = 0; i < n; ++i) {
    if (s.actors[i].cinc) continue;
    double share_sum = 0;
    int used = 0;
    for (const auto& c : comp) {
      double total = 0;
      for (double v : c) total += v;
      if (total <= 0) continue;  // a component nobody reports says nothing
      share_sum += c[i] / total;
      ++used;
    }
    m.actor[i].cinc = used ? share_sum / used : 0;
  }
}

int compile_condition(const Condition& c, const Names& names, Model& m) {
  if (c.nodes.empty()) return kNone;
  // nodes are appended in file order; child indices are shifted by the base
  const int base = static_cast<int>(m.cond_node.size());
  m.cond_node.resize(m.cond_node.size() + c.nodes.size());
  for (size_t i = 0; i < c.nodes.size(); ++i) {
    const Condition::Node& src = c.nodes[i];
    CondNode& dst = m.cond_node[base + static_cast<int>(i)];
    dst.op = src.op;
    if (!src.actor.empty()) dst.actor = names.actor_of(src.actor, src.loc);
    if (!src.region.empty()) dst.region = names.region_of(src.region, src.loc);
    dst.day = src.date.day;
    dst.value = src.value;
    dst.child_begin = static_cast<int>(m.cond_child.size());
    for (int child : src.children) m.cond_child.push_back(base + child);
    dst.child_end = static_cast<int>(m.cond_child.size());
  }
  return base;
}

// Great-circle distances between regions, and from every region to each
// actor's homeland (its own regions, border regions or capital point).
void compute_distances(Model& m) {
  m.region_km.assign(static_cast<size_t>(m.nregion) * m.nregion, 0);
  for (int a = 0; a < m.nregion; ++a)
    for (int b = 0; b < m.nregion; ++b)
      m.region_km[static_cast<size_t>(a) * m.nregion + b] = distance_km(m.region[a].at, m.region[b].at);
  m.home_km.assign(static_cast<size_t>(m.nactor) * m.nregion, 1e9);
  for (int a = 0; a < m.nactor; ++a)
    for (int r = 0; r < m.nregion; ++r) {
      double& d = m.home_km[static_cast<size_t>(a) * m.nregion + r];
      if (m.region[r].owner == a) d = 0;
      const int k = m.region[r].theater * m.nactor + a;
      for (int j = m.border_begin[k]; j < m.border_begin[k + 1]; ++j) d = std::min(d, m.km(r, m.border_region[j]));
      if (m.actor[a].has_at) d = std::min(d, distance_km(m.region[r].at, m.actor[a].at));
    }
}

Model compile_impl(const Scenario& s, const Model* same_map) {
  Model m;
  Names names;
  names.s = &s;
  m.scenario_id = s.info.id;
  m.start_day = s.info.start.day;
  m.horizon_day = s.info.horizon.day;
  m.step_days = s.info.step == StepUnit::week ? 7 : 1;
  m.coef = coefficients_of(s);

  // actors
  m.nactor = static_cast<int>(s.actors.size());
  for (int i = 0; i < m.nactor; ++i) names.actor[s.actors[i].id] = i;
  for (int i = 0; i < static_cast<int>(s.theaters.size()); ++i) names.theater[s.theaters[i].id] = i;
  m.ntheater = static_cast<int>(s.theaters.size());
  m.actor.resize(m.nactor);
  for (const Actor& a : s.actors) m.naxes = std::max<int>(m.naxes, static_cast<int>(a.ideology.size()));
  m.ideology.assign(static_cast<size_t>(m.nactor) * m.naxes, 0);
  m.interest.assign(static_cast<size_t>(m.nactor) * m.ntheater, 0);
  for (int i = 0; i < m.nactor; ++i) {
    const Actor& a = s.actors[i];
    m.actor_id.push_back(a.id);
    m.actor_name.push_back(a.name);
    ActorModel& am = m.actor[i];
    am.kind = a.kind;
    am.population = a.population;
    am.gdp_usd = a.gdp_usd;
    am.stock = to_equip(a.military.stock);
    am.production_per_year = to_equip(a.military.production_per_year);
    am.quality = a.military.quality;
    am.spending_usd = a.military.spending_usd;
    am.deployable_share = a.military.deployable_share;
    am.deploy_days = a.military.deploy_days;
    am.warheads = a.nuclear_warheads;
    am.regime = a.regime;
    am.casualty_tolerance = a.casualty_tolerance;
    am.cinc = a.cinc.value_or(0);
    am.major_power = a.major_power;
    am.abstain = a.abstain;
    am.has_at = a.at.has_value();
    if (a.at) am.at = *a.at;
    for (size_t k = 0; k < a.ideology.size(); ++k) m.ideology[static_cast<size_t>(i) * m.naxes + k] = a.ideology[k];
    for (const Interest& in : a.interests) {
      auto it = names.theater.find(in.theater);
      if (it == names.theater.end()) names.fail(in.loc, "interests", "unknown theater '" + in.theater + "'");
      m.interest[static_cast<size_t>(i) * m.ntheater + it->second] = in.stake;
    }
  }
  fill_missing_cinc(s, m);

  // relations
  const size_t nn = static_cast<size_t>(m.nactor) * m.nactor;
  m.affinity.assign(nn, 0);
  m.trade_usd.assign(nn, 0);
  m.sanctions.assign(nn, 0);
  m.aid_usd.assign(nn, 0);
  for (const Relation& r : s.relations) {
    switch (r.kind) {
      case Relation::Kind::pair: {
        const int a = names.actor_of(r.between.at(0), r.loc), b = names.actor_of(r.between.at(1), r.loc);
        m.affinity[a * m.nactor + b] = m.affinity[b * m.nactor + a] = r.affinity;
        m.trade_usd[a * m.nactor + b] = m.trade_usd[b * m.nactor + a] = r.trade_usd;
        break;
      }
      case Relation::Kind::sanctions: {
        const int on = names.actor_of(r.on, r.loc);
        for (const auto& by : r.by) m.sanctions[names.actor_of(by, r.loc) * m.nactor + on] = 1;
        break;
      }
      case Relation::Kind::aid:
        m.aid_usd[names.actor_of(r.from, r.loc) * m.nactor + names.actor_of(r.to, r.loc)] += r.usd_per_year;
        break;
    }
  }

  // regions: theatres in file order, regions consecutive within each
  for (int t = 0; t < m.ntheater; ++t) {
    const Theater& th = s.theaters[t];
    m.theater_id.push_back(th.id);
    TheaterModel tm;
    tm.region_begin = m.nregion;
    for (const Region& r : th.regions) {
      names.region[r.id] = m.nregion++;
      m.region_id.push_back(r.id);
      m.region_name.push_back(r.name);
      m.region_admin1.push_back(r.admin1);
      RegionModel rm;
      rm.theater = t;
      rm.owner = names.actor_of(r.owner, r.loc);
      rm.control = r.control.empty() ? rm.owner : names.actor_of(r.control, r.loc);
      rm.population = r.population;
      rm.terrain = r.terrain;
      rm.coastal = r.coastal;
      rm.port = r.port;
      rm.at = r.at;
      rm.fortification = r.fortification;
      m.region.push_back(rm);
      tm.population += r.population;
    }
    tm.region_end = m.nregion;
    m.theater.push_back(tm);
  }
  for (const Theater& th : s.theaters) {
    for (const Link& l : th.links) {
      LinkModel lm;
      lm.a = names.region_of(l.a, l.loc);
      lm.b = names.region_of(l.b, l.loc);
      lm.kind = l.kind;
      lm.km = l.km ? *l.km : distance_km(m.region[lm.a].at, m.region[lm.b].at);
      lm.km = std::max(lm.km, 1.0);
      lm.river = l.river;
      m.link.push_back(lm);
    }
  }
  m.nlink = static_cast<int>(m.link.size());
  // adjacency in CSR form, neighbours in link order so iteration is deterministic
  m.adj_begin.assign(m.nregion + 1, 0);
  for (const LinkModel& l : m.link) {
    ++m.adj_begin[l.a + 1];
    ++m.adj_begin[l.b + 1];
  }
  for (int r = 0; r < m.nregion; ++r) m.adj_begin[r + 1] += m.adj_begin[r];
  m.adj_link.assign(m.adj_begin[m.nregion], 0);
  m.adj_region.assign(m.adj_begin[m.nregion], 0);
  {
    std::vector<int> fill(m.adj_begin.begin(), m.adj_begin.end() - 1);
    for (int li = 0; li < m.nlink; ++li) {
      const LinkModel& l = m.link[li];
      m.adj_link[fill[l.a]] = li;
      m.adj_region[fill[l.a]++] = l.b;
      m.adj_link[fill[l.b]] = li;
      m.adj_region[fill[l.b]++] = l.a;
    }
  }
  m.adj_reverse.assign(m.adj_link.size(), 0);
  for (int r = 0; r < m.nregion; ++r)
    for (int k = m.adj_begin[r]; k < m.adj_begin[r + 1]; ++k) {
      const int n = m.adj_region[k];
      for (int j = m.adj_begin[n]; j < m.adj_begin[n + 1]; ++j)
        if (m.adj_link[j] == m.adj_link[k]) m.adj_reverse[k] = j;
    }
  // entry and border regions per (theatre, actor)
  auto build_csr = [&](auto member, std::vector<int>& begin, std::vector<int>& regions) {
    std::vector<std::vector<int>> lists(static_cast<size_t>(m.ntheater) * m.nactor);
    for (int t = 0; t < m.ntheater; ++t)
      for (const ActorRegions& ar : s.theaters[t].*member) {
        auto& list = lists[static_cast<size_t>(t) * m.nactor + names.actor_of(ar.actor, ar.loc)];
        for (const auto& rid : ar.regions) list.push_back(names.region_of(rid, ar.loc));
      }
    begin.assign(lists.size() + 1, 0);
    regions.clear();
    for (size_t k = 0; k < lists.size(); ++k) {
      regions.insert(regions.end(), lists[k].begin(), lists[k].end());
      begin[k + 1] = static_cast<int>(regions.size());
    }
  };
  build_csr(&Theater::entry, m.entry_begin, m.entry_region);
  build_csr(&Theater::borders, m.border_begin, m.border_region);
  if (same_map && same_map->nregion == m.nregion && same_map->nactor == m.nactor) {
    m.region_km = same_map->region_km;
    m.home_km = same_map->home_km;
  } else {
    compute_distances(m);
  }
  for (int i = 0; i < m.nactor; ++i)
    if (!s.actors[i].capital.empty()) m.actor[i].capital = names.region_of(s.actors[i].capital, s.actors[i].loc);
  m.seat_pull.resize(m.region_km.size());
  for (size_t i = 0; i < m.region_km.size(); ++i) m.seat_pull[i] = std::exp(-m.region_km[i] / 60);
  m.owns_in.assign(static_cast<size_t>(m.nactor) * m.ntheater, 0);
  for (int r = 0; r < m.nregion; ++r) m.owns_in[static_cast<size_t>(m.region[r].owner) * m.ntheater + m.region[r].theater] = 1;

  // forces
  for (const Force& f : s.forces) {
    ForceModel fm;
    fm.actor = names.actor_of(f.actor, f.loc);
    fm.theater = names.need(names.theater, f.theater, f.loc, "theater");
    fm.region = f.reserve ? kNone : names.region_of(f.region, f.loc);
    fm.arrival_days = f.arrival_days;
    fm.equip = to_equip(f.equipment);
    m.force.push_back(fm);
  }

  // treaties
  m.ntreaty = static_cast<int>(s.treaties.size());
  for (int i = 0; i < m.ntreaty; ++i) names.treaty[s.treaties[i].id] = i;
  for (const Treaty& t : s.treaties) {
    m.treaty_id.push_back(t.id);
    TreatyModel tm;
    tm.type = t.type;
    tm.reliability = t.reliability;
    if (t.signed_on) tm.signed_day = t.signed_on->day;
    if (t.ends_on) tm.ends_day = t.ends_on->day;
    tm.member_begin = static_cast<int>(m.treaty_member.size());
    for (const auto& a : t.members) m.treaty_member.push_back(names.actor_of(a, t.loc));
    tm.member_end = static_cast<int>(m.treaty_member.size());
    m.treaty.push_back(tm);
  }

  // organizations
  m.norg = static_cast<int>(s.organizations.size());
  for (int i = 0; i < m.norg; ++i) names.org[s.organizations[i].id] = i;
  m.council_absent.assign(static_cast<size_t>(m.norg) * m.nactor, 0);
  for (int oi = 0; oi < m.norg; ++oi) {
    const Organization& o = s.organizations[oi];
    m.org_id.push_back(o.id);
    OrgModel om;
    om.kind = o.kind;
    om.reliability = o.reliability;
    auto add = [&](const std::vector<std::string>& ids, int& b, int& e) {
      b = static_cast<int>(m.org_member.size());
      for (const auto& a : ids) m.org_member.push_back(names.actor_of(a, o.loc));
      e = static_cast<int>(m.org_member.size());
    };
    add(o.members, om.member_begin, om.member_end);
    if (o.council) {
      om.has_council = true;
      om.veto = o.council->veto;
      add(o.council->permanent, om.permanent_begin, om.permanent_end);
      add(o.council->members, om.elected_begin, om.elected_end);
      for (const auto& a : o.council->absent) m.council_absent[oi * m.nactor + names.actor_of(a, o.loc)] = 1;
    }
    m.org.push_back(om);
  }

  // wars
  m.nwar = static_cast<int>(s.wars.size());
  m.war_side.assign(static_cast<size_t>(m.nwar) * m.nactor, 0);
  for (int wi = 0; wi < m.nwar; ++wi) {
    const War& w = s.wars[wi];
    m.war_id.push_back(w.id);
    WarModel wm;
    wm.theater = names.need(names.theater, w.theater, w.loc, "theater");
    for (const auto& a : w.attackers) m.war_side[wi * m.nactor + names.actor_of(a, w.loc)] = 1;
    for (const auto& a : w.defenders) m.war_side[wi * m.nactor + names.actor_of(a, w.loc)] = 2;
    wm.aim_begin = static_cast<int>(m.war_aim.size());
    // every belligerent gets an aim; `own` unless the file says otherwise
    for (int a = 0; a < m.nactor; ++a) {
      if (!m.war_side[wi * m.nactor + a]) continue;
      AimModel am;
      am.actor = a;
      am.region_begin = am.region_end = static_cast<int>(m.aim_region.size());
      for (const Aim& aim : w.aims) {
        if (names.actor_of(aim.actor, aim.loc) != a) continue;
        am.kind = aim.kind == Aim::Kind::all ? AimKind::all : aim.kind == Aim::Kind::own ? AimKind::own : AimKind::regions;
        for (const auto& rid : aim.regions) m.aim_region.push_back(names.region_of(rid, aim.loc));
        am.region_end = static_cast<int>(m.aim_region.size());
      }
      m.war_aim.push_back(am);
    }
    wm.aim_end = static_cast<int>(m.war_aim.size());
    wm.started_day = w.started ? w.started->day - m.start_day : 0;
    wm.status = w.status;
    wm.guarantor_begin = static_cast<int>(m.war_guarantor.size());
    for (const auto& g : w.guarantors) m.war_guarantor.push_back(names.actor_of(g, w.loc));
    wm.guarantor_end = static_cast<int>(m.war_guarantor.size());
    m.war.push_back(wm);
  }

  // events and history
  for (const Event& e : s.events) {
    EventModel em;
    em.kind = e.kind;
    if (e.at) em.at_day = e.at->day;
    else em.cond = compile_condition(e.when, names, m);
    if (!e.actor.empty()) em.actor = names.actor_of(e.actor, e.loc);
    if (!e.treaty.empty()) em.treaty = names.need(names.treaty, e.treaty, e.loc, "treaty");
    if (!e.organization.empty()) em.organization = names.need(names.org, e.organization, e.loc, "organization");
    m.event.push_back(em);
  }
  m.has_history = s.history.present;
  for (const Checkpoint& c : s.history.checkpoints)
    m.checkpoint.push_back({c.date.day, compile_condition(c.condition, names, m), describe_condition(c.condition)});
  return m;
}

}  // namespace

Model compile(const Scenario& s) { return compile_impl(s, nullptr); }
Model compile(const Scenario& s, const Model& same_map) { return compile_impl(s, &same_map); }

}  // namespace statecraft
