// The reader: YAML text to Scenario structs. It checks syntax, keys and the
// type of every value, and records where each value was written; ranges and
// references are left to check.cpp so they are checked the same way whether
// a Scenario comes from a file, a variant or code.
#include "scenario/load.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unordered_map>

#include <fmt/format.h>

#include "scenario/params.h"
#include "scenario/schema.h"

namespace statecraft {

namespace {

using schema::SourceMap;

// limits on what reaches yaml-cpp and our walk over its tree: no real
// scenario comes near them, but a hostile or broken file must not exhaust the
// stack (yaml-cpp recurses once per nesting level), memory or time
constexpr size_t kMaxBytes = size_t{4} << 20;
constexpr int kMaxNesting = 64;
// Without aliases every value takes at least a byte of text, and the walk
// visits each at most twice; aliases may repeat parts of a file, but not make
// the walk much longer than the text (a few lines of nested aliases can
// stand for 10^9 values)
constexpr long kFreeVisits = 20000;
constexpr long visit_budget(size_t bytes) { return kFreeVisits + 2 * static_cast<long>(bytes); }
constexpr int kMaxConditionDepth = 32;

struct Reader {
  const std::string& file;
  std::vector<Diagnostic>& out;
  SourceMap& where;
  long budget = kFreeVisits;  // values the walk may still visit; see visit_budget
  bool exhausted = false;

  void error(Loc loc, std::string key, std::string message, std::string expected = {},
             std::string suggestion = {}) {
    if (exhausted) return;
    if (out.size() >= schema::kMaxProblems) {
      // a file this broken is probably not a scenario; stop reading it
      exhausted = true;
      out.push_back(Diagnostic{file, loc, "", "too many problems; stopping here", "", ""});
      return;
    }
    out.push_back(Diagnostic{file, loc, schema::clip(key), schema::clip(message), std::move(expected),
                             std::move(suggestion)});
  }

  // every node visited is paid for, so alias bombs and cycles end
  bool visit(Loc loc) {
    if (exhausted) return false;
    if (--budget >= 0) return true;
    error(loc, "", "the document expands to too many values (aliases referring to aliases?)",
          "aliases that repeat at most a few times the text of the file");
    exhausted = true;
    return false;
  }
};

Loc mark_loc(const YAML::Node& n) {
  const YAML::Mark m = n.Mark();
  if (m.is_null() || m.line < 0 || m.column < 0) return {};
  return {m.line + 1, m.column + 1};
}

/// A value, its dotted key path, and where to point at it (the key's
/// position when the value is empty, since yaml-cpp marks the next token).
struct Val {
  YAML::Node node;
  Loc loc;
  std::string path;
};

std::string join(const std::string& path, std::string_view key) {
  if (path.empty()) return std::string(key);
  std::string out;
  out.reserve(path.size() + 1 + key.size());
  out += path;
  out += '.';
  out += key;
  return out;
}

std::string at_index(const std::string& path, size_t i) { return fmt::format("{}[{}]", path, i); }

bool is_quoted(const YAML::Node& n) {
  const std::string& tag = n.Tag();
  return tag == "!" || tag == "tag:yaml.org,2002:str";
}

std::string shorten(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (out.size() >= 40) {
      out += "...";
      break;
    }
    out += (static_cast<unsigned char>(c) < 0x20) ? ' ' : c;
  }
  return out;
}

// what a node is, for "wrong type" messages
std::string what(const YAML::Node& n) {
  switch (n.Type()) {
    case YAML::NodeType::Null: return "nothing";
    case YAML::NodeType::Sequence: return "a list";
    case YAML::NodeType::Map: return "a mapping";
    case YAML::NodeType::Scalar:
      return (is_quoted(n) ? "the quoted string '" : "'") + shorten(n.Scalar()) + "'";
    default: return "an undefined value";
  }
}

void wrong_type(Reader& r, const Val& v, std::string_view expected) {
  r.error(v.loc, v.path, "wrong type: " + what(v.node), std::string(expected));
}

size_t utf8_length(std::string_view t, size_t i);
bool valid_utf8(std::string_view t);

struct Entry {
  std::string key;
  Loc key_loc;
  Val value;
};

// The entries of a mapping in file order. Reports a value that is not a
// mapping, keys that are not strings and keys given twice (yaml-cpp keeps
// both; the later one is dropped).
std::optional<std::vector<Entry>> entries(Reader& r, const Val& v, std::string_view expected = "a mapping") {
  if (!r.visit(v.loc)) return std::nullopt;
  r.where[v.path] = v.loc;
  if (!v.node.IsMap()) {
    wrong_type(r, v, expected);
    return std::nullopt;
  }
  std::vector<Entry> out;
  std::unordered_map<std::string, Loc> seen;  // only for large mappings
  const bool large = v.node.size() > 16;
  for (auto it = v.node.begin(); it != v.node.end(); ++it) {
    // copies: the iterator hands out a temporary pair (node handles are cheap)
    const YAML::Node k = it->first;
    const YAML::Node value = it->second;
    const Loc kl = mark_loc(k);
    if (!r.visit(kl)) return std::nullopt;
    if (!k.IsScalar()) {
      r.error(kl, v.path, "a key must be a plain string, not " + what(k));
      continue;
    }
    std::string key = k.Scalar();
    if (!valid_utf8(key)) {
      r.error(kl, v.path, "a key decodes to bytes that are not UTF-8", "\\u0085 or \\u00A0 instead of \\N or \\_");
      continue;
    }
    std::optional<Loc> first;
    if (large) {
      if (auto [at, inserted] = seen.emplace(key, kl); !inserted) first = at->second;
    } else {
      for (const auto& e : out)
        if (e.key == key) first = e.key_loc;
    }
    if (first) {
      r.error(kl, join(v.path, key),
              fmt::format("key '{}' given twice in one mapping (first at line {})", shorten(key), first->line),
              "each key once");
      continue;
    }
    const Loc vl = value.IsNull() ? kl : mark_loc(value);
    std::string path = join(v.path, key);
    out.push_back(Entry{std::move(key), kl, Val{value, vl, std::move(path)}});
  }
  return out;
}

/// The known keys of a mapping; unknown ones are reported with a suggestion.
struct Fields {
  std::vector<Entry> items;
  Loc loc;
  std::string path;
  bool ok = false;

