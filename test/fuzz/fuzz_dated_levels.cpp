// libFuzzer target for the dated_levels state (the two-step aggregates): any
// byte string must either be rejected with a holdings::Error or parse, as text,
// into a payload that validates, formats, and parses back to the same bytes;
// the same bytes read as a binary payload must validate or be rejected, never crash.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>

#include "dated_levels.hpp"
#include "error.hpp"

namespace {

void check_binary(const std::uint8_t* data, std::size_t size) {
    holdings::LevelsView view;
    try {
        view = holdings::read_levels(data, size);
    } catch (const holdings::Error&) {
        return;
    }
    std::string text(holdings::levels_text_length(view) + 1, '\0');
    holdings::format_levels(view, &text[0]);
    text.resize(text.size() - 1);
    std::size_t len = 0;
    unsigned char* back = holdings::parse_levels(text.data(), text.size(), &len);
    if (len != size || std::memcmp(back, data, size) != 0) std::abort();
    std::free(back);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    check_binary(data, size);
    std::size_t len = 0;
    unsigned char* payload = nullptr;
    try {
        payload = holdings::parse_levels(reinterpret_cast<const char*>(data), size, &len);
    } catch (const holdings::Error&) {
        return 0;
    }
    check_binary(payload, len);  // validates, round-trips through text
    std::free(payload);
    return 0;
}
