// Helpers shared by the core unit tests.
#pragma once

#include <string>

#include "error.hpp"
#include "holding.hpp"

namespace holdings_test {

inline holdings::Holding parse(const std::string& s) {
    return holdings::parse_holding(s.data(), s.size());
}

inline std::string text(const holdings::Holding& h) {
    char buf[holdings::kMaxTextLength];
    return std::string(buf, holdings::format_holding(h, buf));
}

inline std::string roundtrip(const std::string& s) { return text(parse(s)); }

// The error kind a callable throws, or -1 when it throws nothing.
template <typename F>
int error_kind(F f) {
    try {
        f();
    } catch (const holdings::Error& e) {
        return static_cast<int>(e.kind());
    }
    return -1;
}

inline int kind(holdings::ErrorKind k) { return static_cast<int>(k); }

}  // namespace holdings_test
