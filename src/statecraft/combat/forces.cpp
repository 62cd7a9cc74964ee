#include "combat/forces.h"

#include <algorithm>

namespace statecraft {

void add_force(const Model& m, RunState& s, int actor, int region, ForceDelta d) {
  const size_t k = static_cast<size_t>(actor) * m.nregion + region;
  s.personnel[k] = std::max(0.0, s.personnel[k] + d.personnel);
  s.tanks[k] = std::max(0.0, s.tanks[k] + d.tanks);
  s.artillery[k] = std::max(0.0, s.artillery[k] + d.artillery);
}

void clear_force(const Model& m, RunState& s, int actor, int region) {
  const size_t k = static_cast<size_t>(actor) * m.nregion + region;
  s.personnel[k] = s.tanks[k] = s.artillery[k] = 0;
}

double inflict_losses(const Model& m, RunState& s, int actor, int region, double frac) {
  const Coefficients& c = m.coef;
  const size_t k = static_cast<size_t>(actor) * m.nregion + region;
  if (s.personnel[k] <= 0 || frac <= 0) return 0;
  frac = std::min(frac, 1.0);
  const double casualties = s.personnel[k] * frac;
  const double killed = casualties / (1 + c.wounded_per_killed);
  const double wounded = casualties - killed;
  s.personnel[k] -= casualties;
  s.tanks[k] *= 1 - std::min(1.0, frac * c.tank_loss_factor);
  s.artillery[k] *= 1 - std::min(1.0, frac * c.artillery_loss_factor);
  add_losses(s, actor, killed, wounded, 0);
  s.pool[actor].personnel += wounded * c.wounded_return_share;
  return killed;
}

void wither(const Model& m, RunState& s, int actor, int region, double frac) {
  const size_t k = static_cast<size_t>(actor) * m.nregion + region;
  if (s.personnel[k] <= 0 || frac <= 0) return;
  const double lost = s.personnel[k] * std::min(frac, 1.0);
  s.personnel[k] -= lost;
  s.tanks[k] *= 1 - std::min(1.0, frac);
  s.artillery[k] *= 1 - std::min(1.0, frac);
  add_losses(s, actor, 0, 0, lost);
}

}  // namespace statecraft
