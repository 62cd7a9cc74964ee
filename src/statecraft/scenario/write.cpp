#include "scenario/write.h"

#include <algorithm>

#include <fmt/format.h>

#include "scenario/params.h"
#include "scenario/schema.h"

namespace statecraft {

namespace {

using schema::format_number;
using schema::name_of;

bool reserved_word(std::string_view t) {
  std::string low(t);
  for (char& c : low)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  for (std::string_view w : {"true", "false", "null", "yes", "no", "on", "off", "y", "n"})
    if (low == w) return true;
  return false;
}

// plain when no YAML reader can take it for anything but this string
bool plain_safe(std::string_view t) {
  if (t.empty() || t.back() == ' ') return false;
  const char first = t[0];
  if (!((first >= 'A' && first <= 'Z') || (first >= 'a' && first <= 'z') || first == '_')) return false;
  for (char c : t)
    if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == ' ' || c == '_' ||
          c == '-' || c == '.' || c == '/' || c == '(' || c == ')'))
      return false;
  return !reserved_word(t);
}

std::string str(std::string_view t) {
  if (plain_safe(t)) return std::string(t);
  std::string out = "\"";
  for (size_t i = 0; i < t.size(); ++i) {
    const char c = t[i];
    const auto u = static_cast<unsigned char>(c);
    // characters a YAML reader may fold as line breaks or drop as a byte
    // order mark keep their identity only escaped
    const std::string_view rest = t.substr(i);
    if (rest.starts_with("\xC2\x85") || rest.starts_with("\xE2\x80\xA8") || rest.starts_with("\xE2\x80\xA9") ||
        rest.starts_with("\xEF\xBB\xBF")) {
      out += rest[0] == '\xC2' ? "\\u0085" : rest[0] == '\xEF' ? "\\uFEFF" : rest[2] == '\xA8' ? "\\u2028" : "\\u2029";
      i += rest[0] == '\xC2' ? 1 : 2;
      continue;
    }
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default:
        if (u < 0x20 || u == 0x7F)
          out += fmt::format("\\x{:02x}", u);
        else
          out += c;
    }
  }
  out += '"';
  return out;
}

// a variant's value: its text, plain when it reads as a number, switch or date
std::string value_text(const std::string& t) {
  if (schema::parse_number(t) || schema::parse_bool(t) || parse_date(t)) return t;
  return str(t);
}

std::string num(double v) { return format_number(v); }
std::string date(Date d) { return format_date(d); }

std::string list(const std::vector<std::string>& items) {
  std::string out = "[";
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += ", ";
    out += str(items[i]);
  }
  return out + "]";
}

std::string num_list(const std::vector<double>& items) {
  std::string out = "[";
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += ", ";
    out += num(items[i]);
  }
  return out + "]";
}

/// A flow mapping built key by key: `{a: 1, b: [x, y]}`.
struct Flow {
  std::string body;
  Flow& add(std::string_view key, const std::string& value) {
    if (!body.empty()) body += ", ";
    body += key;
    body += ": ";
    body += value;
    return *this;
  }
  Flow& num_if(std::string_view key, double v, double fallback) {
    if (v != fallback) add(key, num(v));
    return *this;
  }
  bool empty() const { return body.empty(); }
  std::string text() const { return "{" + body + "}"; }
};

void add_equipment(Flow& f, const Equipment& e) {
  f.num_if("personnel", e.personnel, 0)
      .num_if("tanks", e.tanks, 0)
      .num_if("artillery", e.artillery, 0)
      .num_if("aircraft", e.aircraft, 0)
      .num_if("ships", e.ships, 0);
}

constexpr size_t kWidth = 110;

// Breaks a long line after the commas of its outermost flow collection, the
// continuation aligned just inside the bracket (valid YAML: flow content may
// continue on lines indented deeper than the block it sits in).
std::string wrap(const std::string& line) {
  if (line.size() <= kWidth) return line;
  size_t open = std::string::npos;
  std::string out;
  size_t start = 0, last_break = std::string::npos;
  int depth = 0;
  bool quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        quoted = false;
      continue;
    }
    if (c == '"') {
      quoted = true;
    } else if (c == '{' || c == '[') {
      if (depth++ == 0 && open == std::string::npos) open = i;
    } else if (c == '}' || c == ']') {
      --depth;
    } else if (c == ',' && depth == 1 && i + 1 < line.size() && line[i + 1] == ' ') {
      if (i - start > kWidth - 10 && last_break != std::string::npos) {
        out += line.substr(start, last_break + 1 - start);
        out += '\n';
        out.append(open + 1, ' ');
        start = last_break + 2;
      }
      last_break = i;
    }
  }
  if (line.size() - start > kWidth - 10 && last_break != std::string::npos && last_break + 2 > start) {
    out += line.substr(start, last_break + 1 - start);
    out += '\n';
    out.append(open + 1, ' ');
    start = last_break + 2;
  }
  return out + line.substr(start);
}

