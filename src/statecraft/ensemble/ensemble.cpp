#include "ensemble/ensemble.h"

#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <climits>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <vector>

#include "ensemble/cluster.h"
#include "ensemble/ordered.h"
#include "report/report_data.h"
#include "report/runs_csv.h"
#include "scenario/load.h"

namespace statecraft {

namespace fs = std::filesystem;

std::atomic<bool>& interrupt_requested() {
  static std::atomic<bool> flag{false};
  return flag;
}

uint64_t fnv1a(std::string_view text, uint64_t h) {
  for (unsigned char ch : text) {
    h ^= ch;
    h *= 0x100000001b3ull;
  }
  return h;
}

RunModels make_run_models(const Scenario& s, const Model& base) {
  RunModels rm;
  rm.scenario = &s;
  rm.base = &base;
  rm.has_draws = !s.uncertain.empty();
  if (rm.has_draws) rm.scratch = s;
  return rm;
}

const Model& model_for_seed(RunModels& rm, uint64_t seed) {
  if (!rm.has_draws) return *rm.base;
  RunRngs rngs(seed);
  draw_uncertain(rm.scratch, rngs.draws);
  rm.drawn = compile(rm.scratch, *rm.base);
  return rm.drawn;
}

namespace {

// The manifest that makes an output directory resumable.
nlohmann::json manifest(const EnsembleOptions& opt, const EnsembleInfo& info, int64_t completed, bool complete) {
  return {{"scenario_file", info.scenario_file},
          {"variants", info.variants},
          {"seed", opt.seed},
          {"runs", opt.runs},
          {"input_hash", std::to_string(opt.input_hash)},
          {"completed", completed},
          {"complete", complete}};
}

std::string human(double x) {
  char buf[32];
  if (x >= 1e6) std::snprintf(buf, sizeof buf, "%.1fM", x / 1e6);
  else if (x >= 1e4) std::snprintf(buf, sizeof buf, "%.0fk", x / 1e3);
  else std::snprintf(buf, sizeof buf, "%.0f", x);
  return buf;
}

}  // namespace

void print_progress(int64_t done, int64_t total, double seconds, bool final) {
  const double rate = seconds > 0 ? static_cast<double>(done) / seconds : 0;
  const double eta = rate > 0 ? static_cast<double>(total - done) / rate : 0;
  const int width = 30;
  const int filled = total ? static_cast<int>(static_cast<double>(width) * static_cast<double>(done) / static_cast<double>(total)) : width;
  std::string bar(static_cast<size_t>(filled), '#');
  bar.resize(width, ' ');
  std::fprintf(stderr, "\r[%s] %s/%s runs  %s runs/s  ETA %.0fs   %s", bar.c_str(), human(static_cast<double>(done)).c_str(),
               human(static_cast<double>(total)).c_str(), human(rate).c_str(), eta, final ? "\n" : "");
  std::fflush(stderr);
}

namespace {

// Cuts an interrupted run's rows back to the first `rows` (the ones its saved
// aggregate covers); rows written after the last checkpoint are run again.
void truncate_rows(const Model& m, const std::string& path, int64_t rows) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot resume: " + path + " is missing");
  std::string line;
  const std::string header = runs_csv_header(m);
  if (!std::getline(in, line) || line + "\n" != header)
    throw std::runtime_error("cannot resume: " + path + " has a different header (another scenario?)");
  auto keep = static_cast<std::streamoff>(header.size());
  for (int64_t i = 0; i < rows; ++i) {
    if (!std::getline(in, line) || in.eof())
      throw std::runtime_error("cannot resume: " + path + " has fewer rows than its saved aggregate");
    keep = in.tellg();
  }
  in.close();
  fs::resize_file(path, static_cast<uintmax_t>(keep));
}

// The weekly bands and monthly snapshots are about a million counters, mostly
// zero; as a JSON array of numbers they would take tens of MB at every
// checkpoint. They are saved as text instead: numbers separated by commas, a
// run of k > 1 zeros written "zk".
std::string pack_counts(const std::vector<int32_t>& v) {
  std::string out;
  out.reserve(v.size() / 4);
  for (size_t i = 0; i < v.size();) {
    if (!out.empty()) out += ',';
    size_t j = i;
    while (j < v.size() && v[j] == 0) ++j;
    if (j - i > 1) {
      out += 'z' + std::to_string(j - i);
      i = j;
    } else {
      out += std::to_string(v[i]);
      ++i;
    }
  }
  return out;
}

bool unpack_counts(const std::string& text, std::vector<int32_t>& out) {
  out.clear();
  size_t i = 0;
  while (i < text.size()) {
    const size_t comma = std::min(text.find(',', i), text.size());
    const std::string tok = text.substr(i, comma - i);
    const bool zeros = !tok.empty() && tok[0] == 'z';
    const char* b = tok.data() + (zeros ? 1 : 0);
    long long v = 0;
    const auto r = std::from_chars(b, tok.data() + tok.size(), v);
    if (r.ec != std::errc() || r.ptr != tok.data() + tok.size() || v < 0 || v > INT32_MAX) return false;
    if (zeros) out.insert(out.end(), static_cast<size_t>(v), 0);
    else out.push_back(static_cast<int32_t>(v));
    i = comma + 1;
  }
  return true;
}

// Saves the aggregate of the first `rows` rows (already flushed to the csv).
void checkpoint(const std::string& dir, Summary& sum, int64_t rows) {
  // the two big arrays leave the JSON for a moment and are written packed
  std::vector<int32_t> series, snapshots;
  std::swap(series, sum.series.counts);
  std::swap(snapshots, sum.snapshots);
  nlohmann::json j = summary_state(sum);
  std::swap(series, sum.series.counts);
  std::swap(snapshots, sum.snapshots);
  j.erase("series");
  j.erase("snapshots");
  j["series_packed"] = pack_counts(sum.series.counts);
  j["snapshots_packed"] = pack_counts(sum.snapshots);
  j["rows"] = rows;
  write_file_atomic(dir + "/aggregate.json", j.dump() + "\n");
}

// A checkpoint back into the JSON that restore_summary reads.
bool unpack_checkpoint(nlohmann::json& j) {
  for (const char* key : {"series", "snapshots"}) {
    const std::string packed = std::string(key) + "_packed";
    if (!j.contains(packed)) continue;
    std::vector<int32_t> v;
    if (!j[packed].is_string() || !unpack_counts(j[packed].get<std::string>(), v)) return false;
    j[key] = std::move(v);
    j.erase(packed);
  }
  return true;
}

}  // namespace

