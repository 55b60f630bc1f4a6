#pragma once
// How XLSX cell values become text: number formats that mean a date or a time, Excel's serial
// day numbers, numbers in their shortest exact form, and the _xHHHH_ escapes of OOXML strings.
// Internal to the XLSX reader; separate so that the rules can be tested on their own.

#include <string>

namespace concerto {

/// What a cell's number format shows.
enum class XlsxValueKind { Number, Date, DateTime, Time };

/// The kind of the number format `id` whose code is `code` (empty for built-in formats):
/// built-ins 14–17 dates, 22 date-time, 18–21 and 45–47 times; a custom code is a date when it
/// has d, y or m (outside quotes, brackets and escapes), and a time when it has h or s.
XlsxValueKind ClassifyNumberFormat(int id, const std::string& code);

/// `serial` (days since 1899-12-30, Excel's fictitious 1900-02-29 included; since 1904-01-01
/// when `date1904`) as "YYYY-MM-DD", "YYYY-MM-DD HH:MM:SS" or "HH:MM:SS" per `kind`.
/// Negative or huge serials stay numbers.
std::string FormatSerial(double serial, XlsxValueKind kind, bool date1904);

/// The shortest text that reads back as `value` ("12", "0.1", "1e+21").
std::string FormatNumber(double value);

/// Replaces OOXML escapes such as "_x000D_" by the character they stand for ("_x005F_" is "_").
void DecodeOoxmlEscapes(std::string& text);

} // namespace concerto
