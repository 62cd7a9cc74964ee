// Paths into a Scenario ("actors.CHN.interests.korea"), and what uses them:
// variants' `set:` and the draws of `uncertain:` parameters. Draws run once
// per simulated run, so resolving a path splits it into views and searches
// the small entity lists in place; nothing is allocated unless the path is
// wrong or names a value that does not exist yet.
#include <algorithm>
#include <array>
#include <cmath>
#include <type_traits>

#include <fmt/format.h>

#include "scenario/load.h"
#include "scenario/params.h"
#include "scenario/schema.h"

namespace statecraft {

namespace {

using schema::Problem;
using schema::Range;

enum class Kind : uint8_t {
  number,        // double
  opt_number,    // std::optional<double>
  param_number,  // double of a ParamSetting
  param_bool,    // double 0/1 of a ParamSetting
  boolean,       // bool
  date,          // Date
  opt_date,      // std::optional<Date>
  enumeration,   // an enum with names; written through store_enum
  actor_ref,     // std::string naming an actor
  region_ref,    // std::string naming a region
  member,        // whether `member` is in a std::vector<std::string> (true adds, false removes)
};

/// The scalar a path names: its type, valid values and address.
struct Target {
  Kind kind = Kind::number;
  Range range{};
  std::span<const std::string_view> names{};
  void* where = nullptr;  // null when probing a const Scenario or when the value does not exist yet
  void (*store_enum)(void*, int) = nullptr;
  double fresh = 0;       // value an absent optional or coefficient starts from
  std::string_view member{};  // Kind::member: the id whose membership is set
};

bool is_numeric(Kind k) { return k == Kind::number || k == Kind::opt_number || k == Kind::param_number; }

template <class E>
void store_enum(void* p, int v) {
  *static_cast<E*>(p) = static_cast<E>(v);
}

// the address of a field, or null when the Scenario is const (probing)
template <class T>
void* addr(T& x) {
  if constexpr (std::is_const_v<T>)
    return nullptr;
  else
    return static_cast<void*>(&x);
}

struct Path {
  std::array<std::string_view, 8> seg{};
  size_t n = 0;
  std::string_view full;
};

template <class T, class GetId>
std::vector<std::string> ids_of(const std::vector<T>& items, GetId id_of) {
  // suggestions give up on longer lists; no need to copy more
  std::vector<std::string> out;
  for (const auto& x : items) {
    if (out.size() > 20000) break;
    out.emplace_back(id_of(x));
  }
  return out;
}

std::vector<std::string> strings(std::initializer_list<std::string_view> names) {
  return {names.begin(), names.end()};
}

std::string listing(const std::vector<std::string>& names) {
  std::string out;
  for (size_t i = 0; i < names.size() && i < 12; ++i) {
    if (i > 0) out += ", ";
    out += names[i];
  }
  if (names.size() > 12) out += ", ...";
  return out;
}

/// Resolves a path in `s` (a Scenario or a const Scenario). With `create`, a
/// value that may be absent (an interest, a coefficient) is added first.
template <class S>
class Resolver {
 public:
  Resolver(S& s, std::string_view path, bool create, Target& t, Problem& err)
      : s_(s), create_(create && !std::is_const_v<S>), t_(t), err_(err) {
    p_.full = path;
  }

  bool run() {
    if (!split()) return false;
    const std::string_view top = p_.seg[0];
    if (top == "scenario") return scenario();
    if (top == "actors") return actor();
    if (top == "organizations") return organization();
    if (top == "treaties") return treaty();
    if (top == "relations") return relation();
    if (top == "theaters") return theater();
    if (top == "forces") return force();
    if (top == "wars") return war();
    if (top == "model" || top == "theory") return param();
    return unknown(0, "a section that a path can address", strings({"scenario", "actors", "organizations", "treaties", "relations", "theaters",
                                          "forces", "wars", "model", "theory"}));
  }

 private:
  S& s_;
  bool create_;
  Target& t_;
  Problem& err_;
  Path p_;

