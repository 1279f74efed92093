#include "document.hpp"

namespace hukou::scenario::detail {

toml::table parse_toml(std::string_view text, const std::string& source) {
  try {
    return toml::parse(text, std::string(source));
  } catch (const toml::parse_error& e) {
    Diagnostic d;
    d.file = e.source().path ? *e.source().path : source;
    d.line = static_cast<int>(e.source().begin.line);
    d.column = static_cast<int>(e.source().begin.column);
    d.message = "invalid TOML: " + std::string(e.description());
    throw ScenarioError({d});
  } catch (const std::exception& e) {
    throw ScenarioError({Diagnostic{source, 0, 0, "", std::string("invalid TOML: ") + e.what()}});
  }
}

}  // namespace hukou::scenario::detail
