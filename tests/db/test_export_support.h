#pragma once
// What the export, round-trip and CLI import tests share: reading a CSV or XLSX back through the
// project's reader, running openpyxl and concerto-cli, small SQL reads.

#include "cli_run.h"
#include "core/tabular.h"
#include "db/repository.h"
#include "support/backends.h"

#include <fstream>
#include <string>
#include <utility>
#include <vector>

namespace concerto::test {

/// Every row of a tabular file, header first, through core/tabular.h.
inline std::vector<std::vector<std::string>> ReadTable(const std::string& path, const TabularOptions& options = {})
{
    auto reader = OpenTabular(path, options);
    std::vector<std::vector<std::string>> rows{reader->Header()};
    std::vector<std::string> cells;
    while (reader->Next(cells))
        rows.push_back(cells);
    return rows;
}

/// Runs a Python script (openpyxl imported, `book` = sys.argv[1]) with the given arguments; requires success.
inline std::string RunOpenpyxl(const std::string& script, const std::vector<std::string>& args)
{
    static int counter = 0;
    const std::string file = TempFolder() + "/openpyxl_" + std::to_string(++counter) + ".py";
    std::ofstream(file) << "import sys, csv, openpyxl\nsys.stdout.reconfigure(encoding='utf-8')\n"
                           "book = sys.argv[1]\n"
                        << script;
    std::string command = "/usr/bin/python3 '" + file + "'";
    for (const auto& arg : args)
        command += " '" + arg + "'";
    const auto [output, status] = RunCommand(command + " 2>&1");
    BOOST_TEST_REQUIRE(status == 0, output);
    return output;
}

/// Writes the first sheet of `xlsx` as a plain UTF-8 CSV at `csv` with openpyxl (an independent reader).
inline void XlsxToCsvWithOpenpyxl(const std::string& xlsx, const std::string& csv)
{
    RunOpenpyxl("ws = openpyxl.load_workbook(book).worksheets[0]\n"
                "with open(sys.argv[2], 'w', newline='', encoding='utf-8') as out:\n"
                "    w = csv.writer(out)\n"
                "    for row in ws.iter_rows(values_only=True):\n"
                "        w.writerow(['' if v is None else str(v) for v in row])\n",
                {xlsx, csv});
}

/// The first column of the first row a query returns, as text ("" when none).
inline std::string QueryText(Database& db, const std::string& sql, const Params& params = {})
{
    std::string value;
    bool first = true;
    QueryRows(db, sql, params, [&](const soci::row& row) {
        if (first)
            value = Cell::Text(row, 0);
        first = false;
    });
    return value;
}

inline long long QueryCount(Database& db, const std::string& sql, const Params& params = {})
{
    long long value = 0;
    QueryRows(db, sql, params, [&](const soci::row& row) { value = Cell::Integer(row, 0); });
    return value;
}

} // namespace concerto::test
