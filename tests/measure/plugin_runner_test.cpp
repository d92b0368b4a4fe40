// PluginRunner against a real module (test_runner_module.cpp) loaded with dlopen.
#include "measure/plugin_runner.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

namespace perfmatrix {
namespace {

Case echo_case(double value) {
    Case c;
    c.id = "echo/0123456789";
    c.benchmark = "echo";
    c.kind = "module_echo";
    c.params = {{"value", value}};
    return c;
}

class PluginRunnerTest : public ::testing::Test {
protected:
    void SetUp() override { setenv("PERFMATRIX_MODULE_DIR", PERFMATRIX_TEST_MODULE_DIR, 1); }
    void TearDown() override { unsetenv("PERFMATRIX_MODULE_DIR"); }
};

TEST_F(PluginRunnerTest, RunsTheKindInsideTheModule) {
    PluginRunner runner("perfmatrix-test-module", "module_echo", "unused");
    for (double v : {3.0, 7.0}) {  // the second run reuses the loaded module
        const auto o = runner.run(echo_case(v), {});
        ASSERT_EQ(o.status, status::ok) << o.reason;
        ASSERT_EQ(o.samples.size(), 1u);
        EXPECT_EQ(o.samples[0].value, v);
        ASSERT_EQ(o.environment.size(), 1u);
        EXPECT_EQ(o.environment[0].second, "echo/0123456789");
    }
}

TEST_F(PluginRunnerTest, AMissingModuleIsAnErrorWithTheHint) {
    PluginRunner runner("perfmatrix-no-such-module", "module_echo", "built without it");
    const auto o = runner.run(echo_case(1), {});
    EXPECT_EQ(o.status, status::error);
    EXPECT_NE(o.reason.find("libperfmatrix-no-such-module.so"), std::string::npos) << o.reason;
    EXPECT_NE(o.reason.find("built without it"), std::string::npos) << o.reason;
}

TEST_F(PluginRunnerTest, AKindTheModuleLacksIsAnError) {
    PluginRunner runner("perfmatrix-test-module", "module_other", "unused");
    const auto o = runner.run(echo_case(1), {});
    EXPECT_EQ(o.status, status::error);
    EXPECT_NE(o.reason.find("no runner for kind 'module_other'"), std::string::npos) << o.reason;
}

TEST_F(PluginRunnerTest, AFileThatIsNoModuleIsAnError) {
    // A shared object without the entry points: libm is everywhere.
    const auto dir = std::filesystem::temp_directory_path() / "perfmatrix-plugin-test";
    std::filesystem::create_directories(dir);
    std::filesystem::copy_file("/lib/x86_64-linux-gnu/libm.so.6", dir / "libperfmatrix-fake.so",
                               std::filesystem::copy_options::overwrite_existing);
    setenv("PERFMATRIX_MODULE_DIR", dir.c_str(), 1);
    PluginRunner runner("perfmatrix-fake", "module_echo", "unused");
    const auto o = runner.run(echo_case(1), {});
    EXPECT_EQ(o.status, status::error);
    EXPECT_NE(o.reason.find("not a perfmatrix runner module"), std::string::npos) << o.reason;
    std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace perfmatrix