/// Lines of YAML with the indentation of the current block.
struct Out {
  std::string text;
  void line(int indent, std::string_view content) {
    std::string l(static_cast<size_t>(indent), ' ');
    l += content;
    text += wrap(l);
    text += '\n';
  }
  void key(int indent, std::string_view k, const std::string& value) { line(indent, fmt::format("{}: {}", k, value)); }
  // the first key of a list item carries the dash
  void item(int indent, std::string_view k, const std::string& value) {
    line(indent, fmt::format("- {}: {}", k, value));
  }
};

// --- conditions ---

std::string term(const Condition& c, int n, int depth);

std::string condition_map(const Condition& c, int n, int depth) { return "{" + term(c, n, depth) + "}"; }

// `key: value` of one node; a malformed tree (never produced by the reader) is cut off
std::string term(const Condition& c, int n, int depth) {
  using Op = Condition::Op;
  if (n < 0 || static_cast<size_t>(n) >= c.nodes.size() || depth > 64) return "after: 0001-01-01";
  const Condition::Node& node = c.nodes[static_cast<size_t>(n)];
  const std::string_view op = schema::kConditionOps[static_cast<size_t>(node.op)];
  switch (node.op) {
    case Op::controls: return fmt::format("controls: {{actor: {}, region: {}}}", str(node.actor), str(node.region));
    case Op::at_war: return fmt::format("at_war: {}", str(node.actor));
    case Op::after:
    case Op::before: return fmt::format("{}: {}", op, date(node.date));
    case Op::deaths_above:
      if (node.actor.empty()) return fmt::format("deaths_above: {}", num(node.value));
      return fmt::format("deaths_above: {{actor: {}, value: {}}}", str(node.actor), num(node.value));
    case Op::all:
    case Op::any: {
      std::string out = fmt::format("{}: [", op);
      for (size_t i = 0; i < node.children.size(); ++i) {
        if (i > 0) out += ", ";
        out += condition_map(c, node.children[i], depth + 1);
      }
      return out + "]";
    }
    case Op::not_: return fmt::format("not: {}", condition_map(c, node.children.empty() ? -1 : node.children[0], depth + 1));
    case Op::always: break;
  }
  return "after: 0001-01-01";
}

// --- sections ---

void write_info(Out& o, const ScenarioInfo& info) {
  o.line(0, "scenario:");
  o.key(2, "id", str(info.id));
  o.key(2, "title", str(info.title));
  if (!info.description.empty()) o.key(2, "description", str(info.description));
  o.key(2, "start", date(info.start));
  o.key(2, "horizon", date(info.horizon));
  o.key(2, "step", std::string(name_of(info.step, schema::kStepUnits)));
  if (!info.sources.empty()) o.key(2, "sources", list(info.sources));
}

