#include "test_xlsx_readback.h"

#include "support/backends.h"

#include <boost/test/unit_test.hpp>

#include <atomic>
#include <cstdio>
#include <fstream>

namespace concerto::test {

std::map<std::string, std::string> ReadXlsx(const std::string& path, const std::string& script, bool readOnly)
{
    static std::atomic<int> counter{0};
    const std::string file = TempFolder() + "/read_" + std::to_string(++counter) + ".py";
    std::ofstream(file) << "import sys, openpyxl\n"
                           "sys.stdout.reconfigure(encoding='utf-8')\n"
                           "path = sys.argv[1]\n"
                           "wb = openpyxl.load_workbook(path, read_only="
                        << (readOnly ? "True" : "False")
                        << ")\n"
                           "def say(key, *values):\n"
                           "    print(key, *values)\n"
                        << script << "\n";
    FILE* pipe = popen(("/usr/bin/python3 '" + file + "' '" + path + "' 2>&1").c_str(), "r");
    BOOST_REQUIRE(pipe);
    std::map<std::string, std::string> out;
    std::string all;
    char line[4096];
    while (std::fgets(line, sizeof line, pipe)) {
        std::string text(line);
        all += text;
        while (!text.empty() && (text.back() == '\n' || text.back() == '\r'))
            text.pop_back();
        const auto space = text.find(' ');
        out[text.substr(0, space)] = space == std::string::npos ? std::string() : text.substr(space + 1);
    }
    const int status = pclose(pipe);
    BOOST_REQUIRE_MESSAGE(status == 0, "openpyxl could not read " << path << ":\n" << all);
    return out;
}

} // namespace concerto::test
