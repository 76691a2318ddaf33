// Errors raised by the core. The core never knows about SQLSTATEs: it names the
// condition, and the PostgreSQL glue maps each kind to its documented code.
#pragma once

#include <stdexcept>
#include <string>

namespace holdings {

enum class ErrorKind {
    invalid_text,       // 22P02
    out_of_range,       // 22003
    division_by_zero,   // 22012
    currency_mismatch,  // 22U01
    unknown_currency,   // 22U02
    no_fx_rate,         // 22U03
    invalid_binary,     // 22P03
    invalid_argument,   // 22023
};

class Error : public std::runtime_error {
public:
    Error(ErrorKind kind, const std::string& message)
        : std::runtime_error(message), kind_(kind) {}
    Error(ErrorKind kind, const std::string& message, const std::string& hint)
        : std::runtime_error(message), kind_(kind), hint_(hint) {}
    ErrorKind kind() const noexcept { return kind_; }
    // A hint for the user (empty if none): the glue reports it as errhint.
    const std::string& hint() const noexcept { return hint_; }

private:
    ErrorKind kind_;
    std::string hint_;
};

[[noreturn]] inline void fail(ErrorKind kind, const std::string& message) {
    throw Error(kind, message);
}

[[noreturn]] inline void fail(ErrorKind kind, const std::string& message, const std::string& hint) {
    throw Error(kind, message, hint);
}

// The one message for an amount that does not fit the holding range.
[[noreturn]] inline void fail_out_of_range() { fail(ErrorKind::out_of_range, "holding amount out of range"); }

}  // namespace holdings