void write_actor(Out& o, const Actor& a) {
  o.item(2, "id", str(a.id));
  o.key(4, "name", str(a.name));
  if (a.cow != 0) o.key(4, "cow", std::to_string(a.cow));
  if (a.kind != ActorKind::state) o.key(4, "kind", std::string(name_of(a.kind, schema::kActorKinds)));
  if (a.population != 0) o.key(4, "population", num(a.population));
  if (a.urban_population != 0) o.key(4, "urban_population", num(a.urban_population));
  if (a.gdp_usd != 0) o.key(4, "gdp_usd", num(a.gdp_usd));
  const Military& m = a.military;
  const Military defaults;
  Flow mil;
  add_equipment(mil, m.stock);
  mil.num_if("quality", m.quality, defaults.quality);
  Flow made;
  add_equipment(made, m.production_per_year);
  if (!made.empty()) mil.add("production_per_year", made.text());
  mil.num_if("spending_usd", m.spending_usd, defaults.spending_usd)
      .num_if("deployable_share", m.deployable_share, defaults.deployable_share)
      .num_if("deploy_days", m.deploy_days, defaults.deploy_days);
  if (!mil.empty()) o.key(4, "military", mil.text());
  Flow ind;
  ind.num_if("iron_steel_tons", a.industry.iron_steel_tons, 0).num_if("energy_coal_tons", a.industry.energy_coal_tons, 0);
  if (!ind.empty()) o.key(4, "industry", ind.text());
  if (a.nuclear_warheads != 0) o.key(4, "nuclear", Flow().add("warheads", num(a.nuclear_warheads)).text());
  o.key(4, "regime", std::string(name_of(a.regime, schema::kRegimes)));
  if (!a.ideology.empty()) o.key(4, "ideology", num_list(a.ideology));
  if (!a.interests.empty()) {
    Flow in;
    for (const auto& i : a.interests) in.add(str(i.theater), num(i.stake));
    o.key(4, "interests", in.text());
  }
  if (a.casualty_tolerance != 0.5) o.key(4, "casualty_tolerance", num(a.casualty_tolerance));
  if (a.cinc) o.key(4, "cinc", num(*a.cinc));
  if (a.major_power) o.key(4, "major_power", "true");
  if (a.at) o.key(4, "at", num_list({a.at->lat, a.at->lon}));
  if (!a.capital.empty()) o.key(4, "capital", str(a.capital));
  if (a.abstain) o.key(4, "abstain", "true");
}

void write_organization(Out& o, const Organization& g) {
  o.item(2, "id", str(g.id));
  if (!g.name.empty()) o.key(4, "name", str(g.name));
  if (g.kind != OrgKind::collective_security) o.key(4, "kind", std::string(name_of(g.kind, schema::kOrgKinds)));
  o.key(4, "members", list(g.members));
  if (g.council) {
    Flow c;
    c.add("permanent", list(g.council->permanent));
    if (!g.council->members.empty()) c.add("members", list(g.council->members));
    c.add("veto", g.council->veto ? "true" : "false");
    if (!g.council->absent.empty()) c.add("absent", list(g.council->absent));
    o.key(4, "council", c.text());
  }
  if (g.reliability != 0.5) o.key(4, "reliability", num(g.reliability));
}

void write_treaty(Out& o, const Treaty& t) {
  o.item(2, "id", str(t.id));
  if (!t.name.empty()) o.key(4, "name", str(t.name));
  o.key(4, "type", std::string(name_of(t.type, schema::kTreatyTypes)));
  o.key(4, "members", list(t.members));
  if (t.signed_on) o.key(4, "signed", date(*t.signed_on));
  if (t.ends_on) o.key(4, "ends", date(*t.ends_on));
  if (t.reliability != 0.5) o.key(4, "reliability", num(t.reliability));
}

std::string relation(const Relation& r) {
  Flow f;
  switch (r.kind) {
    case Relation::Kind::pair:
      f.add("between", list(r.between)).num_if("affinity", r.affinity, 0).num_if("trade_usd", r.trade_usd, 0);
      break;
    case Relation::Kind::sanctions: f.add("sanctions", Flow().add("by", list(r.by)).add("on", str(r.on)).text()); break;
    case Relation::Kind::aid:
      f.add("aid", Flow().add("from", str(r.from)).add("to", str(r.to)).add("usd_per_year", num(r.usd_per_year)).text());
      break;
  }
  return f.text();
}

std::string region(const Region& g) {
  Flow f;
  f.add("id", str(g.id)).add("name", str(g.name)).add("owner", str(g.owner));
  if (g.control != g.owner) f.add("control", str(g.control));
  f.num_if("population", g.population, 0);
  if (g.terrain != Terrain::mixed) f.add("terrain", std::string(name_of(g.terrain, schema::kTerrains)));
  if (g.coastal) f.add("coastal", "true");
  if (g.port) f.add("port", "true");
  f.add("at", num_list({g.at.lat, g.at.lon}));
  if (!g.admin1.empty()) f.add("admin1", list(g.admin1));
  f.num_if("fortification", g.fortification, 0);
  return f.text();
}

