// Paired differences over common seeds, for the property tests.
#pragma once

#include <algorithm>
#include <cmath>
#include <vector>

namespace statecraft::test {

/// Mean of the paired differences b[i] - a[i]; `se` gets its standard error.
inline double paired_difference(const std::vector<double>& a, const std::vector<double>& b, double& se) {
  double sum = 0, sq = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    const double d = b[i] - a[i];
    sum += d;
    sq += d * d;
  }
  const double n = static_cast<double>(a.size()), mean = sum / n;
  se = std::sqrt(std::max(0.0, sq / n - mean * mean) / n);
  return mean;
}

}  // namespace statecraft::test
