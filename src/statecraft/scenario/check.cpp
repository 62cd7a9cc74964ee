// The semantic checks: ranges, ids and every cross-reference, over the
// structs alone so they run again after a variant or code has changed a
// Scenario. Positions come from the reader's source map when there is one,
// else from the entities' own Locs.
#include <algorithm>
#include <cmath>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "scenario/load.h"
#include "scenario/params.h"
#include "scenario/schema.h"

namespace statecraft {

namespace schema {

namespace {

using Index = std::unordered_map<std::string_view, int>;

std::string lower(std::string_view id) {
  std::string out(id);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

struct Checker {
  const Scenario& s;
  const SourceMap* src;
  std::vector<Diagnostic> out;

  Index actors, orgs, treaties, theaters, wars;
  struct Place {
    int theater;
    int region;
  };
  std::unordered_map<std::string_view, Place> regions;
  std::vector<std::string> actor_ids, org_ids, treaty_ids, theater_ids, war_ids, region_ids;

  Checker(const Scenario& scenario, const SourceMap* sources) : s(scenario), src(sources) {}

  Loc loc(const std::string& key, Loc fallback) const {
    if (src) {
      auto it = src->find(key);
      if (it != src->end() && it->second.line > 0) return it->second;
    }
    return fallback;
  }

  // past the limit nothing more is said, and the costly parts of failing checks are skipped
  bool full() const { return out.size() >= kMaxProblems; }

  void error(const std::string& key, Loc fallback, std::string message, std::string expected = {},
             std::string suggestion = {}) {
    error_at(loc(key, fallback), key, std::move(message), std::move(expected), std::move(suggestion));
  }

  // at a given position rather than the source map's (a map key, not its value)
  void error_at(Loc at, const std::string& key, std::string message, std::string expected = {},
                std::string suggestion = {}) {
    if (full()) return;
    if (at.line == 0) at = loc(key, at);
    out.push_back(Diagnostic{s.file, at, clip(key), clip(message), clip(expected), std::move(suggestion)});
    if (full()) out.push_back(Diagnostic{s.file, at, "", "too many problems; stopping here", "", ""});
  }

  void number(const std::string& key, Loc fallback, double v, Range r) {
    if (in_range(v, r)) return;
    error(key, fallback, fmt::format("{} is out of range", std::isfinite(v) ? format_number(v) : "non-finite value"),
          describe(r));
  }

  void latlon(const std::string& key, Loc fallback, LatLon p) {
    number(key + "[0]", fallback, p.lat, kLat);
    number(key + "[1]", fallback, p.lon, kLon);
  }

  static std::string last_segment(const std::string& key) {
    const size_t dot = key.rfind('.');
    return dot == std::string::npos ? key : key.substr(dot + 1);
  }

  // a reference to an entity of `index`; false when it names nothing
  bool ref(const std::string& key, Loc fallback, const std::string& id, const Index& index,
           const std::vector<std::string>& ids, std::string_view what, std::string_view section) {
    if (id.empty()) {
      error(key, fallback, fmt::format("missing required key '{}'", last_segment(key)));
      return false;
    }
    if (index.count(id)) return true;
    if (full()) return false;
    error(key, fallback, fmt::format("unknown {} '{}'", what, id), fmt::format("an id defined under {}", section),
          suggest(id, ids));
    return false;
  }
  bool actor(const std::string& key, Loc fallback, const std::string& id) {
    return ref(key, fallback, id, actors, actor_ids, "actor", "actors");
  }
  bool region(const std::string& key, Loc fallback, const std::string& id) {
    if (id.empty()) {
      error(key, fallback, fmt::format("missing required key '{}'", last_segment(key)));
      return false;
    }
    if (regions.count(id)) return true;
    if (full()) return false;
    error(key, fallback, fmt::format("unknown region '{}'", id), "a region id of theaters", suggest(id, region_ids));
    return false;
  }
  // a region of theatre `t` (t < 0: the theatre itself is unknown, only existence is checked)
  bool region_in(const std::string& key, Loc fallback, const std::string& id, int t) {
    if (t < 0) return region(key, fallback, id);
    if (id.empty()) {
      error(key, fallback, fmt::format("missing required key '{}'", last_segment(key)));
      return false;
    }
    const Theater& th = s.theaters[static_cast<size_t>(t)];
    auto it = regions.find(id);
    if (it == regions.end()) {
      if (full()) return false;
      std::vector<std::string> local;
      for (const auto& g : th.regions)
        if (local.size() <= 20000) local.push_back(g.id);
      error(key, fallback, fmt::format("unknown region '{}' in theatre '{}'", id, th.id),
            fmt::format("a region of theatre '{}'", th.id), suggest(id, local));
      return false;
    }
    if (it->second.theater != t) {
      error(key, fallback,
            fmt::format("region '{}' belongs to theatre '{}', not '{}'", id,
                        s.theaters[static_cast<size_t>(it->second.theater)].id, th.id),
            fmt::format("a region of theatre '{}'", th.id));
      return false;
    }
    return true;
  }
  const Region& region_of(const std::string& id) const {
    const Place p = regions.at(id);
    return s.theaters[static_cast<size_t>(p.theater)].regions[static_cast<size_t>(p.region)];
  }

  // --- sides ---

  static bool has(const std::vector<std::string>& v, const std::string& x) {
    return std::find(v.begin(), v.end(), x) != v.end();
  }

  // the groups each actor belongs to, sorted: war w's attackers are 2w and its
  // defenders 2w+1; treaties and organizations follow
  std::unordered_map<std::string_view, std::vector<size_t>> groups;
  std::unordered_map<std::string, int> side_cache;  // "a|b" -> -1 enemies, 1 friends, 0 neither

  void build_groups() {
    const size_t nw = s.wars.size(), nt = s.treaties.size();
    const auto add = [&](const std::vector<std::string>& members, size_t g) {
      for (const auto& m : members) {
        auto& list = groups[m];
        if (list.empty() || list.back() != g) list.push_back(g);
      }
    };
    for (size_t w = 0; w < nw; ++w) {
      add(s.wars[w].attackers, 2 * w);
      add(s.wars[w].defenders, 2 * w + 1);
    }
    for (size_t t = 0; t < nt; ++t) add(s.treaties[t].members, 2 * nw + t);
    for (size_t o = 0; o < s.organizations.size(); ++o) add(s.organizations[o].members, 2 * nw + nt + o);
  }

  // -1 when a and b fight on opposite sides of a war; 1 when b is a itself, a
  // co-belligerent, a treaty partner or a fellow member of an organization
  int side(const std::string& a, const std::string& b) {
    if (a == b) return 1;
    auto [it, fresh] = side_cache.emplace(a + "|" + b, 0);
    if (!fresh) return it->second;
    static const std::vector<size_t> kNone;
    const auto ga = groups.find(a), gb = groups.find(b);
    const std::vector<size_t>& A = ga == groups.end() ? kNone : ga->second;
    const std::vector<size_t>& B = gb == groups.end() ? kNone : gb->second;
    const size_t war_groups = 2 * s.wars.size();
    for (size_t g : A)
      if (g < war_groups && std::binary_search(B.begin(), B.end(), g ^ 1u)) return it->second = -1;
    std::vector<size_t> common;
    std::set_intersection(A.begin(), A.end(), B.begin(), B.end(), std::back_inserter(common));
    return it->second = common.empty() ? 0 : 1;
  }

  // --- ids ---

  template <class T, class GetId>
  void index_ids(const std::vector<T>& items, std::string_view section, std::string_view what, Index& index,
                 std::vector<std::string>& ids, GetId id_of) {
    for (size_t i = 0; i < items.size(); ++i) {
      const std::string& id = id_of(items[i]);
      const std::string key = fmt::format("{}[{}].id", section, i);
      if (id.empty()) {
        error(key, items[i].loc, "missing required key 'id'");
        continue;
      }
      check_id(key, items[i].loc, id);
      auto [it, inserted] = index.emplace(id, static_cast<int>(i));
      if (!inserted) {
        error(key, items[i].loc,
              fmt::format("duplicate {} id '{}' (first defined at line {})", what, id,
                          loc(fmt::format("{}[{}].id", section, it->second), items[static_cast<size_t>(it->second)].loc)
                              .line),
              fmt::format("ids unique within {}", section));
        continue;
      }
      ids.push_back(id);
    }
  }

  void check_id(const std::string& key, Loc fallback, const std::string& id) {
    if (is_id(id)) return;
    const std::string low = lower(id);
    error(key, fallback, fmt::format("'{}' is not a valid id", id), std::string(kIdExpected),
          is_id(low) ? low : std::string());
  }

  // --- sections ---

  // with a broken time frame every date would look out of it; that is reported once, at the horizon
  bool period_ok() const { return s.info.start < s.info.horizon; }

  void info() {
    if (s.schema_version != 1)
      error("statecraft", {}, fmt::format("unsupported schema version {}", s.schema_version), "statecraft: 1");
    if (s.info.id.empty())
      error("scenario.id", {}, "missing required key 'id'");
    else
      check_id("scenario.id", {}, s.info.id);
    if (s.info.title.empty()) error("scenario.title", {}, "missing required key 'title'");
    if (s.info.horizon <= s.info.start)
      error("scenario.horizon", {},
            fmt::format("horizon {} is not after start {}", format_date(s.info.horizon), format_date(s.info.start)),
            "a date after scenario.start");
  }

  void actor_section() {
    if (s.actors.empty()) error("actors", {}, "no actors", "at least one actor");
    size_t ideology_from = s.actors.size();  // first actor with an ideology sets the length
    for (size_t i = 0; i < s.actors.size(); ++i) {
      const Actor& a = s.actors[i];
      const std::string base = fmt::format("actors[{}]", i);
      const auto key = [&](std::string_view field) { return base + "." + std::string(field); };
      if (a.name.empty()) error(key("name"), a.loc, "missing required key 'name'");
      if (a.cow < 0) error(key("cow"), a.loc, fmt::format("{} is out of range", a.cow), "a COW country code >= 0");
      number(key("population"), a.loc, a.population, kCount);
      number(key("urban_population"), a.loc, a.urban_population, kCount);
      number(key("gdp_usd"), a.loc, a.gdp_usd, kCount);
      const Military& m = a.military;
      const std::pair<std::string_view, double> stock[] = {{"personnel", m.stock.personnel},
                                                           {"tanks", m.stock.tanks},
                                                           {"artillery", m.stock.artillery},
                                                           {"aircraft", m.stock.aircraft},
                                                           {"ships", m.stock.ships}};
      const std::pair<std::string_view, double> made[] = {{"personnel", m.production_per_year.personnel},
                                                          {"tanks", m.production_per_year.tanks},
                                                          {"artillery", m.production_per_year.artillery},
                                                          {"aircraft", m.production_per_year.aircraft},
                                                          {"ships", m.production_per_year.ships}};
      for (const auto& [name, v] : stock) number(key("military." + std::string(name)), a.loc, v, kCount);
      for (const auto& [name, v] : made)
        number(key("military.production_per_year." + std::string(name)), a.loc, v, kCount);
      number(key("military.quality"), a.loc, m.quality, kQuality);
      number(key("military.spending_usd"), a.loc, m.spending_usd, kCount);
      number(key("military.deployable_share"), a.loc, m.deployable_share, kShare);
      number(key("military.deploy_days"), a.loc, m.deploy_days, kCount);
      number(key("industry.iron_steel_tons"), a.loc, a.industry.iron_steel_tons, kCount);
      number(key("industry.energy_coal_tons"), a.loc, a.industry.energy_coal_tons, kCount);
      number(key("nuclear.warheads"), a.loc, a.nuclear_warheads, kCount);
      for (size_t j = 0; j < a.ideology.size(); ++j)
        number(fmt::format("{}.ideology[{}]", base, j), a.loc, a.ideology[j], kSigned);
      if (!a.ideology.empty()) {
        if (ideology_from == s.actors.size()) {
          ideology_from = i;
        } else if (a.ideology.size() != s.actors[ideology_from].ideology.size()) {
          const Actor& first = s.actors[ideology_from];
          error(key("ideology"), a.loc,
                fmt::format("{} ideology axes, but {} has {}", a.ideology.size(), first.id, first.ideology.size()),
                "the same number of axes for every actor that has an ideology");
        }
      }
      std::unordered_set<std::string_view> stakes;
      for (size_t j = 0; j < a.interests.size(); ++j) {
        const Interest& in = a.interests[j];
        const std::string ik = key("interests." + in.theater);
        if (!theaters.count(in.theater))
          error_at(in.loc, ik, fmt::format("unknown theatre '{}'", in.theater), "a theater id defined under theaters",
                   suggest(in.theater, theater_ids));
        if (!stakes.insert(in.theater).second)
          error_at(in.loc, ik, fmt::format("interest in '{}' given twice", in.theater), "one stake per theatre");
        number(ik, in.loc, in.stake, kShare);
      }
      number(key("casualty_tolerance"), a.loc, a.casualty_tolerance, kShare);
      if (a.cinc) number(key("cinc"), a.loc, *a.cinc, kShare);
      if (a.at) latlon(key("at"), a.loc, *a.at);
      if (!a.capital.empty()) region(key("capital"), a.loc, a.capital);
    }
  }

  void id_list(const std::string& key, Loc fallback, const std::vector<std::string>& ids, std::string_view what_list) {
    std::unordered_set<std::string_view> seen;
    for (size_t j = 0; j < ids.size(); ++j) {
      const std::string k = fmt::format("{}[{}]", key, j);
      actor(k, fallback, ids[j]);
      if (!seen.insert(ids[j]).second)
        error(k, fallback, fmt::format("'{}' listed twice in {}", ids[j], what_list), "each actor once");
    }
  }

  void organization_section() {
    for (size_t i = 0; i < s.organizations.size(); ++i) {
      const Organization& o = s.organizations[i];
      const std::string base = fmt::format("organizations[{}]", i);
      if (o.members.empty()) error(base + ".members", o.loc, "no members", "at least one member");
      id_list(base + ".members", o.loc, o.members, "members");
      number(base + ".reliability", o.loc, o.reliability, kShare);
      if (!o.council) continue;
      const Council& c = *o.council;
      id_list(base + ".council.permanent", c.loc, c.permanent, "council.permanent");
      id_list(base + ".council.members", c.loc, c.members, "council.members");
      id_list(base + ".council.absent", c.loc, c.absent, "council.absent");
      const std::unordered_set<std::string_view> permanent(c.permanent.begin(), c.permanent.end());
      for (size_t j = 0; j < c.absent.size(); ++j)
        if (actors.count(c.absent[j]) && !permanent.count(c.absent[j]))
          error(fmt::format("{}.council.absent[{}]", base, j), c.loc,
                fmt::format("'{}' is not a permanent member of the council", c.absent[j]),
                "a member of council.permanent", suggest(c.absent[j], c.permanent));
    }
  }

  void treaty_section() {
    for (size_t i = 0; i < s.treaties.size(); ++i) {
      const Treaty& t = s.treaties[i];
      const std::string base = fmt::format("treaties[{}]", i);
      id_list(base + ".members", t.loc, t.members, "members");
      if (t.members.size() < 2)
        error(base + ".members", t.loc, fmt::format("{} member(s)", t.members.size()), "at least two members");
      if (t.signed_on && t.ends_on && *t.ends_on <= *t.signed_on)
        error(base + ".ends", t.loc,
              fmt::format("ends {} is not after signed {}", format_date(*t.ends_on), format_date(*t.signed_on)),
              "a date after signed");
      number(base + ".reliability", t.loc, t.reliability, kShare);
    }
  }

  void relation_section() {
    std::set<std::pair<std::string, std::string>> pairs, aid;
    for (size_t i = 0; i < s.relations.size(); ++i) {
      const Relation& r = s.relations[i];
      const std::string base = fmt::format("relations[{}]", i);
      switch (r.kind) {
        case Relation::Kind::pair: {
          if (r.between.size() != 2) {
            error(base + ".between", r.loc, fmt::format("{} actors given", r.between.size()), "[A, B]: two actor ids");
            break;
          }
          // both ends are checked, so both misspellings are reported
          const bool first = actor(base + ".between[0]", r.loc, r.between[0]);
          const bool ok = actor(base + ".between[1]", r.loc, r.between[1]) && first;
          if (r.between[0] == r.between[1])
            error(base + ".between", r.loc, fmt::format("a relation of '{}' with itself", r.between[0]),
                  "two different actors");
          else if (ok && !pairs.insert(std::minmax(r.between[0], r.between[1])).second)
            error(base + ".between", r.loc,
                  fmt::format("the pair {}-{} is listed twice", r.between[0], r.between[1]), "each pair once");
          number(base + ".affinity", r.loc, r.affinity, kSigned);
          number(base + ".trade_usd", r.loc, r.trade_usd, kCount);
          break;
        }
        case Relation::Kind::sanctions: {
          if (r.by.empty()) error(base + ".sanctions.by", r.loc, "nobody imposes the sanctions", "at least one actor");
          id_list(base + ".sanctions.by", r.loc, r.by, "sanctions.by");
          if (actor(base + ".sanctions.on", r.loc, r.on) && has(r.by, r.on))
            error(base + ".sanctions.on", r.loc, fmt::format("'{}' sanctions itself", r.on), "an actor not in by");
          break;
        }
        case Relation::Kind::aid: {
          const bool from = actor(base + ".aid.from", r.loc, r.from);
          const bool ok = actor(base + ".aid.to", r.loc, r.to) && from;
          if (ok && r.from == r.to)
            error(base + ".aid.to", r.loc, fmt::format("'{}' aids itself", r.to), "two different actors");
          else if (ok && !aid.insert({r.from, r.to}).second)
            error(base + ".aid", r.loc, fmt::format("aid from {} to {} is listed twice", r.from, r.to),
                  "one aid flow per donor and recipient");
          number(base + ".aid.usd_per_year", r.loc, r.usd_per_year, kCount);
          break;
        }
      }
    }
  }

  void actor_regions(const std::string& key, const std::vector<ActorRegions>& list, int t) {
    std::unordered_set<std::string_view> seen;
    for (size_t j = 0; j < list.size(); ++j) {
      const ActorRegions& ar = list[j];
      const std::string k = key + "." + ar.actor;
      if (!actors.count(ar.actor))
        error_at(ar.loc, k, fmt::format("unknown actor '{}'", ar.actor), "an id defined under actors",
                 suggest(ar.actor, actor_ids));
      if (!seen.insert(ar.actor).second) error_at(ar.loc, k, fmt::format("'{}' given twice", ar.actor), "each actor once");
      if (ar.regions.empty()) error_at(ar.loc, k, "no regions", "at least one region id");
      for (size_t r = 0; r < ar.regions.size(); ++r)
        region_in(fmt::format("{}[{}]", k, r), ar.loc, ar.regions[r], t);
    }
  }

  void theater_section() {
    if (s.theaters.empty()) error("theaters", {}, "no theatres", "at least one theater");
    for (size_t t = 0; t < s.theaters.size(); ++t) {
      const Theater& th = s.theaters[t];
      const std::string base = fmt::format("theaters[{}]", t);
      if (th.regions.size() < 2)
        error(base + ".regions", th.loc, fmt::format("{} region(s)", th.regions.size()), "at least two regions");
      for (size_t i = 0; i < th.regions.size(); ++i) {
        const Region& g = th.regions[i];
        const std::string rk = fmt::format("{}.regions[{}]", base, i);
        if (g.name.empty()) error(rk + ".name", g.loc, "missing required key 'name'");
        actor(rk + ".owner", g.loc, g.owner);
        if (g.control != g.owner) actor(rk + ".control", g.loc, g.control);  // else the owner's check says it
        number(rk + ".population", g.loc, g.population, kCount);
        number(rk + ".fortification", g.loc, g.fortification, kShare);
        latlon(rk + ".at", g.loc, g.at);
        if (g.port && !g.coastal)
          error(rk + ".port", g.loc, fmt::format("region '{}' is a port but not coastal", g.id),
                "coastal: true for a port");
      }
      std::set<std::pair<std::string, std::string>> seen;
      for (size_t l = 0; l < th.links.size(); ++l) {
        const Link& k = th.links[l];
        const std::string lk = fmt::format("{}.links[{}]", base, l);
        const bool first = region_in(lk + ".between[0]", k.loc, k.a, static_cast<int>(t));
        const bool ok = region_in(lk + ".between[1]", k.loc, k.b, static_cast<int>(t)) && first;
        if (!ok) continue;
        if (k.a == k.b) {
          error(lk + ".between", k.loc, fmt::format("a link from '{}' to itself", k.a), "two different regions");
          continue;
        }
        if (!seen.insert(std::minmax(k.a, k.b)).second)
          error(lk + ".between", k.loc, fmt::format("the link {}-{} is listed twice", k.a, k.b), "each pair once");
        if (k.kind == LinkKind::sea) {
          for (const std::string* end : {&k.a, &k.b})
            if (!region_of(*end).coastal) {
              error(lk + ".kind", k.loc, fmt::format("sea link between non-coastal regions: '{}' is not coastal", *end),
                    "coastal: true at both ends of a sea link");
              break;
            }
        }
        if (k.km) number(lk + ".km", k.loc, *k.km, kPositive);
      }
      actor_regions(base + ".entry", th.entry, static_cast<int>(t));
      actor_regions(base + ".borders", th.borders, static_cast<int>(t));
    }
  }

  void force_section() {
    struct Sum {
      Equipment total;
      bool reported[5] = {};
    };
    std::unordered_map<std::string_view, Sum> sums;
    std::set<std::pair<std::string, std::string>> placed;
    for (size_t i = 0; i < s.forces.size(); ++i) {
      const Force& f = s.forces[i];
      const std::string base = fmt::format("forces[{}]", i);
      const bool actor_ok = actor(base + ".actor", f.loc, f.actor);
      const bool theater_ok = ref(base + ".theater", f.loc, f.theater, theaters, theater_ids, "theatre", "theaters");
      const int t = theater_ok ? theaters.at(f.theater) : -1;
      if (f.reserve) {
        if (!f.region.empty())
          error(base + ".region", f.loc, "a reserve stands outside the theatre and has no region",
                "either region or reserve: true");
      } else {
        if (f.arrival_days != 0)
          error(base + ".arrival_days", f.loc, "only a reserve has an arrival time", "reserve: true, or no arrival_days");
        if (region_in(base + ".region", f.loc, f.region, t) && actor_ok) {
          const std::string& holder = region_of(f.region).control;
          const int rel = side(f.actor, holder);
          if (rel < 0)
            error(base + ".region", f.loc,
                  fmt::format("region '{}' is held by the enemy side ({}), not by {} or its side", f.region, holder,
                              f.actor),
                  "a region held by the actor or its side");
          else if (rel == 0)
            error(base + ".region", f.loc,
                  fmt::format("region '{}' is held by {}, which is not on {}'s side", f.region, holder, f.actor),
                  "a region held by the actor, a co-belligerent, a treaty partner or a fellow member of an "
                  "organization");
        }
      }
      number(base + ".arrival_days", f.loc, f.arrival_days, kCount);
      const std::pair<std::string_view, double> eq[] = {{"personnel", f.equipment.personnel},
                                                        {"tanks", f.equipment.tanks},
                                                        {"artillery", f.equipment.artillery},
                                                        {"aircraft", f.equipment.aircraft},
                                                        {"ships", f.equipment.ships}};
      for (const auto& [name, v] : eq) number(base + "." + std::string(name), f.loc, v, kCount);
      if (!actor_ok) continue;
      // reserves are told apart by when they can arrive (waves of a build-up)
      const std::string where = f.reserve ? fmt::format("reserve@{}", f.arrival_days) : f.region;
      if (!where.empty() && !placed.insert({f.actor, where}).second)
        error(base + (f.reserve ? ".arrival_days" : ".region"), f.loc,
              f.reserve ? fmt::format("a second reserve of {} arriving after {} days", f.actor, f.arrival_days)
                        : fmt::format("a second force of {} in '{}'", f.actor, f.region),
              "one force per actor and region, and one reserve per actor and arrival time");
      // the forces may not exceed the stock they are drawn from
      const Actor& a = s.actors[static_cast<size_t>(actors.at(f.actor))];
      Sum& sum = sums[f.actor];
      double* totals[] = {&sum.total.personnel, &sum.total.tanks, &sum.total.artillery, &sum.total.aircraft,
                          &sum.total.ships};
      const double stock[] = {a.military.stock.personnel, a.military.stock.tanks, a.military.stock.artillery,
                              a.military.stock.aircraft, a.military.stock.ships};
      for (size_t k = 0; k < 5; ++k) {
        *totals[k] += eq[k].second;
        if (!sum.reported[k] && *totals[k] > stock[k] * (1 + 1e-12)) {
          sum.reported[k] = true;
          error(base + "." + std::string(eq[k].first), f.loc,
                fmt::format("{}'s forces add up to {} {}, more than its military stock of {}", f.actor,
                            format_number(*totals[k]), eq[k].first, format_number(stock[k])),
                fmt::format("at most actors.{}.military.{} in all its forces", f.actor, eq[k].first));
        }
      }
    }
  }

  void war_section() {
    for (size_t i = 0; i < s.wars.size(); ++i) {
      const War& w = s.wars[i];
      const std::string base = fmt::format("wars[{}]", i);
      if (w.attackers.empty()) error(base + ".attackers", w.loc, "no attackers", "at least one actor");
      if (w.defenders.empty()) error(base + ".defenders", w.loc, "no defenders", "at least one actor");
      id_list(base + ".attackers", w.loc, w.attackers, "attackers");
      id_list(base + ".defenders", w.loc, w.defenders, "defenders");
      const std::unordered_set<std::string_view> attackers(w.attackers.begin(), w.attackers.end());
      for (size_t j = 0; j < w.defenders.size(); ++j)
        if (attackers.count(w.defenders[j]))
          error(fmt::format("{}.defenders[{}]", base, j), w.loc,
                fmt::format("'{}' is on both sides of war '{}'", w.defenders[j], w.id), "no actor on both sides");
      const bool theater_ok = ref(base + ".theater", w.loc, w.theater, theaters, theater_ids, "theatre", "theaters");
      const int t = theater_ok ? theaters.at(w.theater) : -1;
      std::vector<std::string> belligerents = w.attackers;
      belligerents.insert(belligerents.end(), w.defenders.begin(), w.defenders.end());
      const std::unordered_set<std::string_view> fighting(belligerents.begin(), belligerents.end());
      if (w.started && *w.started > s.info.start)
        error(base + ".started", w.loc,
              fmt::format("war '{}' starts on {}, after the scenario start {}", w.id, format_date(*w.started),
                          format_date(s.info.start)),
              "a date on or before scenario.start (a war that starts later is the model's to start)");
      id_list(base + ".guarantors", w.loc, w.guarantors, "guarantors");
      for (size_t j = 0; j < w.guarantors.size(); ++j)
        if (attackers.count(w.guarantors[j]))
          error(fmt::format("{}.guarantors[{}]", base, j), w.loc,
                fmt::format("'{}' attacks in war '{}' and cannot guarantee its truce", w.guarantors[j], w.id),
                "a state outside the attackers");
      std::unordered_set<std::string_view> seen;
      for (size_t j = 0; j < w.aims.size(); ++j) {
        const Aim& aim = w.aims[j];
        const std::string ak = base + ".aims." + aim.actor;
        if (!fighting.count(aim.actor))
          error_at(aim.loc, ak, fmt::format("'{}' is not a belligerent of war '{}'", aim.actor, w.id),
                   "an actor of attackers or defenders", suggest(aim.actor, belligerents));
        if (!seen.insert(aim.actor).second) error_at(aim.loc, ak, fmt::format("aims of '{}' given twice", aim.actor));
        if (aim.kind == Aim::Kind::regions) {
          if (aim.regions.empty()) error_at(aim.loc, ak + ".claims", "no regions claimed", "all, own or region ids");
          for (size_t r = 0; r < aim.regions.size(); ++r)
            region_in(fmt::format("{}.claims[{}]", ak, r), aim.loc, aim.regions[r], t);
        }
      }
    }
  }

  // a condition tree: references, and a shape that cannot make the engine loop
  void condition(const Condition& c, const std::string& base, Loc fallback) {
    if (c.nodes.empty()) return;
    std::vector<char> seen(c.nodes.size(), 0);
    condition_node(c, 0, base, fallback, seen, 0);
  }
  void condition_node(const Condition& c, int n, const std::string& prefix, Loc fallback, std::vector<char>& seen,
                      int depth) {
    using Op = Condition::Op;
    if (n < 0 || static_cast<size_t>(n) >= c.nodes.size() || seen[static_cast<size_t>(n)] || depth > 64) {
      error(prefix, fallback, "malformed condition: a node is missing, shared or nested too deeply",
            "a tree of conditions");
      return;
    }
    seen[static_cast<size_t>(n)] = 1;
    const Condition::Node& node = c.nodes[static_cast<size_t>(n)];
    const Loc at = node.loc.line > 0 ? node.loc : fallback;
    const std::string key = prefix + "." + std::string(kConditionOps[static_cast<size_t>(node.op)]);
    switch (node.op) {
      case Op::always: break;
      case Op::controls:
        actor(key + ".actor", at, node.actor);
        region(key + ".region", at, node.region);
        break;
      case Op::at_war: actor(key, at, node.actor); break;
      case Op::after:
      case Op::before: break;
      case Op::deaths_above:
        if (!node.actor.empty()) actor(key + ".actor", at, node.actor);
        number(node.actor.empty() ? key : key + ".value", at, node.value, kCount);
        break;
      case Op::all:
      case Op::any:
        if (node.children.empty()) error(key, at, "empty list", "at least one condition");
        for (size_t i = 0; i < node.children.size(); ++i)
          condition_node(c, node.children[i], fmt::format("{}[{}]", key, i), at, seen, depth + 1);
        break;
      case Op::not_:
        if (node.children.size() != 1) {
          error(key, at, "'not' needs exactly one condition", "one condition");
          break;
        }
        condition_node(c, node.children[0], key, at, seen, depth + 1);
        break;
    }
  }

  std::unordered_map<int, std::unordered_set<std::string_view>> permanent_sets;
  const std::unordered_set<std::string_view>& permanent_of(int org) {
    auto [it, fresh] = permanent_sets.try_emplace(org);
    if (fresh)
      for (const auto& m : s.organizations[static_cast<size_t>(org)].council->permanent) it->second.insert(m);
    return it->second;
  }

  void event_section() {
    using Kind = Event::Kind;
    for (size_t i = 0; i < s.events.size(); ++i) {
      const Event& e = s.events[i];
      const std::string base = fmt::format("events[{}]", i);
      const std::string kind(kEventKinds[static_cast<size_t>(e.kind)]);
      if (e.at && !e.when.nodes.empty())
        error(base + ".when", e.loc, "an event has 'at' or 'when', not both", "exactly one of at and when");
      else if (!e.at && e.when.nodes.empty())
        error(base + ".at", e.loc, "missing required key 'at' (or 'when')", "exactly one of at and when");
      if (period_ok() && e.at && (*e.at < s.info.start || *e.at > s.info.horizon))
        error(base + ".at", e.loc,
              fmt::format("{} is outside the simulated period {}..{}", format_date(*e.at), format_date(s.info.start),
                          format_date(s.info.horizon)),
              "a date within scenario.start..scenario.horizon");
      condition(e.when, base + ".when", e.loc);
      const bool council = e.kind == Kind::council_absent || e.kind == Kind::council_present;
      const bool needs_actor = council || e.kind == Kind::leader_change || e.kind == Kind::election;
      const bool needs_treaty = e.kind == Kind::treaty_signed || e.kind == Kind::treaty_ended;
      const auto unused = [&](const std::string& value, std::string_view field) {
        if (!value.empty())
          error(base + "." + std::string(field), e.loc, fmt::format("an event of kind '{}' has no {}", kind, field),
                fmt::format("no '{}' key for kind '{}'", field, kind));
      };
      bool actor_ok = false;
      if (needs_actor)
        actor_ok = actor(base + ".actor", e.loc, e.actor);
      else
        unused(e.actor, "actor");
      if (needs_treaty)
        ref(base + ".treaty", e.loc, e.treaty, treaties, treaty_ids, "treaty", "treaties");
      else
        unused(e.treaty, "treaty");
      if (!council) {
        unused(e.organization, "organization");
        continue;
      }
      if (!ref(base + ".organization", e.loc, e.organization, orgs, org_ids, "organization", "organizations")) continue;
      const Organization& o = s.organizations[static_cast<size_t>(orgs.at(e.organization))];
      if (!o.council)
        error(base + ".organization", e.loc, fmt::format("organization '{}' has no council", o.id),
              "an organization with a council");
      else if (actor_ok && !permanent_of(orgs.at(e.organization)).count(e.actor))
        error(base + ".actor", e.loc, fmt::format("'{}' is not a permanent member of {}'s council", e.actor, o.id),
              "a member of council.permanent", suggest(e.actor, o.council->permanent));
    }
  }

  void param_section() {
    std::set<std::string_view> seen;
    for (const ParamSetting& p : s.params) {
      const ParamSpec* spec = find_param(p.key);
      if (!spec) {
        error(p.key, p.loc, fmt::format("unknown coefficient '{}'", p.key), "a key listed by `statecraft params`",
              suggest(p.key, param_keys()));
        continue;
      }
      if (!seen.insert(p.key).second)
        error(p.key, p.loc, fmt::format("coefficient '{}' set twice", p.key), "each coefficient once");
      if (spec->is_bool) {
        if (p.value != 0 && p.value != 1)
          error(p.key, p.loc, fmt::format("{} is not a switch value", format_number(p.value)), "true or false");
      } else {
        number(p.key, p.loc, p.value, Range{spec->min, spec->max});
      }
    }
  }

  void uncertain_section() {
    using Kind = Distribution::Kind;
    std::set<std::string_view> seen;
    for (size_t i = 0; i < s.uncertain.size(); ++i) {
      const Uncertain& u = s.uncertain[i];
      const std::string base = fmt::format("uncertain[{}]", i);
      if (full()) break;
      if (auto p = probe(s, u.path, true, nullptr))
        error(base + ".path", u.loc, p->message, p->expected, p->suggestion);
      else if (!seen.insert(u.path).second)
        error(base + ".path", u.loc, fmt::format("'{}' is drawn twice", u.path), "each path once");
      const std::vector<double>& a = u.dist.args;
      const std::string name(kDistKinds[static_cast<size_t>(u.dist.kind)]);
      const std::string dk = base + ".dist." + name;
      static constexpr size_t kArgs[] = {2, 2, 2, 3, 0};
      const size_t want = kArgs[static_cast<size_t>(u.dist.kind)];
      if ((want > 0 && a.size() != want) || a.empty()) {
        error(base + ".dist", u.loc, fmt::format("{} numbers given", a.size()), "the parameters of the distribution");
        continue;
      }
      for (double x : a)
        if (!std::isfinite(x)) error(dk, u.loc, "a parameter is not a finite number", "finite numbers");
      switch (u.dist.kind) {
        case Kind::uniform:
          if (!(a[0] < a[1]))
            error(dk, u.loc, fmt::format("lo {} is not below hi {}", format_number(a[0]), format_number(a[1])),
                  "[lo, hi] with lo < hi");
          break;
        case Kind::normal:
          if (!(a[1] >= 0)) error(dk, u.loc, fmt::format("sd {} is negative", format_number(a[1])), "sd >= 0");
          break;
        case Kind::lognormal:
          if (!(a[0] > 0)) error(dk, u.loc, fmt::format("median {} is not positive", format_number(a[0])), "median > 0");
          if (!(a[1] >= 0))
            error(dk, u.loc, fmt::format("sigma {} is negative", format_number(a[1])), "sigma >= 0");
          break;
        case Kind::triangular:
          if (!(a[0] < a[2] && a[0] <= a[1] && a[1] <= a[2]))
            error(dk, u.loc,
                  fmt::format("[{}, {}, {}] is not lo <= mode <= hi with lo < hi", format_number(a[0]),
                              format_number(a[1]), format_number(a[2])),
                  "lo <= mode <= hi, lo < hi");
          break;
        case Kind::choice: break;
      }
      if (u.clip && !(u.clip->first <= u.clip->second))
        error(base + ".clip", u.loc,
              fmt::format("lo {} is above hi {}", format_number(u.clip->first), format_number(u.clip->second)),
              "[lo, hi] with lo <= hi");
    }
  }

  void variant_section() {
    std::unordered_set<std::string_view> names;
    for (size_t i = 0; i < s.variants.size(); ++i) {
      const Variant& v = s.variants[i];
      const std::string base = "variants." + v.name;
      if (v.name.empty()) error("variants", v.loc, "a variant without a name", "a name");
      if (!names.insert(v.name).second) error(base, v.loc, fmt::format("variant '{}' defined twice", v.name));
      for (size_t j = 0; j < v.set.size() && !full(); ++j) {
        const SetValue& sv = v.set[j];
        const std::string sk = fmt::format("{}.set[{}]", base, j);
        auto p = probe(s, sv.path, false, &sv.value);
        if (!p) continue;
        error(sk + (p->in_value ? ".value" : ".path"), sv.loc, p->message, p->expected, p->suggestion);
      }
      condition(v.when, base + ".when", v.loc);
    }
  }

  void history_section() {
    const History& h = s.history;
    if (!h.present) return;
    if (!h.outcome.empty() && index_of(kOutcomes, h.outcome) < 0)
      error("history.outcome", h.loc, fmt::format("unknown outcome '{}'", h.outcome), "one of " + one_of(kOutcomes),
            suggest(h.outcome, to_strings(kOutcomes)));
    if (h.end && *h.end < s.info.start)
      error("history.end", h.loc,
            fmt::format("end {} is before the start {}", format_date(*h.end), format_date(s.info.start)),
            "a date on or after scenario.start");
    for (size_t i = 0; i < h.checkpoints.size(); ++i) {
      const Checkpoint& cp = h.checkpoints[i];
      const std::string base = fmt::format("history.checkpoints[{}]", i);
      if (period_ok() && (cp.date < s.info.start || cp.date > s.info.horizon))
        error(base + ".date", cp.loc,
              fmt::format("{} is outside the simulated period {}..{}", format_date(cp.date), format_date(s.info.start),
                          format_date(s.info.horizon)),
              "a date within scenario.start..scenario.horizon");
      if (cp.condition.nodes.empty())
        error(base, cp.loc, "empty condition", "a condition such as controls: {actor: A, region: R}");
      condition(cp.condition, base, cp.loc);
    }
    if (h.battle_deaths_total) number("history.battle_deaths.total", h.loc, *h.battle_deaths_total, kCount);
    for (const auto& [id, deaths] : h.battle_deaths_by_actor) {
      const std::string key = "history.battle_deaths.by_actor." + id;
      actor(key, h.loc, id);
      number(key, h.loc, deaths, kCount);
    }
    for (const auto& [id, date] : h.entries) actor("history.entries." + id, h.loc, id);
  }

  void run() {
    // indexes first: every later check resolves references through them
    auto id = [](const auto& x) -> const std::string& { return x.id; };
    index_ids(s.actors, "actors", "actor", actors, actor_ids, id);
    index_ids(s.organizations, "organizations", "organization", orgs, org_ids, id);
    index_ids(s.treaties, "treaties", "treaty", treaties, treaty_ids, id);
    index_ids(s.theaters, "theaters", "theatre", theaters, theater_ids, id);
    index_ids(s.wars, "wars", "war", wars, war_ids, id);
    // region ids are unique across all theatres
    for (size_t t = 0; t < s.theaters.size(); ++t)
      for (size_t i = 0; i < s.theaters[t].regions.size(); ++i) {
        const Region& g = s.theaters[t].regions[i];
        const std::string key = fmt::format("theaters[{}].regions[{}].id", t, i);
        if (g.id.empty()) {
          error(key, g.loc, "missing required key 'id'");
          continue;
        }
        check_id(key, g.loc, g.id);
        auto [it, inserted] = regions.emplace(g.id, Place{static_cast<int>(t), static_cast<int>(i)});
        if (!inserted) {
          const Place p = it->second;
          error(key, g.loc,
                fmt::format("duplicate region id '{}' (first defined in theatre '{}', line {})", g.id,
                            s.theaters[static_cast<size_t>(p.theater)].id,
                            loc(fmt::format("theaters[{}].regions[{}].id", p.theater, p.region),
                                s.theaters[static_cast<size_t>(p.theater)].regions[static_cast<size_t>(p.region)].loc)
                                .line),
                "region ids unique across all theatres");
        } else {
          region_ids.push_back(g.id);
        }
      }
    build_groups();
    info();
    actor_section();
    organization_section();
    treaty_section();
    relation_section();
    theater_section();
    force_section();
    war_section();
    event_section();
    param_section();
    uncertain_section();
    variant_section();
    history_section();
  }
};

}  // namespace

std::vector<Diagnostic> check(const Scenario& s, const SourceMap* sources) {
  Checker c(s, sources);
  c.run();
  return std::move(c.out);
}

}  // namespace schema

std::vector<Diagnostic> check_scenario(const Scenario& s) { return schema::check(s, nullptr); }

}  // namespace statecraft
