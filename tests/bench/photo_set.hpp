// A set of photos with the text each should read: a truth file (`path<TAB>expected` per line,
// relative to the file; an empty expected text means "no code here"), or, for a folder without
// one, every image beside a NAME.txt holding its text (zxing-cpp's sample layout).
#pragma once

#include <string>
#include <vector>

namespace homedesk::bench {

struct Photo {
    std::string path;
    std::string group;     // the folder it is in, for the per-folder rows
    std::string expected;  // "" = no code in this picture
};

// Reads `where` (a truth file or a folder, searched one level deep for sample folders).
std::vector<Photo> loadPhotoSet(const std::string& where);

}  // namespace homedesk::bench
