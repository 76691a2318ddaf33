#include "currency.hpp"

#include <algorithm>
#include <iterator>

namespace holdings {
namespace {

const CurrencyInfo kCurrencies[] = {
#define HOLDINGS_CURRENCY(code, numeric, minor, current, name) {code, numeric, minor, current, name},
#include "currency_table.inc"
#undef HOLDINGS_CURRENCY
};

CurrencyCode code_of(const CurrencyInfo& info) {
    return pack_code(info.code[0], info.code[1], info.code[2]);
}

}  // namespace

const CurrencyInfo* find_currency(CurrencyCode code) noexcept {
    const CurrencyInfo* first = std::begin(kCurrencies);
    const CurrencyInfo* last = std::end(kCurrencies);
    const CurrencyInfo* it = std::lower_bound(
        first, last, code,
        [](const CurrencyInfo& info, CurrencyCode c) { return code_of(info) < c; });
    if (it == last || code_of(*it) != code) return nullptr;
    return it;
}

bool lookup_currency(const char* text, std::size_t len, CurrencyCode* out) noexcept {
    if (len != 3) return false;
    char upper[3];
    for (int i = 0; i < 3; ++i) {
        char c = text[i];
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        if (c < 'A' || c > 'Z') return false;
        upper[i] = c;
    }
    CurrencyCode code = pack_code(upper[0], upper[1], upper[2]);
    if (find_currency(code) == nullptr) return false;
    *out = code;
    return true;
}

std::size_t currency_count() noexcept { return std::size(kCurrencies); }

const CurrencyInfo& currency_at(std::size_t index) noexcept { return kCurrencies[index]; }

int display_minor_units(CurrencyCode code) noexcept {
    const CurrencyInfo* info = find_currency(code);
    return (info == nullptr || info->minor_units < 0) ? 0 : info->minor_units;
}

}  // namespace holdings

#include "pure.hpp"
