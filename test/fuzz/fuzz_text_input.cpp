// libFuzzer target: any byte string through the text parser must either fail
// with a holdings::Error or parse into a value whose text form parses back to
// the same value.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>

#include "error.hpp"
#include "holding.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const char* text = reinterpret_cast<const char*>(data);
    holdings::Holding h;
    try {
        h = holdings::parse_holding(text, size);
    } catch (const holdings::Error&) {
        return 0;
    }
    char buf[holdings::kMaxTextLength];
    std::size_t n = holdings::format_holding(h, buf);
    holdings::Holding back = holdings::parse_holding(buf, n);
    if (holdings::compare(h, back) != 0 || back.reserved != 0) std::abort();
    return 0;
}
