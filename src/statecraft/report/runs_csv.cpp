#include "report/runs_csv.h"

#include <charconv>
#include <cstdio>
#include <vector>

namespace statecraft {

namespace {

void put_int(std::string& out, int64_t v) {
  char buf[24];
  auto res = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, res.ptr);
}

void put_uint(std::string& out, uint64_t v) {
  char buf[24];
  auto res = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, res.ptr);
}

void put_day(std::string& out, const Model& m, int32_t run_day) {
  if (run_day < 0) return;  // never: empty cell
  out += format_date(Date{m.start_day + run_day});
}

// Splits on commas; ids, dates and numbers never contain one.
bool split(std::string_view line, std::vector<std::string_view>& cells) {
  cells.clear();
  size_t start = 0;
  for (;;) {
    const size_t comma = line.find(',', start);
    cells.push_back(line.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start));
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return true;
}

template <class T>
bool get_num(std::string_view cell, T& v) {
  auto res = std::from_chars(cell.data(), cell.data() + cell.size(), v);
  return res.ec == std::errc() && res.ptr == cell.data() + cell.size();
}

bool get_day(std::string_view cell, const Model& m, int32_t& run_day) {
  if (cell.empty()) {
    run_day = -1;
    return true;
  }
  auto d = parse_date(cell);
  if (!d) return false;
  run_day = d->day - m.start_day;
  return true;
}

}  // namespace

void size_record(const Model& m, RunRecord& r) {
  r.killed.assign(m.nactor, 0);
  r.wounded.assign(m.nactor, 0);
  r.captured.assign(m.nactor, 0);
  r.final_control.assign(m.nregion, 0);
  r.entered_day.assign(m.nactor, -1);
  r.checkpoint_met.assign(m.checkpoint.size(), 0);
}

std::string runs_csv_header(const Model& m) {
  std::string h = "run,seed,outcome,end_date,days";
  for (const auto& a : m.actor_id) h += ",deaths_" + a;
  for (const auto& a : m.actor_id) h += ",wounded_" + a;
  for (const auto& a : m.actor_id) h += ",captured_" + a;
  h += ",military_deaths,civilian_deaths,displaced";
  for (const auto& a : m.actor_id) h += ",entered_" + a;
  h += ",max_rung,truce_broke";
  for (size_t i = 0; i < m.checkpoint.size(); ++i) h += ",checkpoint_" + std::to_string(i + 1);
  for (const auto& r : m.region_id) h += ",control_" + r;
  h += '\n';
  return h;
}

void append_runs_csv_row(const Model& m, const RunRecord& r, int64_t index, std::string& out) {
  put_int(out, index);
  out += ',';
  put_uint(out, r.seed);
  out += ',';
  out += outcome_name(r.outcome);
  out += ',';
  put_day(out, m, r.end_day);
  out += ',';
  put_int(out, r.end_day);
  int64_t total = 0;
  for (int a = 0; a < m.nactor; ++a) {
    out += ',';
    put_int(out, static_cast<int64_t>(r.killed[a]));
    total += static_cast<int64_t>(r.killed[a]);
  }
  for (double v : r.wounded) {
    out += ',';
    put_int(out, static_cast<int64_t>(v));
  }
  for (double v : r.captured) {
    out += ',';
    put_int(out, static_cast<int64_t>(v));
  }
  out += ',';
  put_int(out, total);
  out += ',';
  put_int(out, static_cast<int64_t>(r.civilian_deaths));
  out += ',';
  put_int(out, static_cast<int64_t>(r.displaced));
  for (int32_t d : r.entered_day) {
    out += ',';
    put_day(out, m, d);
  }
  out += ',';
  put_int(out, r.max_rung);
  out += ',';
  out += r.truce_broke ? '1' : '0';
  for (int8_t c : r.checkpoint_met) {
    out += ',';
    out += c == 1 ? '1' : '0';
  }
  for (int holder : r.final_control) {
    out += ',';
    out += m.actor_id[holder];
  }
  out += '\n';
}

bool parse_runs_csv_row(const Model& m, std::string_view line, RunRecord& r, int64_t& index) {
  static thread_local std::vector<std::string_view> c;
  if (!line.empty() && line.back() == '\n') line.remove_suffix(1);
  split(line, c);
  const size_t na = m.nactor;
  const size_t expected = 5 + 3 * na + 3 + na + 2 + m.checkpoint.size() + m.nregion;
  if (c.size() != expected) return false;
  size_record(m, r);
  size_t i = 0;
  if (!get_num(c[i++], index) || !get_num(c[i++], r.seed)) return false;
  if (!parse_outcome(c[i++], r.outcome)) return false;
  ++i;  // end_date is derived from days
  if (!get_num(c[i++], r.end_day)) return false;
  for (auto* v : {&r.killed, &r.wounded, &r.captured})
    for (size_t a = 0; a < na; ++a) {
      int64_t x;
      if (!get_num(c[i++], x)) return false;
      (*v)[a] = static_cast<double>(x);
    }
  ++i;  // military_deaths is a sum
  int64_t civ, disp;
  if (!get_num(c[i++], civ) || !get_num(c[i++], disp)) return false;
  r.civilian_deaths = static_cast<double>(civ);
  r.displaced = static_cast<double>(disp);
  for (size_t a = 0; a < na; ++a)
    if (!get_day(c[i++], m, r.entered_day[a])) return false;
  if (!get_num(c[i++], r.max_rung)) return false;
  r.truce_broke = c[i++] == "1";
  for (auto& met : r.checkpoint_met) met = c[i++] == "1" ? 1 : 0;
  for (int g = 0; g < m.nregion; ++g) {
    const int holder = find_actor(m, c[i++]);
    if (holder == kNone) return false;
    r.final_control[g] = holder;
  }
  return true;
}

}  // namespace statecraft
