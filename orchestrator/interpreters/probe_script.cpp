#include "orchestrator/interpreters/probe_script.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <optional>
#include <stdexcept>

namespace perfmatrix {
namespace {

using json = nlohmann::json;

constexpr std::string_view kProbeMarker = "perfmatrix-probe ";
constexpr std::string_view kImportMarker = "perfmatrix-import ";

// Only what 2.7 has: no f-strings, no sys.implementation without a fallback, print as a
// function call is avoided (sys.stdout.write works everywhere).
constexpr const char* kProbeSource = R"PY(import sys, json, platform, re, sysconfig
cfg = sysconfig.get_config_var
m = re.search(r"--enable-experimental-jit(?:=([\w-]+))?", cfg("CONFIG_ARGS") or "")
jit = (m.group(1) or "yes") if m else ""
if jit == "no":
    jit = ""
impl = getattr(sys, "implementation", None)
pypy = getattr(sys, "pypy_version_info", None)
base = getattr(sys, "real_prefix", None) or getattr(sys, "base_prefix", sys.prefix)
info = {
    "implementation": platform.python_implementation(),
    "version": platform.python_version(),
    "version_info": list(sys.version_info[:3]),
    "pypy_version": ".".join(str(x) for x in pypy[:3]) if pypy else "",
    "executable": sys.executable or "",
    "prefix": sys.prefix,
    "base_prefix": base,
    "venv": sys.prefix != base,
    "debug": hasattr(sys, "gettotalrefcount"),
    "free_threaded": bool(cfg("Py_GIL_DISABLED")),
    "jit": jit,
    "abiflags": getattr(sys, "abiflags", ""),
    "cache_tag": (getattr(impl, "cache_tag", None) or "") if impl else "",
}
sys.stdout.write("perfmatrix-probe " + json.dumps(info) + "\n")
)PY";

// The text after the last line starting with `marker`.
std::optional<std::string_view> marked_line(std::string_view text, std::string_view marker) {
    std::optional<std::string_view> found;
    while (!text.empty()) {
        const auto end = text.find('\n');
        auto line = text.substr(0, end);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.substr(0, marker.size()) == marker) found = line.substr(marker.size());
        if (end == std::string_view::npos) break;
        text.remove_prefix(end + 1);
    }
    return found;
}

// A short, printable excerpt of unexpected output for a reason text.
std::string excerpt(std::string_view text) {
    constexpr std::size_t kMax = 120;
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ')) text.remove_suffix(1);
    std::string out;
    for (const char c : text.substr(0, kMax)) {
        const auto u = static_cast<unsigned char>(c);
        out += (u >= 0x20 && u < 0x7f) ? std::string(1, c) : fmt::format("\\x{:02x}", u);
    }
    if (text.size() > kMax) out += "…";
    return out;
}

std::string string_field(const json& j, const char* key) {
    const auto& v = j.at(key);
    if (!v.is_string()) throw std::invalid_argument(fmt::format("'{}' is not a string", key));
    return v.get<std::string>();
}

bool bool_field(const json& j, const char* key) {
    const auto& v = j.at(key);
    if (!v.is_boolean()) throw std::invalid_argument(fmt::format("'{}' is not a boolean", key));
    return v.get<bool>();
}

std::array<int, 3> version_info_field(const json& j) {
    const auto& v = j.at("version_info");
    if (!v.is_array() || v.size() != 3) throw std::invalid_argument("'version_info' is not 3 integers");
    std::array<int, 3> out{};
    for (std::size_t i = 0; i < 3; ++i) {
        if (!v[i].is_number_integer()) throw std::invalid_argument("'version_info' is not 3 integers");
        out[i] = v[i].get<int>();
    }
    return out;
}

InterpreterBuild build_from(const json& j) {
    if (!j.is_object()) throw std::invalid_argument("not a JSON object");
    InterpreterBuild b;
    b.implementation = string_field(j, "implementation");
    b.version = string_field(j, "version");
    b.version_info = version_info_field(j);
    b.pypy_version = string_field(j, "pypy_version");
    b.executable = string_field(j, "executable");
    b.prefix = string_field(j, "prefix");
    b.base_prefix = string_field(j, "base_prefix");
    b.venv = bool_field(j, "venv");
    b.debug = bool_field(j, "debug");
    b.free_threaded = bool_field(j, "free_threaded");
    b.jit = string_field(j, "jit");
    b.abiflags = string_field(j, "abiflags");
    b.cache_tag = string_field(j, "cache_tag");
    if (b.implementation.empty() || b.version.empty()) throw std::invalid_argument("empty implementation or version");
    return b;
}

}  // namespace

const std::string& probe_source() {
    static const std::string source(kProbeSource);
    return source;
}

std::variant<InterpreterBuild, std::string> parse_probe_output(std::string_view stdout_text) {
    const auto line = marked_line(stdout_text, kProbeMarker);
    if (!line) {
        if (stdout_text.empty()) return std::string("printed nothing (expected the probe's result line)");
        return fmt::format("printed no probe result; its output began: '{}'", excerpt(stdout_text));
    }
    try {
        return build_from(json::parse(*line));
    } catch (const std::exception& e) {
        // json's own messages (type_error, out_of_range for a missing key) say what was wrong.
        return fmt::format("probe result is not what the probe prints ({}): '{}'", e.what(), excerpt(*line));
    }
}

std::string import_check_source(std::string_view module) {
    // ImportError naming the module itself means "not installed"; any other error (a broken
    // extension, a missing dependency of the module) is a failure worth showing.
    return fmt::format(R"PY(import sys
try:
    import {0} as m
except ImportError as e:
    name = getattr(e, "name", None)
    if name == "{0}" or (name is None and str(e) == "No module named {0}"):
        sys.stdout.write("perfmatrix-import absent\n")
    else:
        sys.stdout.write("perfmatrix-import failed %s: %s\n" % (type(e).__name__, e))
except Exception as e:
    sys.stdout.write("perfmatrix-import failed %s: %s\n" % (type(e).__name__, e))
else:
    sys.stdout.write("perfmatrix-import present %s\n" % (getattr(m, "__version__", "") or "unknown",))
)PY",
                       module);
}

ModuleCheck parse_import_output(std::string_view stdout_text) {
    ModuleCheck check;
    const auto line = marked_line(stdout_text, kImportMarker);
    if (!line) {
        check.state = ModuleCheck::State::failed;
        check.reason = stdout_text.empty()
                           ? "printed nothing"
                           : fmt::format("printed no result; its output began: '{}'", excerpt(stdout_text));
        return check;
    }
    const auto space = line->find(' ');
    const auto word = line->substr(0, space);
    const auto rest = space == std::string_view::npos ? std::string_view() : line->substr(space + 1);
    if (word == "present") {
        check.state = ModuleCheck::State::present;
        check.version = std::string(rest);
    } else if (word == "absent") {
        check.state = ModuleCheck::State::absent;
    } else {
        check.state = ModuleCheck::State::failed;
        check.reason = word == "failed" ? std::string(rest) : fmt::format("unexpected result '{}'", excerpt(*line));
    }
    return check;
}

}  // namespace perfmatrix
