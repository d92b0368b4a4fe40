#pragma once
// Short column labels for long axis values. Interpreter paths such as
// /root/.pyenv/versions/3.12.1/bin/python3 would make a table unreadable; what tells the
// cases apart is the part between the common prefix and suffix ("3.12.1").
//
// Scheme: values that fit max_width stay as they are. Otherwise, in this order, the first
// that makes every label fit:
// (1) drop the longest common prefix and suffix that end/start at a separator
//     (/ \ space : = , - _ @), when every value keeps a distinct, non-empty middle; one
//     legend line shows the pattern ("python: /root/.pyenv/versions/…/bin/python3"). Cutting
//     at separators keeps "3.12.1" vs "3.11.7" whole instead of "2.1" vs "1.7".
// (2) for values without such common ends (two pyenv interpreters and /usr/bin/python3.11),
//     each value's last path component or word that no other value has ("3.12.1", "3.11.7",
//     "python3.11"); the legend has one pattern line per group of values that share what
//     surrounds their label ("python: /root/.pyenv/versions/…/bin/python3") and one line per
//     other value ("python: python3.11 = /usr/bin/python3.11").
// (3) the labels of (1) elided in the middle to max_width, when that keeps them distinct;
//     the legend lists each elided one ("python: /opt/…/python3 = /opt/a/long/path/python3").
// If none works the full values stay: a wide table beats an ambiguous one.

#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace perfmatrix {

struct AxisLabels {
    std::map<std::string, std::string> label_of;  // full value -> column text
    std::vector<std::string> legend;              // lines to print under the table; may be empty

    // The column text for a value (the value itself when it was not shortened).
    const std::string& label(const std::string& full) const;
};

inline constexpr std::size_t default_axis_label_width = 24;

AxisLabels make_axis_labels(const std::string& axis, const std::vector<std::string>& values,
                            std::size_t max_width = default_axis_label_width);

}  // namespace perfmatrix
