#include "orchestrator/run/coordinator.hpp"
#include "orchestrator/run/running_cases.hpp"

#include "measure/model/case_json.hpp"
#include "measure/system/host_name.hpp"
#include "orchestrator/job/job.hpp"
#include "orchestrator/job/job_selection.hpp"
#include "orchestrator/job/overrides.hpp"
#include "orchestrator/job/python_environments.hpp"
#include "orchestrator/job/tax_declaration.hpp"
#include "orchestrator/run/array_split.hpp"
#include "orchestrator/run/case_execution.hpp"
#include "orchestrator/run/commit_thread.hpp"
#include "orchestrator/run/dispatcher.hpp"
#include "orchestrator/run/doorbells.hpp"
#include "orchestrator/run/executors.hpp"
#include "orchestrator/run/mailbox.hpp"
#include "orchestrator/run/own_hello.hpp"
#include "orchestrator/run/protocol.hpp"
#include "orchestrator/run/rank0_profile.hpp"
#include "orchestrator/run/results_opening.hpp"
#include "orchestrator/run/round_plan.hpp"
#include "orchestrator/run/signals.hpp"
#include "orchestrator/run/topology.hpp"
#include "orchestrator/version.hpp"
#include "results/results_writer.hpp"
#include "results/settings_entry.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string_view>
#include <unistd.h>
#include <utility>

