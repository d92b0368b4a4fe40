#include "analysis/text/time_format.hpp"
#include "analysis/text/units.hpp"

#include <gtest/gtest.h>

namespace perfmatrix {
namespace {

TEST(FormatDuration, PicksUnitAndFourSignificantDigits) {
    EXPECT_EQ(format_duration(0.00123456), "1.235 ms");
    EXPECT_EQ(format_duration(12.3456), "12.35 s");
    EXPECT_EQ(format_duration(123.456), "123.5 s");
    EXPECT_EQ(format_duration(1234.5678), "1235 s");  // no unit above seconds
    EXPECT_EQ(format_duration(5e-7), "500.0 ns");
    EXPECT_EQ(format_duration(1e-9), "1.000 ns");
    EXPECT_EQ(format_duration(4.2e-5), "42.00 µs");
    EXPECT_EQ(format_duration(1e-3), "1.000 ms");
}

TEST(FormatDuration, RoundingIntoTheNextUnitOrDigit) {
    EXPECT_EQ(format_duration(0.9999996), "1.000 s");    // not "1000.0 ms"
    EXPECT_EQ(format_duration(9.99996e-6), "10.00 µs");  // not "10.000 µs"
    EXPECT_EQ(format_duration(99.996), "100.0 s");
}

TEST(FormatDuration, ZeroNegativeAndTiny) {
    EXPECT_EQ(format_duration(0), "0 s");
    EXPECT_EQ(format_duration(-0.0015), "-1.500 ms");
    EXPECT_EQ(format_duration(2.5e-10), "0.2500 ns");
}

// A damaged sample once printed as "0.000…0007401 ns", 100 characters wide.
TEST(FormatDuration, FarOutsideTheUnitsTakesAnExponent) {
    EXPECT_EQ(format_duration(7.401e-28), "7.401e-19 ns");
    EXPECT_EQ(format_duration(-7.401e-28), "-7.401e-19 ns");
    EXPECT_EQ(format_duration(1e300), "1e+300 s");
    EXPECT_EQ(format_duration(2e-12), "0.002000 ns");  // just inside: fixed as before
    EXPECT_EQ(format_duration(999999), "999999 s");
    EXPECT_EQ(format_bytes(1e30), "9.095e+17 TiB");
}

TEST(FormatBytes, BinaryUnits) {
    EXPECT_EQ(format_bytes(0), "0 B");
    EXPECT_EQ(format_bytes(512), "512 B");
    EXPECT_EQ(format_bytes(1023), "1023 B");
    EXPECT_EQ(format_bytes(1024), "1.000 KiB");
    EXPECT_EQ(format_bytes(1536), "1.500 KiB");
    EXPECT_EQ(format_bytes(1048576), "1.000 MiB");
    EXPECT_EQ(format_bytes(3.25 * 1073741824.0), "3.250 GiB");
    EXPECT_EQ(format_bytes(1023.5), "1.000 KiB");  // 4 digits of 1023.5 B round to 1024 B
    EXPECT_EQ(format_bytes(12.5), "12.50 B");
}

TEST(FormatCount, WholeNumbersExactlyOthersAtFourDigits) {
    EXPECT_EQ(format_count(42), "42");
    EXPECT_EQ(format_count(1234567), "1234567");
    EXPECT_EQ(format_count(12.5), "12.50");
    EXPECT_EQ(format_count(-3.14159), "-3.142");
    EXPECT_EQ(format_count(1234.56), "1235");
    EXPECT_EQ(format_count(0.000123456), "0.0001235");
    EXPECT_EQ(format_count(0), "0");
}

// A damaged sample of 5e-324 (the smallest double) once made to_significant compute 10^326:
// NaN digits and a signed overflow (UBSan, found by tests/fuzz under the asan preset).
TEST(FormatCount, FarBelowOneTakesAnExponent) {
    EXPECT_EQ(format_count(5e-324), "4.941e-324");
    EXPECT_EQ(format_count(-1.5e-300), "-1.5e-300");
    EXPECT_EQ(format_count(1.25e-7), "1.25e-07");
    EXPECT_EQ(format_count(1e-6), "0.000001000");  // just inside: fixed as before
    EXPECT_EQ(format_value(5e-324, "widgets"), "4.941e-324 widgets");
}

TEST(FormatValue, DispatchesOnUnit) {
    EXPECT_EQ(format_value(1500, "ms"), "1.500 s");
    EXPECT_EQ(format_value(250, "us"), "250.0 µs");
    EXPECT_EQ(format_value(250, "µs"), "250.0 µs");
    EXPECT_EQ(format_value(3, "ns"), "3.000 ns");
    EXPECT_EQ(format_value(0.02, "s"), "20.00 ms");
    EXPECT_EQ(format_value(2048, "bytes"), "2.000 KiB");
    EXPECT_EQ(format_value(2048, "B"), "2.000 KiB");
    EXPECT_EQ(format_value(7, "count"), "7");
    EXPECT_EQ(format_value(7, ""), "7");
    EXPECT_EQ(format_value(53.2149, "GFLOP/s"), "53.21 GFLOP/s");
}

TEST(FormatPercent, FewerDecimalsForLargerValues) {
    EXPECT_EQ(format_percent(0.01234), "1.23%");
    EXPECT_EQ(format_percent(0.1234), "12.3%");
    EXPECT_EQ(format_percent(1.5), "150%");
    EXPECT_EQ(format_percent(0), "0.00%");
}

TEST(FormatUtc, IsoSecondsInUtc) {
    // python3: datetime.fromtimestamp(1764151200, timezone.utc) -> 2025-11-26 10:00:00
    EXPECT_EQ(format_utc(1764151200), "2025-11-26T10:00:00Z");
    // ... 1795000000.9 -> 2026-11-18 11:06:40.9: fractions are cut, not rounded up
    EXPECT_EQ(format_utc(1795000000.9), "2026-11-18T11:06:40Z");
    EXPECT_EQ(format_utc(0), "1970-01-01T00:00:00Z");
}

TEST(FormatElapsed, SecondsThenClockStyle) {
    EXPECT_EQ(format_elapsed(12.345), "12.35 s");
    EXPECT_EQ(format_elapsed(0.25), "250.0 ms");
    EXPECT_EQ(format_elapsed(65), "1m05s");
    EXPECT_EQ(format_elapsed(3723), "1h02m03s");
    EXPECT_EQ(format_elapsed(93784), "1d02h03m");  // 1 d + 2 h + 3 min + 4 s
}

}  // namespace
}  // namespace perfmatrix
