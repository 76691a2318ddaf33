// libFuzzer target: any byte string through binary receive must either fail
// with a holdings::Error or decode into a value that encodes to the same bytes.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>

#include "error.hpp"
#include "holding.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    holdings::Holding h;
    try {
        h = holdings::decode_holding(data, size);
    } catch (const holdings::Error&) {
        return 0;
    }
    unsigned char out[holdings::kBinaryLength];
    holdings::encode_holding(h, out);
    if (size != holdings::kBinaryLength || std::memcmp(out, data, size) != 0) std::abort();
    char buf[holdings::kMaxTextLength];
    std::size_t n = holdings::format_holding(h, buf);
    if (holdings::compare(holdings::parse_holding(buf, n), h) != 0) std::abort();
    return 0;
}