namespace perfmatrix {
namespace {

namespace fs = std::filesystem;

// How long rank 0 waits, after an interrupt, for workers to hand back the cases they cancel.
constexpr auto cancel_grace = std::chrono::seconds(5);

// How long rank 0 sleeps at most while it waits for results; a ring or a signal wakes it sooner.
constexpr auto result_wait = std::chrono::milliseconds(1000);

// The most results rank 0 takes before committing them (one per worker arrives at a time, so
// this binds only beyond that many ranks): it bounds what a kill -9 of rank 0 can lose.
constexpr std::size_t max_commit_group = 1024;
// Results that come faster than this apart wait for each other, up to this long, and are
// committed as one group: one flush serves tens of cases under load (a commit costs ~95 us
// alone, ~8 us a case in groups of 64; docs/scale.md). A result that comes after a quieter
// spell is committed at once. It bounds what a kill -9 of rank 0 loses beyond the cases in
// flight.
constexpr auto commit_interval = std::chrono::milliseconds(5);

// The running-cases file is rewritten at most this often while cases start and end (and at the
// first pass after it, when the run goes quiet): a rewrite per case would cost more than the
// commits at thousands of cases a second.
constexpr auto running_file_interval = std::chrono::milliseconds(100);

std::vector<protocol::Hello> gather_hellos(const MpiSession& mpi, Mailbox* mail) {
    std::vector<protocol::Hello> hellos;
    hellos.push_back(own_hello(mpi));
    while (static_cast<int>(hellos.size()) < mpi.size()) {
        if (auto m = mail->poll()) {
            if (m->tag == protocol::hello) hellos.push_back(protocol::decode_hello(m->payload));
        } else {
            mail->wait(result_wait);
        }
    }
    return hellos;
}

// With one rank, rank 0 measures; otherwise only worker ranks do (not rank 0, nor leaders).
std::vector<WorkerSlot> worker_slots(const std::vector<protocol::Hello>& hellos, const Topology& topology) {
    std::vector<WorkerSlot> slots;
    for (const auto& h : hellos)
        if (hellos.size() == 1 || (h.rank != 0 && !topology.is_leader(h.rank)))
            slots.push_back({h.rank, h.node, h.capabilities});
    std::sort(slots.begin(), slots.end(), [](auto& a, auto& b) { return a.rank < b.rank; });
    return slots;
}

// Where the unit ran: the rank that measured it (-1 for none) and that rank's node.
struct Placed {
    int round = 0;
    int plan_index = -1;  // the case's place in the whole expanded job
    int rank = -1;
    int node = -1;
};

CaseRecord make_record(const Case& c, const protocol::Result& r, const Placed& at, int invocation) {
    CaseRecord rec;
    rec.case_id = c.id;
    rec.benchmark = c.benchmark;
    rec.kind = c.kind;
    rec.status = r.outcome.status;
    rec.reason = r.outcome.reason;
    rec.round = at.round;
    rec.plan_index = at.plan_index;
    rec.rank = at.rank;
    rec.node = at.node;
    rec.host = r.host;
    rec.invocation = invocation;
    rec.started = r.started;
    rec.ended = r.ended;
    rec.axes = c.axes;
    rec.samples = r.outcome.samples;
    for (Sample& s : rec.samples) s.round = at.round;
    rec.environment = r.outcome.environment;
    rec.components = r.outcome.components;
    return rec;
}

// The settings a case ran with, after the job's layers and the command line, as the file stores
// them (results/settings_entry.hpp).
Environment effective_settings(const Case& c) { return settings_entries(case_to_json(c).at("settings")); }

// effective_settings, made once per run of cases with equal settings (most of a job's cases
// share them): making them costs rank 0 more than a case's share of its commit.
class EffectiveSettings {
public:
    const Environment& of(const Case& c) {
        if (!last_ || !(last_->first == c.settings)) last_.emplace(c.settings, effective_settings(c));
        return last_->second;
    }

private:
    std::optional<std::pair<CaseSettings, Environment>> last_;
};

// The record of a case, with the Python environment it ran in (if any) and its settings beside
// what the worker reported.
CaseRecord make_record(const Job& job, const Case& c, const protocol::Result& r, const Placed& at, int invocation,
                       const Environment& settings) {
    auto rec = make_record(c, r, at, invocation);
    for (auto& entry : case_environment(job, c).entries) rec.environment.push_back(std::move(entry));
    for (auto& entry : tax_entries(job, c))
        rec.environment.push_back(std::move(entry));  // `perfmatrix tax` pairs by them
    rec.environment.insert(rec.environment.end(), settings.begin(), settings.end());
    return rec;
}

bool env_is(const char* name, std::string_view value) {
    const char* v = std::getenv(name);
    return v && value == v;
}

// What --leaders made of the ranks, for the progress output.
std::string leaders_note(const Topology& topology) {
    if (topology.leaders() == 0)
        return "--leaders: no node leaders (every node other than rank 0's has a single rank, or there is none): "
               "every rank talks to rank 0";
    std::vector<int> leaders;
    for (int r = 1; r < topology.size(); ++r)
        if (topology.is_leader(r)) leaders.push_back(r);
    return fmt::format("--leaders: rank{} {} relay{} their nodes' ranks to rank 0 and measure nothing",
                       leaders.size() == 1 ? "" : "s", fmt::join(leaders, ", "), leaders.size() == 1 ? "s" : "");
}

std::string case_label(const Case& c, int round) {
    std::string s = c.benchmark;
    for (const auto& a : c.axes) s += fmt::format(" {}={}", a.axis, a.value);
    if (c.settings.rounds > 1) s += fmt::format(" round {}/{}", round + 1, c.settings.rounds);
    return s;
}

// The state of one run on rank 0: what is planned, running and recorded.
class Coordinator {
public:
    // The dispatcher's items are indices into `units`; `nodes` gives each rank's node.
    Coordinator(const Job& job, std::vector<Unit> units, std::map<int, int> nodes, std::map<std::string, int> plan,
                ResultsWriter& results, Executor& exec, Dispatcher& sched, Progress& progress, int invocation,
                double grace_seconds, const RunningCasesFile& running)
        : job_(job),
          units_(std::move(units)),
          nodes_(std::move(nodes)),
          plan_(std::move(plan)),
          results_(results),
          exec_(exec),
          sched_(sched),
          progress_(progress),
          invocation_(invocation),
          grace_(grace_seconds),
          running_(running) {
        exec_.watch(committer_.done_fd());  // a group committed wakes rank 0 for its progress
    }

    // Runs until every queued case is recorded or an interrupt arrives. Returns false when
    // interrupted. After a warning (SIGUSR1) nothing new starts and the cases in flight get
    // the grace period to finish; a run left with cases it did not run counts as interrupted.
    bool run() {
        const bool completed = run_loop();
        commit_everything();  // what the last passes received
        return completed;
    }

