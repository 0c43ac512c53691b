#pragma once
// What every subcommand that sets type needs: fonts, the hyphenation dictionary, a breaker.

#include <memory>
#include <string>

#include "compose/composer.h"
#include "font/font_registry.h"
#include "linebreak/items.h"
#include "story/story.h"
#include "text/hyphenator.h"

namespace broadsheet::cli {

class EngineSetup {
 public:
  /// `fonts_dir` empty: the default fonts folder. `breaker`: "knuth-plass" or "greedy".
  EngineSetup(const std::string& fonts_dir, const std::string& breaker);
  const font::FontRegistry& fonts() const { return fonts_; }
  const text::Hyphenator& hyphenator() const { return hyphenator_; }
  const linebreak::LineBreaker& breaker() const { return *breaker_; }
  compose::ComposeContext context() const { return {fonts_, &hyphenator_, *breaker_}; }

 private:
  font::FontRegistry fonts_;
  text::Hyphenator hyphenator_;
  std::unique_ptr<linebreak::LineBreaker> breaker_;
};

/// "2015-12-17T00:00:00Z": the PDF's creation date, fixed by the story, never the clock.
std::string format_pdf_date(const story::Date& date);

}  // namespace broadsheet::cli
