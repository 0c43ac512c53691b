#pragma once
// Typographer's quotes: straight quotes and apostrophes (' ") as the curly ones a typesetter
// would set (‘ ’ “ ”), decided by what stands before each quote. Used when a template says
// smart_quotes = true; text that already has curly quotes is left as it is.

#include <string>
#include <string_view>

#include "story/story.h"

namespace broadsheet::story {

/// `text` with its straight quotes curled:
///  - an opening quote (‘ “) at the start, after white space, an opening bracket or quote, or a
///    dash ("—'Yes'", "('quoted')", "“‘nested’”");
///  - otherwise a closing one (’ ”); an apostrophe is a closing single quote ("it’s", "dogs’"),
///    also before a digit where an opening quote would stand ("’90s");
///  - primes are left straight: ' between two digits (5'10) and " after the digits of such a
///    measure (5'10").
std::string curl_quotes(std::string_view text);

/// Curls the quotes of one paragraph, moving its inline spans with the text (each quote grows
/// from one byte to three).
void curl_quotes(Paragraph& paragraph);

/// Curls every text of the story: kicker, headline, deck, byline, dateline, body, contact,
/// pull quotes and picture captions.
void curl_quotes(Story& story);

}  // namespace broadsheet::story