std::string link(const Link& l) {
  if (l.kind == LinkKind::land && !l.km && !l.river) return list({l.a, l.b});
  Flow f;
  f.add("between", list({l.a, l.b}));
  if (l.kind != LinkKind::land) f.add("kind", std::string(name_of(l.kind, schema::kLinkKinds)));
  if (l.km) f.add("km", num(*l.km));
  if (l.river) f.add("river", "true");
  return f.text();
}

std::string actor_regions(const std::vector<ActorRegions>& list_) {
  Flow f;
  for (const auto& ar : list_) f.add(str(ar.actor), list(ar.regions));
  return f.text();
}

void write_theater(Out& o, const Theater& t) {
  o.item(2, "id", str(t.id));
  if (!t.name.empty()) o.key(4, "name", str(t.name));
  o.line(4, "regions:");
  for (const auto& g : t.regions) o.line(6, "- " + region(g));
  if (t.links.empty()) {
    o.key(4, "links", "[]");
  } else {
    o.line(4, "links:");
    for (const auto& l : t.links) o.line(6, "- " + link(l));
  }
  if (!t.entry.empty()) o.key(4, "entry", actor_regions(t.entry));
  if (!t.borders.empty()) o.key(4, "borders", actor_regions(t.borders));
}

std::string force(const Force& f) {
  Flow x;
  x.add("actor", str(f.actor)).add("theater", str(f.theater));
  if (f.reserve)
    x.add("reserve", "true");
  else
    x.add("region", str(f.region));
  if (!f.region.empty() && f.reserve) x.add("region", str(f.region));
  x.num_if("arrival_days", f.arrival_days, 0);
  add_equipment(x, f.equipment);
  return x.text();
}

void write_war(Out& o, const War& w) {
  o.item(2, "id", str(w.id));
  if (!w.name.empty()) o.key(4, "name", str(w.name));
  o.key(4, "attackers", list(w.attackers));
  o.key(4, "defenders", list(w.defenders));
  o.key(4, "theater", str(w.theater));
  if (w.started) o.key(4, "started", date(*w.started));
  if (w.status != WarStart::fighting) o.key(4, "status", std::string(name_of(w.status, schema::kWarStatuses)));
  if (!w.guarantors.empty()) o.key(4, "guarantors", list(w.guarantors));
  if (w.aims.empty()) return;
  o.line(4, "aims:");
  for (const auto& a : w.aims) {
    std::string claims = a.kind == Aim::Kind::all ? "all" : a.kind == Aim::Kind::own ? "own" : list(a.regions);
    o.key(6, str(a.actor), Flow().add("claims", claims).text());
  }
}

std::string event(const Event& e) {
  Flow f;
  if (e.at) f.add("at", date(*e.at));
  if (!e.when.nodes.empty()) f.add("when", condition_map(e.when, 0, 0));
  f.add("kind", std::string(name_of(e.kind, schema::kEventKinds)));
  if (!e.actor.empty()) f.add("actor", str(e.actor));
  if (!e.treaty.empty()) f.add("treaty", str(e.treaty));
  if (!e.organization.empty()) f.add("organization", str(e.organization));
  if (!e.note.empty()) f.add("note", str(e.note));
  return f.text();
}

// model: and theory: nest the dotted keys back: model.combat.attrition_rate
void write_params(Out& o, const std::vector<ParamSetting>& params, std::string_view block) {
  struct Group {
    std::string name;
    Flow values;
  };
  std::vector<Group> groups;
  std::vector<std::pair<std::string, std::string>> loose;  // block.name without a group
  for (const auto& p : params) {
    if (!p.key.starts_with(block) || p.key.size() <= block.size() || p.key[block.size()] != '.') continue;
    const std::string rest = p.key.substr(block.size() + 1);
    const ParamSpec* spec = find_param(p.key);
    const std::string value = spec && spec->is_bool ? (p.value != 0 ? "true" : "false") : num(p.value);
    const size_t dot = rest.rfind('.');
    if (dot == std::string::npos) {
      loose.emplace_back(rest, value);
      continue;
    }
    const std::string group = rest.substr(0, dot);
    auto it = std::find_if(groups.begin(), groups.end(), [&](const Group& g) { return g.name == group; });
    if (it == groups.end()) it = groups.insert(groups.end(), Group{group, {}});
    it->values.add(str(rest.substr(dot + 1)), value);
  }
  if (groups.empty() && loose.empty()) return;
  o.line(0, fmt::format("{}:", block));
  for (const auto& g : groups) o.key(2, str(g.name), g.values.text());
  for (const auto& [k, v] : loose) o.key(2, str(k), v);
}