  bool split() {
    std::string_view rest = p_.full;
    while (true) {
      const size_t dot = rest.find('.');
      const std::string_view seg = rest.substr(0, dot);
      if (seg.empty())
        return fail(fmt::format("path '{}': empty segment {}", p_.full, p_.n + 1), "dot-separated names such as actors.CHN.interests.korea");
      if (p_.n == p_.seg.size()) return fail(fmt::format("path '{}': too many segments", p_.full), "at most 8 segments");
      p_.seg[p_.n++] = seg;
      if (dot == std::string_view::npos) return true;
      rest.remove_prefix(dot + 1);
    }
  }

  bool fail(std::string message, std::string expected = {}, std::string suggestion = {}) {
    err_.message = std::move(message);
    err_.expected = std::move(expected);
    err_.suggestion = std::move(suggestion);
    return false;
  }

  std::string prefix(size_t i) const {
    std::string out;
    for (size_t k = 0; k < i; ++k) {
      if (k > 0) out += '.';
      out += p_.seg[k];
    }
    return out;
  }

  // segment i is not one of `names`; `what` says what it should have been
  bool unknown(size_t i, std::string_view what, const std::vector<std::string>& names) {
    return fail(fmt::format("path '{}': segment {} '{}' is not {}", p_.full, i + 1, p_.seg[i], what),
                names.empty() ? std::string() : "one of " + listing(names), schema::suggest(p_.seg[i], names));
  }
  // segment i is not a field of what the segments before it name
  bool not_field(size_t i, const std::vector<std::string>& names) {
    return unknown(i, fmt::format("a field of '{}' that a path can set", prefix(i)), names);
  }

  // segment i must exist
  bool need(size_t i, std::string_view expected) {
    if (i < p_.n) return true;
    return fail(fmt::format("path '{}' is incomplete: it stops at '{}'", p_.full, p_.seg[i - 1]),
                fmt::format("{} after '{}'", expected, p_.full));
  }

  // segment i is the last
  bool leaf(size_t i) {
    if (p_.n == i + 1) return true;
    return fail(fmt::format("path '{}': '{}' is a single value, segment {} '{}' addresses nothing", p_.full, p_.seg[i],
                            i + 2, p_.seg[i + 1]),
                fmt::format("the path to end at '{}'", p_.seg[i]));
  }

  template <class T>
  bool number(size_t i, T& x, Range r) {
    t_.kind = Kind::number;
    t_.range = r;
    t_.where = addr(x);
    return leaf(i);
  }
  template <class T>
  bool boolean(size_t i, T& x) {
    t_.kind = Kind::boolean;
    t_.where = addr(x);
    return leaf(i);
  }
  template <class E, class T, size_t N>
  bool enumeration(size_t i, T& x, const std::array<std::string_view, N>& names) {
    t_.kind = Kind::enumeration;
    t_.names = names;
    t_.where = addr(x);
    t_.store_enum = &store_enum<E>;
    return leaf(i);
  }
  template <class T>
  bool ref(size_t i, T& x, Kind kind) {
    t_.kind = kind;
    t_.where = addr(x);
    return leaf(i);
  }

  template <class Items, class GetId>
  auto* find(Items& items, std::string_view id, GetId id_of) {
    for (auto& x : items)
      if (id_of(x) == id) return &x;
    return static_cast<decltype(&items[0])>(nullptr);
  }

  bool scenario() {
    if (!need(1, "start, horizon or step")) return false;
    const std::string_view f = p_.seg[1];
    if (f == "start") {
      t_.kind = Kind::date;
      t_.where = addr(s_.info.start);
      return leaf(1);
    }
    if (f == "horizon") {
      t_.kind = Kind::date;
      t_.where = addr(s_.info.horizon);
      return leaf(1);
    }
    if (f == "step") return enumeration<StepUnit>(1, s_.info.step, schema::kStepUnits);
    return not_field(1, strings({"start", "horizon", "step"}));
  }

  bool equipment(size_t i, auto& e) {
    const std::string_view f = p_.seg[i];
    if (f == "personnel") return number(i, e.personnel, schema::kCount);
    if (f == "tanks") return number(i, e.tanks, schema::kCount);
    if (f == "artillery") return number(i, e.artillery, schema::kCount);
    if (f == "aircraft") return number(i, e.aircraft, schema::kCount);
    if (f == "ships") return number(i, e.ships, schema::kCount);
    return not_field(i, strings({"personnel", "tanks", "artillery", "aircraft", "ships"}));
  }

