#include "kiosk/app/module_loader.hpp"

#include <dlfcn.h>

#include <filesystem>
#include <map>
#include <mutex>
#include <string>

namespace homedesk::app {

namespace {

std::string besideProgram(const char* library) {
    std::error_code ec;
    const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    return ((ec ? std::filesystem::path(".") : exe.parent_path()) / library).string();
}

}  // namespace

Result<void*> moduleSymbol(const char* library, const char* symbol) {
    static std::mutex mutex;
    static std::map<std::string, void*> opened;  // never closed: see the header
    const std::string path = besideProgram(library);
    void* handle = nullptr;
    {
        std::lock_guard lock(mutex);
        void*& slot = opened[path];
        if (!slot) slot = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
        if (!slot) return Error{Error::Kind::Unavailable, path, dlerror(), false};
        handle = slot;
    }
    void* found = dlsym(handle, symbol);
    if (!found) return Error{Error::Kind::Internal, path, std::string("no ") + symbol, false};
    return found;
}

}  // namespace homedesk::app
