#pragma once
// Readers for the parts of a template that place things on the page: the folio band and the
// slots. Internal to engine/template/ (template_loader.cpp calls them).

#include <map>
#include <string>
#include <vector>

#include "template/page_template.h"
#include "template/template_values.h"

namespace broadsheet::layout_template::detail {

/// Fails at `field` unless `name` is one of `styles`.
void require_style(const Field& field, const std::string& name,
                   const std::map<std::string, TextStyle>& styles);

/// [folio]: the band, its rule and its [[folio.item]]s. The band and its gap must leave room
/// for stories in a type area `type_area_height` deep.
Folio read_folio(const Field& field, const std::map<std::string, TextStyle>& styles,
                 double type_area_height);

/// columns = [first, last] (or one column number) within 1..grid_columns, into the slot's range.
void read_slot_columns(const Field& field, int grid_columns, Slot& slot);

/// The [[slot]] array, in fill order. Needs the template's styles, grid and story area.
std::vector<Slot> read_slots(const Field& field, const PageTemplate& page_template);

/// The [[decoration]] array (keylines, boxes, colour blocks). Needs the slots and the grid.
std::vector<Decoration> read_decorations(const Field& field, const PageTemplate& page_template);

}  // namespace broadsheet::layout_template::detail