  bool actor() {
    if (!need(1, "an actor id")) return false;
    auto* a = find(s_.actors, p_.seg[1], [](const Actor& x) -> const std::string& { return x.id; });
    if (!a) return unknown(1, "an actor id", ids_of(s_.actors, [](const Actor& x) { return x.id; }));
    if (!need(2, "a field of the actor")) return false;
    const std::string_view f = p_.seg[2];
    if (f == "population") return number(2, a->population, schema::kCount);
    if (f == "urban_population") return number(2, a->urban_population, schema::kCount);
    if (f == "gdp_usd") return number(2, a->gdp_usd, schema::kCount);
    if (f == "casualty_tolerance") return number(2, a->casualty_tolerance, schema::kShare);
    if (f == "cinc") {
      t_.kind = Kind::opt_number;
      t_.range = schema::kShare;
      t_.where = addr(a->cinc);
      return leaf(2);
    }
    if (f == "regime") return enumeration<Regime>(2, a->regime, schema::kRegimes);
    if (f == "kind") return enumeration<ActorKind>(2, a->kind, schema::kActorKinds);
    if (f == "abstain") return boolean(2, a->abstain);
    if (f == "major_power") return boolean(2, a->major_power);
    if (f == "capital") return ref(2, a->capital, Kind::region_ref);
    if (f == "military") {
      if (!need(3, "a field of military")) return false;
      const std::string_view m = p_.seg[3];
      if (m == "quality") return number(3, a->military.quality, schema::kQuality);
      if (m == "spending_usd") return number(3, a->military.spending_usd, schema::kCount);
      if (m == "deployable_share") return number(3, a->military.deployable_share, schema::kShare);
      if (m == "deploy_days") return number(3, a->military.deploy_days, schema::kCount);
      if (m == "production_per_year") {
        if (!need(4, "personnel, tanks, artillery, aircraft or ships")) return false;
        return equipment(4, a->military.production_per_year);
      }
      if (m == "personnel" || m == "tanks" || m == "artillery" || m == "aircraft" || m == "ships")
        return equipment(3, a->military.stock);
      return not_field(3,
                     strings({"personnel", "tanks", "artillery", "aircraft", "ships", "quality", "production_per_year",
                              "spending_usd", "deployable_share", "deploy_days"}));
    }
    if (f == "industry") {
      if (!need(3, "iron_steel_tons or energy_coal_tons")) return false;
      if (p_.seg[3] == "iron_steel_tons") return number(3, a->industry.iron_steel_tons, schema::kCount);
      if (p_.seg[3] == "energy_coal_tons") return number(3, a->industry.energy_coal_tons, schema::kCount);
      return not_field(3, strings({"iron_steel_tons", "energy_coal_tons"}));
    }
    if (f == "nuclear") {
      if (!need(3, "warheads")) return false;
      if (p_.seg[3] == "warheads") return number(3, a->nuclear_warheads, schema::kCount);
      return not_field(3, strings({"warheads"}));
    }
    if (f == "interests") {
      if (!need(3, "a theater id")) return false;
      const std::string_view th = p_.seg[3];
      t_.kind = Kind::number;
      t_.range = schema::kShare;
      for (auto& in : a->interests)
        if (in.theater == th) {
          t_.where = addr(in.stake);
          return leaf(3);
        }
      // an absent theatre is added, if the theatre exists
      if (!find(s_.theaters, th, [](const Theater& x) -> const std::string& { return x.id; }))
        return unknown(3, "a theatre id", ids_of(s_.theaters, [](const Theater& x) { return x.id; }));
      if (!leaf(3)) return false;
      if constexpr (!std::is_const_v<S>) {
        if (create_) {
          a->interests.push_back(Interest{std::string(th), 0, {}});
          t_.where = &a->interests.back().stake;
        }
      }
      return true;
    }
    if (f == "ideology") {
      if (!need(3, "an axis number from 0")) return false;
      const std::string_view num = p_.seg[3];
      size_t axis = 0;
      const bool digits = !num.empty() && num.size() < 6 &&
                          std::all_of(num.begin(), num.end(), [](char c) { return c >= '0' && c <= '9'; });
      if (digits)
        for (char c : num) axis = axis * 10 + static_cast<size_t>(c - '0');
      if (!digits || axis >= a->ideology.size())
        return fail(fmt::format("path '{}': segment 4 '{}' is not an ideology axis of {} ({} axes)", p_.full, num,
                                a->id, a->ideology.size()),
                    a->ideology.empty() ? std::string("an actor with an ideology")
                                        : fmt::format("a number from 0 to {}", a->ideology.size() - 1));
      return number(3, a->ideology[axis], schema::kSigned);
    }
    return not_field(2,
                   strings({"population", "urban_population", "gdp_usd", "casualty_tolerance", "cinc", "regime",
                            "abstain", "major_power", "kind", "capital", "military", "industry", "nuclear", "interests",
                            "ideology"}));
  }

