// Which screens have a flow and how each is made: opening one of these screens starts its flow,
// closing it ends it. A new flow adds one line to the table in flow_registry.cpp.
#pragma once

#include <memory>

#include "kiosk/core/directory.hpp"
#include "kiosk/core/flow.hpp"

namespace homedesk {

// A fresh flow for `screen`, or none when the screen has no flow (or cannot start one: the
// repair flow needs the community's directory).
std::unique_ptr<Flow> makeFlow(ScreenId screen, const Directory* directory);

}  // namespace homedesk
