// libFuzzer target: any byte string through the TIC parser must either fail
// with a holdings::Error or give figures, the same whatever the chunk budget,
// each with a label and a figure of bounded length.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "error.hpp"
#include "tic_mfh.hpp"

namespace {
// Runs the parser with a chunk budget; false if it threw.
bool run(const char* text, std::size_t len, std::size_t budget, std::vector<holdings::TicRow>& rows) {
    holdings::TicParser p{};
    std::vector<holdings::TicRow> buf(holdings::kTicMaxColumns);
    try {
        std::size_t guard = 0;
        while (!p.done) {
            std::size_t n = holdings::parse_tic_mfh_chunk(text, len, p, buf.data(), buf.size(), budget);
            rows.insert(rows.end(), buf.begin(), buf.begin() + static_cast<std::ptrdiff_t>(n));
            if (++guard > len + 2) std::abort();  // every step makes progress
        }
    } catch (const holdings::Error& e) {
        if (e.kind() != holdings::ErrorKind::invalid_text) std::abort();
        return false;
    }
    return true;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const char* text = reinterpret_cast<const char*>(data);
    std::vector<holdings::TicRow> a, b;
    bool ok_a = run(text, size, 1, a);
    bool ok_b = run(text, size, 1 << 16, b);
    if (ok_a != ok_b) std::abort();
    if (!ok_a) return 0;
    if (a.size() != b.size()) std::abort();
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (std::strcmp(a[i].label, b[i].label) != 0 || std::strcmp(a[i].usd_bn, b[i].usd_bn) != 0 ||
            a[i].as_of != b[i].as_of || a[i].official != b[i].official || a[i].line != b[i].line)
            std::abort();
        if (a[i].label[0] == '\0' || std::strlen(a[i].label) > holdings::kTicMaxLabel) std::abort();
        if (std::strlen(a[i].usd_bn) > holdings::kTicMaxFigure) std::abort();
    }
    return 0;
}
