// render_page ARTICLE TEMPLATE OUT.pdf: one page through Broadsheet's public API.

#include <broadsheet/engine.h>

#include <cstdlib>
#include <fstream>
#include <iostream>

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: render_page ARTICLE TEMPLATE OUT.pdf\n";
    return 2;
  }
  try {
    broadsheet::EngineSettings settings;
    const char* data_dir = std::getenv("BROADSHEET_DATA_DIR");
    settings.data_dir = data_dir != nullptr ? data_dir : BROADSHEET_DATA_DIR;
    const broadsheet::Engine engine(settings);  // fonts and hyphenation, loaded once

    broadsheet::PageRequest request;
    request.page_template = broadsheet::template_from_file(argv[2]);
    request.articles.push_back(broadsheet::article_from_file(argv[1]));
    const broadsheet::Layout layout = engine.compose(request);

    for (const broadsheet::Warning& warning : layout.warnings())
      std::cerr << "warning: " << warning.message << "\n";
    std::ofstream pdf(argv[3], std::ios::binary);
    layout.write_pdf(pdf);
    pdf.close();
    if (!pdf) {
      std::cerr << argv[3] << ": cannot write the PDF\n";
      return 1;
    }
    std::cerr << layout.summary();
    return layout.overset() ? 3 : 0;
  } catch (const broadsheet::Error& e) {
    std::cerr << "error: " << e.what() << "\n";  // file:line:column: message
    return 1;
  }
}