std::string uncertain(const Uncertain& u) {
  Flow f;
  f.add("path", str(u.path));
  f.add("dist", Flow().add(name_of(u.dist.kind, schema::kDistKinds), num_list(u.dist.args)).text());
  if (u.clip) f.add("clip", num_list({u.clip->first, u.clip->second}));
  return f.text();
}

void write_variant(Out& o, const Variant& v) {
  o.line(2, str(v.name) + ":");
  if (!v.description.empty()) o.key(4, "description", str(v.description));
  if (!v.set.empty()) {
    o.line(4, "set:");
    for (const auto& sv : v.set)
      o.line(6, "- " + Flow().add("path", str(sv.path)).add("value", value_text(sv.value)).text());
  }
  if (!v.when.nodes.empty()) o.key(4, "when", condition_map(v.when, 0, 0));
}

void write_history(Out& o, const History& h) {
  o.line(0, "history:");
  if (!h.outcome.empty()) o.key(2, "outcome", str(h.outcome));
  if (h.end) o.key(2, "end", date(*h.end));
  if (!h.checkpoints.empty()) {
    o.line(2, "checkpoints:");
    for (const auto& cp : h.checkpoints) {
      std::string body = "date: " + date(cp.date);
      if (!cp.condition.nodes.empty()) body += ", " + term(cp.condition, 0, 0);
      o.line(4, "- {" + body + "}");
    }
  }
  if (h.battle_deaths_total || !h.battle_deaths_by_actor.empty()) {
    Flow d;
    if (h.battle_deaths_total) d.add("total", num(*h.battle_deaths_total));
    if (!h.battle_deaths_by_actor.empty()) {
      Flow by;
      for (const auto& [id, n] : h.battle_deaths_by_actor) by.add(str(id), num(n));
      d.add("by_actor", by.text());
    }
    o.key(2, "battle_deaths", d.text());
  }
  if (!h.entries.empty()) {
    Flow e;
    for (const auto& [id, d] : h.entries) e.add(str(id), date(d));
    o.key(2, "entries", e.text());
  }
  if (!h.source.empty()) o.key(2, "source", str(h.source));
}

}  // namespace

std::string write_scenario(const Scenario& s) {
  Out o;
  o.line(0, "# statecraft scenario file, schema version 1 (docs/scenario-format.md)");
  if (!s.applied_variants.empty()) {
    std::string names;
    for (const auto& v : s.applied_variants) names += (names.empty() ? "" : ", ") + v;
    o.line(0, "# written with variants applied: " + names);
  }
  o.key(0, "statecraft", std::to_string(s.schema_version));
  write_info(o, s.info);
  const auto section = [&](std::string_view name, const auto& items, auto write_one) {
    if (items.empty()) return;
    o.text += '\n';
    o.line(0, fmt::format("{}:", name));
    for (const auto& x : items) write_one(x);
  };
  section("actors", s.actors, [&](const Actor& a) { write_actor(o, a); });
  section("organizations", s.organizations, [&](const Organization& g) { write_organization(o, g); });
  section("treaties", s.treaties, [&](const Treaty& t) { write_treaty(o, t); });
  section("relations", s.relations, [&](const Relation& r) { o.line(2, "- " + relation(r)); });
  section("theaters", s.theaters, [&](const Theater& t) { write_theater(o, t); });
  section("forces", s.forces, [&](const Force& f) { o.line(2, "- " + force(f)); });
  section("wars", s.wars, [&](const War& w) { write_war(o, w); });
  section("events", s.events, [&](const Event& e) { o.line(2, "- " + event(e)); });
  if (!s.params.empty()) o.text += '\n';
  write_params(o, s.params, "model");
  write_params(o, s.params, "theory");
  section("uncertain", s.uncertain, [&](const Uncertain& u) { o.line(2, "- " + uncertain(u)); });
  section("variants", s.variants, [&](const Variant& v) { write_variant(o, v); });
  if (s.history.present) {
    o.text += '\n';
    write_history(o, s.history);
  }
  return o.text;
}

}  // namespace statecraft
