#include <string>

#include "model/model.h"

namespace statecraft {

namespace {

std::string describe_node(const Condition& c, int i) {
  const Condition::Node& n = c.nodes[i];
  auto join = [&](const char* sep) {
    std::string out;
    for (size_t k = 0; k < n.children.size(); ++k)
      out += (k ? sep : "") + describe_node(c, n.children[k]);
    return "(" + out + ")";
  };
  switch (n.op) {
    case Condition::Op::always: return "always";
    case Condition::Op::controls: return n.actor + " side holds " + n.region;
    case Condition::Op::at_war: return n.actor + " at war";
    case Condition::Op::after: return "after " + format_date(n.date);
    case Condition::Op::before: return "before " + format_date(n.date);
    case Condition::Op::deaths_above:
      return (n.actor.empty() ? std::string("military deaths") : n.actor + " deaths") + " above " +
             std::to_string(static_cast<long long>(n.value));
    case Condition::Op::all: return join(" and ");
    case Condition::Op::any: return join(" or ");
    case Condition::Op::not_: return "not " + (n.children.empty() ? std::string("?") : describe_node(c, n.children[0]));
  }
  return "?";
}

}  // namespace

std::string describe_condition(const Condition& c) { return c.nodes.empty() ? "always" : describe_node(c, 0); }

}  // namespace statecraft