  bool organization() {
    if (!need(1, "an organization id")) return false;
    auto* o = find(s_.organizations, p_.seg[1], [](const Organization& x) -> const std::string& { return x.id; });
    if (!o) return unknown(1, "an organization id", ids_of(s_.organizations, [](const Organization& x) { return x.id; }));
    if (!need(2, "reliability or council.veto")) return false;
    if (p_.seg[2] == "reliability") return number(2, o->reliability, schema::kShare);
    if (p_.seg[2] == "council") {
      if (!need(3, "veto")) return false;
      if (p_.seg[3] != "veto") return not_field(3, strings({"veto"}));
      if (!o->council)
        return fail(fmt::format("path '{}': organization '{}' has no council", p_.full, o->id),
                    "an organization with a council");
      return boolean(3, o->council->veto);
    }
    return not_field(2, strings({"reliability", "council"}));
  }

  bool treaty() {
    if (!need(1, "a treaty id")) return false;
    auto* t = find(s_.treaties, p_.seg[1], [](const Treaty& x) -> const std::string& { return x.id; });
    if (!t) return unknown(1, "a treaty id", ids_of(s_.treaties, [](const Treaty& x) { return x.id; }));
    if (!need(2, "reliability, signed, ends or type")) return false;
    const std::string_view f = p_.seg[2];
    if (f == "reliability") return number(2, t->reliability, schema::kShare);
    if (f == "type") return enumeration<TreatyType>(2, t->type, schema::kTreatyTypes);
    if (f == "signed" || f == "ends") {
      t_.kind = Kind::opt_date;
      t_.where = f == "signed" ? addr(t->signed_on) : addr(t->ends_on);
      return leaf(2);
    }
    return not_field(2, strings({"reliability", "signed", "ends", "type"}));
  }

  bool known_actor(size_t i) {
    if (find(s_.actors, p_.seg[i], [](const Actor& x) -> const std::string& { return x.id; })) return true;
    return unknown(i, "an actor id", ids_of(s_.actors, [](const Actor& x) { return x.id; }));
  }

  bool relation() {
    // relations.aid.FROM.TO.usd_per_year, else relations.A.B.FIELD
    if (p_.n == 5 && p_.seg[1] == "aid") {
      if (!known_actor(2) || !known_actor(3)) return false;
      for (auto& r : s_.relations)
        if (r.kind == Relation::Kind::aid && r.from == p_.seg[2] && r.to == p_.seg[3]) {
          if (p_.seg[4] != "usd_per_year") return not_field(4, strings({"usd_per_year"}));
          return number(4, r.usd_per_year, schema::kCount);
        }
      return fail(fmt::format("path '{}': no aid flows from {} to {}", p_.full, p_.seg[2], p_.seg[3]),
                  "an aid relation listed under relations");
    }
    if (!need(1, "an actor id") || !known_actor(1) || !need(2, "a second actor id") || !known_actor(2) ||
        !need(3, "affinity or trade_usd"))
      return false;
    for (auto& r : s_.relations) {
      if (r.kind != Relation::Kind::pair || r.between.size() != 2) continue;
      if (!((r.between[0] == p_.seg[1] && r.between[1] == p_.seg[2]) ||
            (r.between[0] == p_.seg[2] && r.between[1] == p_.seg[1])))
        continue;
      if (p_.seg[3] == "affinity") return number(3, r.affinity, schema::kSigned);
      if (p_.seg[3] == "trade_usd") return number(3, r.trade_usd, schema::kCount);
      return not_field(3, strings({"affinity", "trade_usd"}));
    }
    return fail(fmt::format("path '{}': no relation between {} and {}", p_.full, p_.seg[1], p_.seg[2]),
                "a pair listed under relations with between: [A, B]");
  }