    // After an interrupt or the end of the grace period: cancel what runs, keep what finished
    // meanwhile, drop the rest.
    void drain() {
        for (int rank : sched_.busy_ranks()) exec_.cancel(rank);
        const auto deadline = std::chrono::steady_clock::now() + cancel_grace;
        while (sched_.running() > 0 && std::chrono::steady_clock::now() < deadline) {
            if (auto r = exec_.poll())
                record(*r);
            else
                exec_.wait(until(deadline));
        }
    }

    // One line for bench/rank0_capacity.sh (rank0_profile.hpp); "" unless asked for.
    std::string profile() const { return profile_.summary(committer_.commit_seconds(), committer_.cpu_seconds()); }

    // "30 ok, 1 nonzero_exit": what this invocation recorded.
    std::string tally() const {
        std::string s;
        for (const auto& [status, n] : statuses_) s += fmt::format("{}{} {}", s.empty() ? "" : ", ", n, status);
        return s.empty() ? "nothing" : s;
    }

private:
    bool run_loop() {
        const auto whole = profile_.time(Rank0Profile::loop);
        while (sched_.pending() + sched_.running() > 0) {
            if (InterruptGuard::requested() || worker_interrupted_) return false;
            if (!warned()) {
                hand_out();
            } else if (sched_.running() == 0 || std::chrono::steady_clock::now() >= grace_end_) {
                return false;
            }
            // Rank 0 shares a node with measuring ranks: with nothing to take it sleeps, and a
            // worker's doorbell wakes it when a result comes. A rewrite of the running-cases file
            // held back (running_file_interval) is due on a later pass: it bounds the sleep.
            // A group waiting for its commit (commit_interval) bounds the sleep too.
            if (!take_results())
                exec_.wait(std::min(
                    {warned_ ? until(grace_end_) : result_wait, running_changed_ ? running_file_interval : result_wait,
                     // a group held for a busy commit thread: its done_fd wakes us
                     received_.empty() || !committer_.idle() ? result_wait : until(last_commit_ + commit_interval)}));
        }
        return !worker_interrupted_;
    }

    static std::chrono::milliseconds until(std::chrono::steady_clock::time_point t) {
        const auto left = std::chrono::ceil<std::chrono::milliseconds>(t - std::chrono::steady_clock::now());
        return std::clamp(left, std::chrono::milliseconds(0), result_wait);
    }

    void hand_out() {
        const auto timed = profile_.time(Rank0Profile::hand_out);
        bool started = false;
        while (auto a = sched_.next()) {
            progress_.started(sched_.running());
            started_at_[a->rank] = unix_now();
            // The round measures its share of the case's budget (round_plan.hpp).
            Case round = job_.cases[units_[a->case_index].case_index];
            round.settings = round_settings(round.settings);
            exec_.start(a->rank, round);
            started = true;
        }
        exec_.flush();  // the batches for node leaders
        if (started) publish_running();
    }

    // Every result that has arrived, committed together with those of the last commit_interval:
    // under load one flush serves many cases. The ranks that sent them get their next case
    // before the commit, so they work while it is written. False when none had arrived.
    bool take_results() {
        collect_committed();  // a group the commit thread is done with: its progress
        std::size_t taken = 0;
        while (received_.size() < max_commit_group) {
            std::optional<protocol::Result> r;
            {
                const auto timed = profile_.time(Rank0Profile::receive);
                r = exec_.poll();
            }
            if (!r) break;
            receive(*r);
            ++taken;
        }
        const bool commit_due = std::chrono::steady_clock::now() - last_commit_ >= commit_interval ||
                                received_.size() >= max_commit_group;
        if (taken == 0) {
            if (commit_due) commit_received();  // a group whose time has come
            publish_running_if_due();           // a rewrite held back while cases came fast
            progress_.flush();                  // likewise a redraw of the status line
            return false;
        }
        if (!InterruptGuard::requested() && !worker_interrupted_ && !warned()) hand_out();
        if (commit_due) commit_received();
        return true;
    }

    // Tells `perfmatrix status` what is in flight (the results file only has what is done):
    // at once when the last rewrite is running_file_interval old, else at the first call or
    // idle pass after that.
    void publish_running() {
        running_changed_ = true;
        publish_running_if_due();
    }

