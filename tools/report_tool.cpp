// report_tool: writes report.html from a report data file (docs/report-data.md)
// with the template compiled into the library, as the engine does. The browser
// test uses it to check pages made by the C++ side.
//
// usage: report_tool DATA.json OUT.html

#include <exception>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "report/html.h"
#include "report/summary_json.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: report_tool DATA.json OUT.html\n";
    return 2;
  }
  const std::string in = argv[1], out = argv[2];
  std::ifstream f(in, std::ios::binary);
  if (!f) {
    std::cerr << "report_tool: cannot read " << in << "\n";
    return 1;
  }
  std::stringstream text;
  text << f.rdbuf();
  try {
    const nlohmann::json data = nlohmann::json::parse(text.str());
    statecraft::write_file_atomic(out, statecraft::render_report_html(statecraft::report_template(), data));
  } catch (const nlohmann::json::parse_error& e) {
    std::cerr << in << ": not JSON: " << e.what() << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "report_tool: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
