#pragma once
// Numbers as people read them: a value with a unit scaled so its mantissa stays small, at
// 4 significant digits ("1.234 ms", "12.35 s", "1.500 KiB").

#include <string>
#include <string_view>

namespace perfmatrix {

// Seconds as ns / µs / ms / s. Sub-nanosecond values stay in ns; long ones stay in s.
std::string format_duration(double seconds);
// Bytes as B / KiB / MiB / GiB / TiB (powers of 1024). Whole numbers of bytes print exactly.
std::string format_bytes(double bytes);
// A plain number: whole numbers exactly, others at 4 significant digits, never in
// exponent notation below 1e15.
std::string format_count(double value);
// Dispatch on a sample's unit: "s"/"ms"/"us"/"µs"/"ns" are durations, "bytes"/"B" sizes,
// "count" or "" plain numbers; any other unit is a plain number followed by the unit.
std::string format_value(double value, std::string_view unit);
// A ratio as a percentage: 0.1234 -> "12.3%", 0.01234 -> "1.23%".
std::string format_percent(double ratio);
// "s", "ms", "us", "µs", "ns": the units format_value() prints as durations.
bool is_duration_unit(std::string_view unit);

}  // namespace perfmatrix
