#include "results/root_attributes.hpp"

#include "results/h5_handles.hpp"
#include "results/schema.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <stdexcept>
#include <vector>

namespace perfmatrix {

namespace {

h5::Datatype string_type(std::size_t size, const std::string& file_name) {
    h5::Datatype t(h5::check(H5Tcopy(H5T_C_S1), file_name, "copy string type"));
    // Fixed length sized to the value (at least 1 byte: HDF5 has no empty fixed string).
    h5::check(H5Tset_size(t.get(), size == 0 ? 1 : size), file_name, "set string size");
    h5::check(H5Tset_strpad(t.get(), H5T_STR_NULLPAD), file_name, "set string padding");
    h5::check(H5Tset_cset(t.get(), H5T_CSET_UTF8), file_name, "set string charset");
    return t;
}

void write_attribute(hid_t file, const std::string& file_name, const char* name, hid_t type, const void* value) {
    const h5::Dataspace scalar(h5::check(H5Screate(H5S_SCALAR), file_name, "create scalar space"));
    const h5::Attribute attribute(h5::check(H5Acreate2(file, name, type, scalar.get(), H5P_DEFAULT, H5P_DEFAULT),
                                            file_name, std::string("create attribute ") + name));
    h5::check(H5Awrite(attribute.get(), type, value), file_name, std::string("write attribute ") + name);
}

void write_text(hid_t file, const std::string& file_name, const char* name, const std::string& value) {
    const h5::Datatype type = string_type(value.size(), file_name);
    const std::string padded = value.empty() ? std::string(1, '\0') : value;
    write_attribute(file, file_name, name, type.get(), padded.data());
}

h5::Attribute open_attribute(hid_t file, const std::string& file_name, const char* name) {
    return h5::Attribute(h5::check(H5Aopen(file, name, H5P_DEFAULT), file_name,
                                   std::string("read root attribute '") + name + "' (not a perfmatrix results file?)"));
}

std::string read_text(hid_t file, const std::string& file_name, const char* name) {
    const h5::Attribute attribute = open_attribute(file, file_name, name);
    const h5::Datatype stored(h5::check(H5Aget_type(attribute.get()), file_name, "get attribute type"));
    if (H5Tget_class(stored.get()) != H5T_STRING || H5Tis_variable_str(stored.get()) > 0)
        throw std::runtime_error(file_name + ": root attribute '" + name + "' is not a fixed-length string");
    const std::size_t size = H5Tget_size(stored.get());
    const h5::Datatype type = string_type(size, file_name);
    std::vector<char> buffer(size);
    h5::check(H5Aread(attribute.get(), type.get(), buffer.data()), file_name, std::string("read attribute ") + name);
    std::string value(buffer.begin(), buffer.end());
    value.resize(value.find('\0') == std::string::npos ? value.size() : value.find('\0'));
    return value;
}

template <class T>
T read_number(hid_t file, const std::string& file_name, const char* name, hid_t memory_type) {
    const h5::Attribute attribute = open_attribute(file, file_name, name);
    T value{};
    h5::check(H5Aread(attribute.get(), memory_type, &value), file_name, std::string("read attribute ") + name);
    return value;
}

// A JSON object keeps the attribute readable from h5py (json.loads) and keeps the job's order.
std::string planned_to_json(const std::vector<std::pair<std::string, std::int64_t>>& planned) {
    nlohmann::ordered_json object = nlohmann::ordered_json::object();
    for (const auto& [benchmark, count] : planned) object[benchmark] = count;
    return object.dump();
}

std::vector<std::pair<std::string, std::int64_t>> planned_from_json(const std::string& text,
                                                                    const std::string& file_name) {
    std::vector<std::pair<std::string, std::int64_t>> planned;
    try {
        const auto object = nlohmann::ordered_json::parse(text);  // items() must not outlive it
        for (const auto& [benchmark, count] : object.items())
            planned.emplace_back(benchmark, count.get<std::int64_t>());
    } catch (const nlohmann::json::exception& e) {
        throw std::runtime_error(fmt::format("{}: root attribute '{}' is not a JSON object of counts: {}", file_name,
                                             schema::attr::planned_per_benchmark, e.what()));
    }
    return planned;
}

bool has_attribute(hid_t file, const char* name) { return H5Aexists(file, name) > 0; }

// An optional attribute holding a JSON object, or "" (absent, or written empty).
std::string read_json_object(hid_t file, const std::string& file_name, const char* name) {
    if (!has_attribute(file, name)) return "";
    std::string text = read_text(file, file_name, name);
    if (!text.empty() && !nlohmann::json::parse(text, nullptr, false).is_object())
        throw std::runtime_error(fmt::format("{}: root attribute '{}' is not a JSON object", file_name, name));
    return text;
}

}  // namespace

void write_root_attributes(hid_t file, const std::string& file_name, const RunMeta& meta, double created) {
    const std::int32_t version = schema::version;
    write_attribute(file, file_name, schema::attr::schema_version, H5T_STD_I32LE, &version);
    write_text(file, file_name, schema::attr::job_path, meta.job_path);
    write_text(file, file_name, schema::attr::job_text, meta.job_text);
    write_text(file, file_name, schema::attr::job_hash, meta.job_hash);
    write_text(file, file_name, schema::attr::tool_version, meta.tool_version);
    const std::int64_t planned = meta.planned_cases;
    write_attribute(file, file_name, schema::attr::planned_cases, H5T_STD_I64LE, &planned);
    write_attribute(file, file_name, schema::attr::created, H5T_IEEE_F64LE, &created);
    const std::int32_t split = meta.array_split, index = meta.array_index;
    write_attribute(file, file_name, schema::attr::array_split, H5T_STD_I32LE, &split);
    write_attribute(file, file_name, schema::attr::array_index, H5T_STD_I32LE, &index);
    write_text(file, file_name, schema::attr::planned_per_benchmark, planned_to_json(meta.planned_per_benchmark));
    const std::int32_t rounds_override = meta.rounds_override;
    write_attribute(file, file_name, schema::attr::rounds_override, H5T_STD_I32LE, &rounds_override);
    // As text: a 64-bit unsigned seed reads back exactly in every tool (h5py, h5dump, pandas).
    write_text(file, file_name, schema::attr::seed, std::to_string(meta.seed));
    const std::int64_t units = meta.planned_units;
    write_attribute(file, file_name, schema::attr::planned_units, H5T_STD_I64LE, &units);
    write_text(file, file_name, schema::attr::settings_override, meta.settings_override);
    write_text(file, file_name, schema::attr::selection, meta.selection);
}

int read_schema_version(hid_t file, const std::string& file_name) {
    const auto version = read_number<std::int32_t>(file, file_name, schema::attr::schema_version, H5T_NATIVE_INT32);
    // One version only: an older file lacks tables (metrics; before 2 case_environment and
    // components) and lays samples out differently, so reading it as this version would be a guess.
    if (version != schema::version) {
        const bool older = version < schema::version;
        throw std::runtime_error(
            fmt::format("{}: schema version {}, written by {} perfmatrix; this one reads version "
                        "{} — {}",
                        file_name, version, older ? "an older" : "a newer", schema::version,
                        older ? "rerun the job" : "read it with the perfmatrix that wrote it"));
    }
    return version;
}

RunMeta read_run_meta(hid_t file, const std::string& file_name) {
    RunMeta meta;
    meta.job_path = read_text(file, file_name, schema::attr::job_path);
    meta.job_text = read_text(file, file_name, schema::attr::job_text);
    meta.job_hash = read_text(file, file_name, schema::attr::job_hash);
    meta.tool_version = read_text(file, file_name, schema::attr::tool_version);
    meta.planned_cases = static_cast<int>(
        read_number<std::int64_t>(file, file_name, schema::attr::planned_cases, H5T_NATIVE_INT64));
    // Files written before these attributes existed hold a whole job.
    if (has_attribute(file, schema::attr::array_split)) {
        meta.array_split = read_number<std::int32_t>(file, file_name, schema::attr::array_split, H5T_NATIVE_INT32);
        meta.array_index = read_number<std::int32_t>(file, file_name, schema::attr::array_index, H5T_NATIVE_INT32);
    }
    if (has_attribute(file, schema::attr::planned_per_benchmark))
        meta.planned_per_benchmark = planned_from_json(read_text(file, file_name, schema::attr::planned_per_benchmark),
                                                       file_name);
    meta.rounds_override = read_number<std::int32_t>(file, file_name, schema::attr::rounds_override, H5T_NATIVE_INT32);
    meta.seed = std::stoull(read_text(file, file_name, schema::attr::seed));
    meta.planned_units = read_number<std::int64_t>(file, file_name, schema::attr::planned_units, H5T_NATIVE_INT64);
    meta.settings_override = read_json_object(file, file_name, schema::attr::settings_override);
    meta.selection = read_json_object(file, file_name, schema::attr::selection);
    return meta;
}

}  // namespace perfmatrix
