// report.html: the data goes in place of the marker, once, and no string in
// the data can break out of the script element; the bundled template is
// self-contained.
#include <gtest/gtest.h>

#include <cctype>
#include <cstddef>
#include <limits>
#include <stdexcept>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "report/html.h"

namespace statecraft {
namespace {

size_t count(std::string_view text, std::string_view what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string_view::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

// the JSON text the page was given, between the template's head and tail
std::string inserted(const std::string& page, std::string_view head, std::string_view tail) {
  EXPECT_EQ(page.compare(0, head.size(), head), 0);
  EXPECT_EQ(page.compare(page.size() - tail.size(), tail.size(), tail), 0);
  return page.substr(head.size(), page.size() - head.size() - tail.size());
}

const std::string kHead = R"(<script id="report-data" type="application/json">)";
const std::string kTail = "</script>";
const std::string kTemplate = kHead + "/*REPORT_DATA*/null" + kTail;

TEST(ReportHtml, MarkerReplacedOnce) {
  const nlohmann::json data = {{"kind", "run"}, {"title", "Korea"}, {"summary", {{"runs", 1000}}}};
  const std::string page = render_report_html(kTemplate, data);
  EXPECT_EQ(count(page, kReportDataMarker), 0u);
  EXPECT_EQ(nlohmann::json::parse(inserted(page, kHead, kTail)), data);
}

TEST(ReportHtml, TemplateWithoutTheMarkerOrWithTwoIsRejected) {
  EXPECT_THROW(render_report_html("<html></html>", nlohmann::json::object()), std::invalid_argument);
  EXPECT_THROW(render_report_html(kTemplate + kTemplate, nlohmann::json::object()), std::invalid_argument);
}

TEST(ReportHtml, HostileStringsCannotLeaveTheScriptElement) {
  const std::string hostile = "</script><script>alert(1)</script><!-- --> & \xE2\x80\xA8 \xE2\x80\xA9 <b>";
  const nlohmann::json data = {{"title", hostile}, {"map", {{"regions", {{{"name", hostile}}}}}}};
  const std::string page = render_report_html(kTemplate, data);
  const std::string json = inserted(page, kHead, kTail);
  for (const char* bad : {"<", ">", "&", "\xE2\x80\xA8", "\xE2\x80\xA9"}) EXPECT_EQ(count(json, bad), 0u) << bad;
  EXPECT_EQ(count(page, "</script"), 1u);
  EXPECT_NE(json.find("\\u003c/script\\u003e"), std::string::npos);
  EXPECT_NE(json.find("\\u2028"), std::string::npos);
  // and the page reads back exactly what was written
  EXPECT_EQ(nlohmann::json::parse(json), data);
}

TEST(ReportHtml, InvalidUtf8IsReplacedNotFatal) {
  const nlohmann::json data = {{"title", std::string("bad \xFF byte")}};
  const std::string json = script_safe_json(data);
  EXPECT_EQ(nlohmann::json::parse(json)["title"], "bad \xEF\xBF\xBD byte");
}

TEST(ReportHtml, NonFiniteNumbersBecomeNull) {
  const nlohmann::json data = {{"p50", std::numeric_limits<double>::quiet_NaN()}};
  EXPECT_EQ(script_safe_json(data), R"({"p50":null})");
}

TEST(ReportTemplate, HoldsTheMarkerOnceInTheDataElement) {
  const std::string_view t = report_template();
  ASSERT_GT(t.size(), 500000u);  // the libraries and map geometry are inlined
  EXPECT_EQ(t.substr(0, 15), "<!doctype html>");
  EXPECT_EQ(count(t, kReportDataMarker), 1u);
  EXPECT_NE(t.find(R"(<script id="report-data" type="application/json">/*REPORT_DATA*/null</script>)"),
            std::string_view::npos);
  for (const char c : t) ASSERT_LT(static_cast<unsigned char>(c), 0x80u) << "the template is not ASCII";
}

// where the page would fetch something: <script src>, <link>, <iframe>, @import,
// or a src=, href= or url( that names another host
std::string first_fetch(std::string page) {
  for (char& c : page) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const char* tag : {"<link", "<iframe", "@import"})
    if (page.find(tag) != std::string::npos) return tag;
  for (size_t at = page.find("<script"); at != std::string::npos; at = page.find("<script", at + 1)) {
    const std::string tag = page.substr(at, page.find('>', at) - at);
    if (tag.find(" src") != std::string::npos) return tag;
  }
  auto remote = [&](size_t at) {
    while (at < page.size() && (page[at] == ' ' || page[at] == '"' || page[at] == '\'' || page[at] == '(' || page[at] == '='))
      ++at;
    return page.compare(at, 2, "//") == 0 || page.compare(at, 5, "http:") == 0 || page.compare(at, 6, "https:") == 0;
  };
  for (const char* attr : {"src=", "src =", "href=", "href =", "url("})
    for (size_t at = page.find(attr); at != std::string::npos; at = page.find(attr, at + 1))
      if (remote(at + std::string_view(attr).size())) return page.substr(at, 60);
  return "";
}

TEST(ReportTemplate, RenderedPageLoadsNothingFromOutside) {
  const nlohmann::json data = {{"title", "https://example.org/x.js"}, {"kind", "run"}};
  const std::string page = render_report_html(report_template(), data);
  // the libraries' code mentions URLs only as text; the browser test checks that no request is made
  EXPECT_EQ(first_fetch(page), "");
  EXPECT_EQ(first_fetch(R"(<img src="https://example.org/a.png">)"), R"(src="https://example.org/a.png">)");
  EXPECT_EQ(first_fetch(R"(<script src="x.js"></script>)"), R"(<script src="x.js")");
  // a content security policy refuses any fetch the code might still attempt
  EXPECT_NE(page.find("default-src 'none'"), std::string::npos);
  // data naming a URL stays text inside the JSON
  EXPECT_NE(page.find(R"("title":"https://example.org/x.js")"), std::string::npos);
}

}  // namespace
}  // namespace statecraft
