// Opens one of the program's own libraries (built beside it) with dlopen the first time a part
// needs it, and finds an entry point there. What start-up does not need is not mapped at
// start-up (T1); a library stays loaded until the process ends, since its objects may outlive
// the caller. Safe from any thread.
#pragma once

#include "base/result.hpp"

namespace homedesk::app {

Result<void*> moduleSymbol(const char* library, const char* symbol);

template <typename Fn>
Result<Fn> moduleEntry(const char* library, const char* symbol) {
    auto found = moduleSymbol(library, symbol);
    if (!found) return found.error();
    return reinterpret_cast<Fn>(found.value());
}

}  // namespace homedesk::app
