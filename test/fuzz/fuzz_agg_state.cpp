// libFuzzer target: any byte string through the aggregate state deserializers
// (the first byte picks avg, net_foreign_selling or the FX levels) must either
// fail with Error(invalid_binary) or decode into a state that encodes to the
// same bytes and that the final functions can use without a crash.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "error.hpp"
#include "state_codec.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const unsigned char* p = data + 1;
    std::size_t n = size - 1;
    try {
        switch (data[0] % 3) {
            case 0: {
                holdings::AverageState s = holdings::decode_state<holdings::AverageState>(p, n);
                unsigned char out[holdings::kEncodedBytes<holdings::AverageState>];
                holdings::encode_fixed(s, out);
                if (std::memcmp(out, p, n) != 0) std::abort();
                try {
                    holdings::average_result(s);
                } catch (const holdings::Error&) {
                }
                break;
            }
            case 1: {
                holdings::LevelSpan s = holdings::decode_state<holdings::LevelSpan>(p, n);
                unsigned char out[holdings::kEncodedBytes<holdings::LevelSpan>];
                holdings::encode_fixed(s, out);
                if (std::memcmp(out, p, n) != 0) std::abort();
                try {
                    holdings::level_span_net_selling(s);
                } catch (const holdings::Error&) {
                }
                break;
            }
            default: {
                holdings::LevelsHeader h = holdings::decode_dated_header<holdings::DatedLevel>(p, n);
                std::vector<holdings::DatedLevel> items(h.count);
                holdings::decode_dated_items(p, h, items.data());
                std::string out = holdings::encode_dated(h, items.data());
                if (out.size() != n || std::memcmp(out.data(), p, n) != 0) std::abort();
                if (holdings::compact_levels(items.data(), items.size()) != items.size()) std::abort();
                break;
            }
        }
    } catch (const holdings::Error& e) {
        if (e.kind() != holdings::ErrorKind::invalid_binary) std::abort();
    }
    return 0;
}
