// Handwriting with zinnia (the only file that includes zinnia.h is the .cpp) and Debian's
// simplified-Chinese model (tegaki-zinnia-simplified-chinese). One character at a time.
#pragma once

#include <memory>
#include <string>

#include "base/result.hpp"
#include "platform/handwriting.hpp"

namespace homedesk::platform {

inline constexpr const char* kZinniaModel =
    "/usr/share/tegaki/models/zinnia/handwriting-zh_CN.model";

class ZinniaHandwriting final : public Handwriting {
public:
  static Result<std::unique_ptr<ZinniaHandwriting>> create(const std::string& model = kZinniaModel);
  ~ZinniaHandwriting() override;
  std::vector<std::string> recognize(const std::vector<InkStroke>& strokes,
                                     std::size_t count) const override;

private:
    ZinniaHandwriting() = default;
    struct Parts;
    std::unique_ptr<Parts> m_parts;
};

}  // namespace homedesk::platform
