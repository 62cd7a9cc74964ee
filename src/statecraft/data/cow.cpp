#include "data/cow.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <map>
#include <tuple>

namespace statecraft {

namespace {

constexpr size_t kMaxProblems = 50;

bool parse_int(std::string_view s, long long& out) {
  if (s.empty()) return false;
  const auto r = std::from_chars(s.data(), s.data() + s.size(), out);
  return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

bool parse_double(std::string_view s, double& out) {
  if (s.empty()) return false;
  const auto r = std::from_chars(s.data(), s.data() + s.size(), out, std::chars_format::general);
  return r.ec == std::errc() && r.ptr == s.data() + s.size() && std::isfinite(out);
}

bool is_missing_code(double v) { return v == -9 || v == -8; }

std::optional<Date> make_date(long long y, long long m, long long d) {
  if (y < -100000 || y > 100000 || m < 1 || m > 12 || d < 1) return std::nullopt;
  if (static_cast<unsigned>(d) > days_in_month(static_cast<int>(y), static_cast<unsigned>(m))) return std::nullopt;
  return Date{days_from_civil(static_cast<int>(y), static_cast<unsigned>(m), static_cast<unsigned>(d))};
}

// Reads the cells of one table, collecting every problem with its position;
// after a problem the value returned is a placeholder, and the caller throws
// once the whole file has been read.
struct Reader {
  const CsvTable& t;
  std::vector<Diagnostic> problems;
  size_t dropped = 0;
  size_t row = 0;

  explicit Reader(const CsvTable& table) : t(table) {}

  size_t col(std::string_view name) { return csv_column(t, name); }
  const std::string& text(size_t c) const { return csv_cell(t, row, c); }
  int line() const { return csv_loc(t, row, 0).line; }

  void fail(Loc loc, const std::string& key, std::string message, std::string expected) {
    if (problems.size() < kMaxProblems)
      problems.push_back(Diagnostic{t.file, loc, key, std::move(message), std::move(expected), ""});
    else
      ++dropped;
  }
  void fail(size_t c, std::string message, std::string expected) {
    fail(csv_loc(t, row, c), t.header[c], std::move(message), std::move(expected));
  }
  void fail_row(std::string message, std::string expected) {
    fail(Loc{line(), 1}, "", std::move(message), std::move(expected));
  }

  // a whole number that must be present
  long long integer(size_t c, long long lo, long long hi) {
    long long v = 0;
    if (!parse_int(text(c), v)) {
      fail(c, "'" + text(c) + "' is not a whole number", "an integer");
      return lo;
    }
    if (v < lo || v > hi) {
      fail(c, "value " + text(c) + " out of range", std::to_string(lo) + ".." + std::to_string(hi));
      return lo;
    }
    return v;
  }
  int int_in(size_t c, int lo, int hi) { return static_cast<int>(integer(c, lo, hi)); }

  // a whole number where -9 / -8 mean unknown / not applicable
  std::optional<int> opt_int(size_t c) {
    long long v = 0;
    if (!parse_int(text(c), v) || v < std::numeric_limits<int>::min() || v > std::numeric_limits<int>::max()) {
      fail(c, "'" + text(c) + "' is not a whole number", "an integer, or -9 / -8 for missing");
      return std::nullopt;
    }
    if (v == -9 || v == -8) return std::nullopt;
    return static_cast<int>(v);
  }

  // a count or amount >= 0, where -9 / -8 mean missing
  std::optional<double> amount(size_t c) {
    double v = 0;
    if (!parse_double(text(c), v)) {
      fail(c, "'" + text(c) + "' is not a number", "a number >= 0, or -9 / -8 for missing");
      return std::nullopt;
    }
    if (is_missing_code(v)) return std::nullopt;
    if (v < 0) {
      fail(c, "negative value " + text(c) + " that is not a COW missing-value code", "a number >= 0, or -9 / -8");
      return std::nullopt;
    }
    return v;
  }

  // whole numbers separated by commas ("404, 410"); -8 / -9 give an empty list
  std::vector<int> int_list(size_t c) {
    std::vector<int> out;
    const std::string& s = text(c);
    if (s == "-8" || s == "-9") return out;
    size_t from = 0;
    while (from <= s.size()) {
      size_t to = s.find(',', from);
      if (to == std::string::npos) to = s.size();
      std::string_view item = std::string_view(s).substr(from, to - from);
      while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
      while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
      long long v = 0;
      if (!parse_int(item, v) || v < 1 || v > std::numeric_limits<int>::max()) {
        fail(c, "'" + s + "' is not a list of war numbers", "whole numbers separated by commas, or -8 / -9");
        return {};
      }
      out.push_back(static_cast<int>(v));
      from = to + 1;
    }
    return out;
  }

  // 0/1 indicator; empty is unknown
  std::optional<bool> flag(size_t c) {
    const std::string& s = text(c);
    if (s.empty()) return std::nullopt;
    if (s == "0") return false;
    if (s == "1") return true;
    fail(c, "'" + s + "' is not an indicator", "0, 1 or empty");
    return std::nullopt;
  }

  Date date(size_t cy, size_t cm, size_t cd) {
    const long long y = integer(cy, 1, 9999), m = integer(cm, 1, 12), d = integer(cd, 1, 31);
    if (auto dt = make_date(y, m, d)) return *dt;
    fail(cd, "no such date " + std::to_string(y) + "-" + std::to_string(m) + "-" + std::to_string(d),
         "a calendar date");
    return Date{};
  }

  // all three empty: no date (still in force); otherwise a full date
  std::optional<Date> open_date(size_t cy, size_t cm, size_t cd) {
    const bool ey = text(cy).empty(), em = text(cm).empty(), ed = text(cd).empty();
    if (ey && em && ed) return std::nullopt;
    if (ey || em || ed) {
      fail(ey ? cy : em ? cm : cd, "date is only partly given", "year, month and day, or all three empty");
      return std::nullopt;
    }
    return date(cy, cm, cd);
  }

  // a war date: any -9 / -8 part makes the whole date unknown
  std::optional<Date> war_date(size_t cy, size_t cm, size_t cd) {
    const std::optional<int> y = opt_int(cy), m = opt_int(cm), d = opt_int(cd);
    if (!y || !m || !d) return std::nullopt;
    if (auto dt = make_date(*y, *m, *d)) return dt;
    fail(cd, "no such date " + std::to_string(*y) + "-" + std::to_string(*m) + "-" + std::to_string(*d),
         "a calendar date, or -9 for unknown parts");
    return std::nullopt;
  }

  void finish() {
    if (dropped > 0)
      problems.push_back(Diagnostic{t.file, Loc{}, "", "and " + std::to_string(dropped) + " more problems", "", ""});
    if (!problems.empty()) throw InputError(std::move(problems));
  }
};

// Sorts rows by key (file order breaks ties) and reports rows whose key
// repeats an earlier one, when the key must be unique.
template <class Row, class KeyFn>
void sort_rows(Reader& r, std::vector<Row>& rows, KeyFn key, const char* what, bool unique) {
  std::stable_sort(rows.begin(), rows.end(), [&](const Row& a, const Row& b) { return key(a) < key(b); });
  if (!unique) return;
  for (size_t i = 1; i < rows.size(); ++i)
    if (key(rows[i - 1]) == key(rows[i]))
      r.fail(Loc{rows[i].line, 1}, "",
             std::string("duplicate ") + what + " (first at line " + std::to_string(rows[i - 1].line) + ")",
             std::string("one row per ") + what);
}

TreatyType alliance_type(Reader& r, size_t c) {
  // Small and Singer's typology; the file's "Type IIa" label says
  // non-aggression but its rows carry the neutrality obligation (see data/cow/README.md)
  const std::string& s = r.text(c);
  const std::string_view roman = std::string_view(s).substr(0, s.find(':'));
  if (roman == "Type I") return TreatyType::defense;
  if (roman == "Type II" || roman == "Type IIa") return TreatyType::neutrality;
  if (roman == "Type IIb") return TreatyType::nonaggression;
  if (roman == "Type III") return TreatyType::entente;
  r.fail(c, "unknown alliance type '" + s + "'", "Type I, II, IIa, IIb or III");
  return TreatyType::defense;
}

}  // namespace

std::string default_cow_dir() { return std::string(STATECRAFT_DATA_DIR) + "/cow"; }

std::vector<NmcRow> read_nmc(const CsvTable& t) {
  Reader r(t);
  const size_t abb = r.col("stateabb"), ccode = r.col("ccode"), year = r.col("year"), milex = r.col("milex"),
               milper = r.col("milper"), irst = r.col("irst"), pec = r.col("pec"), tpop = r.col("tpop"),
               upop = r.col("upop"), cinc = r.col("cinc");
  std::vector<NmcRow> rows(csv_rows(t));
  for (r.row = 0; r.row < rows.size(); ++r.row) {
    NmcRow& x = rows[r.row];
    x.line = r.line();
    x.abb = r.text(abb);
    x.ccode = r.int_in(ccode, 1, 9999);
    x.year = r.int_in(year, 1000, 9999);
    x.milex = r.amount(milex);
    x.milper = r.amount(milper);
    x.irst = r.amount(irst);
    x.pec = r.amount(pec);
    x.tpop = r.amount(tpop);
    x.upop = r.amount(upop);
    x.cinc = r.amount(cinc);
    if (x.cinc && *x.cinc > 1) r.fail(cinc, "CINC above 1", "a share between 0 and 1");
  }
  sort_rows(
      r, rows, [](const NmcRow& x) { return std::pair(x.ccode, x.year); }, "state-year", true);
  r.finish();
  return rows;
}

std::vector<AllianceMember> read_alliances(const CsvTable& t) {
  Reader r(t);
  const size_t id = r.col("version4id"), ccode = r.col("ccode"), name = r.col("state_name"),
               ast_d = r.col("all_st_day"), ast_m = r.col("all_st_month"), ast_y = r.col("all_st_year"),
               aend_d = r.col("all_end_day"), aend_m = r.col("all_end_month"), aend_y = r.col("all_end_year"),
               type = r.col("ss_type"), mst_d = r.col("mem_st_day"), mst_m = r.col("mem_st_month"),
               mst_y = r.col("mem_st_year"), mend_d = r.col("mem_end_day"), mend_m = r.col("mem_end_month"),
               mend_y = r.col("mem_end_year"), lc = r.col("left_censor"), rc = r.col("right_censor"),
               def = r.col("defense"), neu = r.col("neutrality"), non = r.col("nonaggression"), ent = r.col("entente");
  std::vector<AllianceMember> rows(csv_rows(t));
  for (r.row = 0; r.row < rows.size(); ++r.row) {
    AllianceMember& x = rows[r.row];
    x.line = r.line();
    x.alliance = r.int_in(id, 1, 1000000);
    x.ccode = r.int_in(ccode, 1, 9999);
    x.state_name = r.text(name);
    x.ss_type = r.text(type);
    x.type = alliance_type(r, type);
    x.alliance_start = r.date(ast_y, ast_m, ast_d);
    x.alliance_end = r.open_date(aend_y, aend_m, aend_d);
    x.member_start = r.date(mst_y, mst_m, mst_d);
    x.member_end = r.open_date(mend_y, mend_m, mend_d);
    x.left_censor = r.flag(lc);
    x.right_censor = r.flag(rc);
    x.defense = r.flag(def);
    x.neutrality = r.flag(neu);
    x.nonaggression = r.flag(non);
    x.entente = r.flag(ent);
    if (x.member_end && *x.member_end < x.member_start)
      r.fail(mend_y, "membership ends before it starts", "an end on or after the start");
    if (x.alliance_end && *x.alliance_end < x.alliance_start)
      r.fail(aend_y, "alliance ends before it starts", "an end on or after the start");
  }
  sort_rows(
      r, rows, [](const AllianceMember& x) { return std::tuple(x.alliance, x.ccode, x.member_start); },
      "alliance member spell", true);
  // one type per alliance: it becomes one Treaty
  for (size_t i = 1; i < rows.size(); ++i)
    if (rows[i].alliance == rows[i - 1].alliance && rows[i].type != rows[i - 1].type)
      r.fail(Loc{rows[i].line, 1}, "ss_type", "alliance " + std::to_string(rows[i].alliance) + " has two types",
             "one ss_type per alliance");
  r.finish();
  return rows;
}

std::vector<StateSpell> read_states(const CsvTable& t) {
  Reader r(t);
  const size_t abb = r.col("stateabb"), ccode = r.col("ccode"), name = r.col("statenme"), sy = r.col("styear"),
               sm = r.col("stmonth"), sd = r.col("stday"), ey = r.col("endyear"), em = r.col("endmonth"),
               ed = r.col("endday");
  std::vector<StateSpell> rows(csv_rows(t));
  for (r.row = 0; r.row < rows.size(); ++r.row) {
    StateSpell& x = rows[r.row];
    x.line = r.line();
    x.abb = r.text(abb);
    x.ccode = r.int_in(ccode, 1, 9999);
    x.name = r.text(name);
    x.start = r.date(sy, sm, sd);
    x.end = r.date(ey, em, ed);
    if (x.end < x.start) r.fail(ey, "spell ends before it starts", "an end on or after the start");
  }
  sort_rows(
      r, rows, [](const StateSpell& x) { return std::pair(x.ccode, x.start); }, "state spell", true);
  // the abbreviation and name identify the state in every spell
  for (size_t i = 1; i < rows.size(); ++i)
    if (rows[i].ccode == rows[i - 1].ccode && (rows[i].abb != rows[i - 1].abb || rows[i].name != rows[i - 1].name))
      r.fail(Loc{rows[i].line, 1}, "stateabb",
             "ccode " + std::to_string(rows[i].ccode) + " changes abbreviation or name",
             "the same abbreviation and name in every spell of a state");
  r.finish();
  return rows;
}

std::vector<SystemMember> read_system(const CsvTable& t) {
  Reader r(t);
  const size_t abb = r.col("stateabb"), ccode = r.col("ccode"), year = r.col("year");
  std::vector<SystemMember> rows(csv_rows(t));
  for (r.row = 0; r.row < rows.size(); ++r.row) {
    SystemMember& x = rows[r.row];
    x.line = r.line();
    x.abb = r.text(abb);
    x.ccode = r.int_in(ccode, 1, 9999);
    x.year = r.int_in(year, 1000, 9999);
  }
  sort_rows(
      r, rows, [](const SystemMember& x) { return std::pair(x.year, x.ccode); }, "state-year", true);
  r.finish();
  return rows;
}

std::vector<MajorSpell> read_majors(const CsvTable& t) {
  Reader r(t);
  const size_t abb = r.col("stateabb"), ccode = r.col("ccode"), sy = r.col("styear"), sm = r.col("stmonth"),
               sd = r.col("stday"), ey = r.col("endyear"), em = r.col("endmonth"), ed = r.col("endday");
  std::vector<MajorSpell> rows(csv_rows(t));
  for (r.row = 0; r.row < rows.size(); ++r.row) {
    MajorSpell& x = rows[r.row];
    x.line = r.line();
    x.abb = r.text(abb);
    x.ccode = r.int_in(ccode, 1, 9999);
    x.start = r.date(sy, sm, sd);
    x.end = r.date(ey, em, ed);
    if (x.end < x.start) r.fail(ey, "spell ends before it starts", "an end on or after the start");
  }
  sort_rows(
      r, rows, [](const MajorSpell& x) { return std::pair(x.ccode, x.start); }, "major-power spell", true);
  r.finish();
  return rows;
}

std::vector<ContiguitySpell> read_contiguity(const CsvTable& t) {
  Reader r(t);
  const size_t lno = r.col("statelno"), lab = r.col("statelab"), hno = r.col("statehno"), hab = r.col("statehab"),
               type = r.col("conttype"), begin = r.col("begin"), end = r.col("end"), notes = r.col("notes");
  auto yyyymm = [&](size_t c) {
    const int v = r.int_in(c, 100001, 999912);
    if (v % 100 < 1 || v % 100 > 12) r.fail(c, "month " + std::to_string(v % 100) + " in " + r.text(c), "yyyymm");
    return v;
  };
  std::vector<ContiguitySpell> rows(csv_rows(t));
  for (r.row = 0; r.row < rows.size(); ++r.row) {
    ContiguitySpell& x = rows[r.row];
    x.line = r.line();
    x.ccode1 = r.int_in(lno, 1, 9999);
    x.abb1 = r.text(lab);
    x.ccode2 = r.int_in(hno, 1, 9999);
    x.abb2 = r.text(hab);
    x.conttype = r.int_in(type, 1, 5);
    x.begin = yyyymm(begin);
    x.end = yyyymm(end);
    x.notes = r.text(notes);
    if (x.ccode1 >= x.ccode2) r.fail(hno, "pair not in ccode order", "statelno < statehno");
    if (x.end < x.begin) r.fail(end, "spell ends before it begins", "end >= begin");
  }
  sort_rows(
      r, rows, [](const ContiguitySpell& x) { return std::tuple(x.ccode1, x.ccode2, x.begin); }, "contiguity spell",
      true);
  r.finish();
  return rows;
}

std::vector<WarRow> read_wars(const CsvTable& t) {
  Reader r(t);
  const size_t num = r.col("WarNum"), name = r.col("WarName"), type = r.col("WarType"), ccode = r.col("ccode"),
               state = r.col("StateName"), side = r.col("Side"), sm1 = r.col("StartMonth1"), sd1 = r.col("StartDay1"),
               sy1 = r.col("StartYear1"), em1 = r.col("EndMonth1"), ed1 = r.col("EndDay1"), ey1 = r.col("EndYear1"),
               sm2 = r.col("StartMonth2"), sd2 = r.col("StartDay2"), sy2 = r.col("StartYear2"),
               em2 = r.col("EndMonth2"), ed2 = r.col("EndDay2"), ey2 = r.col("EndYear2"), from = r.col("TransFrom"),
               where = r.col("WhereFought"), init = r.col("Initiator"), outcome = r.col("Outcome"),
               to = r.col("TransTo"), deaths = r.col("BatDeath");
  std::vector<WarRow> rows(csv_rows(t));
  for (r.row = 0; r.row < rows.size(); ++r.row) {
    WarRow& x = rows[r.row];
    x.line = r.line();
    x.war_num = r.int_in(num, 1, 1000000);
    x.war_name = r.text(name);
    x.war_type = r.int_in(type, 1, 9);
    x.ccode = r.int_in(ccode, 1, 9999);
    x.state_name = r.text(state);
    x.side = r.int_in(side, 1, 2);
    x.spell1 = WarSpell{r.war_date(sy1, sm1, sd1), r.war_date(ey1, em1, ed1)};
    // -8 in the second start year: the state fought one spell only
    if (r.text(sy2) != "-8") x.spell2 = WarSpell{r.war_date(sy2, sm2, sd2), r.war_date(ey2, em2, ed2)};
    x.trans_from = r.int_list(from);
    x.where_fought = r.int_in(where, 0, 99);
    x.initiator = r.int_in(init, 1, 2) == 1;
    x.outcome = r.int_in(outcome, 1, 8);
    x.trans_to = r.int_list(to);
    x.battle_deaths = r.amount(deaths);
  }
  const auto key = [](const WarRow& x) {
    return std::tuple(x.war_num, x.side, x.ccode,
                      x.spell1.start ? x.spell1.start->day : std::numeric_limits<int32_t>::min());
  };
  sort_rows(r, rows, key, "participation", false);
  // a state appears at most once per side of a war (twice only if it changed sides)
  for (size_t i = 1; i < rows.size(); ++i) {
    const WarRow &a = rows[i - 1], &b = rows[i];
    if (a.war_num == b.war_num && a.side == b.side && a.ccode == b.ccode)
      r.fail(Loc{b.line, 1}, "ccode",
             "state " + std::to_string(b.ccode) + " twice on side " + std::to_string(b.side) + " of war " +
                 std::to_string(b.war_num) + " (first at line " + std::to_string(a.line) + ")",
             "one row per state and side");
    if (a.war_num == b.war_num && a.war_name != b.war_name)
      r.fail(Loc{b.line, 1}, "WarName", "war " + std::to_string(b.war_num) + " has two names", "one name per WarNum");
  }
  r.finish();
  return rows;
}

CowData load_cow(const std::string& dir) {
  CowData d;
  d.dir = dir;
  const auto path = [&](const char* f) { return dir + "/" + f; };
  d.nmc = read_nmc(read_csv(path(kCowNmcFile)));
  d.alliances = read_alliances(read_csv(path(kCowAllianceFile)));
  d.states = read_states(read_csv(path(kCowStatesFile)));
  d.system = read_system(read_csv(path(kCowSystemFile)));
  d.majors = read_majors(read_csv(path(kCowMajorsFile)));
  d.contiguity = read_contiguity(read_csv(path(kCowContiguityFile)));
  d.wars = read_wars(read_csv(path(kCowWarFile)));

  // the files must agree on who the states are
  std::map<int, std::string> abb_of;
  for (const auto& s : d.states) abb_of.emplace(s.ccode, s.abb);
  std::vector<Diagnostic> problems;
  auto check = [&](const char* file, int line, int ccode, const std::string* abb) {
    if (problems.size() >= kMaxProblems) return;
    const auto it = abb_of.find(ccode);
    if (it == abb_of.end())
      problems.push_back(Diagnostic{path(file), Loc{line, 1}, "ccode",
                                    "ccode " + std::to_string(ccode) + " is not a state of " + kCowStatesFile,
                                    "a COW state code", ""});
    else if (abb && *abb != it->second)
      problems.push_back(Diagnostic{path(file), Loc{line, 1}, "stateabb",
                                    "abbreviation '" + *abb + "' for ccode " + std::to_string(ccode), it->second, ""});
  };
  for (const auto& x : d.nmc) check(kCowNmcFile, x.line, x.ccode, &x.abb);
  for (const auto& x : d.system) check(kCowSystemFile, x.line, x.ccode, &x.abb);
  for (const auto& x : d.majors) check(kCowMajorsFile, x.line, x.ccode, &x.abb);
  for (const auto& x : d.alliances) check(kCowAllianceFile, x.line, x.ccode, nullptr);
  for (const auto& x : d.contiguity) {
    check(kCowContiguityFile, x.line, x.ccode1, &x.abb1);
    check(kCowContiguityFile, x.line, x.ccode2, &x.abb2);
  }
  for (const auto& x : d.wars) check(kCowWarFile, x.line, x.ccode, nullptr);
  if (!problems.empty()) throw InputError(std::move(problems));
  return d;
}

const NmcRow* find_nmc(const CowData& d, int ccode, int year) {
  const auto it =
      std::lower_bound(d.nmc.begin(), d.nmc.end(), std::pair(ccode, year),
                       [](const NmcRow& x, const std::pair<int, int>& k) { return std::pair(x.ccode, x.year) < k; });
  return it != d.nmc.end() && it->ccode == ccode && it->year == year ? &*it : nullptr;
}

}  // namespace statecraft
