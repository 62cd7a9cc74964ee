// The ensemble runner's contract: the files do not depend on the thread
// count; an interrupted, or killed, ensemble resumed ends with exactly the
// files of an uninterrupted one; records survive the trip between MPI ranks
// bit for bit; results come out in index order whatever the scheduling.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "ensemble/cluster.h"
#include "ensemble/ensemble.h"
#include "ensemble/ordered.h"
#include "ensemble/record_codec.h"
#include "tiny.h"

using namespace statecraft;
using namespace statecraft::test;

namespace fs = std::filesystem;

namespace {

const char* kForces = R"(  - {actor: RED, theater: land, region: r2, personnel: 150000, tanks: 500}
  - {actor: BLU, theater: land, region: b1, personnel: 60000}
  - {actor: BLU, theater: land, region: b3, personnel: 30000}
)";

const char* kUncertain = R"(uncertain:
  - {path: actors.RED.military.quality, dist: {uniform: [0.6, 1.4]}}
  - {path: actors.BLU.military.quality, dist: {triangular: [0.7, 1.0, 1.3]}}
)";

const char* kFiles[] = {"runs.csv", "summary.json", "series.csv", "report.html"};

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string fresh_dir(const std::string& name) {
  const std::string d = testing::TempDir() + "statecraft-ensemble-" + name;
  fs::remove_all(d);
  return d;
}

struct Tiny {
  Scenario s = parse_ok(line_scenario(kForces, kUncertain));
  Model m = compile(s);
  EnsembleInfo info{"tiny.yaml", {}, 7, 300};
  EnsembleOptions options(const std::string& dir, int threads) const {
    EnsembleOptions o;
    o.runs = 300;
    o.seed = 7;
    o.threads = threads;
    o.out_dir = dir;
    o.quiet = true;
    o.input_hash = 42;
    return o;
  }
};

void expect_same_files(const std::string& a, const std::string& b) {
  for (const char* f : kFiles) {
    ASSERT_TRUE(fs::exists(a + "/" + f)) << a << "/" << f;
    ASSERT_TRUE(fs::exists(b + "/" + f)) << b << "/" << f;
    EXPECT_TRUE(slurp(a + "/" + f) == slurp(b + "/" + f)) << f << " differs between " << a << " and " << b;
  }
}

bool same_record(const RunRecord& a, const RunRecord& b) {
  return a.seed == b.seed && a.outcome == b.outcome && a.end_day == b.end_day && a.killed == b.killed &&
         a.wounded == b.wounded && a.captured == b.captured && a.civilian_deaths == b.civilian_deaths &&
         a.displaced == b.displaced && a.final_control == b.final_control && a.entered_day == b.entered_day &&
         a.checkpoint_met == b.checkpoint_met && a.max_rung == b.max_rung && a.truce_broke == b.truce_broke &&
         a.ceasefire_control == b.ceasefire_control && a.dropped_movements == b.dropped_movements &&
         a.series == b.series && a.snapshots == b.snapshots;
}

}  // namespace

TEST(Ensemble, OneTwoAndThreeThreadsWriteIdenticalFiles) {
  const Tiny t;
  const std::string d1 = fresh_dir("t1"), d2 = fresh_dir("t2"), d3 = fresh_dir("t3");
  run_ensemble(t.s, t.m, t.options(d1, 1), t.info);
  run_ensemble(t.s, t.m, t.options(d2, 2), t.info);
  run_ensemble(t.s, t.m, t.options(d3, 3), t.info);
  expect_same_files(d1, d2);
  expect_same_files(d1, d3);
  // and the runs are not all alike (the test would prove nothing otherwise)
  const auto sum = nlohmann::json::parse(slurp(d1 + "/summary.json"));
  EXPECT_LT(sum["duration_days"]["p10"].get<double>(), sum["duration_days"]["p90"].get<double>());
}

TEST(Ensemble, InterruptedThenResumedEqualsUninterrupted) {
  const Tiny t;
  const std::string whole = fresh_dir("whole"), cut = fresh_dir("cut");
  run_ensemble(t.s, t.m, t.options(whole, 2), t.info);
  // Ctrl-C after run 150 has been taken
  const EnsembleResult first = run_ensemble(t.s, t.m, t.options(cut, 2), t.info, [](int64_t i, const RunRecord&) {
    if (i == 150) interrupt_requested().store(true);
  });
  interrupt_requested().store(false);
  ASSERT_TRUE(first.interrupted);
  EXPECT_GE(first.completed, 151);
  EXPECT_LT(first.completed, 300);
  EXPECT_FALSE(fs::exists(cut + "/runs.csv"));  // nothing final is claimed
  EnsembleOptions resume = t.options(cut, 3);
  resume.resume = true;
  const EnsembleResult rest = run_ensemble(t.s, t.m, resume, t.info);
  EXPECT_FALSE(rest.interrupted);
  expect_same_files(whole, cut);
  // a complete ensemble is not resumed again
  EXPECT_THROW(run_ensemble(t.s, t.m, resume, t.info), std::runtime_error);
}

