#pragma once
// Reader for a template's [print] table. Internal to engine/template/ (template_loader.cpp
// calls it).

#include "template/page_template.h"
#include "template/template_values.h"

namespace broadsheet::layout_template::detail {

/// [print]: output mode, ICC profile, ink limit, overprint and printer's marks. A relative
/// profile path is taken from the template file's folder.
PrintOptions read_print(const Field& field, const std::string& template_file);

}  // namespace broadsheet::layout_template::detail
