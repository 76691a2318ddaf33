// libFuzzer target: any byte string through the TIC Table 3D parser must either
// fail with a holdings::Error or give well-formed rows (NUL-terminated strings,
// plain figures, a line within the document), and parsing one row per chunk in
// one-byte steps must give the same rows, or the same failure, as parsing in
// one chunk.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "error.hpp"
#include "tic_table3d.hpp"

namespace {

bool all_rows(const char* text, std::size_t size, std::size_t capacity, std::size_t budget,
              std::vector<holdings::Table3DRow>& rows, std::string& error) {
    holdings::FlowParseState state;
    holdings::flow_parse_start(state);
    std::vector<holdings::Table3DRow> chunk(capacity);
    try {
        while (!state.done) {
            std::size_t n = holdings::parse_tic_table3d_chunk(text, size, state, chunk.data(), capacity, budget);
            if (n > capacity) std::abort();
            rows.insert(rows.end(), chunk.begin(), chunk.begin() + static_cast<long>(n));
        }
    } catch (const holdings::Error& e) {
        error = e.what();
        return false;
    }
    return true;
}

void check_string(const char* s, std::size_t size) {
    if (std::memchr(s, '\0', size) == nullptr) std::abort();
}

void check_figure(const char* s) {
    std::size_t i = s[0] == '-' ? 1 : 0;
    if (s[i] == '\0') std::abort();
    for (; s[i] != '\0'; ++i)
        if (s[i] < '0' || s[i] > '9') std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const char* text = reinterpret_cast<const char*>(data);
    std::vector<holdings::Table3DRow> one, small;
    std::string e1, e2;
    bool ok = all_rows(text, size, 64, holdings::kStepBytes, one, e1);
    bool ok_small = all_rows(text, size, 1, 1, small, e2);
    if (ok != ok_small || e1 != e2) std::abort();
    if (!ok) return 0;
    if (one.size() != small.size() || one.empty()) std::abort();
    for (std::size_t i = 0; i < one.size(); ++i) {
        const auto& a = one[i];
        const auto& b = small[i];
        check_string(a.label, sizeof a.label);
        check_string(a.code, sizeof a.code);
        if (a.line < 1 || static_cast<std::size_t>(a.line) > size + 1 || a.line != b.line || a.as_of != b.as_of ||
            std::strcmp(a.label, b.label) != 0 || std::strcmp(a.code, b.code) != 0)
            std::abort();
        if (i > 0 && a.line <= one[i - 1].line) std::abort();
        for (int k = 0; k < 3; ++k) {
            if (a.has[k] != b.has[k]) std::abort();
            if (!a.has[k]) continue;
            check_string(a.figures[k], sizeof a.figures[k]);
            check_figure(a.figures[k]);
            if (std::strcmp(a.figures[k], b.figures[k]) != 0) std::abort();
        }
    }
    return 0;
}
