#include "measure/system/child_environment.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <string>

namespace perfmatrix {
namespace {

bool contains(const ChildEnvironment& e, const std::string& entry) {
    const auto& v = e.entries();
    return std::find(v.begin(), v.end(), entry) != v.end();
}

bool has_name(const ChildEnvironment& e, const std::string& name) {
    return std::any_of(e.entries().begin(), e.entries().end(),
                       [&](const std::string& s) { return s.rfind(name + "=", 0) == 0; });
}

}  // namespace

TEST(ChildEnvironment, InheritsSetsAndUnsets) {
    ::setenv("PM_ENV_KEEP", "keep", 1);
    ::setenv("PM_ENV_DROP", "drop", 1);
    ::setenv("PM_ENV_REPLACE", "old", 1);
    const ChildEnvironment e({{{"PM_ENV_REPLACE", "new"}, {"PM_ENV_ADD", "a=b"}}, {"PM_ENV_DROP"}, false});
    EXPECT_TRUE(contains(e, "PM_ENV_KEEP=keep"));
    EXPECT_FALSE(has_name(e, "PM_ENV_DROP"));
    EXPECT_TRUE(contains(e, "PM_ENV_REPLACE=new"));
    EXPECT_FALSE(contains(e, "PM_ENV_REPLACE=old"));
    EXPECT_TRUE(contains(e, "PM_ENV_ADD=a=b"));
    // The worker's own environment is untouched.
    EXPECT_STREQ(std::getenv("PM_ENV_DROP"), "drop");
    EXPECT_STREQ(std::getenv("PM_ENV_REPLACE"), "old");
    ::unsetenv("PM_ENV_KEEP");
    ::unsetenv("PM_ENV_DROP");
    ::unsetenv("PM_ENV_REPLACE");
}

TEST(ChildEnvironment, ClearKeepsOnlyWhatIsSet) {
    const ChildEnvironment e({{{"ONLY", "1"}}, {}, true});
    EXPECT_EQ(e.entries(), (std::vector<std::string>{"ONLY=1"}));
    EXPECT_EQ(e.envp()[1], nullptr);
}

}  // namespace perfmatrix
