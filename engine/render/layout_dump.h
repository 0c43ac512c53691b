#pragma once
// The layout dump: every page, slot and line of a composed page as JSON, stable and rounded to
// 0.01 pt, so that two dumps diff readably (`broadsheet diff a.layout.json b.layout.json`).
//
// Format "broadsheet-layout/1":
//   { "format": "broadsheet-layout/1",
//     "pages": [ { "page": 1, "width": 1105.51, "height": 1544.88 } ],
//     "grid": { "origin": 96.04, "pitch": 11 },
//     "slots": [ { "page": 1, "slot": "lead", "story": "tests/articles/00_....txt",
//                  "columns": [1, 4], "top": 85.04, "depth": 301.2, "headline_size": 52,
//                  "headline_lines": 2, "deck_lines": 2, "lines_per_column": [17, 16, 16, 16],
//                  "overset_lines": 0, "overset_text": [] } ],
//     "lines": [ { "page": 1, "slot": "lead", "role": "body", "style": "body",
//                  "paragraph": 3, "line": 2, "column": 0, "text": "...",
//                  "left": 56.69, "baseline": 283.04, "width": 154.72, "measure": 154.72,
//                  "ratio": 0.41, "size": 9.5, "hyphenated": false, "justified": true } ] }
// A line set with glyph scaling also has "glyph_scale": 0.98 (4 decimals; absent means 1).
// Roles: "kicker", "headline", "deck", "byline", "dateline", "drop_cap", "body", "subhead",
// "contact", "jump", "folio" (compose::LineRole).
// Lines are in reading order: the folio, then each slot in template order (kicker, headline,
// deck, byline, dateline, drop cap, body paragraphs with their subheads, contact line, jump
// line), each paragraph's lines in order. Pages count from 1.

#include <string>

#include "compose/page_layout.h"

namespace broadsheet::render {

/// The dump as a JSON string: one page, slot or line record per text line.
std::string layout_dump_json(const compose::PageLayout& layout);

/// Writes the dump atomically (temporary file, then rename).
void write_layout_dump(const compose::PageLayout& layout, const std::string& path);

/// The role's name in dumps: "headline", "deck", "body", "subhead", "contact", "jump", "folio".
const char* role_name(compose::LineRole role);

}  // namespace broadsheet::render
