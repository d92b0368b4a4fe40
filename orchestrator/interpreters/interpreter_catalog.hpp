#pragma once
// The interpreters a job's `python` axis may name. Discovery runs at most once per catalog
// and only when a spec needs it, so planning a job without a python axis never starts an
// interpreter; tests hand in a fixed set instead of probing.

#include "orchestrator/interpreters/candidates.hpp"
#include "orchestrator/interpreters/interpreter.hpp"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace perfmatrix {

class InterpreterCatalog {
public:
    virtual ~InterpreterCatalog() = default;
    // Every interpreter found, labelled, in discover_interpreters' order (broken and
    // unsupported ones included).
    virtual const std::vector<Interpreter>& found() = 0;
    // The interpreter at an explicit path, probed alone. The reference stays valid as long as
    // the catalog.
    virtual const Interpreter& at_path(const std::string& path) = 0;
    // Where found() looks, for a message when it finds nothing.
    virtual std::string searched() const = 0;
};

// This machine's interpreters (no import checks: plans need only what each one is).
class MachineInterpreters final : public InterpreterCatalog {
public:
    explicit MachineInterpreters(DiscoveryOptions options = DiscoveryOptions::from_environment());
    const std::vector<Interpreter>& found() override;
    const Interpreter& at_path(const std::string& path) override;
    std::string searched() const override;

private:
    DiscoveryOptions options_;
    std::optional<std::vector<Interpreter>> found_;
    std::map<std::string, std::unique_ptr<Interpreter>> by_path_;
};

// A given list, never probed: for tests, and for callers that already discovered. at_path
// finds an interpreter by any path it was found as or its executable; any other path is
// broken ("not among the given interpreters").
class FixedInterpreters final : public InterpreterCatalog {
public:
    explicit FixedInterpreters(std::vector<Interpreter> interpreters);
    const std::vector<Interpreter>& found() override { return interpreters_; }
    const Interpreter& at_path(const std::string& path) override;
    std::string searched() const override { return "the given interpreters"; }

private:
    std::vector<Interpreter> interpreters_;
    std::map<std::string, std::unique_ptr<Interpreter>> unknown_;
};

}  // namespace perfmatrix
