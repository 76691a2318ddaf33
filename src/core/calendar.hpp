// Dates as PostgreSQL stores them: days since 2000-01-01. The core only needs
// them for ordering and for naming a date in an error message.
#pragma once

#include <cstdint>
#include <string>

namespace holdings {

using Day = std::int32_t;

// "YYYY-MM-DD" for a day number (proleptic Gregorian calendar); "infinity" and
// "-infinity" for PostgreSQL's infinite dates (the largest and smallest Day).
std::string format_day(Day day);
// Day number of a calendar date.
Day make_day(int year, unsigned month, unsigned day_of_month);

}  // namespace holdings
