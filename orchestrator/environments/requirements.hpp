#pragma once
// Python requirements as a job's `requirements` lists them: what pip installs from a package
// index by name — a name, optional extras, optional version specifiers ("numpy",
// "torch==2.5.1", "Jax[cpu] >= 0.4, < 0.5"). Everything else pip would take on its command
// line is refused: an option ("--index-url x") would change how every requirement installs,
// a path or URL would make the environment depend on files the job does not hold, and an
// environment marker (";") is pointless when each interpreter gets its own environment.

#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace perfmatrix {

struct Requirement {
    std::string name;                     // normalized (PEP 503): lowercase, each run of - _ . as one '-'
    std::vector<std::string> extras;      // normalized, sorted, each once
    std::vector<std::string> specifiers;  // operator and version without spaces (">=0.4"), sorted
    // The canonical text pip is given, and part of the environment's identity:
    // "jax[cpu]<0.5,>=0.4". Two spellings of one requirement give the same text.
    std::string text() const;
    bool operator==(const Requirement&) const = default;
};

// The requirement, or a sentence saying what is wrong with `text` and what is expected.
std::variant<Requirement, std::string> parse_requirement(std::string_view text);

// PEP 503 normalization of a project name: "Typing_Extensions" -> "typing-extensions".
std::string normalize_project_name(std::string_view name);

// "numpy torch<2": a requirement set in messages and in the results.
std::string requirements_text(const std::vector<std::string>& requirements);

}  // namespace perfmatrix
