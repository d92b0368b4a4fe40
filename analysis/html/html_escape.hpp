#pragma once
// Text from a results file (job names, axis values, stderr tails, environment values) put
// into HTML: anything could be in it, so every such string goes through here.

#include <string>
#include <string_view>

namespace perfmatrix {

// & < > " ' as character references, so the result is safe in element content and in
// quoted attribute values alike. Other bytes (UTF-8 included) pass unchanged.
std::string html_escape(std::string_view text);

}  // namespace perfmatrix