    void publish_running_if_due() {
        if (!running_changed_) return;
        const auto now = std::chrono::steady_clock::now();
        if (now - running_written_ < running_file_interval) return;
        const auto timed = profile_.time(Rank0Profile::running_file);
        std::vector<RunningCase> running;
        for (int rank : sched_.busy_ranks()) {
            const Unit& u = units_[*sched_.running_case(rank)];
            const Case& c = job_.cases[u.case_index];
            const auto at = started_at_.find(rank);
            running.push_back({c.id, c.benchmark, rank, at == started_at_.end() ? 0.0 : at->second, u.round});
        }
        running_.write(running);
        running_changed_ = false;
        running_written_ = now;
    }

    // The first call that sees the warning starts the grace period.
    bool warned() {
        if (warned_) return true;
        if (!InterruptGuard::warning_received()) return false;
        warned_ = true;
        grace_end_ = std::chrono::steady_clock::now() +
                     std::chrono::duration_cast<std::chrono::steady_clock::duration>(grace_);
        progress_.note(
            fmt::format("SIGUSR1 (time-limit warning): starting no new cases; {} in flight get up to {} s "
                        "to finish (--grace)",
                        sched_.running(), grace_.count()));
        return true;
    }

    // One result, durable when this returns.
    void record(const protocol::Result& r) {
        receive(r);
        commit_everything();
    }

    // Takes a result off its rank and keeps its record for commit_received.
    void receive(const protocol::Result& r) {
        const auto timed = profile_.time(Rank0Profile::record);
        const auto item = sched_.running_case(r.rank);
        if (!item || job_.cases[units_[*item].case_index].id != r.case_id)
            throw std::runtime_error(
                fmt::format("rank {} sent a result for case {}, which it was not running", r.rank, r.case_id));
        const Unit unit = units_[*item];
        sched_.finished(r.rank);
        running_changed_ = true;  // written with the commit
        if (r.outcome.status == status::interrupted) {
            // Not a result: the round stays missing, so --resume runs it again.
            worker_interrupted_ = true;
            return;
        }
        const Case& c = job_.cases[unit.case_index];
        const auto node = nodes_.find(r.rank);
        const Placed at{unit.round, plan_.at(c.id), r.rank, node == nodes_.end() ? -1 : node->second};
        received_.push_back(make_record(job_, c, r, at, invocation_, settings_.of(c)));
        received_units_.push_back(unit);
    }

    // Hands what receive kept to the commit thread as one group, once the thread is done with
    // the last one; until then the group grows. A group that has reached max_commit_group waits
    // for the thread instead: that bounds what a kill -9 of rank 0 can lose.
    void commit_received() {
        if (received_.empty()) return;
        if (!committer_.idle()) {
            if (received_.size() < max_commit_group) return;  // a later pass: done_fd wakes it
            report_committed(committer_.wait_done());
        }
        profile_.committed(received_.size());
        committing_units_ = std::move(received_units_);
        received_units_.clear();
        committer_.commit(std::move(received_));
        received_.clear();
        if (!commit_beside_) report_committed(committer_.wait_done());
        last_commit_ = std::chrono::steady_clock::now();
    }

    void collect_committed() { report_committed(committer_.take_done()); }

    // Progress reports a case only once its group is stored, so a case shown finished survives
    // a kill -9.
    void report_committed(std::optional<std::vector<CaseRecord>> group) {
        if (!group) return;
        const auto timed = profile_.time(Rank0Profile::progress);
        for (std::size_t i = 0; i < group->size(); ++i) {
            const CaseRecord& rec = (*group)[i];
            ++statuses_[rec.status];
            progress_.finished(case_label(job_.cases[committing_units_[i].case_index], rec.round), rec.status,
                               rec.ended - rec.started, rec.host, sched_.running());
        }
        progress_.flush();
        committing_units_.clear();
        publish_running();
    }

    // Everything received, stored: at the end of the run, and for each result drain() takes.
    void commit_everything() {
        report_committed(committer_.wait_done());
        commit_received();
        report_committed(committer_.wait_done());
    }

