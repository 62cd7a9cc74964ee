// The dated narrative of one run for `explain`: what happened and, for every
// decision, the scored terms behind it. Only filled when a run is traced, so
// the untraced step loop never formats a string.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace statecraft {

struct TraceTerm {
  std::string name;   // "balance_of_threat", "force_ratio", ...
  double value = 0;
  std::string why;    // "UN forces 40 km from its border"
};

struct TraceOption {
  std::string name;
  double score = 0;
  std::vector<TraceTerm> terms;
};

struct TraceEntry {
  int32_t day = 0;                    // run day
  std::string kind;                   // "capture", "attack", "decision", "event", "landing", ...
  std::string actor;                  // who acted, if anyone
  std::string text;                   // one line a reader understands
  std::vector<TraceTerm> terms;       // why (for decisions: the chosen option's terms)
  std::vector<TraceOption> options;   // decisions: every option considered
};

struct Trace {
  std::vector<TraceEntry> entries;
  std::string focus_actor;  // also log this actor's rounds where it kept its course
  void add(int32_t day, std::string kind, std::string actor, std::string text,
           std::vector<TraceTerm> terms = {}) {
    entries.push_back({day, std::move(kind), std::move(actor), std::move(text), std::move(terms), {}});
  }
};

}  // namespace statecraft
