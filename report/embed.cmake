# Writes the bundled report template (INPUT, pure ASCII as report/build.mjs
# guarantees) into a C++ source file (OUTPUT) as raw string literals of at most
# 16,000 bytes each: under the length every compiler must accept (clang warns
# past 65,536; MSVC stops at 16,380 per literal). html.cpp joins the pieces.
#
# usage: cmake -DINPUT=report_template.html -DOUTPUT=report_template.cpp -P embed.cmake

if(NOT INPUT OR NOT OUTPUT)
  message(FATAL_ERROR "embed.cmake: pass -DINPUT=... -DOUTPUT=...")
endif()
file(READ "${INPUT}" content)
string(LENGTH "${content}" size)
if(size EQUAL 0)
  message(FATAL_ERROR "embed.cmake: ${INPUT} is empty")
endif()
set(delim "sc_report")  # at most 16 characters
string(FIND "${content}" ")${delim}\"" clash)
if(NOT clash EQUAL -1)
  message(FATAL_ERROR "embed.cmake: ${INPUT} holds the raw string delimiter )${delim}\"")
endif()

set(chunk 16000)
set(out "// Generated from report_template.html by report/embed.cmake; do not edit.\n")
string(APPEND out "#include <cstddef>\n#include <string_view>\n\n")
string(APPEND out "namespace statecraft::detail {\n\n")
string(APPEND out "extern const std::string_view kReportTemplateChunks[];\n")
string(APPEND out "extern const std::size_t kReportTemplateChunkCount;\n")
string(APPEND out "extern const std::size_t kReportTemplateSize;\n\n")
string(APPEND out "using namespace std::string_view_literals;\n\n")
string(APPEND out "const std::string_view kReportTemplateChunks[] = {\n")
set(count 0)
set(offset 0)
while(offset LESS size)
  string(SUBSTRING "${content}" ${offset} ${chunk} piece)
  string(APPEND out "R\"${delim}(${piece})${delim}\"sv,\n")
  math(EXPR offset "${offset} + ${chunk}")
  math(EXPR count "${count} + 1")
endwhile()
string(APPEND out "};\n\n")
string(APPEND out "const std::size_t kReportTemplateChunkCount = ${count};\n")
string(APPEND out "const std::size_t kReportTemplateSize = ${size};\n\n")
string(APPEND out "}  // namespace statecraft::detail\n")

file(WRITE "${OUTPUT}" "${out}")
