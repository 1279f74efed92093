// SHA-256 (FIPS 180-4) of bytes, as 64 lowercase hex digits: run files record the
// digest of the posterior file their parameter draws came from, so a run can be
// traced to the exact calibration and two runs paired only on the same one.
#pragma once
#include <string>
#include <string_view>

namespace hukou::fileio {

std::string sha256_hex(std::string_view bytes);

}  // namespace hukou::fileio
