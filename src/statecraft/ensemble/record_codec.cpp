#include "ensemble/record_codec.h"

#include <cstdint>
#include <cstring>
#include <type_traits>
#include <vector>

namespace statecraft {

#if defined(__x86_64__) && defined(__GLIBCXX__)
// A field added to RunRecord must be added to encode_record and decode_record
// below, or records from other MPI ranks would lose it; this catches the
// change on the platform we build on.
static_assert(sizeof(RunRecord) == 320, "RunRecord changed: update ensemble/record_codec.cpp and this size");
#endif

namespace {

template <class T>
void put(std::string& out, const T& v) {
  static_assert(std::is_trivially_copyable_v<T>);
  out.append(reinterpret_cast<const char*>(&v), sizeof v);
}

template <class T>
void put_vec(std::string& out, const std::vector<T>& v) {
  put(out, static_cast<uint32_t>(v.size()));
  if (!v.empty()) out.append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
}

template <class T>
bool get(const std::string& in, size_t& pos, T& v) {
  if (pos > in.size() || in.size() - pos < sizeof v) return false;
  std::memcpy(&v, in.data() + pos, sizeof v);
  pos += sizeof v;
  return true;
}

template <class T>
bool get_vec(const std::string& in, size_t& pos, std::vector<T>& v) {
  uint32_t n = 0;
  if (!get(in, pos, n) || (in.size() - pos) / sizeof(T) < n) return false;
  v.resize(n);
  if (n) std::memcpy(v.data(), in.data() + pos, n * sizeof(T));
  pos += n * sizeof(T);
  return true;
}

}  // namespace

void encode_record(const RunRecord& r, std::string& out) {
  put(out, r.seed);
  put(out, static_cast<uint8_t>(r.outcome));
  put(out, r.end_day);
  put_vec(out, r.killed);
  put_vec(out, r.wounded);
  put_vec(out, r.captured);
  put(out, r.civilian_deaths);
  put(out, r.displaced);
  put_vec(out, r.final_control);
  put_vec(out, r.entered_day);
  put_vec(out, r.entered_side);
  put_vec(out, r.closest_km);
  put(out, r.status_quo_share);
  put_vec(out, r.checkpoint_met);
  put(out, static_cast<int32_t>(r.max_rung));
  put(out, static_cast<uint8_t>(r.truce_broke));
  put_vec(out, r.ceasefire_control);
  put(out, static_cast<int32_t>(r.dropped_movements));
  put_vec(out, r.series);
  put_vec(out, r.snapshots);
}

bool decode_record(const std::string& in, size_t& pos, RunRecord& r) {
  uint8_t outcome = 0, truce = 0;
  int32_t rung = 0, dropped = 0;
  const bool ok = get(in, pos, r.seed) && get(in, pos, outcome) && get(in, pos, r.end_day) &&
                  get_vec(in, pos, r.killed) && get_vec(in, pos, r.wounded) && get_vec(in, pos, r.captured) &&
                  get(in, pos, r.civilian_deaths) && get(in, pos, r.displaced) && get_vec(in, pos, r.final_control) &&
                  get_vec(in, pos, r.entered_day) && get_vec(in, pos, r.entered_side) && get_vec(in, pos, r.closest_km) &&
                  get(in, pos, r.status_quo_share) && get_vec(in, pos, r.checkpoint_met) && get(in, pos, rung) &&
                  get(in, pos, truce) && get_vec(in, pos, r.ceasefire_control) && get(in, pos, dropped) &&
                  get_vec(in, pos, r.series) && get_vec(in, pos, r.snapshots);
  if (!ok || outcome >= kOutcomeCount || truce > 1) return false;
  r.outcome = static_cast<Outcome>(outcome);
  r.max_rung = rung;
  r.truce_broke = truce != 0;
  r.dropped_movements = dropped;
  return true;
}

}  // namespace statecraft
