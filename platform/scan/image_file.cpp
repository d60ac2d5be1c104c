#include "platform/scan/image_file.hpp"

#include <stb_image.h>

#include <memory>

namespace homedesk::platform {

Result<GreyImage> loadGreyImage(const std::string& path) {
    int width = 0, height = 0, channels = 0;
    std::unique_ptr<stbi_uc, void (*)(void*)> data(
        stbi_load(path.c_str(), &width, &height, &channels, 1), stbi_image_free);
    if (!data)
        return invalidInput(path, std::string("cannot read image: ") + stbi_failure_reason());
    GreyImage g;
    g.width = width;
    g.height = height;
    g.pixels.assign(data.get(), data.get() + static_cast<std::size_t>(width) * height);
    return g;
}

}  // namespace homedesk::platform
