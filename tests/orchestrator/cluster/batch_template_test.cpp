#include "orchestrator/cluster/batch_template.hpp"
#include "orchestrator/cluster/shell_quote.hpp"

#include <gtest/gtest.h>

namespace perfmatrix {
namespace {

TEST(RenderTemplate, ReplacesEveryPlaceholder) {
    EXPECT_EQ(render_template("a {{x}} b {{y}}{{x}}", {{"x", "1"}, {"y", "two"}}, "t"), "a 1 b two1");
}

TEST(RenderTemplate, LeavesShellBracesAlone) {
    EXPECT_EQ(render_template("${SLURM_JOB_ID:-} {x}", {}, "t"), "${SLURM_JOB_ID:-} {x}");
}

TEST(RenderTemplate, UnknownPlaceholderNamesTemplateLineAndKnownNames) {
    try {
        render_template("line1\n{{nope}}", {{"known", ""}}, "my.in");
        FAIL() << "rendered an unknown placeholder";
    } catch (const TemplateError& e) {
        const std::string what = e.what();
        EXPECT_NE(what.find("my.in line 2"), std::string::npos) << what;
        EXPECT_NE(what.find("{{nope}}"), std::string::npos) << what;
        EXPECT_NE(what.find("known"), std::string::npos) << what;
    }
}

TEST(RenderTemplate, UnclosedPlaceholderIsAnError) {
    EXPECT_THROW(render_template("a {{x", {{"x", "1"}}, "t"), TemplateError);
}

TEST(BuiltinTemplates, HaveTheirPlaceholders) {
    const std::string batch(builtin_batch_template());
    for (const char* name : {"{{directives}}", "{{perfmatrix}}", "{{launcher}}", "{{run_arguments}}", "{{requeue}}"})
        EXPECT_NE(batch.find(name), std::string::npos) << name;
    const std::string het(builtin_hetjob_template());
    EXPECT_NE(het.find("#SBATCH hetjob"), std::string::npos);
}

TEST(ShellQuote, LeavesPlainWordsBare) {
    EXPECT_EQ(shell_quote("/a/b-c_d.h5"), "/a/b-c_d.h5");
    EXPECT_EQ(shell_quote("--het-group=0-1"), "--het-group=0-1");
}

TEST(ShellQuote, QuotesEverythingElse) {
    EXPECT_EQ(shell_quote(""), "''");
    EXPECT_EQ(shell_quote("a b"), "'a b'");
    EXPECT_EQ(shell_quote("it's $HOME"), "'it'\\''s $HOME'");
    EXPECT_EQ(shell_join({"x", "a b"}), "x 'a b'");
}

}  // namespace
}  // namespace perfmatrix
