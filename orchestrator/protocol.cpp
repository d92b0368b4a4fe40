#include "orchestrator/protocol.hpp"

#include <nlohmann/json.hpp>

#include <ctime>
#include <stdexcept>

namespace perfmatrix::protocol {
namespace {

using nlohmann::json;

json host_to_json(const HostInfo& h) {
    json env = json::array();
    for (const auto& [k, v] : h.environment) env.push_back({k, v});
    return {{"host", h.host},     {"cpu_model", h.cpu_model}, {"cores", h.cores},
            {"cpuset", h.cpuset}, {"cpuset_size", h.cpuset_size}, {"kernel", h.kernel},
            {"load", {h.load1, h.load5, h.load15}},
            {"gpus", h.gpus},     {"gpu_source", h.gpu_source}, {"environment", env}};
}

HostInfo host_from_json(const json& j) {
    HostInfo h;
    h.host = j.at("host");
    h.cpu_model = j.at("cpu_model");
    h.cores = j.at("cores");
    h.cpuset = j.at("cpuset");
    h.cpuset_size = j.at("cpuset_size");
    h.kernel = j.at("kernel");
    h.load1 = j.at("load").at(0);
    h.load5 = j.at("load").at(1);
    h.load15 = j.at("load").at(2);
    h.gpus = j.at("gpus");
    h.gpu_source = j.at("gpu_source");
    for (const auto& kv : j.at("environment")) h.environment.emplace_back(kv.at(0), kv.at(1));
    return h;
}

json settings_to_json(const CaseSettings& s) {
    return {{"warmup", s.warmup},   {"repetitions", s.repetitions},
            {"min_time", s.min_time}, {"max_repetitions", s.max_repetitions},
            {"timeout", s.timeout}, {"requires", s.requires_},
            {"placement", to_string(s.placement)}};
}

CaseSettings settings_from_json(const json& j) {
    CaseSettings s;
    s.warmup = j.at("warmup");
    s.repetitions = j.at("repetitions");
    s.min_time = j.at("min_time");
    s.max_repetitions = j.at("max_repetitions");
    s.timeout = j.at("timeout");
    s.requires_ = j.at("requires").get<std::vector<std::string>>();
    s.placement = j.at("placement") == "shared" ? Placement::shared : Placement::exclusive;
    return s;
}

// Samples travel column-wise: far smaller than an object per sample.
json samples_to_json(const std::vector<Sample>& samples) {
    json metric = json::array(), unit = json::array(), rep = json::array(),
         warm = json::array(), value = json::array();
    for (const auto& s : samples) {
        metric.push_back(s.metric);
        unit.push_back(s.unit);
        rep.push_back(s.repetition);
        warm.push_back(s.warmup);
        value.push_back(s.value);
    }
    return {{"metric", metric}, {"unit", unit}, {"repetition", rep}, {"warmup", warm}, {"value", value}};
}

std::vector<Sample> samples_from_json(const json& j) {
    std::vector<Sample> out;
    const auto& metric = j.at("metric");
    out.reserve(metric.size());
    for (std::size_t i = 0; i < metric.size(); ++i)
        out.push_back({metric[i], j.at("unit")[i], j.at("repetition")[i], j.at("warmup")[i],
                       j.at("value")[i]});
    return out;
}

json parse(const std::string& text, const char* what) {
    try {
        return json::parse(text);
    } catch (const json::exception& e) {
        throw std::runtime_error(std::string("malformed ") + what + " message: " + e.what());
    }
}

}  // namespace

std::string encode(const Hello& h) {
    return json{{"rank", h.rank}, {"node", h.node}, {"host", host_to_json(h.host)},
                {"capabilities", h.capabilities}}
        .dump();
}

std::string encode(const Case& c) {
    json axes = json::array();
    for (const auto& a : c.axes) axes.push_back({a.axis, a.value});
    return json{{"id", c.id},     {"benchmark", c.benchmark}, {"kind", c.kind},
                {"axes", axes},   {"params", c.params},       {"settings", settings_to_json(c.settings)}}
        .dump();
}

std::string encode(const Result& r) {
    return json{{"case_id", r.case_id},
                {"host", r.host},
                {"started", r.started},
                {"ended", r.ended},
                {"status", r.outcome.status},
                {"reason", r.outcome.reason},
                {"samples", samples_to_json(r.outcome.samples)}}
        .dump();
}

Hello decode_hello(const std::string& text) {
    const json j = parse(text, "hello");
    return {j.at("rank"), j.at("node"), host_from_json(j.at("host")),
            j.at("capabilities").get<std::vector<std::string>>()};
}

Case decode_case(const std::string& text) {
    const json j = parse(text, "assign");
    Case c;
    c.id = j.at("id");
    c.benchmark = j.at("benchmark");
    c.kind = j.at("kind");
    for (const auto& a : j.at("axes")) c.axes.push_back({a.at(0), a.at(1)});
    c.params = j.at("params");
    c.settings = settings_from_json(j.at("settings"));
    return c;
}

Result decode_result(const std::string& text) {
    const json j = parse(text, "result");
    Result r;
    r.case_id = j.at("case_id");
    r.host = j.at("host");
    r.started = j.at("started");
    r.ended = j.at("ended");
    r.outcome.status = j.at("status");
    r.outcome.reason = j.at("reason");
    r.outcome.samples = samples_from_json(j.at("samples"));
    return r;
}

void send(int dest, Tag tag, const std::string& payload, MPI_Comm comm) {
    MPI_Send(payload.data(), static_cast<int>(payload.size()), MPI_CHAR, dest, tag, comm);
}

namespace {
Message receive_probed(const MPI_Status& st, MPI_Comm comm) {
    int count = 0;
    MPI_Get_count(&st, MPI_CHAR, &count);
    Message m;
    m.source = st.MPI_SOURCE;
    m.tag = static_cast<Tag>(st.MPI_TAG);
    m.payload.resize(static_cast<std::size_t>(count));
    MPI_Recv(m.payload.data(), count, MPI_CHAR, st.MPI_SOURCE, st.MPI_TAG, comm, MPI_STATUS_IGNORE);
    return m;
}
}  // namespace

std::optional<Message> poll(int source, int tag, MPI_Comm comm) {
    int flag = 0;
    MPI_Status st;
    MPI_Iprobe(source, tag, comm, &flag, &st);
    if (!flag) return std::nullopt;
    return receive_probed(st, comm);
}

Message wait(int source, int tag, MPI_Comm comm) {
    // 1 ms naps: negligible latency next to a case, and the core stays free for measuring.
    const timespec nap{0, 1'000'000};
    for (;;) {
        if (auto m = poll(source, tag, comm)) return *m;
        nanosleep(&nap, nullptr);
    }
}

}  // namespace perfmatrix::protocol
