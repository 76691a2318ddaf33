// libFuzzer target: any byte string through the Fed H.10 and ECB parsers must
// either fail with Error(invalid_text) or give rows whose fields are well
// formed; parsing in one-byte steps with the smallest buffers must give the
// same rows (or the same failure) as parsing in large steps; and an accepted
// document ends with a newline (the parsers refuse a line cut short).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "error.hpp"
#include "fx_documents.hpp"

namespace {

template <typename Row, typename Parse>
bool all_rows(const char* text, std::size_t size, std::size_t capacity, std::size_t budget, Parse parse,
              std::vector<Row>& rows, std::string& error) {
    holdings::FxParseState state;
    holdings::fx_parse_start(state);
    std::vector<Row> chunk(capacity);
    std::size_t steps = 0;
    try {
        while (!state.done) {
            std::size_t n = parse(text, size, state, chunk.data(), capacity, budget);
            if (n > capacity) std::abort();
            rows.insert(rows.end(), chunk.begin(), chunk.begin() + static_cast<long>(n));
            if (++steps > size + 2) std::abort();  // every step makes progress
        }
    } catch (const holdings::Error& e) {
        if (e.kind() != holdings::ErrorKind::invalid_text) std::abort();
        error = e.what();
        return false;
    }
    return true;
}

void check_string(const char* s, std::size_t size) {
    if (std::memchr(s, '\0', size) == nullptr) std::abort();
}

template <typename Row, typename Parse, typename Check, typename Same>
void check(const char* text, std::size_t size, std::size_t small_capacity, Parse parse, Check check_row, Same same) {
    std::vector<Row> big, small;
    std::string big_error, small_error;
    bool ok = all_rows<Row>(text, size, 256, holdings::kStepBytes, parse, big, big_error);
    bool ok_small = all_rows<Row>(text, size, small_capacity, 1, parse, small, small_error);
    if (ok != ok_small || big_error != small_error) std::abort();
    if (!ok) return;
    if (big.empty() || big.size() != small.size() || size == 0 || text[size - 1] != '\n') std::abort();
    for (std::size_t i = 0; i < big.size(); ++i) {
        if (big[i].line != small[i].line || big[i].as_of != small[i].as_of || !same(big[i], small[i])) std::abort();
        if (big[i].line < 2 || static_cast<std::size_t>(big[i].line) > size) std::abort();
        check_row(big[i]);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const char* text = reinterpret_cast<const char*>(data);
    check<holdings::H10Row>(text, size, 1, holdings::parse_fed_h10_monthly_chunk, [](const holdings::H10Row& r) {
        check_string(r.label, sizeof r.label);
        check_string(r.per_usd, sizeof r.per_usd);
        if (r.label[0] == '\0' || r.per_usd[0] == '\0') std::abort();
    }, [](const holdings::H10Row& a, const holdings::H10Row& b) {
        return std::strcmp(a.label, b.label) == 0 && std::strcmp(a.per_usd, b.per_usd) == 0;
    });
    check<holdings::EcbRow>(text, size, holdings::kMaxEcbCurrencies, holdings::parse_ecb_eurofxref_chunk,
                            [](const holdings::EcbRow& r) {
                                check_string(r.per_eur, sizeof r.per_eur);
                                if (std::strlen(r.currency) != 3 || r.per_eur[0] == '\0') std::abort();
                            },
                            [](const holdings::EcbRow& a, const holdings::EcbRow& b) {
                                return std::strcmp(a.currency, b.currency) == 0 && std::strcmp(a.per_eur, b.per_eur) == 0;
                            });
    return 0;
}