  const Val* get(std::string_view key) const {
    for (const auto& e : items)
      if (e.key == key) return &e.value;
    return nullptr;
  }
};

Fields fields(Reader& r, const Val& v, std::span<const std::string_view> known) {
  Fields f;
  f.loc = v.loc;
  f.path = v.path;
  auto es = entries(r, v);
  if (!es) return f;
  f.ok = true;
  for (auto& e : *es) {
    if (schema::index_of(known, e.key) < 0) {
      r.error(e.key_loc, e.value.path, fmt::format("unknown key '{}'", shorten(e.key)), "one of " + schema::one_of(known),
              schema::suggest(e.key, schema::to_strings(known)));
      continue;
    }
    f.items.push_back(std::move(e));
  }
  return f;
}

// reports a missing key; a value that was not a mapping at all was reported already
void require(Reader& r, const Fields& f, std::string_view key) {
  if (!f.ok || f.get(key)) return;
  r.error(f.loc, join(f.path, key), fmt::format("missing required key '{}'", key));
}

// --- scalars ---

bool valid_utf8(std::string_view t) {
  for (size_t i = 0; i < t.size();) {
    const size_t n = utf8_length(t, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

std::optional<std::string> read_scalar(Reader& r, const Val& v, std::string_view expected) {
  if (!r.visit(v.loc)) return std::nullopt;
  r.where[v.path] = v.loc;
  if (!v.node.IsScalar()) {
    wrong_type(r, v, expected);
    return std::nullopt;
  }
  // the file is UTF-8, but yaml-cpp 0.7 decodes the escapes \N and \_ to
  // single bytes that are not; such text could never be written back
  if (!valid_utf8(v.node.Scalar())) {
    r.error(v.loc, v.path, "the text decodes to bytes that are not UTF-8", "\\u0085 or \\u00A0 instead of \\N or \\_");
    return std::nullopt;
  }
  return v.node.Scalar();
}

std::optional<std::string> read_str(Reader& r, const Val& v) { return read_scalar(r, v, "a string"); }

// ids are read as written; their grammar and what they refer to are checked later
std::optional<std::string> read_id(Reader& r, const Val& v) { return read_scalar(r, v, schema::kIdExpected); }

std::optional<double> read_num(Reader& r, const Val& v, std::string_view expected = "a number") {
  auto text = read_scalar(r, v, expected);
  if (!text) return std::nullopt;
  if (is_quoted(v.node)) {
    wrong_type(r, v, expected);
    return std::nullopt;
  }
  auto num = schema::parse_number(*text);
  if (!num) r.error(v.loc, v.path, fmt::format("not a number: '{}'", shorten(*text)), std::string(expected));
  return num;
}

std::optional<int> read_int(Reader& r, const Val& v) {
  auto num = read_num(r, v, "a whole number");
  if (!num) return std::nullopt;
  if (*num != std::floor(*num) || std::fabs(*num) > 2e9) {
    r.error(v.loc, v.path, fmt::format("not a whole number: {}", schema::format_number(*num)), "a whole number");
    return std::nullopt;
  }
  return static_cast<int>(*num);
}

std::optional<bool> read_bool(Reader& r, const Val& v) {
  auto text = read_scalar(r, v, "true or false");
  if (!text) return std::nullopt;
  auto b = is_quoted(v.node) ? std::nullopt : schema::parse_bool(*text);
  if (!b) r.error(v.loc, v.path, "not true or false: " + what(v.node), "true or false");
  return b;
}

std::optional<Date> read_date(Reader& r, const Val& v) {
  auto text = read_scalar(r, v, "a date YYYY-MM-DD");
  if (!text) return std::nullopt;
  if (auto d = parse_date(*text)) return d;
  const bool shaped = text->size() == 10 && (*text)[4] == '-' && (*text)[7] == '-' &&
                      std::all_of(text->begin(), text->end(), [](char c) { return c == '-' || (c >= '0' && c <= '9'); });
  if (shaped)
    r.error(v.loc, v.path, fmt::format("impossible date '{}': no such day", *text), "a date that exists");
  else
    r.error(v.loc, v.path, fmt::format("not a date: '{}'", shorten(*text)), "a date YYYY-MM-DD");
  return std::nullopt;
}

template <class E, size_t N>
std::optional<E> read_enum(Reader& r, const Val& v, const std::array<std::string_view, N>& names) {
  const std::string expected = "one of " + schema::one_of(names);
  auto text = read_scalar(r, v, expected);
  if (!text) return std::nullopt;
  const int i = schema::index_of(names, *text);
  if (i < 0) {
    r.error(v.loc, v.path, fmt::format("unknown value '{}'", shorten(*text)), expected,
            schema::suggest(*text, schema::to_strings(names)));
    return std::nullopt;
  }
  return static_cast<E>(i);
}

// --- lists and id-keyed mappings ---

/// The items of a list (nothing is an empty list).
std::optional<std::vector<Val>> read_list(Reader& r, const Val& v, std::string_view expected = "a list") {
  if (!r.visit(v.loc)) return std::nullopt;
  r.where[v.path] = v.loc;
  if (v.node.IsNull()) return std::vector<Val>{};
  if (!v.node.IsSequence()) {
    wrong_type(r, v, expected);
    return std::nullopt;
  }
  std::vector<Val> items;
  size_t i = 0;
  for (auto it = v.node.begin(); it != v.node.end(); ++it, ++i) {
    const YAML::Node item = *it;
    const Loc loc = item.IsNull() ? v.loc : mark_loc(item);
    if (!r.visit(loc)) return std::nullopt;
    items.push_back(Val{item, loc, at_index(v.path, i)});
  }
  return items;
}

std::vector<std::string> read_id_list(Reader& r, const Val& v) {
  std::vector<std::string> out;
  if (auto items = read_list(r, v, "a list of ids"))
    for (const auto& item : *items)
      if (auto id = read_id(r, item)) out.push_back(std::move(*id));
  return out;
}

std::vector<std::string> read_str_list(Reader& r, const Val& v) {
  std::vector<std::string> out;
  if (auto items = read_list(r, v, "a list of strings"))
    for (const auto& item : *items)
      if (auto str = read_str(r, item)) out.push_back(std::move(*str));
  return out;
}

std::optional<std::vector<double>> read_num_list(Reader& r, const Val& v, std::string_view expected) {
  auto items = read_list(r, v, expected);
  if (!items) return std::nullopt;
  std::vector<double> out;
  bool ok = true;
  for (const auto& item : *items) {
    if (auto num = read_num(r, item))
      out.push_back(*num);
    else
      ok = false;
  }
  if (!ok) return std::nullopt;
  return out;
}

std::optional<LatLon> read_latlon(Reader& r, const Val& v) {
  auto nums = read_num_list(r, v, "[lat, lon]");
  if (!nums) return std::nullopt;
  if (nums->size() != 2) {
    r.error(v.loc, v.path, fmt::format("{} numbers given", nums->size()), "[lat, lon]: two numbers");
    return std::nullopt;
  }
  return LatLon{(*nums)[0], (*nums)[1]};
}

// --- sections ---

constexpr std::array<std::string_view, 5> kEquipmentKeys = {"personnel", "tanks", "artillery", "aircraft", "ships"};

double* equipment_field(Equipment& e, std::string_view key) {
  if (key == "personnel") return &e.personnel;
  if (key == "tanks") return &e.tanks;
  if (key == "artillery") return &e.artillery;
  if (key == "aircraft") return &e.aircraft;
  if (key == "ships") return &e.ships;
  return nullptr;
}

void read_equipment(Reader& r, const Val& v, Equipment& e) {
  Fields f = fields(r, v, kEquipmentKeys);
  for (const auto& it : f.items)
    if (auto num = read_num(r, it.value)) *equipment_field(e, it.key) = *num;
}

void read_info(Reader& r, const Val& v, ScenarioInfo& info) {
  static constexpr std::array<std::string_view, 7> kKeys = {"id",      "title", "description", "start",
                                                            "horizon", "step",  "sources"};
  Fields f = fields(r, v, kKeys);
  for (const auto& e : f.items) {
    const Val& x = e.value;
    if (e.key == "id") {
      if (auto id = read_id(r, x)) info.id = *id;
    } else if (e.key == "title") {
      if (auto t = read_str(r, x)) info.title = *t;
    } else if (e.key == "description") {
      if (auto t = read_str(r, x)) info.description = *t;
    } else if (e.key == "start") {
      if (auto d = read_date(r, x)) info.start = *d;
    } else if (e.key == "horizon") {
      if (auto d = read_date(r, x)) info.horizon = *d;
    } else if (e.key == "step") {
      if (auto u = read_enum<StepUnit>(r, x, schema::kStepUnits)) info.step = *u;
    } else if (e.key == "sources") {
      info.sources = read_str_list(r, x);
    }
  }
  for (auto key : {"id", "title", "start", "horizon"}) require(r, f, key);
}

void read_military(Reader& r, const Val& v, Military& m) {
  static constexpr std::array<std::string_view, 10> kKeys = {
      "personnel", "tanks",        "artillery",        "aircraft",   "ships",
      "quality",   "production_per_year", "spending_usd", "deployable_share", "deploy_days"};
  Fields f = fields(r, v, kKeys);
  for (const auto& e : f.items) {
    if (e.key == "production_per_year") {
      read_equipment(r, e.value, m.production_per_year);
      continue;
    }
    auto num = read_num(r, e.value);
    if (!num) continue;
    if (double* p = equipment_field(m.stock, e.key))
      *p = *num;
    else if (e.key == "quality")
      m.quality = *num;
    else if (e.key == "spending_usd")
      m.spending_usd = *num;
    else if (e.key == "deployable_share")
      m.deployable_share = *num;
    else if (e.key == "deploy_days")
      m.deploy_days = *num;
  }
}

void read_actor(Reader& r, const Val& v, Actor& a) {
  static constexpr std::array<std::string_view, 19> kKeys = {
      "id",       "name",     "cow",       "kind",     "population",         "urban_population", "gdp_usd",
      "military", "industry", "nuclear",   "regime",   "ideology",           "interests",        "casualty_tolerance",
      "cinc",     "major_power", "at",     "capital",  "abstain"};
  a.loc = v.loc;
  Fields f = fields(r, v, kKeys);
  for (const auto& e : f.items) {
    const Val& x = e.value;
    const std::string& k = e.key;
    if (k == "id") {
      if (auto id = read_id(r, x)) a.id = *id;
    } else if (k == "name") {
      if (auto t = read_str(r, x)) a.name = *t;
    } else if (k == "cow") {
      if (auto n = read_int(r, x)) a.cow = *n;
    } else if (k == "kind") {
      if (auto kind = read_enum<ActorKind>(r, x, schema::kActorKinds)) a.kind = *kind;
    } else if (k == "population") {
      if (auto n = read_num(r, x)) a.population = *n;
    } else if (k == "urban_population") {
      if (auto n = read_num(r, x)) a.urban_population = *n;
    } else if (k == "gdp_usd") {
      if (auto n = read_num(r, x)) a.gdp_usd = *n;
    } else if (k == "military") {
      read_military(r, x, a.military);
    } else if (k == "industry") {
      static constexpr std::array<std::string_view, 2> kIndustry = {"iron_steel_tons", "energy_coal_tons"};
      for (const auto& i : fields(r, x, kIndustry).items)
        if (auto n = read_num(r, i.value))
          (i.key == "iron_steel_tons" ? a.industry.iron_steel_tons : a.industry.energy_coal_tons) = *n;
    } else if (k == "nuclear") {
      static constexpr std::array<std::string_view, 1> kNuclear = {"warheads"};
      for (const auto& i : fields(r, x, kNuclear).items)
        if (auto n = read_num(r, i.value)) a.nuclear_warheads = *n;
    } else if (k == "regime") {
      if (auto g = read_enum<Regime>(r, x, schema::kRegimes)) a.regime = *g;
    } else if (k == "ideology") {
      if (auto nums = read_num_list(r, x, "a list of numbers in -1..1")) a.ideology = *nums;
    } else if (k == "interests") {
      if (x.node.IsNull()) continue;
      if (auto es = entries(r, x, "a mapping {theater id: stake}"))
        for (const auto& i : *es)
          if (auto n = read_num(r, i.value)) a.interests.push_back(Interest{i.key, *n, i.key_loc});
    } else if (k == "casualty_tolerance") {
      if (auto n = read_num(r, x)) a.casualty_tolerance = *n;
    } else if (k == "cinc") {
      if (auto n = read_num(r, x)) a.cinc = *n;
    } else if (k == "major_power") {
      if (auto b = read_bool(r, x)) a.major_power = *b;
    } else if (k == "at") {
      if (auto p = read_latlon(r, x)) a.at = *p;
    } else if (k == "capital") {
      if (auto id = read_id(r, x)) a.capital = *id;
    } else if (k == "abstain") {
      if (auto b = read_bool(r, x)) a.abstain = *b;
    }
  }
  for (auto key : {"id", "name"}) require(r, f, key);
}

void read_organization(Reader& r, const Val& v, Organization& o) {
  static constexpr std::array<std::string_view, 6> kKeys = {"id", "name", "kind", "members", "council", "reliability"};
  static constexpr std::array<std::string_view, 4> kCouncil = {"permanent", "members", "veto", "absent"};
  o.loc = v.loc;
  Fields f = fields(r, v, kKeys);
  for (const auto& e : f.items) {
    const Val& x = e.value;
    if (e.key == "id") {
      if (auto id = read_id(r, x)) o.id = *id;
    } else if (e.key == "name") {
      if (auto t = read_str(r, x)) o.name = *t;
    } else if (e.key == "kind") {
      if (auto k = read_enum<OrgKind>(r, x, schema::kOrgKinds)) o.kind = *k;
    } else if (e.key == "members") {
      o.members = read_id_list(r, x);
    } else if (e.key == "reliability") {
      if (auto n = read_num(r, x)) o.reliability = *n;
    } else if (e.key == "council") {
      Council c;
      c.loc = x.loc;
      Fields cf = fields(r, x, kCouncil);
      if (!cf.ok) continue;
      for (const auto& ce : cf.items) {
        if (ce.key == "permanent")
          c.permanent = read_id_list(r, ce.value);
        else if (ce.key == "members")
          c.members = read_id_list(r, ce.value);
        else if (ce.key == "absent")
          c.absent = read_id_list(r, ce.value);
        else if (auto b = read_bool(r, ce.value))
          c.veto = *b;
      }
      o.council = std::move(c);
    }
  }
  for (auto key : {"id", "members"}) require(r, f, key);
}

void read_treaty(Reader& r, const Val& v, Treaty& t) {
  static constexpr std::array<std::string_view, 7> kKeys = {"id", "name", "type", "members", "signed", "ends",
                                                            "reliability"};
  t.loc = v.loc;
  Fields f = fields(r, v, kKeys);
  for (const auto& e : f.items) {
    const Val& x = e.value;
    if (e.key == "id") {
      if (auto id = read_id(r, x)) t.id = *id;
    } else if (e.key == "name") {
      if (auto s = read_str(r, x)) t.name = *s;
    } else if (e.key == "type") {
      if (auto k = read_enum<TreatyType>(r, x, schema::kTreatyTypes)) t.type = *k;
    } else if (e.key == "members") {
      t.members = read_id_list(r, x);
    } else if (e.key == "signed") {
      if (auto d = read_date(r, x)) t.signed_on = *d;
    } else if (e.key == "ends") {
      if (auto d = read_date(r, x)) t.ends_on = *d;
    } else if (e.key == "reliability") {
      if (auto n = read_num(r, x)) t.reliability = *n;
    }
  }
  for (auto key : {"id", "type", "members"}) require(r, f, key);
}

void read_relation(Reader& r, const Val& v, Relation& rel) {
  static constexpr std::array<std::string_view, 5> kKeys = {"between", "affinity", "trade_usd", "sanctions", "aid"};
  static constexpr std::array<std::string_view, 2> kSanctions = {"by", "on"};
  static constexpr std::array<std::string_view, 3> kAid = {"from", "to", "usd_per_year"};
  rel.loc = v.loc;
  Fields f = fields(r, v, kKeys);
  if (!f.ok) return;
  const Val* sanctions = f.get("sanctions");
  const Val* aid = f.get("aid");
  // exactly one of the three forms
  const int forms = (sanctions ? 1 : 0) + (aid ? 1 : 0) + (f.get("between") ? 1 : 0);
  const std::string expected = "one of {between: [A, B], affinity, trade_usd}, {sanctions: {by, on}}, {aid: {from, to, usd_per_year}}";
  if (forms != 1 || ((sanctions || aid) && f.items.size() != 1)) {
    r.error(v.loc, v.path,
            forms == 0 ? "a relation needs 'between', 'sanctions' or 'aid'" : "a relation mixes several forms",
            expected);
    return;
  }
  if (sanctions) {
    rel.kind = Relation::Kind::sanctions;
    Fields sf = fields(r, *sanctions, kSanctions);
    for (const auto& e : sf.items) {
      if (e.key == "by")
        rel.by = read_id_list(r, e.value);
      else if (auto id = read_id(r, e.value))
        rel.on = *id;
    }
    for (auto key : {"by", "on"}) require(r, sf, key);
  } else if (aid) {
    rel.kind = Relation::Kind::aid;
    Fields af = fields(r, *aid, kAid);
    for (const auto& e : af.items) {
      if (e.key == "usd_per_year") {
        if (auto n = read_num(r, e.value)) rel.usd_per_year = *n;
      } else if (auto id = read_id(r, e.value)) {
        (e.key == "from" ? rel.from : rel.to) = *id;
      }
    }
    for (auto key : {"from", "to", "usd_per_year"}) require(r, af, key);
  } else {
    rel.kind = Relation::Kind::pair;
    for (const auto& e : f.items) {
      if (e.key == "between") {
        rel.between = read_id_list(r, e.value);
        if (rel.between.size() != 2 && e.value.node.IsSequence())
          r.error(e.value.loc, e.value.path, fmt::format("{} actors given", rel.between.size()),
                  "[A, B]: two actor ids");
      } else if (auto n = read_num(r, e.value)) {
        (e.key == "affinity" ? rel.affinity : rel.trade_usd) = *n;
      }
    }
  }
}

void read_region(Reader& r, const Val& v, Region& g) {
  static constexpr std::array<std::string_view, 11> kKeys = {"id",      "name", "owner", "control", "population",
                                                             "terrain", "coastal", "port", "at",  "admin1",
                                                             "fortification"};
  g.loc = v.loc;
  Fields f = fields(r, v, kKeys);
  for (const auto& e : f.items) {
    const Val& x = e.value;
    const std::string& k = e.key;
    if (k == "id") {
      if (auto id = read_id(r, x)) g.id = *id;
    } else if (k == "name") {
      if (auto t = read_str(r, x)) g.name = *t;
    } else if (k == "owner") {
      if (auto id = read_id(r, x)) g.owner = *id;
    } else if (k == "control") {
      if (auto id = read_id(r, x)) g.control = *id;
    } else if (k == "population") {
      if (auto n = read_num(r, x)) g.population = *n;
    } else if (k == "terrain") {
      if (auto t = read_enum<Terrain>(r, x, schema::kTerrains)) g.terrain = *t;
    } else if (k == "coastal") {
      if (auto b = read_bool(r, x)) g.coastal = *b;
    } else if (k == "port") {
      if (auto b = read_bool(r, x)) g.port = *b;
    } else if (k == "at") {
      if (auto p = read_latlon(r, x)) g.at = *p;
    } else if (k == "admin1") {
      g.admin1 = read_str_list(r, x);
    } else if (k == "fortification") {
      if (auto n = read_num(r, x)) g.fortification = *n;
    }
  }
  if (g.control.empty() && !f.get("control")) g.control = g.owner;
  for (auto key : {"id", "name", "owner", "at"}) require(r, f, key);
}

void read_link(Reader& r, const Val& v, Link& l) {
  static constexpr std::array<std::string_view, 4> kKeys = {"between", "kind", "km", "river"};
  l.loc = v.loc;
  auto ends = [&](const Val& x) {
    auto ids = read_id_list(r, x);
    if (x.node.IsSequence() && ids.size() != 2) {
      r.error(x.loc, x.path, fmt::format("{} regions given", x.node.size()), "[a, b]: two region ids");
      return;
    }
    if (ids.size() == 2) {
      l.a = ids[0];
      l.b = ids[1];
    }
  };
  if (v.node.IsSequence()) {
    // `[a, b]` is a land link; its ends are keyed like the long form's
    ends(Val{v.node, v.loc, v.path + ".between"});
    r.where[v.path] = v.loc;
    return;
  }
  if (!v.node.IsMap()) {
    wrong_type(r, v, "[a, b] or {between: [a, b], kind, km, river}");
    return;
  }
  Fields f = fields(r, v, kKeys);
  for (const auto& e : f.items) {
    if (e.key == "between") {
      ends(e.value);
    } else if (e.key == "kind") {
      if (auto k = read_enum<LinkKind>(r, e.value, schema::kLinkKinds)) l.kind = *k;
    } else if (e.key == "km") {
      if (auto n = read_num(r, e.value)) l.km = *n;
    } else if (e.key == "river") {
      if (auto b = read_bool(r, e.value)) l.river = *b;
    }
  }
  require(r, f, "between");
}

std::vector<ActorRegions> read_actor_regions(Reader& r, const Val& v) {
  std::vector<ActorRegions> out;
  if (v.node.IsNull()) return out;
  if (auto es = entries(r, v, "a mapping {actor id: [region id, ...]}"))
    for (const auto& e : *es) out.push_back(ActorRegions{e.key, read_id_list(r, e.value), e.key_loc});
  return out;
}

void read_theater(Reader& r, const Val& v, Theater& t) {
  static constexpr std::array<std::string_view, 6> kKeys = {"id", "name", "regions", "links", "entry", "borders"};
  t.loc = v.loc;
  Fields f = fields(r, v, kKeys);
  for (const auto& e : f.items) {
    const Val& x = e.value;
    if (e.key == "id") {
      if (auto id = read_id(r, x)) t.id = *id;
    } else if (e.key == "name") {
      if (auto s = read_str(r, x)) t.name = *s;
    } else if (e.key == "regions") {
      if (auto items = read_list(r, x))
        for (const auto& item : *items) read_region(r, item, t.regions.emplace_back());
    } else if (e.key == "links") {
      if (auto items = read_list(r, x))
        for (const auto& item : *items) read_link(r, item, t.links.emplace_back());
    } else if (e.key == "entry") {
      t.entry = read_actor_regions(r, x);
    } else if (e.key == "borders") {
      t.borders = read_actor_regions(r, x);
    }
  }
  for (auto key : {"id", "regions", "links"}) require(r, f, key);
}

void read_force(Reader& r, const Val& v, Force& force) {
  static constexpr std::array<std::string_view, 10> kKeys = {
      "actor", "theater", "region", "reserve", "arrival_days", "personnel", "tanks", "artillery", "aircraft", "ships"};
  force.loc = v.loc;
  Fields f = fields(r, v, kKeys);
  for (const auto& e : f.items) {
    const Val& x = e.value;
    if (e.key == "actor") {
      if (auto id = read_id(r, x)) force.actor = *id;
    } else if (e.key == "theater") {
      if (auto id = read_id(r, x)) force.theater = *id;
    } else if (e.key == "region") {
      if (auto id = read_id(r, x)) force.region = *id;
    } else if (e.key == "reserve") {
      if (auto b = read_bool(r, x)) force.reserve = *b;
    } else if (e.key == "arrival_days") {
      if (auto n = read_num(r, x)) force.arrival_days = *n;
    } else if (auto n = read_num(r, x)) {
      *equipment_field(force.equipment, e.key) = *n;
    }
  }
  // `region` is required unless `reserve`: check.cpp says which one applies
  for (auto key : {"actor", "theater"}) require(r, f, key);
}

void read_war(Reader& r, const Val& v, War& w) {
  static constexpr std::array<std::string_view, 9> kKeys = {"id",      "name", "attackers", "defenders", "theater",
                                                            "aims",    "started", "status", "guarantors"};
  static constexpr std::array<std::string_view, 1> kAim = {"claims"};
  w.loc = v.loc;
  Fields f = fields(r, v, kKeys);
  for (const auto& e : f.items) {
    const Val& x = e.value;
    if (e.key == "id") {
      if (auto id = read_id(r, x)) w.id = *id;
    } else if (e.key == "name") {
      if (auto s = read_str(r, x)) w.name = *s;
    } else if (e.key == "attackers") {
      w.attackers = read_id_list(r, x);
    } else if (e.key == "defenders") {
      w.defenders = read_id_list(r, x);
    } else if (e.key == "theater") {
      if (auto id = read_id(r, x)) w.theater = *id;
    } else if (e.key == "started") {
      if (auto d = read_date(r, x)) w.started = *d;
    } else if (e.key == "status") {
      if (auto k = read_enum<WarStart>(r, x, schema::kWarStatuses)) w.status = *k;
    } else if (e.key == "guarantors") {
      w.guarantors = read_id_list(r, x);
    } else if (e.key == "aims") {
      if (x.node.IsNull()) continue;
      auto es = entries(r, x, "a mapping {actor id: {claims: ...}}");
      if (!es) continue;
      for (const auto& ae : *es) {
        Aim aim;
        aim.actor = ae.key;
        aim.loc = ae.key_loc;
        Fields af = fields(r, ae.value, kAim);
        require(r, af, "claims");
        const Val* claims = af.get("claims");
        if (!claims) continue;
        const std::string expected = "all, own or a list of region ids";
        if (claims->node.IsSequence()) {
          aim.kind = Aim::Kind::regions;
          aim.regions = read_id_list(r, *claims);
        } else if (auto text = read_scalar(r, *claims, expected)) {
          if (*text == "all")
            aim.kind = Aim::Kind::all;
          else if (*text == "own")
            aim.kind = Aim::Kind::own;
          else
            r.error(claims->loc, claims->path, fmt::format("unknown value '{}'", shorten(*text)), expected,
                    schema::suggest(*text, {"all", "own"}));
        }
        w.aims.push_back(std::move(aim));
      }
    }
  }
  for (auto key : {"id", "attackers", "defenders", "theater"}) require(r, f, key);
}

// --- conditions ---

int read_condition_entries(Reader& r, const std::vector<Entry>& es, const Val& v, Condition& c, int depth);

int add_node(Condition& c, Condition::Op op, Loc loc) {
  c.nodes.push_back(Condition::Node{});
  c.nodes.back().op = op;
  c.nodes.back().loc = loc;
  return static_cast<int>(c.nodes.size()) - 1;
}

// a whole condition mapping; -1 when nothing usable was read
int read_condition(Reader& r, const Val& v, Condition& c, int depth) {
  if (depth > kMaxConditionDepth) {
    r.error(v.loc, v.path, "condition nested too deeply", fmt::format("at most {} levels", kMaxConditionDepth));
    return -1;
  }
  auto es = entries(r, v, "a condition mapping such as {after: 1950-09-01}");
  if (!es) return -1;
  return read_condition_entries(r, *es, v, c, depth);
}

// one `key: value` of a condition
int read_term(Reader& r, const Entry& e, Condition& c, int depth) {
  using Op = Condition::Op;
  const Val& x = e.value;
  const int op = schema::index_of(schema::kConditionOps, e.key);
  if (op <= 0) {
    std::vector<std::string> keys = schema::to_strings(schema::kConditionOps);
    keys.erase(keys.begin());
    r.error(e.key_loc, x.path, fmt::format("unknown condition '{}'", shorten(e.key)),
            "one of controls, at_war, after, before, deaths_above, all, any, not", schema::suggest(e.key, keys));
    return -1;
  }
  switch (static_cast<Op>(op)) {
    case Op::controls: {
      static constexpr std::array<std::string_view, 2> kKeys = {"actor", "region"};
      const int n = add_node(c, Op::controls, x.loc);
      Fields f = fields(r, x, kKeys);
      for (const auto& fe : f.items)
        if (auto id = read_id(r, fe.value)) (fe.key == "actor" ? c.nodes[n].actor : c.nodes[n].region) = *id;
      for (auto key : {"actor", "region"}) require(r, f, key);
      return n;
    }
    case Op::at_war: {
      if (x.node.IsSequence()) {
        // every listed actor: one at_war node each under an `all`
        auto ids = read_id_list(r, x);
        if (ids.empty()) {
          r.error(x.loc, x.path, "empty list", "at least one actor id");
          return -1;
        }
        if (ids.size() == 1) {
          const int n = add_node(c, Op::at_war, x.loc);
          c.nodes[n].actor = ids[0];
          return n;
        }
        const int all = add_node(c, Op::all, x.loc);
        for (const auto& id : ids) {
          const int n = add_node(c, Op::at_war, x.loc);
          c.nodes[n].actor = id;
          c.nodes[all].children.push_back(n);
        }
        return all;
      }
      auto id = read_id(r, x);
      if (!id) return -1;
      const int n = add_node(c, Op::at_war, x.loc);
      c.nodes[n].actor = *id;
      return n;
    }
    case Op::after:
    case Op::before: {
      auto d = read_date(r, x);
      if (!d) return -1;
      const int n = add_node(c, static_cast<Op>(op), x.loc);
      c.nodes[n].date = *d;
      return n;
    }
    case Op::deaths_above: {
      if (x.node.IsMap()) {
        static constexpr std::array<std::string_view, 2> kKeys = {"actor", "value"};
        const int n = add_node(c, Op::deaths_above, x.loc);
        Fields f = fields(r, x, kKeys);
        for (const auto& fe : f.items) {
          if (fe.key == "actor") {
            if (auto id = read_id(r, fe.value)) c.nodes[n].actor = *id;
          } else if (auto num = read_num(r, fe.value)) {
            c.nodes[n].value = *num;
          }
        }
        for (auto key : {"actor", "value"}) require(r, f, key);
        return n;
      }
      auto num = read_num(r, x, "a number or {actor: A, value: number}");
      if (!num) return -1;
      const int n = add_node(c, Op::deaths_above, x.loc);
      c.nodes[n].value = *num;
      return n;
    }
    case Op::all:
    case Op::any: {
      auto items = read_list(r, x, "a list of conditions");
      if (!items) return -1;
      if (items->empty()) {
        r.error(x.loc, x.path, "empty list", "at least one condition");
        return -1;
      }
      const int n = add_node(c, static_cast<Op>(op), x.loc);
      for (const auto& item : *items) {
        const int child = read_condition(r, item, c, depth + 1);
        if (child >= 0) c.nodes[n].children.push_back(child);
      }
      return n;
    }
    case Op::not_: {
      const int n = add_node(c, Op::not_, x.loc);
      const int child = read_condition(r, x, c, depth + 1);
      if (child >= 0) c.nodes[n].children.push_back(child);
      return n;
    }
    case Op::always: break;
  }
  return -1;
}

// several keys in one mapping mean all of them
int read_condition_entries(Reader& r, const std::vector<Entry>& es, const Val& v, Condition& c, int depth) {
  if (es.empty()) {
    r.error(v.loc, v.path, "empty condition", "one of controls, at_war, after, before, deaths_above, all, any, not");
    return -1;
  }
  if (es.size() == 1) return read_term(r, es[0], c, depth);
  const int all = add_node(c, Condition::Op::all, v.loc);
  for (const auto& e : es) {
    const int child = read_term(r, e, c, depth + 1);
    if (child >= 0) c.nodes[all].children.push_back(child);
  }
  return all;
}

// a condition tree must start at node 0; a failed read leaves no half tree
void read_root_condition(Reader& r, const Val& v, Condition& c) {
  c.nodes.clear();
  if (read_condition(r, v, c, 0) != 0) c.nodes.clear();
}

void read_event(Reader& r, const Val& v, Event& ev) {
  static constexpr std::array<std::string_view, 7> kKeys = {"at", "when", "kind", "actor", "treaty", "organization",
                                                            "note"};
  ev.loc = v.loc;
  Fields f = fields(r, v, kKeys);
  for (const auto& e : f.items) {
    const Val& x = e.value;
    if (e.key == "at") {
      if (auto d = read_date(r, x)) ev.at = *d;
    } else if (e.key == "when") {
      read_root_condition(r, x, ev.when);
    } else if (e.key == "kind") {
      if (auto k = read_enum<Event::Kind>(r, x, schema::kEventKinds)) ev.kind = *k;
    } else if (e.key == "actor") {
      if (auto id = read_id(r, x)) ev.actor = *id;
    } else if (e.key == "treaty") {
      if (auto id = read_id(r, x)) ev.treaty = *id;
    } else if (e.key == "organization") {
      if (auto id = read_id(r, x)) ev.organization = *id;
    } else if (e.key == "note") {
      if (auto s = read_str(r, x)) ev.note = *s;
    }
  }
  require(r, f, "kind");
  if (f.ok) {
    const Val* at = f.get("at");
    const Val* when = f.get("when");
    if (at && when)
      r.error(when->loc, when->path, "an event has 'at' or 'when', not both", "exactly one of at and when");
    else if (!at && !when)
      r.error(v.loc, join(v.path, "at"), "missing required key 'at' (or 'when')", "exactly one of at and when");
  }
}

// --- model: and theory: ---

// "model.combat" is a group when some coefficient's key continues it
bool is_group(std::string_view prefix) {
  for (const auto& spec : param_specs())
    if (spec.key.size() > prefix.size() && spec.key.starts_with(prefix) && spec.key[prefix.size()] == '.') return true;
  return false;
}

// the groups and keys one level below `prefix`, for suggestions
std::vector<std::string> children_of(std::string_view prefix) {
  std::vector<std::string> out;
  for (const auto& spec : param_specs()) {
    if (!(spec.key.size() > prefix.size() && spec.key.starts_with(prefix) && spec.key[prefix.size()] == '.')) continue;
    const size_t end = spec.key.find('.', prefix.size() + 1);
    std::string child(spec.key.substr(0, end));
    if (std::find(out.begin(), out.end(), child) == out.end()) out.push_back(std::move(child));
  }
  return out;
}

void read_params(Reader& r, const Val& v, std::vector<ParamSetting>& out, int depth) {
  if (v.node.IsNull()) return;
  auto es = entries(r, v, "a mapping of coefficient groups");
  if (!es) return;
  for (const auto& e : *es) {
    const Val& x = e.value;
    const std::string& key = x.path;  // model.combat.attrition_rate
    if (const ParamSpec* spec = find_param(key)) {
      if (spec->is_bool) {
        if (auto b = read_bool(r, x)) out.push_back(ParamSetting{key, *b ? 1.0 : 0.0, x.loc});
      } else if (auto n = read_num(r, x)) {
        out.push_back(ParamSetting{key, *n, x.loc});
      }
    } else if (is_group(key)) {
      if (!x.node.IsMap() || depth >= 4)
        wrong_type(r, x, "a mapping of coefficients");
      else
        read_params(r, x, out, depth + 1);
    } else {
      std::string suggestion = schema::suggest(key, children_of(v.path));
      if (suggestion.empty()) suggestion = schema::suggest(key, param_keys());
      r.error(e.key_loc, key, fmt::format("unknown coefficient '{}'", key),
              "a key listed by `statecraft params`", suggestion);
    }
  }
}

// --- uncertain:, variants:, history: ---

void read_uncertain(Reader& r, const Val& v, Uncertain& u) {
  static constexpr std::array<std::string_view, 3> kKeys = {"path", "dist", "clip"};
  u.loc = v.loc;
  Fields f = fields(r, v, kKeys);
  for (const auto& e : f.items) {
    const Val& x = e.value;
    if (e.key == "path") {
      if (auto p = read_str(r, x)) u.path = *p;
    } else if (e.key == "clip") {
      auto nums = read_num_list(r, x, "[lo, hi]");
      if (nums && nums->size() == 2)
        u.clip = std::pair{(*nums)[0], (*nums)[1]};
      else if (nums)
        r.error(x.loc, x.path, fmt::format("{} numbers given", nums->size()), "[lo, hi]: two numbers");
    } else if (e.key == "dist") {
      const std::string expected = "one of " + schema::one_of(schema::kDistKinds);
      auto es = entries(r, x, "a mapping with one of " + schema::one_of(schema::kDistKinds));
      if (!es) continue;
      if (es->size() != 1) {
        r.error(x.loc, x.path, fmt::format("{} distributions given", es->size()), "exactly " + expected);
        continue;
      }
      const Entry& d = (*es)[0];
      const int kind = schema::index_of(schema::kDistKinds, d.key);
      if (kind < 0) {
        r.error(d.key_loc, d.value.path, fmt::format("unknown distribution '{}'", shorten(d.key)), expected,
                schema::suggest(d.key, schema::to_strings(schema::kDistKinds)));
        continue;
      }
      static constexpr std::array<std::string_view, 5> kShapes = {"[lo, hi]", "[mean, sd]", "[median, sigma]",
                                                                  "[lo, mode, hi]", "[v1, v2, ...]"};
      static constexpr std::array<size_t, 5> kArgs = {2, 2, 2, 3, 0};
      auto nums = read_num_list(r, d.value, kShapes[static_cast<size_t>(kind)]);
      if (!nums) continue;
      const size_t want = kArgs[static_cast<size_t>(kind)];
      if ((want > 0 && nums->size() != want) || nums->empty()) {
        r.error(d.value.loc, d.value.path, fmt::format("{} numbers given", nums->size()),
                std::string(kShapes[static_cast<size_t>(kind)]));
        continue;
      }
      u.dist.kind = static_cast<Distribution::Kind>(kind);
      u.dist.args = std::move(*nums);
    }
  }
  for (auto key : {"path", "dist"}) require(r, f, key);
}

void read_variant(Reader& r, const Entry& ve, Variant& var) {
  static constexpr std::array<std::string_view, 3> kKeys = {"description", "set", "when"};
  static constexpr std::array<std::string_view, 2> kSet = {"path", "value"};
  var.name = ve.key;
  var.loc = ve.key_loc;
  Fields f = fields(r, ve.value, kKeys);
  r.where[ve.value.path] = ve.key_loc;  // a variant is named by its key
  for (const auto& e : f.items) {
    const Val& x = e.value;
    if (e.key == "description") {
      if (auto s = read_str(r, x)) var.description = *s;
    } else if (e.key == "when") {
      read_root_condition(r, x, var.when);
    } else if (e.key == "set") {
      auto items = read_list(r, x, "a list of {path: ..., value: ...}");
      if (!items) continue;
      for (const auto& item : *items) {
        SetValue sv;
        sv.loc = item.loc;
        Fields sf = fields(r, item, kSet);
        bool ok = sf.ok;
        // the value stays text: its type is the type of the field the path names
        for (const auto& se : sf.items) {
          const char* expected = se.key == "path" ? "a path such as actors.CHN.abstain" : "a single value";
          if (auto text = read_scalar(r, se.value, expected))
            (se.key == "path" ? sv.path : sv.value) = *text;
          else
            ok = false;
        }
        for (auto key : {"path", "value"}) {
          if (!sf.get(key)) ok = false;
          require(r, sf, key);
        }
        if (ok) var.set.push_back(std::move(sv));
      }
    }
  }
}

void read_history(Reader& r, const Val& v, History& h) {
  static constexpr std::array<std::string_view, 6> kKeys = {"outcome",       "end",     "checkpoints",
                                                            "battle_deaths", "entries", "source"};
  static constexpr std::array<std::string_view, 2> kDeaths = {"total", "by_actor"};
  h.present = true;
  h.loc = v.loc;
  Fields f = fields(r, v, kKeys);
  for (const auto& e : f.items) {
    const Val& x = e.value;
    if (e.key == "outcome") {
      if (auto s = read_str(r, x)) h.outcome = *s;
    } else if (e.key == "end") {
      if (auto d = read_date(r, x)) h.end = *d;
    } else if (e.key == "source") {
      if (auto s = read_str(r, x)) h.source = *s;
    } else if (e.key == "checkpoints") {
      auto items = read_list(r, x, "a list of {date: ..., <condition>}");
      if (!items) continue;
      for (const auto& item : *items) {
        Checkpoint cp;
        cp.loc = item.loc;
        auto es = entries(r, item, "a mapping {date: ..., <condition>}");
        if (!es) continue;
        // the date and the condition share one mapping
        std::vector<Entry> cond;
        bool dated = false;
        for (const auto& ce : *es) {
          if (ce.key == "date") {
            dated = true;
            if (auto d = read_date(r, ce.value)) cp.date = *d;
          } else {
            cond.push_back(ce);
          }
        }
        if (!dated) r.error(item.loc, join(item.path, "date"), "missing required key 'date'");
        if (read_condition_entries(r, cond, item, cp.condition, 0) != 0) cp.condition.nodes.clear();
        h.checkpoints.push_back(std::move(cp));
      }
    } else if (e.key == "battle_deaths") {
      Fields df = fields(r, x, kDeaths);
      for (const auto& de : df.items) {
        if (de.key == "total") {
          if (auto n = read_num(r, de.value)) h.battle_deaths_total = *n;
        } else if (!de.value.node.IsNull()) {
          if (auto es = entries(r, de.value, "a mapping {actor id: deaths}"))
            for (const auto& be : *es)
              if (auto n = read_num(r, be.value)) {
                h.battle_deaths_by_actor.emplace_back(be.key, *n);
                r.where[be.value.path] = be.key_loc;  // what is checked is the actor
              }
        }
      }
    } else if (e.key == "entries") {
      if (x.node.IsNull()) continue;
      if (auto es = entries(r, x, "a mapping {actor id: date}"))
        for (const auto& ee : *es)
          if (auto d = read_date(r, ee.value)) {
            h.entries.emplace_back(ee.key, *d);
            r.where[ee.value.path] = ee.key_loc;
          }
    }
  }
}

// --- the document ---

template <class T, class F>
void read_section(Reader& r, const Val& v, std::vector<T>& out, F&& read_one) {
  auto items = read_list(r, v);
  if (!items) return;
  out.reserve(items->size());
  for (const auto& item : *items) read_one(r, item, out.emplace_back());
}

void read_document(Reader& r, const YAML::Node& root, Scenario& s) {
  static constexpr std::array<std::string_view, 15> kKeys = {
      "statecraft", "scenario", "actors", "organizations", "treaties", "relations", "theaters", "forces",
      "wars",       "events",   "model",  "theory",        "uncertain", "variants", "history"};
  Val v{root, root.IsNull() ? Loc{1, 1} : mark_loc(root), ""};
  if (root.IsNull()) {
    r.error(v.loc, "", "the file is empty", "a scenario mapping with statecraft: 1, scenario, actors and theaters");
    return;
  }
  if (!root.IsMap()) {
    wrong_type(r, v, "a scenario mapping with statecraft: 1, scenario, actors and theaters");
    return;
  }
  Fields f = fields(r, v, kKeys);
  for (const auto& e : f.items) {
    const Val& x = e.value;
    const std::string& k = e.key;
    if (k == "statecraft") {
      if (auto n = read_int(r, x)) s.schema_version = *n;
    } else if (k == "scenario") {
      read_info(r, x, s.info);
    } else if (k == "actors") {
      read_section(r, x, s.actors, read_actor);
    } else if (k == "organizations") {
      read_section(r, x, s.organizations, read_organization);
    } else if (k == "treaties") {
      read_section(r, x, s.treaties, read_treaty);
    } else if (k == "relations") {
      read_section(r, x, s.relations, read_relation);
    } else if (k == "theaters") {
      read_section(r, x, s.theaters, read_theater);
    } else if (k == "forces") {
      read_section(r, x, s.forces, read_force);
    } else if (k == "wars") {
      read_section(r, x, s.wars, read_war);
    } else if (k == "events") {
      read_section(r, x, s.events, read_event);
    } else if (k == "model" || k == "theory") {
      read_params(r, x, s.params, 0);
    } else if (k == "uncertain") {
      read_section(r, x, s.uncertain, read_uncertain);
    } else if (k == "variants") {
      if (x.node.IsNull()) continue;
      if (auto es = entries(r, x, "a mapping {variant name: {description, set, when}}"))
        for (const auto& ve : *es) read_variant(r, ve, s.variants.emplace_back());
    } else if (k == "history") {
      read_history(r, x, s.history);
    }
  }
  for (auto key : {"statecraft", "scenario", "actors", "theaters"}) require(r, f, key);
}

// --- before yaml-cpp sees the text ---

// Decodes one UTF-8 sequence at `i`; its length, or 0 when malformed.
size_t utf8_length(std::string_view t, size_t i) {
  const auto b = [&](size_t k) { return static_cast<unsigned char>(t[k]); };
  const unsigned c = b(i);
  size_t n = 0;
  unsigned cp = 0;
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2;
    cp = c & 0x1Fu;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3;
    cp = c & 0x0Fu;
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4;
    cp = c & 0x07u;
  } else {
    return 0;
  }
  if (i + n > t.size()) return 0;
  for (size_t k = 1; k < n; ++k) {
    if ((b(i + k) & 0xC0u) != 0x80u) return 0;
    cp = (cp << 6) | (b(i + k) & 0x3Fu);
  }
  if ((n == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
    return 0;
  return n;
}

// Refuses what is not text, and nesting deep enough to make yaml-cpp recurse
// dangerously, with a position. The nesting estimate follows indentation and
// flow brackets; it errs on the high side for odd but valid files, and
// yaml-cpp's own depth limit stays behind it as a last guard.
bool precheck(Reader& r, std::string_view text, std::optional<Loc>& unclosed) {
  if (text.size() > kMaxBytes) {
    r.error({}, "", fmt::format("the file is too large ({} bytes)", text.size()),
            fmt::format("at most {} bytes", kMaxBytes));
    return false;
  }
  int line = 1;
  size_t line_start = 0;
  int flow = 0;
  std::vector<Loc> opened;      // flow brackets not yet closed, for a better syntax error
  std::vector<size_t> indents;  // block nesting: indentation of each open level
  bool in_double = false, in_single = false, at_line_start = true, in_comment = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const auto u = static_cast<unsigned char>(c);
    const Loc here{line, static_cast<int>(i - line_start) + 1};
    if (u >= 0x80) {
      const size_t n = utf8_length(text, i);
      if (n == 0) {
        r.error(here, "", fmt::format("invalid UTF-8 byte 0x{:02X}", u), "a UTF-8 text file");
        return false;
      }
      i += n - 1;
      at_line_start = false;
      continue;
    }
    if ((u < 0x20 && c != '\t' && c != '\n' && c != '\r') || u == 0x7F) {
      r.error(here, "", fmt::format("control character 0x{:02X}: is this a binary file?", u), "a UTF-8 text file");
      return false;
    }
    if (c == '\n') {
      ++line;
      line_start = i + 1;
      at_line_start = true;
      in_comment = false;
      continue;
    }
    if (in_comment) continue;
    if (at_line_start && !in_double && !in_single && flow == 0) {
      // block context: a line's indentation closes deeper levels and opens one
      if (c == ' ') continue;
      at_line_start = false;
      if (c == '#' || c == '\r' || c == '\t') {
        in_comment = c == '#';
        if (c != '\t') continue;
      }
      const size_t col = i - line_start;
      while (!indents.empty() && indents.back() >= col) indents.pop_back();
      indents.push_back(col);
      // compact nesting on one line: "- - - x", "? - x"
      size_t k = i;
      while (k + 1 < text.size() && (text[k] == '-' || text[k] == '?' || text[k] == ':') && text[k + 1] == ' ') {
        k += 2;
        while (k < text.size() && text[k] == ' ') ++k;
        indents.push_back(k - line_start);
      }
      if (static_cast<int>(indents.size()) > kMaxNesting) {
        r.error(here, "", fmt::format("nesting deeper than {} levels", kMaxNesting), "a flatter document");
        return false;
      }
    }
    at_line_start = false;
    if (in_double) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        in_double = false;
      continue;
    }
    if (in_single) {
      if (c == '\'') {
        if (i + 1 < text.size() && text[i + 1] == '\'')
          ++i;
        else
          in_single = false;
      }
      continue;
    }
    const char prev = i > line_start ? text[i - 1] : ' ';
    const bool after_space = prev == ' ' || prev == '\t';
    const bool scalar_start = after_space || prev == '[' || prev == '{' || prev == ',';
    if (c == '#' && after_space) {
      in_comment = true;
    } else if (c == '"' && scalar_start) {
      in_double = true;
    } else if (c == '\'' && scalar_start) {
      in_single = true;
    } else if (c == '[' || c == '{') {
      ++flow;
      opened.push_back(here);
      if (flow + static_cast<int>(indents.size()) > kMaxNesting) {
        r.error(here, "", fmt::format("nesting deeper than {} levels", kMaxNesting), "a flatter document");
        return false;
      }
    } else if ((c == ']' || c == '}') && flow > 0) {
      --flow;
      opened.pop_back();
    }
  }
  if (!opened.empty()) unclosed = opened.back();
  return true;
}

// yaml-cpp's messages for tab indentation are cryptic; name the cause
std::optional<Loc> tab_indent_before(std::string_view text, int last_line) {
  int line = 1;
  size_t i = 0;
  while (i < text.size() && line <= last_line) {
    size_t k = i;
    while (k < text.size() && (text[k] == ' ' || text[k] == '\t')) {
      if (text[k] == '\t') {
        size_t after = k;
        while (after < text.size() && (text[after] == ' ' || text[after] == '\t')) ++after;
        if (after < text.size() && text[after] != '\n' && text[after] != '\r' && text[after] != '#')
          return Loc{line, static_cast<int>(k - i) + 1};
        break;
      }
      ++k;
    }
    const size_t nl = text.find('\n', i);
    if (nl == std::string_view::npos) break;
    i = nl + 1;
    ++line;
  }
  return std::nullopt;
}

bool under(const std::string& key, const std::string& prefix) {
  if (prefix.empty()) return false;
  if (key == prefix) return true;
  return key.size() > prefix.size() && key.starts_with(prefix) && (key[prefix.size()] == '.' || key[prefix.size()] == '[');
}

// A check's complaint about a key the reader already reported on, or about
// something inside or around it, follows from that problem; saying it again
// would bury the cause.
bool consequence(const std::string& key, const std::vector<Diagnostic>& found) {
  for (const auto& f : found) {
    if (under(key, f.key) || under(f.key, key)) return true;
    // a start that could not be read makes the horizon look early
    if (key == "scenario.horizon" && under(f.key, "scenario.start")) return true;
  }
  return false;
}

// Sees the documents of a stream without building them. yaml-cpp 0.7's
// LoadAll loops forever, allocating, on a stray ',' between documents
// (jbeder/yaml-cpp#1040, fixed after 0.8): the parser then reports an empty
// document at the same token again and again. Stepping through documents
// ourselves, with a bound, turns that into a syntax error.
class DocumentProbe final : public YAML::EventHandler {
 public:
  bool empty = true;  // nothing but a null node
  YAML::Mark first;   // where the document's first node starts
  bool seen = false;

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& m, YAML::anchor_t) override { note(m, true); }
  void OnAlias(const YAML::Mark& m, YAML::anchor_t) override { note(m, false); }
  void OnScalar(const YAML::Mark& m, const std::string&, YAML::anchor_t, const std::string&) override {
    note(m, false);
  }
  void OnSequenceStart(const YAML::Mark& m, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
    note(m, false);
  }
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark& m, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
    note(m, false);
  }
  void OnMapEnd() override {}

 private:
  void note(const YAML::Mark& m, bool null) {
    if (!null) empty = false;
    if (!seen) first = m;
    seen = true;
  }
};

Loc loc_of(const YAML::Mark& m) { return m.is_null() ? Loc{} : Loc{m.line + 1, m.column + 1}; }

// true when a YAML mapping was read, so the checks have something to look at
bool parse_into(std::string_view yaml, Scenario& s, Reader& r) {
  std::optional<Loc> unclosed;
  if (!precheck(r, yaml, unclosed)) return false;
  const std::string text(yaml);
  YAML::Node root;
  try {
    // first count the documents, at most three steps
    std::istringstream in(text);
    YAML::Parser parser(in);
    std::vector<DocumentProbe> docs;
    for (int i = 0; i < 3; ++i) {
      DocumentProbe probe;
      if (!parser.HandleNextDocument(probe)) break;
      if (!docs.empty() && probe.empty && docs.back().empty && probe.first.pos == docs.back().first.pos) {
        const auto pos = static_cast<size_t>(std::max(probe.first.pos, 0));
        const char c = pos < text.size() ? text[pos] : ' ';
        r.error(loc_of(probe.first), "",
                c > ' ' && c < 0x7F ? fmt::format("YAML syntax error: unexpected '{}'", c)
                                    : std::string("YAML syntax error: unexpected token"),
                "valid YAML");
        return false;
      }
      docs.push_back(probe);
    }
    if (docs.size() > 1) {
      r.error(loc_of(docs[1].first), "", "more than one YAML document in the file", "one scenario per file");
      return false;
    }
    // then build the one document
    root = YAML::Load(text);
  } catch (const YAML::Exception& e) {
    // yaml-cpp notices a problem where it gives up, often lines after the
    // cause; point at the cause when it is a common one
    const Loc loc = loc_of(e.mark);
    if (auto tab = tab_indent_before(yaml, std::max(loc.line, 1)))
      r.error(*tab, "", "tab character in indentation", "spaces: YAML indents with spaces only");
    else if (unclosed && std::pair(unclosed->line, unclosed->column) <= std::pair(loc.line, loc.column))
      r.error(*unclosed, "",
              fmt::format("YAML syntax error: this bracket is never closed (the parser stopped at line {}: {})",
                          loc.line, e.msg),
              "a matching ] or }");
    else
      r.error(loc, "", "YAML syntax error: " + e.msg, "valid YAML");
    return false;
  }
  read_document(r, root, s);
  return root.IsMap();
}

}  // namespace