    const Job& job_;
    const std::vector<Unit> units_;
    const std::map<int, int> nodes_;         // rank -> node
    const std::map<std::string, int> plan_;  // case id -> place in the whole job
    ResultsWriter& results_;
    Executor& exec_;
    Dispatcher& sched_;
    Progress& progress_;
    int invocation_;
    std::chrono::duration<double> grace_;  // --grace
    bool warned_ = false;
    std::chrono::steady_clock::time_point grace_end_{};
    bool worker_interrupted_ = false;
    std::map<std::string, std::size_t> statuses_;  // of the rounds recorded by this invocation
    const RunningCasesFile& running_;
    bool running_changed_ = false;  // since running_ was last written
    std::chrono::steady_clock::time_point running_written_{};
    std::map<int, double> started_at_;  // unix time each busy rank's case started
    std::vector<CaseRecord> received_;  // taken off their ranks, not yet committed
    std::chrono::steady_clock::time_point last_commit_{};
    std::vector<Unit> received_units_;    // their units, for progress
    std::vector<Unit> committing_units_;  // those of the group the commit thread has
    EffectiveSettings settings_;
    Rank0Profile profile_;
    // PERFMATRIX_COMMIT_THREAD=off: rank 0 waits for each group it hands over, as when it
    // committed them itself (for bench/rank0_capacity.sh to compare).
    const bool commit_beside_ = !env_is("PERFMATRIX_COMMIT_THREAD", "off");
    CommitThread committer_{results_};  // last: it stops first, before what it refers to
};

int run_job(const MpiSession& mpi, const RunOptions& opt, Executor& exec, const std::vector<protocol::Hello>& hellos,
            const Topology& topology) {
    Job job;
    std::optional<ResultsWriter> results;
    std::string recovery_note;
    ArrayShare share;
    std::map<std::string, int> plan;
    try {
        share = resolve_array_share(opt.array_split, opt.array_index, std::getenv("SLURM_ARRAY_TASK_ID"));
        // Environments are required of the selected cases only (open_results): a slice of a job
        // runs while the rest of it still waits for `perfmatrix prepare`.
        job = opt.job_text.empty() ? load_job(opt.job_path, EnvOptions{opt.env_cache, false})
                                   : parse_job(opt.job_text, opt.job_path);
        plan = plan_indices(job);
        results.emplace(open_results(opt, job, share, &recovery_note));
    } catch (const JobError& e) {
        fmt::print(stderr, "{}\n", e.what());
        exec.stop_all();
        return exit_code::bad_input;
    } catch (const std::invalid_argument& e) {
        fmt::print(stderr, "perfmatrix run: {}\n", e.what());
        exec.stop_all();
        return exit_code::bad_input;
    }

    InvocationRecord inv;
    inv.started = unix_now();
    inv.status = "running";
    inv.command_line = opt.command_line;
    inv.tool_version = tool_version;
    inv.git_describe = git_describe;
    inv.host = host_name();
    inv.mpi_size = mpi.size();
    const int invocation = results->begin_invocation(inv);
    for (const auto& h : hellos) results->add_rank({invocation, h.rank, h.node, h.host});

    Dispatcher sched(worker_slots(hellos, topology));
    const auto done = results->committed_units();
    // The same seed gives the same order on every resume, so what is left runs in the order
    // the first run would have run it.
    std::vector<Unit> order = all_units(job.cases);
    shuffle_units(order, results->meta().seed);
    std::vector<Unit> queued;
    std::set<std::size_t> skipped_cases;
    for (const Unit& u : order) {
        const Case& c = job.cases[u.case_index];
        if (done.count({c.id, u.round})) continue;
        // A case whose Python environment failed to install is recorded, not run: pip's
        // reason is its result on this interpreter.
        if (auto skip = case_environment(job, c).skip_reason; !skip.empty()) {
            protocol::Result r{c.id, -1, "", unix_now(), unix_now(), {status::skipped, std::move(skip), {}}};
            results->commit_case(
                make_record(job, c, r, Placed{u.round, plan.at(c.id)}, invocation, effective_settings(c)));
            skipped_cases.insert(u.case_index);
            continue;
        }
        if (auto why = sched.unschedulable_reason(c.settings)) {
            protocol::Result r{c.id, -1, "", unix_now(), unix_now(), {status::unschedulable, *why, {}}};
            results->commit_case(
                make_record(job, c, r, Placed{u.round, plan.at(c.id)}, invocation, effective_settings(c)));
            continue;
        }
        sched.add(queued.size(), c.settings, u.case_index);
        queued.push_back(u);
    }
    const std::size_t to_run = queued.size(), skipped = skipped_cases.size();
    std::map<int, int> nodes;
    for (const auto& h : hellos) nodes[h.rank] = h.node;

    Progress run_progress(opt.progress, to_run);
    run_progress.note(fmt::format("{} units ({} cases x their rounds) in a random order, --seed {}", order.size(),
                                  job.cases.size(), results->meta().seed));
    if (!recovery_note.empty()) run_progress.note(recovery_note);
    if (const std::string note = exec.dispatch_note(); !note.empty()) run_progress.note(note);
    if (opt.leaders) run_progress.note(leaders_note(topology));
    if (skipped > 0)
        run_progress.note(
            fmt::format("{} case{} recorded as skipped without running: a Python environment failed to "
                        "install (`perfmatrix plan` shows which, with pip's reason)",
                        skipped, skipped == 1 ? "" : "s"));
    if (!done.empty())
        run_progress.note(fmt::format("resuming {}: {} of {} units already recorded, {} to run", opt.output,
                                      done.size(), order.size(), to_run));
    const RunningCasesFile running(opt.output);
    Coordinator coord(job, std::move(queued), std::move(nodes), std::move(plan), *results, exec, sched, run_progress,
                      invocation, opt.grace, running);
    const bool completed = coord.run();
    if (!completed) coord.drain();
    if (const std::string p = coord.profile(); !p.empty())
        fmt::print(stderr, "{}{}\n", p, exec.relay_summary());  // whatever --progress
    exec.stop_all();
    results->finish_invocation(completed ? "completed" : "interrupted", unix_now());
    if (!completed && !opt.job_text.empty()) {  // no job file to resume (exec): say what is kept
        run_progress.note(fmt::format("interrupted: finished cases are kept in {}", opt.output));
        return exit_code::interrupted;
    }
    if (!completed) {
        run_progress.note(fmt::format(
            "interrupted: finished cases are kept in {}; "
            "continue with: perfmatrix run {} -o {} --resume{}",
            opt.output, opt.job_path, opt.output,
            share.count == 1 ? "" : fmt::format(" --array-split {} --array-index {}", share.count, share.index)));
        return exit_code::interrupted;
    }
    run_progress.note(
        fmt::format("completed: recorded {} in {}; see `perfmatrix report {}`", coord.tally(), opt.output, opt.output));
    return exit_code::ok;
}

}  // namespace

int coordinate(const MpiSession& mpi, const RunOptions& opt) {
    std::unique_ptr<Executor> exec;
    std::vector<protocol::Hello> hellos;
    Topology topology;
    Doorbells bells;
    std::optional<Mailbox> mail;
    if (mpi.size() == 1) {
        hellos = gather_hellos(mpi, nullptr);
        exec = std::make_unique<LocalExecutor>(hellos[0].host.host);
    } else {
        topology = Topology::agree(mpi, opt.leaders);
        bells = Doorbells::connect(mpi.rank(), mpi.size(), topology);
        mail.emplace(bells, MPI_ANY_SOURCE, true, topology.leaders() > 0 ? &topology : nullptr);
        hellos = gather_hellos(mpi, &*mail);
        exec = std::make_unique<MpiExecutor>(topology, *mail);
    }
    try {
        const int rc = run_job(mpi, opt, *exec, hellos, topology);  // the results file is closed when it returns
        if (rc == exit_code::ok && opt.on_finished) opt.on_finished();
        return rc;
    } catch (const std::exception& e) {
        // Workers must hear `stop` whatever went wrong here, or mpirun waits on them forever.
        fmt::print(stderr, "perfmatrix run: {}\n", e.what());
        exec->stop_all();
        return exit_code::failure;
    }
}

}  // namespace perfmatrix
