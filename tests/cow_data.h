// The project's copy of the Correlates of War data and the capitals file,
// read once per test program.
#pragma once

#include <string>
#include <vector>

#include "data/cow.h"
#include "data/theatre.h"

namespace statecraft::test {

inline const std::string kDataDir = std::string(STATECRAFT_SOURCE_DIR) + "/data";

inline const CowData& cow() {
  static const CowData data = load_cow(kDataDir + "/cow");
  return data;
}

inline const std::vector<CapitalRow>& capitals() {
  static const std::vector<CapitalRow> rows = load_capitals(kDataDir + "/capitals");
  return rows;
}

}  // namespace statecraft::test