  bool theater() {
    if (!need(1, "a theater id")) return false;
    auto* th = find(s_.theaters, p_.seg[1], [](const Theater& x) -> const std::string& { return x.id; });
    if (!th) return unknown(1, "a theatre id", ids_of(s_.theaters, [](const Theater& x) { return x.id; }));
    if (!need(2, "regions or links")) return false;
    const auto region_ids = [&] { return ids_of(th->regions, [](const Region& x) { return x.id; }); };
    if (p_.seg[2] == "regions") {
      if (!need(3, "a region id")) return false;
      auto* g = find(th->regions, p_.seg[3], [](const Region& x) -> const std::string& { return x.id; });
      if (!g) return unknown(3, fmt::format("a region of theatre '{}'", th->id), region_ids());
      if (!need(4, "a field of the region")) return false;
      const std::string_view f = p_.seg[4];
      if (f == "population") return number(4, g->population, schema::kCount);
      if (f == "fortification") return number(4, g->fortification, schema::kShare);
      if (f == "terrain") return enumeration<Terrain>(4, g->terrain, schema::kTerrains);
      if (f == "control") return ref(4, g->control, Kind::actor_ref);
      if (f == "owner") return ref(4, g->owner, Kind::actor_ref);
      if (f == "coastal") return boolean(4, g->coastal);
      if (f == "port") return boolean(4, g->port);
      return not_field(4,
                     strings({"population", "fortification", "terrain", "control", "owner", "coastal", "port"}));
    }
    if (p_.seg[2] == "links") {
      if (!need(3, "a region id") || !need(4, "a second region id")) return false;
      for (auto& l : th->links) {
        if (!((l.a == p_.seg[3] && l.b == p_.seg[4]) || (l.a == p_.seg[4] && l.b == p_.seg[3]))) continue;
        if (!need(5, "km, river or kind")) return false;
        const std::string_view f = p_.seg[5];
        if (f == "river") return boolean(5, l.river);
        if (f == "kind") return enumeration<LinkKind>(5, l.kind, schema::kLinkKinds);
        if (f == "km") {
          t_.kind = Kind::opt_number;
          t_.range = schema::kPositive;
          t_.where = addr(l.km);
          if (!l.km) {
            // the documented default: great-circle distance between the two regions
            const auto* a = find(th->regions, l.a, [](const Region& x) -> const std::string& { return x.id; });
            const auto* b = find(th->regions, l.b, [](const Region& x) -> const std::string& { return x.id; });
            t_.fresh = a && b ? std::max(1e-3, schema::great_circle_km(a->at, b->at)) : 1.0;
          }
          return leaf(5);
        }
        return not_field(5, strings({"km", "river", "kind"}));
      }
      // no such link: say which end is wrong, if one is
      for (size_t i : {size_t{3}, size_t{4}})
        if (!find(th->regions, p_.seg[i], [](const Region& x) -> const std::string& { return x.id; }))
          return unknown(i, fmt::format("a region of theatre '{}'", th->id), region_ids());
      return fail(fmt::format("path '{}': no link between {} and {}", p_.full, p_.seg[3], p_.seg[4]),
                  fmt::format("a link listed under theaters.{}.links", th->id));
    }
    return not_field(2, strings({"regions", "links"}));
  }

  bool force() {
    if (!need(1, "an actor id") || !known_actor(1) || !need(2, "a region id or reserve")) return false;
    std::vector<std::string> where;
    for (auto& f : s_.forces) {
      if (f.actor != p_.seg[1]) continue;
      if (f.reserve ? p_.seg[2] == "reserve" : f.region == p_.seg[2]) {
        if (!need(3, "personnel, tanks, artillery, aircraft or ships")) return false;
        return equipment(3, f.equipment);
      }
    }
    for (const auto& f : s_.forces)
      if (f.actor == p_.seg[1]) where.push_back(f.reserve ? std::string("reserve") : f.region);
    return fail(fmt::format("path '{}': segment 3 '{}': {} has no force there", p_.full, p_.seg[2], p_.seg[1]),
                where.empty() ? fmt::format("{} has no forces at all", p_.seg[1])
                              : "one of " + listing(where),
                schema::suggest(p_.seg[2], where));
  }

