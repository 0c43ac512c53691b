#pragma once
// Composition: stories and a resolved template in, a page layout out.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "compose/page_layout.h"
#include "core/placed_image.h"
#include "font/font_registry.h"
#include "linebreak/items.h"
#include "paragraph/paragraph_cache.h"
#include "story/story.h"
#include "template/page_template.h"
#include "text/bidi.h"
#include "text/hyphenator.h"
#include "text/hyphenator_set.h"

namespace broadsheet::compose {

/// Values the command line may set over the story's source line.
struct FolioOverrides {
  std::optional<story::Date> date;
  std::optional<int> page;
  std::optional<std::string> publication;
};

/// How to compose.
struct ComposeOptions {
  bool copyfit = false;  ///< make each story fill its slot exactly (see compose/copyfit.h)
  /// Files for picture and advertisement slots by slot name (over the template's `file`).
  std::map<std::string, PlacedImagePtr> slot_files{};
};

/// A story and the slot it goes to.
struct SlotAssignment {
  std::string slot;
  const story::Story* story = nullptr;
};

/// The engine's collaborators for one composition.
struct ComposeContext {
  const font::FontRegistry& fonts;
  const text::Hyphenator* hyphenator = nullptr;  ///< null: no hyphenation
  const linebreak::LineBreaker& body_breaker;    ///< justified and ragged body text
  paragraph::ParagraphCache* cache = nullptr;    ///< re-use shaped paragraphs (copyfit)
  /// A dictionary per language (null: `hyphenator` for every language).
  const text::HyphenatorSet* hyphenators = nullptr;
  /// The story being composed (compose/story_text.h): its language (BCP 47, empty: none),
  /// which every text of the story is set in, and its direction.
  std::string language{};
  text::BaseDirection direction = text::BaseDirection::Auto;
  /// Copyfit trials: the blocks fit_display_blocks stacks above a story (kicker, headline,
  /// deck, byline) are broken into lines but not set (their lines are empty; a trial reads only
  /// how many there are). Every other text (drop cap, dateline, body) is set as always.
  bool measure_only = false;
};

/// Lays out one page: the folio, each assigned story in its slot, placeholders for the rest.
PageLayout compose_page(const ComposeContext& context,
                        const layout_template::PageTemplate& page_template,
                        const std::vector<SlotAssignment>& stories,
                        const FolioOverrides& overrides = {}, const ComposeOptions& options = {});

/// Assigns `stories` to the template's story slots in fill order, skipping slots that are
/// continuations or already taken by `explicit_slots` (which are kept as given). Throws
/// InputError when a story has no slot left.
std::vector<SlotAssignment> assign_in_order(const layout_template::PageTemplate& page_template,
                                            const std::vector<const story::Story*>& stories,
                                            const std::vector<SlotAssignment>& explicit_slots = {});

}  // namespace broadsheet::compose
