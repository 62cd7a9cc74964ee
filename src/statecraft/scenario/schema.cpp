#include "scenario/schema.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <system_error>

#include <fmt/format.h>

namespace statecraft::schema {

std::vector<std::string> to_strings(std::span<const std::string_view> names) {
  return {names.begin(), names.end()};
}

std::string one_of(std::span<const std::string_view> names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? " or " : ", ";
    out += names[i];
  }
  return out;
}

int index_of(std::span<const std::string_view> names, std::string_view text) {
  for (size_t i = 0; i < names.size(); ++i)
    if (names[i] == text) return static_cast<int>(i);
  return -1;
}

std::string suggest(std::string_view word, const std::vector<std::string>& candidates) {
  constexpr size_t kLongest = 80, kMostCandidates = 20000;
  if (word.size() > kLongest || candidates.size() > kMostCandidates) return {};
  std::vector<std::string> plausible;
  for (const auto& c : candidates)
    if (c.size() <= 2 * kLongest) plausible.push_back(c);
  return nearest(word, plausible);
}

std::string clip(std::string_view text) {
  if (text.size() <= 200) return std::string(text);
  return std::string(text.substr(0, 200)) + "...";
}

bool is_id(std::string_view t) {
  // upper-case codes: ISO3 / COW abbreviations (PRK, USA) and acronyms (UN, NATO)
  if (t.size() >= 2 && t.size() <= 8 && t[0] >= 'A' && t[0] <= 'Z' &&
      std::all_of(t.begin(), t.end(), [](char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }))
    return true;
  if (t.empty() || t[0] < 'a' || t[0] > 'z') return false;
  for (char c : t)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) return false;
  return true;
}

std::optional<double> parse_number(std::string_view t) {
  if (!t.empty() && t[0] == '+') t.remove_prefix(1);
  // from_chars would take "inf" and "nan"; a number here starts with a digit,
  // a sign or a point
  if (t.empty() || !((t[0] >= '0' && t[0] <= '9') || t[0] == '-' || t[0] == '.')) return std::nullopt;
  if (t[0] == '-' && (t.size() == 1 || !((t[1] >= '0' && t[1] <= '9') || t[1] == '.'))) return std::nullopt;
  double v = 0;
  const auto r = std::from_chars(t.data(), t.data() + t.size(), v);
  if (r.ec != std::errc() || r.ptr != t.data() + t.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

std::optional<bool> parse_bool(std::string_view t) {
  if (t == "true" || t == "True" || t == "TRUE") return true;
  if (t == "false" || t == "False" || t == "FALSE") return false;
  return std::nullopt;
}

std::string format_number(double value) {
  char buf[64];
  // whole numbers below ten million read best as digits (198380, 1600000)
  if (value == std::floor(value) && std::fabs(value) < 1e7) {
    const auto r = std::to_chars(buf, buf + sizeof buf, static_cast<long long>(value));
    std::string out(buf, r.ptr);
    if (std::signbit(value) && out == "0") out = "-0";
    return out;
  }
  // else the shortest text that reads back exactly, with the exponent as
  // people write it: 1.5e9 rather than 1.5e+09
  const auto r = std::to_chars(buf, buf + sizeof buf, value);
  std::string out(buf, r.ptr);
  const size_t e = out.find('e');
  if (e == std::string::npos) return out;
  std::string exponent = out.substr(e + 1);
  const bool negative = !exponent.empty() && exponent[0] == '-';
  if (!exponent.empty() && (exponent[0] == '+' || exponent[0] == '-')) exponent.erase(0, 1);
  while (exponent.size() > 1 && exponent[0] == '0') exponent.erase(0, 1);
  return out.substr(0, e + 1) + (negative ? "-" : "") + exponent;
}

bool in_range(double v, Range r) {
  if (!std::isfinite(v)) return false;
  if (r.lo_open ? v <= r.lo : v < r.lo) return false;
  return v <= r.hi;
}

double clamp_to(double v, Range r) {
  if (std::isnan(v)) return r.lo_open ? r.hi : r.lo;
  if (v < r.lo) v = r.lo;
  if (v > r.hi) v = r.hi;
  // an open bound cannot be reached; step just inside it
  if (r.lo_open && v <= r.lo) v = std::nextafter(r.lo, kInf);
  if (!std::isfinite(v)) v = v > 0 ? std::numeric_limits<double>::max() : -std::numeric_limits<double>::max();
  return v;
}

std::string describe(Range r) {
  const bool lo_inf = std::isinf(r.lo), hi_inf = std::isinf(r.hi);
  if (lo_inf && hi_inf) return "a number";
  if (hi_inf) return fmt::format("a number {} {}", r.lo_open ? ">" : ">=", format_number(r.lo));
  if (lo_inf) return fmt::format("a number <= {}", format_number(r.hi));
  return fmt::format("a number in {}..{}", format_number(r.lo), format_number(r.hi));
}

std::string format_problem(const Problem& p) {
  std::string out = p.message;
  if (!p.expected.empty()) out += " (expected " + p.expected + ")";
  if (!p.suggestion.empty()) out += "; did you mean '" + p.suggestion + "'?";
  return out;
}

double great_circle_km(LatLon a, LatLon b) {
  constexpr double kEarthRadiusKm = 6371.0088;  // IUGG mean radius
  constexpr double kRad = 3.14159265358979323846 / 180.0;
  const double dlat = (b.lat - a.lat) * kRad, dlon = (b.lon - a.lon) * kRad;
  const double h = std::sin(dlat / 2) * std::sin(dlat / 2) +
                   std::cos(a.lat * kRad) * std::cos(b.lat * kRad) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * kEarthRadiusKm * std::asin(std::sqrt(std::min(1.0, h)));
}

}  // namespace statecraft::schema
