#include <array>

#include "theory/theory.h"

namespace statecraft {

namespace {
// one line per theory; the order is the order of terms in explanations
const auto kModules = std::to_array<TheoryModule>({
    {"realism", &Coefficients::realism_enabled, &Coefficients::realism_weight, realism_score, realism_why},
    {"balance_of_power", &Coefficients::balance_of_power_enabled, &Coefficients::balance_of_power_weight,
     balance_of_power_score, balance_of_power_why},
    {"balance_of_threat", &Coefficients::balance_of_threat_enabled, &Coefficients::balance_of_threat_weight,
     balance_of_threat_score, balance_of_threat_why},
    {"collective_security", &Coefficients::collective_security_enabled, &Coefficients::collective_security_weight,
     collective_security_score, collective_security_why},
    {"deterrence", &Coefficients::deterrence_enabled, &Coefficients::deterrence_weight, deterrence_score,
     deterrence_why},
    {"escalation", &Coefficients::escalation_enabled, &Coefficients::escalation_weight, escalation_score,
     escalation_why},
    {"bargaining", &Coefficients::bargaining_enabled, &Coefficients::bargaining_weight, bargaining_score,
     bargaining_why},
    {"economy", &Coefficients::economy_enabled, &Coefficients::economy_weight, economy_score, economy_why},
});
static_assert(kModules.size() <= kMaxModules);
}  // namespace

std::span<const TheoryModule> theory_modules() { return kModules; }

}  // namespace statecraft