EnsembleResult run_ensemble(const Scenario& s, const Model& m, const EnsembleOptions& opt, const EnsembleInfo& info,
                            const RecordSink& sink) {
  EnsembleResult result;
  const Cluster& cl = cluster();
  const RunSplit split{cl.size, kMpiChunk};
  // a rank shares its machine's cores with the other ranks there
  const int nthreads = opt.threads > 0 ? opt.threads
                                       : std::max(1, worker_threads(0) / std::max(1, cl.local_size));
  const auto t0 = std::chrono::steady_clock::now();
  if (cl.size > 1 && cl.rank != 0) {
    // the other ranks only compute; rank 0 aggregates and writes
    EnsembleOptions mine = opt;
    mine.threads = nthreads;
    result.completed = serve_runs(s, m, mine, split);
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return result;
  }
  result.summary = make_summary(m);
  const bool to_disk = !opt.out_dir.empty();
  const std::string partial = opt.out_dir + "/runs.csv.partial";
  const std::string manifest_path = opt.out_dir + "/ensemble.json";
  int64_t start = 0;
  std::FILE* csv = nullptr;

  try {
    if (to_disk) {
      fs::create_directories(opt.out_dir);
      if (opt.resume) {
        std::ifstream mf(manifest_path);
        if (!mf) throw std::runtime_error("cannot resume: no " + manifest_path);
        nlohmann::json man;
        try {
          mf >> man;
        } catch (const std::exception&) {
          throw std::runtime_error("cannot resume: " + manifest_path + " is not valid JSON");
        }
        if (man.value("complete", false))
          throw std::runtime_error("nothing to resume: the ensemble in " + opt.out_dir + " is complete");
        if (man.value("input_hash", "") != std::to_string(opt.input_hash) || man.value("seed", uint64_t{0}) != opt.seed ||
            man.value("runs", int64_t{0}) != opt.runs)
          throw std::runtime_error("cannot resume: " + opt.out_dir +
                                   " holds an ensemble of another scenario, variant, seed or run count");
        // continue from the last saved aggregate (none yet: from the first run)
        std::ifstream af(opt.out_dir + "/aggregate.json");
        if (af) {
          nlohmann::json agg;
          try {
            af >> agg;
          } catch (const std::exception&) {
            throw std::runtime_error("cannot resume: " + opt.out_dir + "/aggregate.json is not valid JSON");
          }
          if (!unpack_checkpoint(agg) || !restore_summary(m, agg, result.summary) ||
              agg.value("rows", int64_t{-1}) != result.summary.runs)
            throw std::runtime_error("cannot resume: " + opt.out_dir + "/aggregate.json does not fit this scenario");
          start = result.summary.runs;
        }
        truncate_rows(m, partial, start);
        csv = std::fopen(partial.c_str(), "ab");
      } else {
        csv = std::fopen(partial.c_str(), "wb");
        if (csv) {
          const std::string header = runs_csv_header(m);
          std::fwrite(header.data(), 1, header.size(), csv);
        }
      }
      if (!csv) throw std::runtime_error("cannot write " + partial);
      write_file_atomic(manifest_path, manifest(opt, info, start, false).dump(2) + "\n");
    }
  } catch (...) {
    if (csv) std::fclose(csv);
    if (cl.size > 1) release_remote_ranks();
    throw;
  }

  // with other ranks, this one computes its own chunks and a feeder thread
  // brings in theirs; the window holds a few chunks of every rank
  std::function<int64_t(int64_t)> own;
  if (cl.size > 1) own = [split](int64_t i) { return split.next_owned(0, i); };
  const int64_t window = std::max<int64_t>(256, 4 * split.chunk * split.ranks);
  OrderedWindow<RunRecord> win(start, opt.runs, window, own);
  std::exception_ptr failure;
  std::mutex failure_mu;
  auto fail = [&] {
    std::lock_guard lock(failure_mu);
    if (!failure) failure = std::current_exception();
    win.stop();
  };
  std::vector<std::thread> pool;
  pool.reserve(static_cast<size_t>(nthreads) + 1);
  for (int k = 0; k < nthreads; ++k) {
    win.enter();
    pool.emplace_back([&] {
      try {
        RunModels rm = make_run_models(s, m);
        RunState state;
        RunRecord record;
        int64_t i;
        while (win.take(i)) {
          const uint64_t seed = run_seed(opt.seed, static_cast<uint64_t>(i));
          run_one(model_for_seed(rm, seed), seed, state, record);
          win.put(i, record);
        }
      } catch (...) {
        fail();
      }
      win.leave();
    });
  }
  if (cl.size > 1) {
    win.enter();
    pool.emplace_back([&] {
      try {
        feed_remote_runs(win, split, start, opt.runs);
      } catch (...) {
        fail();
      }
      win.leave();
    });
  }

  const bool show = !opt.quiet && isatty(STDERR_FILENO);
  auto last_print = std::chrono::steady_clock::now();
  auto last_checkpoint = last_print;
  const auto checkpoint_every = std::chrono::duration<double>(opt.checkpoint_seconds);
  std::string buffer;
  RunRecord current;
  int64_t done = start;
  std::exception_ptr consumer_failure;
  try {
    int64_t i;
    while (win.pop(i, current, [] { return interrupt_requested().load(); })) {
      add_run(m, result.summary, current);
      if (sink) sink(i, current);
      if (csv) append_runs_csv_row(m, current, i, buffer);
      done = i + 1;
      if (csv && buffer.size() > (1 << 20)) {
        std::fwrite(buffer.data(), 1, buffer.size(), csv);
        buffer.clear();
      }
      // now and then the rows so far and their aggregate are made durable,
      // so even a killed ensemble resumes from there
      if (csv && std::chrono::steady_clock::now() - last_checkpoint > checkpoint_every) {
        std::fwrite(buffer.data(), 1, buffer.size(), csv);
        buffer.clear();
        if (std::fflush(csv) != 0) throw std::runtime_error("cannot write " + partial);
        checkpoint(opt.out_dir, result.summary, done);
        last_checkpoint = std::chrono::steady_clock::now();
      }
      if (show && std::chrono::steady_clock::now() - last_print > std::chrono::milliseconds(200)) {
        last_print = std::chrono::steady_clock::now();
        print_progress(done, opt.runs, std::chrono::duration<double>(last_print - t0).count(), false);
      }
    }
  } catch (...) {
    consumer_failure = std::current_exception();
  }
  win.stop();
  for (auto& th : pool) th.join();
  if (consumer_failure || failure) {
    if (csv) std::fclose(csv);
    std::rethrow_exception(consumer_failure ? consumer_failure : failure);
  }

  result.completed = done;
  result.interrupted = done < opt.runs;
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  if (show) print_progress(done, opt.runs, result.seconds, true);
  if (csv) {
    std::fwrite(buffer.data(), 1, buffer.size(), csv);
    const bool ok = std::fflush(csv) == 0;
    std::fclose(csv);
    if (!ok) throw std::runtime_error("cannot write " + partial);
    if (result.interrupted) {
      checkpoint(opt.out_dir, result.summary, done);
      write_file_atomic(manifest_path, manifest(opt, info, done, false).dump(2) + "\n");
    } else {
      std::remove((opt.out_dir + "/aggregate.json").c_str());
      write_file_atomic(opt.out_dir + "/summary.json", summary_json(m, result.summary, info).dump(2) + "\n");
      write_file_atomic(opt.out_dir + "/series.csv", series_csv(m, result.summary));
      write_file_atomic(opt.out_dir + "/report.html", run_report_html(m, result.summary, info, s.info.title));
      fs::rename(partial, opt.out_dir + "/runs.csv");
      write_file_atomic(manifest_path, manifest(opt, info, done, true).dump(2) + "\n");
    }
  }
  return result;
}

}  // namespace statecraft
