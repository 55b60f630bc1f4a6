#include "cli/arguments.h"

#include <algorithm>
#include <stdexcept>

namespace concerto::cli {

Arguments::Arguments(const std::vector<std::string>& args, const std::vector<std::string>& known,
                     const std::vector<std::string>& flags)
{
    auto contains = [](const std::vector<std::string>& list, const std::string& item) {
        return std::find(list.begin(), list.end(), item) != list.end();
    };
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg.rfind("--", 0) != 0 || arg == "--") {
            m_positional.push_back(arg);
            continue;
        }
        std::string name = arg.substr(2), value;
        const auto equals = name.find('=');
        const bool inlineValue = equals != std::string::npos;
        if (inlineValue) {
            value = name.substr(equals + 1);
            name.erase(equals);
        }
        if (contains(flags, name)) {
            if (inlineValue)
                throw UsageError("l'option --" + name + " ne prend pas de valeur");
            m_values[name].push_back("1");
            continue;
        }
        if (!contains(known, name))
            throw UsageError("option inconnue : --" + name);
        if (!inlineValue) {
            if (i + 1 >= args.size())
                throw UsageError("l'option --" + name + " attend une valeur");
            value = args[++i];
        }
        m_values[name].push_back(value);
    }
}

std::string Arguments::Value(const std::string& name, const std::string& fallback) const
{
    const auto found = m_values.find(name);
    return found == m_values.end() ? fallback : found->second.back();
}

std::string Arguments::Required(const std::string& name) const
{
    if (!Has(name))
        throw UsageError("l'option --" + name + " est obligatoire");
    return Value(name);
}

std::vector<std::string> Arguments::Values(const std::string& name) const
{
    const auto found = m_values.find(name);
    return found == m_values.end() ? std::vector<std::string>{} : found->second;
}

unsigned long long Arguments::Number(const std::string& name, unsigned long long fallback) const
{
    if (!Has(name))
        return fallback;
    const std::string text = Value(name);
    if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos || text.size() > 18)
        throw UsageError("l'option --" + name + " attend un nombre entier positif, pas « " + text + " »");
    return std::stoull(text);
}

} // namespace concerto::cli
