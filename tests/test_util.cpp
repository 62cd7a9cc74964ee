#include <gtest/gtest.h>

#include "scenario/params.h"
#include "util/date.h"
#include "util/diagnostic.h"
#include "util/rng.h"

using namespace statecraft;

TEST(Date, RoundTripsAcrossCenturies) {
  for (const char* s : {"1816-01-01", "1950-06-25", "1953-07-27", "2000-02-29", "2024-10-31"}) {
    auto d = parse_date(s);
    ASSERT_TRUE(d.has_value()) << s;
    EXPECT_EQ(format_date(*d), s);
  }
  EXPECT_EQ(parse_date("1970-01-01")->day, 0);
  EXPECT_EQ(parse_date("1950-06-28")->day - parse_date("1950-06-25")->day, 3);
}

TEST(Date, RejectsImpossibleDates) {
  for (const char* s : {"1950-02-30", "1900-02-29", "1950-13-01", "1950-00-10", "1950-6-25", "25-06-1950", "",
                        "1950-06-25x"})
    EXPECT_FALSE(parse_date(s).has_value()) << s;
}

TEST(Rng, SameSeedSameStreamDifferentSeedDifferentStream) {
  Rng a(42), b(42), c(43);
  for (int i = 0; i < 100; ++i) {
    const uint64_t x = a.next();
    EXPECT_EQ(x, b.next());
    EXPECT_NE(x, c.next());
  }
}

TEST(Rng, UniformAndNormalHaveTheRightMoments) {
  Rng r(7);
  double sum = 0, sum2 = 0, nsum = 0, nsum2 = 0;
  const int n = 200000;
  for (int i = 0; i < n; ++i) {
    const double u = r.uniform();
    ASSERT_GE(u, 0.0);
    ASSERT_LT(u, 1.0);
    sum += u;
    sum2 += u * u;
    const double z = r.normal();
    nsum += z;
    nsum2 += z * z;
  }
  EXPECT_NEAR(sum / n, 0.5, 0.005);
  EXPECT_NEAR(sum2 / n - 0.25, 1.0 / 12, 0.002);
  EXPECT_NEAR(nsum / n, 0.0, 0.01);
  EXPECT_NEAR(nsum2 / n, 1.0, 0.02);
}

TEST(Rng, RunSeedsAreDistinctAndExactInJson) {
  EXPECT_NE(run_seed(1, 0), run_seed(1, 1));
  EXPECT_NE(run_seed(1, 0), run_seed(2, 0));
  EXPECT_LT(run_seed(1, 12345), 1ull << 53);
}

TEST(Diagnostic, SuggestsNearestName) {
  EXPECT_EQ(nearest("militry", {"military", "nuclear", "name"}), "military");
  EXPECT_EQ(nearest("zzzzzz", {"military", "nuclear"}), "");
  EXPECT_EQ(edit_distance("ab", "ba"), 1);
}

TEST(Params, RegistryKeysAreUniqueAndDefaultsInRange) {
  Coefficients c;
  for (const auto& spec : param_specs()) {
    EXPECT_EQ(find_param(spec.key), &spec) << spec.key;
    EXPECT_GE(spec.default_value, spec.min) << spec.key;
    EXPECT_LE(spec.default_value, spec.max) << spec.key;
    EXPECT_EQ(param_ref(c, spec), spec.default_value) << spec.key;
  }
  EXPECT_EQ(param_ref(c, *find_param("model.terrain_defense.mountain")), c.terrain_defense[4]);
}
