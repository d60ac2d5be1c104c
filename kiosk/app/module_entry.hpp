// For the entry points of the program's own libraries (sync, input, speech modules): what
// `make` throws comes back as an Error, never across the library's edge.
#pragma once

#include <exception>

#include "base/result.hpp"

namespace homedesk::app {

template <typename Make>
auto catchAll(const char* where, Make make) -> decltype(make()) {
    try {
        return make();
    } catch (const std::exception& e) {
        return Error{Error::Kind::Internal, where, e.what(), false};
    } catch (...) {
        return Error{Error::Kind::Internal, where, "unknown exception", false};
    }
}

}  // namespace homedesk::app
