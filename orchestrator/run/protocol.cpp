#include "orchestrator/run/protocol.hpp"

#include "measure/model/case_json.hpp"
#include "orchestrator/run/idle_nap.hpp"
#include "orchestrator/run/result_decoder.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <cstring>
#include <stdexcept>

namespace perfmatrix::protocol {
namespace {

using nlohmann::json;

json host_to_json(const HostInfo& h) {
    return {{"host", h.host},
            {"cpu_model", h.cpu_model},
            {"cores", h.cores},
            {"cpuset", h.cpuset},
            {"cpuset_size", h.cpuset_size},
            {"kernel", h.kernel},
            {"load", {h.load1, h.load5, h.load15}},
            {"gpus", h.gpus},
            {"gpu_source", h.gpu_source},
            {"environment", environment_to_json(h.environment)}};
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
    h.environment = environment_from_json(j.at("environment"));
    return h;
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
    return json{{"rank", h.rank}, {"node", h.node}, {"host", host_to_json(h.host)}, {"capabilities", h.capabilities}}
        .dump();
}

std::string encode(const Case& c) { return case_to_json(c).dump(); }

std::string encode(const Result& r) {
    return json{{"case_id", r.case_id},
                {"host", r.host},
                {"started", r.started},
                {"ended", r.ended},
                {"outcome", outcome_to_json(r.outcome)}}
        // replace: a reason quoting a child's stderr may end inside a UTF-8 character.
        .dump(-1, ' ', false, json::error_handler_t::replace);
}

Hello decode_hello(const std::string& text) {
    const json j = parse(text, "hello");
    return {j.at("rank"), j.at("node"), host_from_json(j.at("host")),
            j.at("capabilities").get<std::vector<std::string>>()};
}

Case decode_case(const std::string& text) { return case_from_json(parse(text, "assign")); }

// Straight from the parser's events: rank 0 decodes one per case (result_decoder.hpp).
Result decode_result(const std::string& text) { return decode_result_events(text); }

namespace {
// A frame's header: rank, tag and payload length, little-endian as the hosts are (every rank of
// one run runs the same build on the same kind of machine).
struct FrameHeader {
    std::int32_t rank;
    std::int32_t tag;
    std::uint32_t size;
};
}  // namespace

std::string encode_frames(const std::vector<Frame>& frames) {
    std::size_t total = 0;
    for (const auto& f : frames) total += sizeof(FrameHeader) + f.payload.size();
    std::string bytes;
    bytes.reserve(total);
    for (const auto& f : frames) {
        const FrameHeader h{f.rank, f.tag, static_cast<std::uint32_t>(f.payload.size())};
        bytes.append(reinterpret_cast<const char*>(&h), sizeof h);
        bytes += f.payload;
    }
    return bytes;
}

std::vector<Frame> decode_frames(const std::string& bytes) {
    std::vector<Frame> frames;
    std::size_t at = 0;
    while (at < bytes.size()) {
        FrameHeader h{};
        if (bytes.size() - at < sizeof h) throw std::runtime_error("malformed relay message: a cut frame header");
        std::memcpy(&h, bytes.data() + at, sizeof h);
        at += sizeof h;
        if (bytes.size() - at < h.size) throw std::runtime_error("malformed relay message: a cut frame");
        frames.push_back({h.rank, static_cast<Tag>(h.tag), bytes.substr(at, h.size)});
        at += h.size;
    }
    return frames;
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
    IdleNap nap;
    for (;;) {
        if (auto m = poll(source, tag, comm)) return *m;
        nap();
    }
}

}  // namespace perfmatrix::protocol