Scenario parse_scenario(std::string_view yaml, const std::string& file, std::vector<Diagnostic>& out_problems) {
  Scenario s;
  s.file = file;
  std::vector<Diagnostic> found;
  try {
    SourceMap where;
    Reader r{file, found, where};
    r.budget = visit_budget(yaml.size());
    if (parse_into(yaml, s, r) && !r.exhausted) {
      // the checks: a problem under a key already reported is a consequence, not news
      std::vector<Diagnostic> checked = schema::check(s, &where);
      for (auto& d : checked) {
        if (!consequence(d.key, found)) found.push_back(std::move(d));
      }
      // a variant must leave a sound scenario; try each now rather than mid-ensemble
      if (found.empty()) {
        for (const auto& v : s.variants) {
          Scenario copy = s;
          if (!schema::apply_sets(copy, v).empty()) continue;
          for (auto& d : schema::check(copy, &where)) {
            d.message = fmt::format("with variant '{}' applied: {}", v.name, d.message);
            found.push_back(std::move(d));
          }
        }
      }
    }
  } catch (const std::exception& e) {
    // a bug in the reader must still not take the program down
    found.push_back(Diagnostic{file, {}, "", std::string("internal error while reading: ") + e.what(), "", ""});
  } catch (...) {
    found.push_back(Diagnostic{file, {}, "", "internal error while reading", "", ""});
  }
  std::stable_sort(found.begin(), found.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::pair(a.loc.line, a.loc.column) < std::pair(b.loc.line, b.loc.column);
  });
  out_problems.insert(out_problems.end(), std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()));
  return s;
}

Scenario load_scenario(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec))
    throw InputError({Diagnostic{path, {}, "", "is a directory, not a scenario file", "", ""}});
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw InputError({Diagnostic{path, {}, "", std::string("cannot read the file: ") + std::strerror(errno), "", ""}});
  // read at most one byte past the limit, so /dev/zero or a huge file costs nothing
  std::string text(kMaxBytes + 1, '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<size_t>(in.gcount()));
  if (in.bad()) throw InputError({Diagnostic{path, {}, "", "cannot read the file", "", ""}});
  std::vector<Diagnostic> problems;
  Scenario s = parse_scenario(text, path, problems);
  if (!problems.empty()) throw InputError(std::move(problems));
  return s;
}

}  // namespace statecraft
