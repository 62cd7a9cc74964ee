#include "engine/strategy.h"

namespace statecraft {

void decide_strategy(const Model& m, RunState& s, RunRngs& rng, Trace* trace) {
  (void)m;
  (void)s;
  (void)rng;
  (void)trace;
}

}  // namespace statecraft
