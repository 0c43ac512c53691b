#include "cli/commands.h"

#include <filesystem>
#include <system_error>

namespace broadsheet::cli {

EngineSettings engine_settings(const std::string& fonts_dir, const std::string& breaker) {
  EngineSettings settings{
      .fonts_dir = fonts_dir,
      .breaker = breaker == "greedy" ? LineBreaker::Greedy : LineBreaker::KnuthPlass};
  std::error_code ec;
  const std::filesystem::path program = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const std::filesystem::path folder = program.parent_path();
    settings.fallback_data_dirs = {(folder / "share" / "broadsheet").string(),
                                   (folder.parent_path() / "share" / "broadsheet").string()};
  }
  return settings;
}

void register_commands(CLI::App& app) {
  add_render_command(app);
  add_inspect_commands(app);
  add_diff_command(app);
  add_preflight_command(app);
  add_batch_command(app);
}

}  // namespace broadsheet::cli
