// broadsheet: the command line. Thin: parse arguments, call the library, print diagnostics.

#include <broadsheet/engine.h>
#include <malloc.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <exception>
#include <iostream>
#include <string>

#include "cli/commands.h"

namespace {

/// The process's allocator kept in the heap: glibc serves blocks over 128 KiB (zlib's window for
/// every PDF stream, the column balancer's table, the hyphenation tables) from fresh mappings
/// and unmaps them when freed, so each one costs a page fault per 4 KiB and a TLB flush; kept
/// in the heap they are reused. The library leaves an embedding program's allocator alone.
void keep_large_blocks_in_heap() {
  mallopt(M_MMAP_THRESHOLD, 32 << 20);  // glibc's largest: what is larger is mapped anyway
  mallopt(M_TRIM_THRESHOLD, 64 << 20);
  mallopt(M_TOP_PAD, 1 << 20);
}

}  // namespace

int main(int argc, char** argv) {
  keep_large_blocks_in_heap();
  const std::string name = std::string("broadsheet ") + broadsheet::version();
  CLI::App app{name + " - newspaper pages from articles and templates, to print-ready PDF"};
  app.require_subcommand(1);
  app.set_version_flag("--version", name);
  broadsheet::cli::register_commands(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "broadsheet: " << e.what() << " (see --help)\n";
    return 1;
  } catch (const broadsheet::cli::ExitStatus& e) {
    return e.code;
  } catch (const broadsheet::Error& e) {
    std::cerr << "broadsheet: error: " << e.what() << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "broadsheet: error: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
