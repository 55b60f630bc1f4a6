#pragma once
// Helpers shared by the importer's unit tests (test_import_spec.cpp, test_import_samples.cpp).

#include "core/errors.h"

#include <cstdlib>
#include <ctime>
#include <string>

namespace concerto::test {

/// Sets TZ (and tzset) for one test and restores the previous zone after it.
class TimeZone {
public:
    explicit TimeZone(const char* zone)
    {
        if (const char* previous = std::getenv("TZ"))
            m_previous = previous;
        else
            m_hadNone = true;
        setenv("TZ", zone, 1);
        tzset();
    }
    ~TimeZone()
    {
        if (m_hadNone)
            unsetenv("TZ");
        else
            setenv("TZ", m_previous.c_str(), 1);
        tzset();
    }
    TimeZone(const TimeZone&) = delete;
    TimeZone& operator=(const TimeZone&) = delete;

private:
    std::string m_previous;
    bool m_hadNone = false;
};

/// The message of the ValidationError `run` throws (empty if it throws none).
template <typename F> std::string ErrorOf(F run)
{
    try {
        run();
    } catch (const ValidationError& error) {
        return error.what();
    }
    return {};
}

/// True when `part` occurs in `text`.
inline bool Contains(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}

/// A file of tests/data/import/.
inline std::string ImportFile(const std::string& name)
{
    return std::string(CONCERTO_TEST_DATA_DIR) + "/import/" + name;
}

} // namespace concerto::test
