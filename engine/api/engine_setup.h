#pragma once
// The composition root behind broadsheet::Engine: what every typesetting run needs (fonts, the
// hyphenation dictionary, a breaker), found from the settings, the environment and the
// installed data folder, and loaded once.

#include <memory>
#include <string>

#include "broadsheet/engine.h"
#include "compose/composer.h"
#include "font/font_registry.h"
#include "linebreak/items.h"
#include "story/story.h"
#include "text/hyphenator.h"
#include "text/hyphenator_set.h"

namespace broadsheet::api {

/// The fonts folder the settings choose, in the order EngineSettings documents. Throws Error
/// naming the folders it tried when none of the defaults has a fonts.toml.
std::string resolve_fonts_dir(const EngineSettings& settings);

/// The hyphenation dictionary: the setting, else $BROADSHEET_HYPHEN_DICT, else Debian's.
std::string resolve_hyphenation_dictionary(const EngineSettings& settings);

/// The fonts, the dictionary and the body breaker the settings choose, loaded once; every
/// composition borrows them through context().
class EngineSetup {
 public:
  explicit EngineSetup(const EngineSettings& settings);
  const font::FontRegistry& fonts() const { return fonts_; }
  const text::Hyphenator& hyphenator() const { return hyphenator_; }
  const linebreak::LineBreaker& breaker() const { return *breaker_; }
  compose::ComposeContext context() const {
    return {fonts_, &hyphenator_, *breaker_, nullptr, &hyphenators_};
  }
  const std::string& fonts_dir() const { return fonts_dir_; }
  const std::string& dictionary_path() const { return dictionary_path_; }

 private:
  std::string fonts_dir_;
  std::string dictionary_path_;
  font::FontRegistry fonts_;
  text::Hyphenator hyphenator_;
  text::HyphenatorSet hyphenators_{&hyphenator_};
  std::unique_ptr<linebreak::LineBreaker> breaker_;
};

/// "2015-12-17T00:00:00Z": the PDF's creation date, fixed by the story, never the clock.
std::string format_pdf_date(const story::Date& date);

}  // namespace broadsheet::api
