#include "analysis/text/units.hpp"

#include <fmt/format.h>

#include <array>
#include <cmath>
#include <span>

namespace perfmatrix {

namespace {

struct UnitStep {
    const char* name;
    double scale;  // how many base units one of this is
};

constexpr std::array<UnitStep, 4> duration_steps{{{"ns", 1e-9}, {"µs", 1e-6}, {"ms", 1e-3}, {"s", 1.0}}};
constexpr std::array<UnitStep, 5> byte_steps{
    {{"B", 1.0}, {"KiB", 0x1p10}, {"MiB", 0x1p20}, {"GiB", 0x1p30}, {"TiB", 0x1p40}}};

constexpr int significant_digits = 4;

// Digits left of the decimal point of a non-negative mantissa (1 for values below 10).
int integer_digits(double m) { return m < 10 ? 1 : static_cast<int>(std::floor(std::log10(m))) + 1; }

int decimals_for(double m) {
    if (m > 0 && m < 1) {
        // Below the smallest unit: keep 4 significant digits after the leading zeros.
        return significant_digits - 1 - static_cast<int>(std::floor(std::log10(m)));
    }
    return std::max(0, significant_digits - integer_digits(m));
}

double round_to(double m, int decimals) {
    const double f = std::pow(10.0, decimals);
    return std::round(m * f) / f;
}

struct Rounded {
    double value;
    int decimals;
};

// Rounds a non-negative mantissa to 4 significant digits; when rounding adds a digit
// (9.9996 -> 10.00, 0.99999 -> 1.000) one decimal fewer keeps it at 4.
Rounded to_significant(double m) {
    int decimals = decimals_for(m);
    double rounded = round_to(m, decimals);
    const int fewer = decimals_for(rounded);
    if (fewer < decimals) {
        decimals = fewer;
        rounded = round_to(m, decimals);
    }
    return {rounded, decimals};
}

// Picks the largest unit that keeps the mantissa >= 1, rounds to 4 significant digits, and
// moves one unit up when rounding reaches the next unit (999.96 ms -> 1.000 s, not 1000 ms).
std::string format_scaled(double value, std::span<const UnitStep> steps, double base) {
    if (!std::isfinite(value)) return fmt::format("{} {}", value, steps.back().name);
    if (value == 0) return fmt::format("0 {}", steps.back().name);
    const char* sign = value < 0 ? "-" : "";
    const double magnitude = std::abs(value);

    std::size_t i = 0;
    while (i + 1 < steps.size() && magnitude >= steps[i + 1].scale) ++i;
    // Far outside the units (a damaged or absurd value: 7.4e-28 s, 1e300 s), fixed notation
    // would print a hundred digits: 4 significant digits with an exponent say the same.
    const double mantissa = magnitude / steps[i].scale;
    if ((i == 0 && mantissa < 1e-3) || (i + 1 == steps.size() && mantissa >= 1e6))
        return fmt::format("{}{:.4g} {}", sign, mantissa, steps[i].name);
    Rounded r = to_significant(magnitude / steps[i].scale);
    if (r.value >= base && i + 1 < steps.size()) {
        // The mantissa in the next unit lies in [0.9995, 1): it rounds to 1.000 there, where
        // to_significant would print the unhelpful "0.9995 KiB" for 1023.5 B.
        ++i;
        r = {round_to(magnitude / steps[i].scale, significant_digits - 1), significant_digits - 1};
    }
    return fmt::format("{}{:.{}f} {}", sign, r.value, r.decimals, steps[i].name);
}

bool is_whole(double v) { return std::abs(v) < 1e15 && v == std::trunc(v); }

bool is_one_of(std::string_view unit, std::initializer_list<std::string_view> names) {
    for (std::string_view n : names)
        if (unit == n) return true;
    return false;
}

}  // namespace

std::string format_duration(double seconds) { return format_scaled(seconds, duration_steps, 1000.0); }

std::string format_bytes(double bytes) {
    if (std::abs(bytes) < byte_steps[1].scale && is_whole(bytes)) return fmt::format("{:.0f} B", bytes);
    return format_scaled(bytes, byte_steps, 1024.0);
}

std::string format_count(double value) {
    if (!std::isfinite(value)) return fmt::format("{}", value);
    if (is_whole(value)) return fmt::format("{:.0f}", value);
    const double magnitude = std::abs(value);
    // Far from 1 (a damaged or absurd value), fixed notation prints hundreds of digits, and
    // below ~1e-305 to_significant's 10^decimals overflows to inf (NaN digits, UB casting them
    // to int): 4 significant digits with an exponent instead, as format_scaled does.
    if (magnitude >= 1e15 || magnitude < 1e-6) return fmt::format("{:.4g}", value);
    const Rounded r = to_significant(magnitude);
    return fmt::format("{}{:.{}f}", value < 0 ? "-" : "", r.value, r.decimals);
}

std::string format_value(double value, std::string_view unit) {
    if (unit == "s") return format_duration(value);
    if (unit == "ms") return format_duration(value * 1e-3);
    if (is_one_of(unit, {"us", "µs"})) return format_duration(value * 1e-6);
    if (unit == "ns") return format_duration(value * 1e-9);
    if (is_one_of(unit, {"bytes", "byte", "B"})) return format_bytes(value);
    if (is_one_of(unit, {"count", ""})) return format_count(value);
    return fmt::format("{} {}", format_count(value), unit);
}

std::string format_percent(double ratio) {
    const double pct = ratio * 100;
    const double magnitude = std::abs(pct);
    const int decimals = magnitude < 10 ? 2 : magnitude < 100 ? 1 : 0;
    return fmt::format("{:.{}f}%", pct, decimals);
}

bool is_duration_unit(std::string_view unit) {
    return unit == "s" || unit == "ms" || unit == "us" || unit == "µs" || unit == "ns";
}

}  // namespace perfmatrix
