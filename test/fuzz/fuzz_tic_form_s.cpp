// libFuzzer target: any byte string through the Form S parser (and, with the
// same bytes, the Table 3, Table 5 and FRED parsers) must either fail with a
// holdings::Error or give rows whose fields are well formed, and parsing in
// small chunks (one row, one-byte steps) must give the same rows as parsing in
// one chunk.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "error.hpp"
#include "tic_flows.hpp"

namespace {

template <typename Row, typename Parse>
bool all_rows(const char* text, std::size_t size, std::size_t capacity, Parse parse, std::vector<Row>& rows,
              std::size_t budget = holdings::kStepBytes) {
    holdings::FlowParseState state;
    holdings::flow_parse_start(state);
    std::vector<Row> chunk(capacity);
    try {
        while (!state.done) {
            std::size_t n = parse(text, size, state, chunk.data(), capacity, budget);
            if (n > capacity) std::abort();
            rows.insert(rows.end(), chunk.begin(), chunk.begin() + static_cast<long>(n));
        }
    } catch (const holdings::Error&) {
        return false;
    }
    return true;
}

void check_string(const char* s, std::size_t size) {
    if (std::memchr(s, '\0', size) == nullptr) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const char* text = reinterpret_cast<const char*>(data);
    std::vector<holdings::FormSRow> one, small;
    bool ok = all_rows<holdings::FormSRow>(text, size, 64, holdings::parse_tic_form_s_chunk, one);
    bool ok_small = all_rows<holdings::FormSRow>(text, size, 1, holdings::parse_tic_form_s_chunk, small, 1);
    if (ok != ok_small) std::abort();
    if (ok) {
        if (one.size() != small.size()) std::abort();
        for (std::size_t i = 0; i < one.size(); ++i) {
            check_string(one[i].label, sizeof one[i].label);
            for (auto& f : one[i].figures) check_string(f, sizeof f);
            if (std::memcmp(&one[i], &small[i], sizeof one[i]) != 0 || one[i].line < 1 ||
                static_cast<std::size_t>(one[i].line) > size + 1)
                std::abort();
        }
    }
    std::vector<holdings::Table3Row> t3;
    all_rows<holdings::Table3Row>(text, size, 7, holdings::parse_tic_slt_table3_chunk, t3);
    std::vector<holdings::Table5Row> t5;
    all_rows<holdings::Table5Row>(text, size, holdings::kMaxTable5Columns, holdings::parse_tic_slt_table5_chunk, t5);
    std::vector<holdings::FredRow> fred;
    all_rows<holdings::FredRow>(text, size, 3, holdings::parse_fred_csv_chunk, fred);
    return 0;
}
