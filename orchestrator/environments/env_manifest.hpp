#pragma once
// perfmatrix-env.json, the manifest in each environment directory: which interpreter and
// requirements it was made for, whether pip succeeded (and pip's reason when not), and what got
// installed. An environment is ready exactly when its manifest says "ok" and matches what a
// job asks for; `perfmatrix prepare` writes the manifest last, inside a directory that is
// renamed into place only when complete.

#include "orchestrator/environments/env_spec.hpp"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace perfmatrix {

inline constexpr const char* kEnvManifestName = "perfmatrix-env.json";
inline constexpr int kEnvManifestFormat = 1;

struct InstalledPackage {
    std::string name;  // as pip lists it ("numpy", "typing_extensions")
    std::string version;
    bool operator==(const InstalledPackage&) const = default;
};

struct EnvManifest {
    EnvSpec env;
    bool ok = false;                         // "status": "ok" | "failed"
    std::string reason;                      // failed: why, in pip's words ("No matching distribution found for torch")
    std::vector<InstalledPackage> packages;  // ok: `pip list`, dependencies and pip itself included
    std::string pip_version;                 // the environment's pip ("23.2.1"); empty if never known
    std::vector<std::string> pip_options;    // where packages came from: "--no-index", "--find-links=DIR"
    std::string created;                     // UTC, "2026-11-26T20:01:02Z"
    double seconds = 0;                      // how long making it took
    bool operator==(const EnvManifest&) const = default;
};

nlohmann::json to_json(const EnvManifest& manifest);
// Throws std::runtime_error naming the field that is missing or of the wrong type.
EnvManifest manifest_from_json(const nlohmann::json& j);

// Writes <dir>/perfmatrix-env.json (through a temporary file and a rename, so a reader never
// sees half a manifest). Throws std::runtime_error.
void write_manifest(const std::filesystem::path& dir, const EnvManifest& manifest);

// Reads <dir>/perfmatrix-env.json; throws std::runtime_error saying why it cannot (missing,
// not JSON, a field wrong).
EnvManifest read_manifest(const std::filesystem::path& dir);

// The version of `name` among the packages (names compared normalized), or "".
std::string installed_version(const EnvManifest& manifest, const std::string& name);

// "2026-11-26T20:01:02Z" for now.
std::string utc_now_text();

}  // namespace perfmatrix
