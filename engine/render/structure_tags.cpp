#include "render/structure_tags.h"

namespace broadsheet::render {

namespace {
constexpr const char* kStoryTag = "Art";
}

void StructureTagger::close_element(cairo_t* cr) {
  if (open_tag_.empty()) return;
  cairo_tag_end(cr, open_tag_.c_str());
  open_tag_.clear();
  open_element_ = -1;
}

void StructureTagger::close(cairo_t* cr) {
  close_element(cr);
  if (story_open_) cairo_tag_end(cr, kStoryTag);
  story_open_ = false;
  open_story_ = -1;
}

void StructureTagger::enter(cairo_t* cr, const GlyphRunItem& run) {
  if (run.tag.empty()) {
    close(cr);
    return;
  }
  if (run.tag == open_tag_ && run.element == open_element_ && run.story == open_story_) return;
  close_element(cr);
  if (run.story != open_story_ || !story_open_) {
    close(cr);
    if (run.story >= 0) {
      cairo_tag_begin(cr, kStoryTag, nullptr);
      story_open_ = true;
    }
    open_story_ = run.story;
  }
  cairo_tag_begin(cr, run.tag.c_str(), nullptr);
  open_tag_ = run.tag;
  open_element_ = run.element;
}

}  // namespace broadsheet::render