  bool war() {
    if (!need(1, "a war id")) return false;
    auto* w = find(s_.wars, p_.seg[1], [](const War& x) -> const std::string& { return x.id; });
    if (!w) return unknown(1, "a war id", ids_of(s_.wars, [](const War& x) { return x.id; }));
    if (!need(2, "status, started, aims or guarantors")) return false;
    const std::string_view f = p_.seg[2];
    if (f == "status") return enumeration<WarStart>(2, w->status, schema::kWarStatuses);
    if (f == "started") {
      t_.kind = Kind::opt_date;
      t_.where = addr(w->started);
      return leaf(2);
    }
    if (f == "aims") {
      if (!need(3, "a belligerent's actor id")) return false;
      std::vector<std::string> belligerents = w->attackers;
      belligerents.insert(belligerents.end(), w->defenders.begin(), w->defenders.end());
      if (std::find(belligerents.begin(), belligerents.end(), p_.seg[3]) == belligerents.end())
        return unknown(3, fmt::format("a belligerent of war '{}'", w->id), belligerents);
      for (auto& a : w->aims)
        if (a.actor == p_.seg[3]) return enumeration<Aim::Kind>(3, a.kind, schema::kClaims);
      // no aim given yet (it claims `own`): add one
      if constexpr (!std::is_const_v<S>) {
        if (create_) {
          w->aims.push_back(Aim{std::string(p_.seg[3]), Aim::Kind::own, {}, {}});
          return enumeration<Aim::Kind>(3, w->aims.back().kind, schema::kClaims);
        }
      }
      t_.kind = Kind::enumeration;
      t_.names = schema::kClaims;
      t_.store_enum = &store_enum<Aim::Kind>;
      return leaf(3);
    }
    if (f == "guarantors") {
      if (!need(3, "an actor id") || !known_actor(3)) return false;
      t_.kind = Kind::member;
      t_.where = addr(w->guarantors);
      t_.member = p_.seg[3];
      return leaf(3);
    }
    return not_field(2, strings({"status", "started", "aims", "guarantors"}));
  }

