#include "measure/python/harness_session.hpp"

#include <fmt/format.h>

#include <chrono>

namespace perfmatrix::python {
namespace {

// The start of a bad line, enough to recognise it in a reason. Bytes outside printable ASCII
// are escaped: a garbage line need not be valid UTF-8, and the reason must be.
std::string excerpt(std::string_view line) {
    constexpr std::size_t kShown = 120;
    std::string out;
    for (const char c : line.substr(0, kShown)) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte >= 0x20 && byte < 0x7f) {
            out += c;
        } else {
            out += fmt::format("\\x{:02x}", byte);
        }
    }
    if (line.size() > kShown) out += "...";
    return out;
}

}  // namespace

HarnessSession::HarnessSession(const CaseSettings& settings, Clock::time_point start)
    : settings_(settings),
      timeout_(std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(settings.timeout))),
      last_event_(start) {}

void HarnessSession::feed(std::string_view data, Clock::time_point now) {
    if (error_) return;
    try {
        lines_.feed(data, [&](std::string_view line) { on_line(line, now); });
    } catch (const ProtocolError& e) {
        // Not set yet: the size cap stopped the line being read, which is not complete yet.
        if (!error_) error_ = fmt::format("line {}: {}", lines_.lines() + 1, e.message);
    }
}

void HarnessSession::on_line(std::string_view line, Clock::time_point now) {
    try {
        const auto event = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
        if (event.is_discarded()) throw ProtocolError{fmt::format("not JSON: '{}'", excerpt(line))};
        apply_event(event, settings_, log_);
        last_event_ = now;
    } catch (const nlohmann::json::exception& e) {
        error_ = fmt::format("line {}: {}", lines_.lines(), e.what());
        throw ProtocolError{*error_};
    } catch (const ProtocolError& e) {
        error_ = fmt::format("line {}: {}", lines_.lines(), e.message);
        throw;  // stops reading this chunk
    }
}

Clock::time_point HarnessSession::deadline() const {
    const bool sampling = log_.warmups + log_.measured > 0;
    return last_event_ + (sampling ? timeout_ : 2 * timeout_);
}

std::string HarnessSession::awaited() const {
    if (!log_.hello) return "its 'hello'";
    if (log_.terminal) return fmt::format("its exit after '{}'", log_.terminal->event);
    if (log_.warmups + log_.measured == 0) return "its first sample";
    return fmt::format("the sample after {} warm-ups and {} samples", log_.warmups, log_.measured);
}

}  // namespace perfmatrix::python
