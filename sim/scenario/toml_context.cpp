#include "toml_reads.hpp"

#include <algorithm>

namespace hukou::scenario {

ReadContext::ReadContext(std::string main_source) : main_(std::move(main_source)) {}

void ReadContext::add_text(const std::string& source, std::string text) {
  for (auto& [s, t] : texts_)
    if (s == source) {
      t = std::move(text);
      return;
    }
  texts_.emplace_back(source, std::move(text));
}

const std::string* ReadContext::text_of(std::string_view source) const {
  for (const auto& [s, t] : texts_)
    if (s == source) return &t;
  return nullptr;
}

void ReadContext::error(const toml::source_region& at, std::string key, std::string message) {
  Diagnostic d;
  const std::string_view path = at.path ? std::string_view(*at.path) : std::string_view();
  if (path.starts_with(kSetSource)) {
    d.file = kSetFile;
    d.key = path.substr(kSetSource.size());
  } else {
    d.file = path.empty() ? main_ : std::string(path);
    d.key = std::move(key);
    if (at.begin) {
      d.line = static_cast<int>(at.begin.line);
      d.column = static_cast<int>(at.begin.column);
    }
  }
  d.message = std::move(message);
  diags_.push_back(std::move(d));
}

void ReadContext::error_top(std::string key, std::string message) {
  diags_.push_back(Diagnostic{main_, 1, 1, std::move(key), std::move(message)});
}

std::vector<Diagnostic> ReadContext::sorted() const {
  auto rank = [&](const Diagnostic& d) -> std::size_t {
    if (d.file == main_) return 0;
    for (std::size_t i = 0; i < texts_.size(); ++i)
      if (texts_[i].first == d.file) return i + 1;
    return texts_.size() + (d.file == kSetFile ? 1 : 2);
  };
  auto set_index = [&](const Diagnostic& d) {
    const auto it = std::find(set_keys_.begin(), set_keys_.end(), d.key);
    return static_cast<std::size_t>(it - set_keys_.begin());
  };
  std::vector<Diagnostic> out = diags_;
  std::stable_sort(out.begin(), out.end(), [&](const Diagnostic& a, const Diagnostic& b) {
    const auto ra = rank(a), rb = rank(b);
    if (ra != rb) return ra < rb;
    if (a.file == kSetFile) return set_index(a) < set_index(b);
    if (a.line != b.line) return a.line < b.line;
    return a.column < b.column;
  });
  return out;
}

void ReadContext::throw_if_errors() const {
  if (has_errors()) throw ScenarioError(sorted());
}

}  // namespace hukou::scenario