  bool param() {
    const ParamSpec* spec = find_param(p_.full);
    if (!spec)
      return fail(fmt::format("path '{}' is not a coefficient", p_.full), "a key listed by `statecraft params`",
                  schema::suggest(p_.full, param_keys()));
    t_.kind = spec->is_bool ? Kind::param_bool : Kind::param_number;
    t_.range = Range{spec->min, spec->max};
    t_.fresh = spec->default_value;
    for (auto& p : s_.params)
      if (p.key == p_.full) {
        t_.where = addr(p.value);
        return true;
      }
    // absent from the file: its default is replaced
    if constexpr (!std::is_const_v<S>) {
      if (create_) {
        s_.params.push_back(ParamSetting{std::string(p_.full), spec->default_value, {}});
        t_.where = &s_.params.back().value;
      }
    }
    return true;
  }
};

template <class S>
bool resolve(S& s, std::string_view path, bool create, Target& t, Problem& err) {
  return Resolver<S>(s, path, create, t, err).run();
}

std::string_view kind_text(const Target& t) {
  switch (t.kind) {
    case Kind::boolean:
    case Kind::member:
    case Kind::param_bool: return "true or false";
    case Kind::date:
    case Kind::opt_date: return "a date";
    case Kind::enumeration: return "a name";
    case Kind::actor_ref: return "an actor id";
    case Kind::region_ref: return "a region id";
    default: return "a number";
  }
}

Problem not_numeric(std::string_view path, const Target& t) {
  Problem p;
  p.message = fmt::format("path '{}' is not numeric: it takes {}", path,
                          t.kind == Kind::enumeration ? schema::one_of(t.names) : std::string(kind_text(t)));
  p.expected = "a path to a number";
  return p;
}

/// A value converted to the field's type.
struct Value {
  double num = 0;
  bool flag = false;
  Date date;
  int index = 0;
};

// the same rules as the reader: strict numbers, true/false, existing dates, known names and ids
bool convert(const Scenario& s, const Target& t, std::string_view path, std::string_view text, Value& v,
             Problem& err) {
  const auto bad = [&](std::string what, std::string expected, std::string suggestion = {}) {
    err.message = fmt::format("value '{}' for '{}': {}", text, path, what);
    err.expected = std::move(expected);
    err.suggestion = std::move(suggestion);
    err.in_value = true;
    return false;
  };
  switch (t.kind) {
    case Kind::number:
    case Kind::opt_number:
    case Kind::param_number: {
      auto num = schema::parse_number(text);
      if (!num) return bad("not a number", schema::describe(t.range));
      if (!schema::in_range(*num, t.range)) return bad("out of range", schema::describe(t.range));
      v.num = *num;
      return true;
    }
    case Kind::boolean:
    case Kind::member:
    case Kind::param_bool: {
      auto b = schema::parse_bool(text);
      if (!b) return bad("not true or false", "true or false");
      v.flag = *b;
      return true;
    }
    case Kind::date:
    case Kind::opt_date: {
      auto d = parse_date(text);
      if (!d) return bad("not a date that exists", "a date YYYY-MM-DD");
      v.date = *d;
      return true;
    }
    case Kind::enumeration: {
      const int i = schema::index_of(t.names, text);
      if (i < 0) return bad("unknown name", "one of " + schema::one_of(t.names), schema::suggest(text, schema::to_strings(t.names)));
      v.index = i;
      return true;
    }
    case Kind::actor_ref: {
      for (const auto& a : s.actors)
        if (a.id == text) return true;
      return bad("unknown actor", "an actor id", schema::suggest(text, ids_of(s.actors, [](const Actor& a) { return a.id; })));
    }
    case Kind::region_ref: {
      std::vector<std::string> ids;
      for (const auto& th : s.theaters)
        for (const auto& g : th.regions) {
          if (g.id == text) return true;
          if (ids.size() <= 20000) ids.push_back(g.id);
        }
      return bad("unknown region", "a region id", schema::suggest(text, ids));
    }
  }
  return false;
}

void store(const Target& t, std::string_view text, const Value& v) {
  switch (t.kind) {
    case Kind::number:
    case Kind::param_number: *static_cast<double*>(t.where) = v.num; break;
    case Kind::opt_number: *static_cast<std::optional<double>*>(t.where) = v.num; break;
    case Kind::param_bool: *static_cast<double*>(t.where) = v.flag ? 1.0 : 0.0; break;
    case Kind::boolean: *static_cast<bool*>(t.where) = v.flag; break;
    case Kind::date: *static_cast<Date*>(t.where) = v.date; break;
    case Kind::opt_date: *static_cast<std::optional<Date>*>(t.where) = v.date; break;
    case Kind::enumeration: t.store_enum(t.where, v.index); break;
    case Kind::actor_ref:
    case Kind::region_ref: *static_cast<std::string*>(t.where) = std::string(text); break;
    case Kind::member: {
      auto& list = *static_cast<std::vector<std::string>*>(t.where);
      auto it = std::find(list.begin(), list.end(), t.member);
      if (v.flag && it == list.end()) list.emplace_back(t.member);
      if (!v.flag && it != list.end()) list.erase(it);
      break;
    }
  }
}

std::optional<Problem> set_value(Scenario& s, std::string_view path, std::string_view text) {
  Target t;
  Problem err;
  Value v;
  // validate before anything is created, so a bad value leaves `s` as it was
  if (!resolve(s, path, false, t, err)) return err;
  if (!convert(s, t, path, text, v, err)) return err;
  if (!t.where && !resolve(s, path, true, t, err)) return err;
  if (!t.where) {
    err.message = fmt::format("path '{}' names nothing that can be written", path);
    return err;
  }
  store(t, text, v);
  return std::nullopt;
}

double draw(const Distribution& d, Rng& rng) {
  const std::vector<double>& a = d.args;
  switch (d.kind) {
    case Distribution::Kind::uniform: return a.size() >= 2 ? rng.uniform(a[0], a[1]) : 0;
    case Distribution::Kind::normal: return a.size() >= 2 ? rng.normal(a[0], a[1]) : 0;
    case Distribution::Kind::lognormal: return a.size() >= 2 ? rng.lognormal(a[0], a[1]) : 0;
    case Distribution::Kind::triangular: return a.size() >= 3 ? rng.triangular(a[0], a[1], a[2]) : 0;
    case Distribution::Kind::choice:
      return a.empty() ? 0 : a[std::min<size_t>(rng.below(static_cast<uint32_t>(a.size())), a.size() - 1)];
  }
  return 0;
}

}  // namespace

namespace schema {

std::optional<Problem> probe(const Scenario& s, std::string_view path, bool numeric, const std::string* value) {
  Target t;
  Problem err;
  if (!resolve(s, path, false, t, err)) return err;
  if (numeric && !is_numeric(t.kind)) return not_numeric(path, t);
  Value v;
  if (value && !convert(s, t, path, *value, v, err)) return err;
  return std::nullopt;
}

std::vector<Diagnostic> apply_sets(Scenario& s, const Variant& v) {
  // the variant may live in `s`; setting values never touches s.variants, but copy to be plain about it
  const std::vector<SetValue> sets = v.set;
  const std::string name = v.name;
  std::vector<Diagnostic> out;
  for (size_t j = 0; j < sets.size(); ++j)
    if (auto p = set_value(s, sets[j].path, sets[j].value))
      out.push_back(Diagnostic{s.file, sets[j].loc,
                               clip(fmt::format("variants.{}.set[{}].{}", name, j, p->in_value ? "value" : "path")),
                               clip(p->message), clip(p->expected), std::move(p->suggestion)});
  return out;
}

}  // namespace schema

double* numeric_field(Scenario& s, std::string_view path, std::string& error) {
  Target t;
  Problem err;
  if (!resolve(s, path, false, t, err)) {
    error = schema::format_problem(err);
    return nullptr;
  }
  if (!is_numeric(t.kind)) {
    error = schema::format_problem(not_numeric(path, t));
    return nullptr;
  }
  if (!t.where) resolve(s, path, true, t, err);
  if (t.kind == Kind::opt_number) {
    auto* opt = static_cast<std::optional<double>*>(t.where);
    if (!*opt) *opt = t.fresh;
    return &**opt;
  }
  return static_cast<double*>(t.where);
}

std::string set_field(Scenario& s, std::string_view path, std::string_view value_text) {
  if (auto p = set_value(s, path, value_text)) return schema::format_problem(*p);
  s.fixed_paths.emplace_back(path);
  return {};
}

std::string set_assignment(Scenario& s, std::string_view assignment) {
  const auto eq = assignment.find('=');
  if (eq == std::string_view::npos) return "expected PATH=VALUE";
  return set_field(s, assignment.substr(0, eq), assignment.substr(eq + 1));
}

Scenario apply_variant(const Scenario& base, std::string_view name) {
  const Variant* v = nullptr;
  std::vector<std::string> names;
  for (const auto& x : base.variants) {
    if (x.name == name) v = &x;
    names.push_back(x.name);
  }
  if (!v)
    throw InputError({Diagnostic{base.file, {}, "variants", fmt::format("unknown variant '{}'", name),
                                 names.empty() ? std::string("a variant defined under variants (there are none)")
                                               : "one of " + listing(names),
                                 schema::suggest(name, names)}});
  Scenario out = base;
  std::vector<Diagnostic> problems = schema::apply_sets(out, *v);
  if (problems.empty()) {
    problems = schema::check(out, nullptr);
    for (auto& d : problems) d.message = fmt::format("with variant '{}' applied: {}", name, d.message);
  }
  if (!problems.empty()) throw InputError(std::move(problems));
  out.applied_variants.emplace_back(name);
  for (const auto& sv : v->set) out.fixed_paths.push_back(sv.path);
  return out;
}

void draw_uncertain(Scenario& s, Rng& rng) {
  for (size_t i = 0; i < s.uncertain.size(); ++i) {
    // resolving may add an interest or a coefficient, never an uncertain entry
    const Uncertain& u = s.uncertain[i];
    double x = draw(u.dist, rng);
    // a value a variant or an override set is fixed, not drawn; the draw is
    // still taken so the stream stays aligned with the base scenario's
    if (std::find(s.fixed_paths.begin(), s.fixed_paths.end(), u.path) != s.fixed_paths.end()) continue;
    if (u.clip) x = std::max(u.clip->first, std::min(u.clip->second, x));
    Target t;
    Problem err;
    if (!resolve(s, u.path, true, t, err) || !is_numeric(t.kind) || !t.where) continue;  // check_scenario rejects these
    x = schema::clamp_to(x, t.range);
    if (t.kind == Kind::opt_number)
      *static_cast<std::optional<double>*>(t.where) = x;
    else
      *static_cast<double*>(t.where) = x;
  }
}

}  // namespace statecraft
