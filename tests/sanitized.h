// Whether the tests run under the address or undefined-behaviour sanitizer
// (test.sh runs the suite a second time so). Model-level statistics over
// hundreds of long runs take minutes there and exercise no code the other
// tests do not: such tests skip themselves with STATECRAFT_SKIP_IF_SANITIZED.
#pragma once

namespace statecraft::test {

#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool kSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(undefined_behavior_sanitizer)
inline constexpr bool kSanitized = true;
#else
inline constexpr bool kSanitized = false;
#endif
#else
inline constexpr bool kSanitized = false;
#endif

}  // namespace statecraft::test

#define STATECRAFT_SKIP_IF_SANITIZED()                                                              \
  do {                                                                                              \
    if (::statecraft::test::kSanitized) GTEST_SKIP() << "model-level statistics; skipped under sanitizers"; \
  } while (0)