TEST(Ensemble, KilledThenResumedEqualsUninterrupted) {
  const Tiny t;
  const std::string whole = fresh_dir("whole-k"), cut = fresh_dir("killed");
  run_ensemble(t.s, t.m, t.options(whole, 2), t.info);
  fs::create_directories(cut);
  // a child process runs slowly, saving its state often, until it is killed
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    EnsembleOptions o = t.options(cut, 2);
    o.checkpoint_seconds = 0.02;
    try {
      run_ensemble(t.s, t.m, o, t.info,
                   [](int64_t, const RunRecord&) { std::this_thread::sleep_for(std::chrono::milliseconds(2)); });
    } catch (...) {
      _exit(3);
    }
    _exit(0);
  }
  // wait for a checkpoint of at least 100 rows, then SIGKILL: no handler runs
  int64_t rows = 0;
  for (int k = 0; k < 3000 && rows < 100; ++k) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    std::ifstream in(cut + "/aggregate.json");
    if (!in) continue;
    try {
      nlohmann::json j;
      in >> j;
      rows = j.value("rows", int64_t{0});
    } catch (const std::exception&) {}
  }
  kill(child, SIGKILL);
  int status = 0;
  waitpid(child, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status)) << "the child finished before it was killed";
  ASSERT_GE(rows, 100);
  ASSERT_FALSE(fs::exists(cut + "/runs.csv"));
  EnsembleOptions resume = t.options(cut, 2);
  resume.resume = true;
  const EnsembleResult rest = run_ensemble(t.s, t.m, resume, t.info);
  EXPECT_FALSE(rest.interrupted);
  expect_same_files(whole, cut);
}

TEST(Ensemble, ResumeOfAnotherEnsembleIsRefused) {
  const Tiny t;
  const std::string cut = fresh_dir("other");
  run_ensemble(t.s, t.m, t.options(cut, 2), t.info, [](int64_t i, const RunRecord&) {
    if (i == 20) interrupt_requested().store(true);
  });
  interrupt_requested().store(false);
  EnsembleOptions other = t.options(cut, 2);
  other.resume = true;
  other.seed = 8;
  EXPECT_THROW(run_ensemble(t.s, t.m, other, t.info), std::runtime_error);
  other.seed = 7;
  other.input_hash = 43;
  EXPECT_THROW(run_ensemble(t.s, t.m, other, t.info), std::runtime_error);
}

TEST(RecordCodec, RoundTripsEveryField) {
  const Tiny t;
  RunState s;
  RunRecord r, back;
  std::string bytes;
  for (uint64_t seed : {1ull, 2ull, 3ull}) {
    run_one(t.m, seed, s, r);
    r.ceasefire_control.assign(static_cast<size_t>(t.m.nregion), 1);
    r.dropped_movements = static_cast<int>(seed);
    r.truce_broke = seed == 2;
    encode_record(r, bytes);
  }
  size_t pos = 0;
  for (uint64_t seed : {1ull, 2ull, 3ull}) {
    run_one(t.m, seed, s, r);
    r.ceasefire_control.assign(static_cast<size_t>(t.m.nregion), 1);
    r.dropped_movements = static_cast<int>(seed);
    r.truce_broke = seed == 2;
    ASSERT_TRUE(decode_record(bytes, pos, back));
    EXPECT_TRUE(same_record(r, back)) << seed;
  }
  EXPECT_EQ(pos, bytes.size());
  // cut short anywhere: refused, never read past the end
  for (size_t cut = 0; cut < bytes.size() / 3; cut += 7) {
    size_t p = 0;
    EXPECT_FALSE(decode_record(bytes.substr(0, cut), p, back)) << cut;
  }
}

TEST(Ordered, ResultsArriveInIndexOrderWhateverTheScheduling) {
  std::vector<int64_t> seen;
  const int64_t n = run_ordered<int64_t>(
      0, 500, 4, 8,
      [] {
        return [](int64_t i, int64_t& out) {
          // later jobs often finish first
          std::this_thread::sleep_for(std::chrono::microseconds((i * 7919) % 300));
          out = i * i;
        };
      },
      [&](int64_t i, int64_t& r) {
        EXPECT_EQ(r, i * i);
        seen.push_back(i);
      });
  EXPECT_EQ(n, 500);
  for (int64_t i = 0; i < 500; ++i) ASSERT_EQ(seen[static_cast<size_t>(i)], i);
}

TEST(Ordered, AFailingJobStopsTheRunAndIsReported) {
  EXPECT_THROW(run_ordered<int>(
                   0, 1000, 2, 16,
                   [] {
                     return [](int64_t i, int& out) {
                       if (i == 77) throw std::runtime_error("job 77");
                       out = 1;
                     };
                   },
                   [](int64_t, int&) {}),
               std::runtime_error);
}

TEST(RunSplit, ChunksAreDealtRoundRobin) {
  const RunSplit split{3, 4};
  EXPECT_EQ(split.owner(0), 0);
  EXPECT_EQ(split.owner(4), 1);
  EXPECT_EQ(split.owner(11), 2);
  EXPECT_EQ(split.owner(12), 0);
  EXPECT_EQ(split.next_owned(0, 0), 0);
  EXPECT_EQ(split.next_owned(0, 4), 12);
  EXPECT_EQ(split.next_owned(1, 0), 4);
  EXPECT_EQ(split.next_owned(2, 13), 20);
  EXPECT_EQ(split.next_owned(1, 5), 5);
  // every run has exactly one owner, and each rank's sequence visits its own runs in order
  for (int r = 0; r < 3; ++r) {
    int64_t i = split.next_owned(r, 0);
    for (int64_t j = 0; j < 100; ++j) {
      if (split.owner(j) != r) continue;
      EXPECT_EQ(i, j);
      i = split.next_owned(r, i + 1);
    }
  }
}
