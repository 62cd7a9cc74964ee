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




}  // namespace

std::string runs_csv_header(const Model& m) {
  std::string h = "run,seed,outcome,end_date,days";
  for (const auto& a : m.actor_id) h += ",deaths_" + a;
  for (const auto& a : m.actor_id) h += ",wounded_" + a;
  for (const auto& a : m.actor_id) h += ",captured_" + a;
  h += ",military_deaths,civilian_deaths,displaced";
  for (const auto& a : m.actor_id) h += ",entered_" + a;
  for (const auto& a : m.actor_id) h += ",closest_km_" + a;
  h += ",max_rung,truce_broke,status_quo_share";
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
  for (double km : r.closest_km) {
    out += ',';
    if (km < 1e9) put_int(out, static_cast<int64_t>(km));  // empty: never approached
  }
  out += ',';
  put_int(out, r.max_rung);
  out += ',';
  out += r.truce_broke ? '1' : '0';
  out += ',';
  {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.4f", r.status_quo_share);
    out += buf;
  }
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

}  // namespace statecraft
