// A small JSON writer for the commands' --json output (bench, validate): objects
// and arrays with the commas placed for us. No library is needed for these flat-ish
// objects, and Debian's JSON libraries are not in the build.
#pragma once
#include <string>
#include <string_view>

namespace hukou::output {

class Json {
 public:
  Json& open(char c);   // '{' or '['
  Json& close(char c);  // '}' or ']'
  Json& key(std::string_view k);
  Json& num(double x);  // null when not finite: JSON has no inf or nan
  Json& integer(long long x);
  Json& text(std::string_view s);
  Json& boolean(bool b);
  Json& null();
  std::string take() { return std::move(out_); }

 private:
  void sep();
  void str(std::string_view s);
  std::string out_;
  bool first_ = true;
};

}  // namespace hukou::output
