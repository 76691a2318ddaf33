// Parser of the US Treasury TIC "Major Foreign Holders of Treasury Securities"
// history layout (mfhhis01.txt): tab-separated yearly blocks, newest month
// first; at a series break a month is printed twice and the right-hand
// column is the old series, "shown for comparison only".
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "calendar.hpp"

namespace holdings {

struct TicFigure {
    int line;            // 1-based line of the document
    std::string label;   // the row label, without quotes and footnote markers
    Day as_of;           // last day of the month
    std::string usd_bn;  // the figure as printed, billions of USD
    bool official;       // false for a series-break comparison value
};

// Throws Error(invalid_text) naming the line for anything it cannot read.
// Cells printed "n.a." (not available) or "*" (less than $50 million) carry
// no figure and are skipped.
std::vector<TicFigure> parse_tic_mfh(const char* text, std::size_t len);

}  // namespace holdings
