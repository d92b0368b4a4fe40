#include "orchestrator/environments/env_manifest.hpp"

#include "orchestrator/environments/requirements.hpp"

#include <fmt/format.h>

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace perfmatrix {
namespace {

using json = nlohmann::json;

const json& field(const json& j, const char* name, json::value_t type, const char* what) {
    const auto it = j.find(name);
    if (it == j.end()) throw std::runtime_error(fmt::format("manifest has no '{}'", name));
    const bool fits = it->type() == type || (type == json::value_t::number_float && it->is_number());
    if (!fits) throw std::runtime_error(fmt::format("manifest field '{}' must be {}", name, what));
    return *it;
}

std::string text_field(const json& j, const char* name) {
    return field(j, name, json::value_t::string, "a string").get<std::string>();
}

std::vector<std::string> texts_field(const json& j, const char* name) {
    const auto& a = field(j, name, json::value_t::array, "an array of strings");
    std::vector<std::string> out;
    for (const auto& e : a) {
        if (!e.is_string())
            throw std::runtime_error(fmt::format("manifest field '{}' must be an array of strings", name));
        out.push_back(e.get<std::string>());
    }
    return out;
}

EnvSpec spec_from_json(const json& j) {
    const auto& in = field(j, "interpreter", json::value_t::object, "an object");
    EnvSpec s;
    s.label = text_field(in, "label");
    s.interpreter = text_field(in, "executable");
    s.version = text_field(in, "version");
    s.requirements = texts_field(j, "requirements");
    return s;
}

std::vector<InstalledPackage> packages_from_json(const json& j) {
    std::vector<InstalledPackage> out;
    for (const auto& p : field(j, "packages", json::value_t::array, "an array")) {
        if (!p.is_object()) throw std::runtime_error("manifest 'packages' must hold {\"name\", \"version\"} objects");
        out.push_back({text_field(p, "name"), text_field(p, "version")});
    }
    return out;
}

}  // namespace

json to_json(const EnvManifest& m) {
    json packages = json::array();
    for (const auto& p : m.packages) packages.push_back({{"name", p.name}, {"version", p.version}});
    return json{{"format", kEnvManifestFormat},
                {"interpreter",
                 {{"label", m.env.label}, {"executable", m.env.interpreter}, {"version", m.env.version}}},
                {"requirements", m.env.requirements},
                {"status", m.ok ? "ok" : "failed"},
                {"reason", m.reason},
                {"packages", packages},
                {"pip_version", m.pip_version},
                {"pip_options", m.pip_options},
                {"created", m.created},
                {"seconds", m.seconds}};
}

EnvManifest manifest_from_json(const json& j) {
    if (!j.is_object()) throw std::runtime_error("manifest is not a JSON object");
    const auto format_it = j.find("format");
    if (format_it == j.end() || !format_it->is_number_integer())
        throw std::runtime_error("manifest has no integer 'format'");
    const auto format = format_it->get<int>();
    if (format != kEnvManifestFormat) {
        throw std::runtime_error(fmt::format("manifest format {} is not {} (made by another perfmatrix version)",
                                             format, kEnvManifestFormat));
    }
    EnvManifest m;
    m.env = spec_from_json(j);
    const auto status = text_field(j, "status");
    if (status != "ok" && status != "failed") {
        throw std::runtime_error(fmt::format("manifest status '{}' is not \"ok\" or \"failed\"", status));
    }
    m.ok = status == "ok";
    m.reason = text_field(j, "reason");
    m.packages = packages_from_json(j);
    m.pip_version = text_field(j, "pip_version");
    m.pip_options = texts_field(j, "pip_options");
    m.created = text_field(j, "created");
    m.seconds = field(j, "seconds", json::value_t::number_float, "a number").get<double>();
    return m;
}

void write_manifest(const std::filesystem::path& dir, const EnvManifest& manifest) {
    const auto final_path = dir / kEnvManifestName;
    const auto temp_path = dir / fmt::format(".{}.{}", kEnvManifestName, ::getpid());
    {
        std::ofstream out(temp_path, std::ios::binary | std::ios::trunc);
        out << to_json(manifest).dump(2) << '\n';
        out.flush();
        if (!out) {
            throw std::runtime_error(fmt::format("cannot write {}: {}", temp_path.string(), std::strerror(errno)));
        }
    }
    std::error_code ec;
    std::filesystem::rename(temp_path, final_path, ec);
    if (ec) throw std::runtime_error(fmt::format("cannot write {}: {}", final_path.string(), ec.message()));
}

EnvManifest read_manifest(const std::filesystem::path& dir) {
    const auto path = dir / kEnvManifestName;
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error(fmt::format("cannot read {}: {}", path.string(), std::strerror(errno)));
    std::ostringstream text;
    text << in.rdbuf();
    const auto j = json::parse(text.str(), nullptr, false);
    if (j.is_discarded()) throw std::runtime_error(fmt::format("{} is not valid JSON", path.string()));
    try {
        return manifest_from_json(j);
    } catch (const std::exception& e) {
        throw std::runtime_error(fmt::format("{}: {}", path.string(), e.what()));
    }
}

std::string installed_version(const EnvManifest& manifest, const std::string& name) {
    const auto wanted = normalize_project_name(name);
    for (const auto& p : manifest.packages) {
        if (normalize_project_name(p.name) == wanted) return p.version;
    }
    return "";
}

std::string utc_now_text() {
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    ::gmtime_r(&now, &utc);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return buf;
}

}  // namespace perfmatrix
