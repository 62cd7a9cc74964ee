// The run's own random numbers: a small explicit generator and our own
// distributions, so every platform and standard library draws the same values.
#pragma once

#include <cmath>
#include <cstdint>

namespace statecraft {

/// SplitMix64 step: used to expand seeds and to derive independent streams.
constexpr uint64_t splitmix64(uint64_t& state) {
  uint64_t z = (state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

/// Mixes two 64-bit values into one; order matters. Used to derive the seed
/// of run i from the ensemble's base seed, and substreams from a run seed.
constexpr uint64_t mix_seed(uint64_t a, uint64_t b) {
  uint64_t s = a ^ (b * 0xD1B54A32D192ED03ull);
  splitmix64(s);
  return splitmix64(s);
}

/// xoshiro256** 1.0 (Blackman and Vigna): fast, 256-bit state, passes BigCrush.
struct Rng {
  uint64_t s[4];

  explicit constexpr Rng(uint64_t seed = 0) : s{} {
    uint64_t x = seed;
    for (auto& w : s) w = splitmix64(x);
  }

  constexpr uint64_t next() {
    const uint64_t result = rotl(s[1] * 5, 7) * 9;
    const uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return result;
  }

  /// Uniform in [0, 1), 53 random bits.
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

  double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }

  /// Uniform integer in [0, n); n > 0. Lemire's multiply-shift, slight bias
  /// is irrelevant for n far below 2^32.
  uint32_t below(uint32_t n) {
    return static_cast<uint32_t>((static_cast<uint64_t>(static_cast<uint32_t>(next() >> 32)) * n) >> 32);
  }

  bool chance(double p) { return uniform() < p; }

  /// Standard normal by Box-Muller (no cached second value, so the stream
  /// position never depends on call history).
  double normal() {
    double u1 = uniform();
    if (u1 < 1e-300) u1 = 1e-300;
    const double u2 = uniform();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
  }

  double normal(double mean, double sd) { return mean + sd * normal(); }

  /// Lognormal with median `median` and log-sd `sigma`: a positive noise
  /// multiplier with E[log] = log(median).
  double lognormal(double median, double sigma) { return median * std::exp(sigma * normal()); }

  double triangular(double lo, double mode, double hi) {
    const double u = uniform();
    const double f = (mode - lo) / (hi - lo);
    if (u < f) return lo + std::sqrt(u * (hi - lo) * (mode - lo));
    return hi - std::sqrt((1 - u) * (hi - lo) * (hi - mode));
  }

  /// Gumbel(0, 1) noise, for logit choice by the Gumbel-max trick.
  double gumbel() {
    double u = uniform();
    if (u < 1e-300) u = 1e-300;
    return -std::log(-std::log(u));
  }

 private:
  static constexpr uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
};

/// Independent random streams of one run. Each purpose has its own stream so
/// that a variant that changes, say, how many decisions are taken does not
/// shift the combat draws: common random numbers stay common.
struct RunRngs {
  Rng draws;      // uncertain parameters, drawn once at the start
  Rng combat;     // attrition noise, breakthroughs
  Rng decisions;  // strategic and operational choices, perception noise
  Rng events;     // hazards: truce breakdown, treaty honouring

  explicit RunRngs(uint64_t run_seed)
      : draws(mix_seed(run_seed, 1)),
        combat(mix_seed(run_seed, 2)),
        decisions(mix_seed(run_seed, 3)),
        events(mix_seed(run_seed, 4)) {}
};

/// Seed of run `index` of an ensemble started with `base_seed`. The run's
/// record carries this seed, and `explain --seed` replays exactly that run.
constexpr uint64_t run_seed(uint64_t base_seed, uint64_t index) {
  return mix_seed(base_seed, index + 0x5EEDull) & 0x1FFFFFFFFFFFFFull;  // 53 bits: exact in JSON
}

}  // namespace statecraft
