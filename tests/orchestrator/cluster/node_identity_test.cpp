#include "orchestrator/cluster/node_identity.hpp"

#include <gtest/gtest.h>

#include <map>

namespace perfmatrix {
namespace {

std::string name_from(const std::map<std::string, std::string>& env) {
    return launcher_node_name([&](const char* name) -> const char* {
        const auto it = env.find(name);
        return it == env.end() ? nullptr : it->second.c_str();
    });
}

TEST(LauncherNodeName, PrefersPerfmatrixNodeThenSlurm) {
    EXPECT_EQ(name_from({}), "");
    EXPECT_EQ(name_from({{"SLURMD_NODENAME", "n2"}}), "n2");
    EXPECT_EQ(name_from({{"SLURMD_NODENAME", "n2"}, {"PERFMATRIX_NODE", "x"}}), "x");
    EXPECT_EQ(name_from({{"PERFMATRIX_NODE", ""}, {"SLURMD_NODENAME", "n1"}}), "n1");
}

TEST(NumberNodeNames, EqualNamesShareANumberInOrderOfFirstAppearance) {
    EXPECT_EQ(number_node_names({"n1", "n2", "n2", "n1", "n3"}), (std::vector<int>{0, 1, 1, 0, 2}));
    EXPECT_EQ(number_node_names({"b", "a"}), (std::vector<int>{0, 1}));
    EXPECT_TRUE(number_node_names({}).empty());
}

}  // namespace
}  // namespace perfmatrix
