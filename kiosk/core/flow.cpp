// The defaults of the flow shape, and the registry: which screen has a flow and how it is made.
#include "kiosk/core/flow.hpp"

namespace homedesk {

const std::string& Flow::lastError() const {
    static const std::string none;
    return none;
}

}  // namespace homedesk
