// Pinyin input at the platform edge: letters in, a composition with its candidates out, chosen
// candidates committed as text. Names no outside library; the librime adapter is in rime/.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace homedesk::platform {

class InputMethod {
public:
    virtual ~InputMethod() = default;
    // A pinyin letter a-z or the syllable separator '\''. Returns text committed at once (in
    // Latin mode every key commits itself), else "".
    virtual std::string key(char letter) = 0;
    // Removes the last letter of the composition; false when there was none.
    virtual bool backspace() = 0;
    // Drops the composition.
    virtual void clear() = 0;
    // Chooses candidate `index` (counted over all candidates, not a page). Returns the text
    // committed, or "" when part of the composition is still to be chosen.
    virtual std::string select(std::size_t index) = 0;
    // What is being composed ("bao xiu", or "报xiu" after a partial choice); "" when idle.
    virtual std::string preedit() const = 0;
    // Up to `count` candidates from `first` on.
    virtual std::vector<std::string> candidates(std::size_t first, std::size_t count) const = 0;
    // Latin mode: keys commit as typed, no composition.
    virtual void setLatin(bool latin) = 0;
    virtual bool latin() const = 0;
};

}  // namespace homedesk::platform
