#pragma once
// A small argument reader for concerto-cli: "--name value", "--name=value", flags and
// repeated options; unknown options are errors that name the option.

#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace concerto::cli {

class Arguments {
public:
    /// Parses argv after the subcommand. `flags` take no value; every other "--x" takes one.
    Arguments(const std::vector<std::string>& args, const std::vector<std::string>& known,
              const std::vector<std::string>& flags = {});
    /// The last value of an option, or `fallback`.
    std::string Value(const std::string& name, const std::string& fallback = {}) const;
    /// The value of an option that must be there; throws naming it otherwise.
    std::string Required(const std::string& name) const;
    /// Every value of a repeated option, in order.
    std::vector<std::string> Values(const std::string& name) const;
    bool Has(const std::string& name) const { return m_values.count(name) > 0; }
    /// An option's value as a whole number ≥ 0; throws naming the option when it is not one.
    unsigned long long Number(const std::string& name, unsigned long long fallback) const;
    const std::vector<std::string>& Positional() const { return m_positional; }

private:
    std::map<std::string, std::vector<std::string>> m_values;
    std::vector<std::string> m_positional;
};

/// Thrown for a wrong command line; main prints it with the usage hint and exits 2.
struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

} // namespace concerto::cli
