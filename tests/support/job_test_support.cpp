#include "tests/support/job_test_support.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

namespace perfmatrix::test {

std::string job_text(std::string_view raw) {
    if (!raw.empty() && raw.front() == '\n') raw.remove_prefix(1);
    return std::string(raw);
}

JobError job_error_of(const std::function<void()>& parse_raw, std::string_view raw) {
    try {
        parse_raw();
    } catch (const JobError& e) {
        return e;
    }
    ADD_FAILURE() << "expected a JobError for:\n" << job_text(raw);
    return JobError("", -1, -1, "no error");
}

JobError job_error(std::string_view raw) {
    return job_error_of([&] { parse(raw); }, raw);
}

Job parse(std::string_view raw) { return parse_job(job_text(raw), "job.toml"); }

std::string spawn_benchmark(std::string_view name, std::string_view rest) {
    return fmt::format("[[benchmark]]\nname = \"{}\"\nkind = \"spawn\"\n{}", name, job_text(rest));
}

void expect_job_error_at(const JobError& e, int line, int column, std::string_view phrase) {
    EXPECT_EQ(e.file, "job.toml");
    EXPECT_EQ(e.line, line) << e.what();
    EXPECT_EQ(e.column, column) << e.what();
    EXPECT_NE(e.message.find(phrase), std::string::npos) << "missing '" << phrase << "' in: " << e.what();
    EXPECT_EQ(std::string(e.what()), fmt::format("job.toml:{}:{}: {}", e.line, e.column, e.message));
}

JobError expect_job_error(std::string_view raw, int line, int column, std::string_view phrase) {
    JobError e = job_error(raw);
    expect_job_error_at(e, line, column, phrase);
    return e;
}

}  // namespace perfmatrix::test
