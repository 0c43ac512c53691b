#include "cli/commands.h"

namespace broadsheet::cli {

void register_commands(CLI::App& app) {
  add_render_command(app);
  add_inspect_commands(app);
  add_diff_command(app);
  add_preflight_command(app);
}

}  // namespace broadsheet::cli
