#include "json.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace hukou::output {

Json& Json::open(char c) {
  sep();
  out_ += c;
  first_ = true;
  return *this;
}
Json& Json::close(char c) {
  out_ += c;
  first_ = false;
  return *this;
}
Json& Json::key(std::string_view k) {
  sep();
  str(k);
  out_ += ':';
  first_ = true;
  return *this;
}
Json& Json::num(double x) {
  sep();
  if (!std::isfinite(x)) {
    out_ += "null";
    return *this;
  }
  char buf[32];
  out_.append(buf, std::to_chars(buf, buf + sizeof buf, x).ptr);  // shortest round-trip form
  return *this;
}
Json& Json::integer(long long x) {
  sep();
  out_ += std::to_string(x);
  return *this;
}
Json& Json::text(std::string_view s) {
  sep();
  str(s);
  return *this;
}
Json& Json::boolean(bool b) {
  sep();
  out_ += b ? "true" : "false";
  return *this;
}
Json& Json::null() {
  sep();
  out_ += "null";
  return *this;
}

void Json::sep() {
  if (!first_) out_ += ',';
  first_ = false;
}

void Json::str(std::string_view s) {
  out_ += '"';
  for (const char c : s) {
    if (c == '"' || c == '\\') {
      out_ += '\\';
      out_ += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      out_ += buf;
    } else {
      out_ += c;  // UTF-8 passes through
    }
  }
  out_ += '"';
}

}  // namespace hukou::output
