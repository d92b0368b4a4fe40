// load_job / parse_job: the top level of a job file ([job], [defaults], [[benchmark]]).

#include "orchestrator/interpreters/interpreter_catalog.hpp"
#include "orchestrator/job/benchmark_loader.hpp"
#include "orchestrator/job/job.hpp"
#include "orchestrator/job/python_environments.hpp"
#include "orchestrator/job/settings.hpp"
#include "orchestrator/job/sha256.hpp"
#include "orchestrator/job/toml_reading.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <sstream>

namespace perfmatrix {
namespace {

toml::table parse_toml(std::string_view text, const std::string& source_name) {
    try {
        return toml::parse(text, std::string(source_name));
    } catch (const toml::parse_error& e) {
        fail_at(e.source(), fmt::format("TOML syntax error: {}", e.description()));
    }
}

// The [job] table; returns its env_cache ("" when not set).
std::string read_job_table(const toml::table& root, Job& job) {
    const auto* node = root.get("job");
    if (!node) return "";
    const auto& table = expect_table(*node, "'job'");
    reject_unknown_keys(table, {"name", "description", "env_cache"}, "[job]");
    if (const auto* n = table.get("name")) {
        job.name = expect_string(*n, "'name'");
        if (job.name.empty()) fail_at(*n, "invalid value for 'name': expected a non-empty string");
    }
    if (const auto* n = table.get("description")) job.description = expect_string(*n, "'description'");
    std::string env_cache;
    if (const auto* n = table.get("env_cache")) {
        env_cache = expect_string(*n, "'env_cache'");
        if (env_cache.empty()) fail_at(*n, "invalid value for 'env_cache': expected a directory, got an empty string");
    }
    return env_cache;
}

LayeredSettings read_defaults(const toml::table& root) {
    const auto* node = root.get("defaults");
    if (!node) return {};
    const auto& table = expect_table(*node, "'defaults'");
    reject_unknown_keys(table, setting_keys(), "[defaults]");
    return apply_settings(table, {});
}

const toml::array& benchmark_array(const toml::table& root, const std::string& source_name) {
    const auto* node = root.get("benchmark");
    if (!node) {
        throw JobError(source_name, 1, 1, "the job has no benchmarks: add at least one [[benchmark]] table");
    }
    const auto* array = node->as_array();
    if (!array) {
        fail_at(*node, fmt::format("expected an array of tables for 'benchmark' (write [[benchmark]]), got {}",
                                   type_name(*node)));
    }
    if (array->empty()) fail_at(*array, "the job has no benchmarks: add at least one [[benchmark]] table");
    for (std::size_t i = 0; i < array->size(); ++i) {
        expect_table(*array->get(i), fmt::format("element {} of 'benchmark'", i + 1));
    }
    return *array;
}

// Returns the `requirements` value of the first benchmark whose environment is missing
// (where the error about missing environments points), or null.
const toml::node* add_benchmarks(const toml::table& root, const LayeredSettings& defaults,
                                 const std::string& source_name, InterpreterCatalog& interpreters, Job& job,
                                 const CaseSink* sink) {
    std::map<std::string, int> first_line;  // name -> line it was first declared on
    const toml::node* first_missing = nullptr;
    const auto& benchmarks = benchmark_array(root, source_name);
    job.benchmarks.reserve(benchmarks.size());
    for (const auto& element : benchmarks) {
        const auto& table = *element.as_table();
        auto loaded = load_benchmark(table, defaults, interpreters, job.env_cache.dir, sink);
        const int line = static_cast<int>(table.source().begin.line);
        if (const auto [it, fresh] = first_line.emplace(loaded.info.name, line); !fresh) {
            fail_at(*table.get("name"), fmt::format("duplicate benchmark name '{}' (first declared on line {})",
                                                    loaded.info.name, it->second));
        }
        const bool missing = std::any_of(loaded.info.python.begin(), loaded.info.python.end(),
                                         [](const auto& v) { return v.env && v.env->state == EnvState::missing; });
        if (missing && !first_missing) first_missing = loaded.requirements;
        job.benchmarks.push_back(std::move(loaded.info));
        // One benchmark's cases are moved in whole: growing job.cases a case at a time held
        // them twice, and more while it reallocated.
        if (job.cases.empty())
            job.cases = std::move(loaded.cases);
        else
            job.cases.insert(job.cases.end(), std::make_move_iterator(loaded.cases.begin()),
                             std::make_move_iterator(loaded.cases.end()));
    }
    index_benchmarks(job);
    return first_missing;
}

// Loads a parsed job; a null sink keeps the cases in Job::cases.
Job load_parsed(const toml::table& root, std::string_view text, const std::string& source_name, const std::string& hash,
                InterpreterCatalog& interpreters, const EnvOptions& envs, const CaseSink* sink) {
    Job job;
    job.path = source_name;
    job.text = std::string(text);
    job.hash = hash;
    job.name = std::filesystem::path(source_name).stem().string();

    reject_unknown_keys(root, {"job", "defaults", "benchmark"}, "the job file");
    job.env_cache = choose_env_cache(envs.env_cache, read_job_table(root, job));
    const auto* first_missing = add_benchmarks(root, read_defaults(root), source_name, interpreters, job, sink);
    resolve_tax_natives(job);
    if (first_missing) {
        if (envs.require_prepared) throw error_at(*first_missing, missing_environments_message(job));
        job.missing_environments = error_at(*first_missing, missing_environments_message(job));
    }
    return job;
}

Job parse_with(std::string_view text, const std::string& source_name, InterpreterCatalog& interpreters,
               const EnvOptions& envs, const CaseSink* sink) {
    const std::string hash = sha256_hex(text);
    return load_parsed(parse_toml(text, source_name), text, source_name, hash, interpreters, envs, sink);
}

}  // namespace

Job parse_job(std::string_view text, const std::string& source_name) {
    MachineInterpreters interpreters;  // lazy: probes nothing unless a python axis needs it
    return parse_job(text, source_name, interpreters);
}

Job parse_job(std::string_view text, const std::string& source_name, InterpreterCatalog& interpreters) {
    return parse_job(text, source_name, interpreters, EnvOptions{});
}

Job parse_job(std::string_view text, const std::string& source_name, InterpreterCatalog& interpreters,
              const EnvOptions& envs) {
    return parse_with(text, source_name, interpreters, envs, nullptr);
}

Job parse_job(std::string_view text, const std::string& source_name, InterpreterCatalog& interpreters,
              const EnvOptions& envs, const CaseSink& sink) {
    return parse_with(text, source_name, interpreters, envs, &sink);
}

struct JobText::Parsed {
    toml::table root;
};

JobText::JobText(std::string text, std::string source_name)
    : text_(std::move(text)), source_name_(std::move(source_name)), hash_(sha256_hex(text_)) {
    parsed_ = std::make_unique<Parsed>(Parsed{parse_toml(text_, source_name_)});
}

JobText::~JobText() = default;

Job JobText::load(InterpreterCatalog& interpreters, const EnvOptions& envs, const CaseSink& sink) const {
    return load_parsed(parsed_->root, text_, source_name_, hash_, interpreters, envs, &sink);
}

Job load_job(const std::filesystem::path& file) { return load_job(file, EnvOptions{}); }

Job load_job(const std::filesystem::path& file, const EnvOptions& envs) {
    MachineInterpreters interpreters;
    return load_job(file, interpreters, envs);
}

Job load_job(const std::filesystem::path& file, InterpreterCatalog& interpreters) {
    return load_job(file, interpreters, EnvOptions{});
}

Job load_job(const std::filesystem::path& file, InterpreterCatalog& interpreters, const EnvOptions& envs) {
    return parse_job(read_job_file(file), file.string(), interpreters, envs);
}

std::string read_job_file(const std::filesystem::path& file) {
    // An ifstream opens a directory without complaint and then reads nothing.
    if (std::filesystem::is_directory(file)) {
        throw JobError(file.string(), 0, 0, "cannot read job file: it is a directory");
    }
    std::ifstream in(file, std::ios::binary);
    if (!in) throw JobError(file.string(), 0, 0, fmt::format("cannot read job file: {}", std::strerror(errno)));
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad()) throw JobError(file.string(), 0, 0, fmt::format("cannot read job file: {}", std::strerror(errno)));
    return std::move(text).str();
}

}  // namespace perfmatrix
