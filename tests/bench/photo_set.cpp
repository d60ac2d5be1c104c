#include "tests/bench/photo_set.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace homedesk::bench {
namespace fs = std::filesystem;
namespace {

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

bool isImage(const fs::path& p) {
    const std::string ext = p.extension().string();
    return ext == ".png" || ext == ".jpg" || ext == ".jpeg" || ext == ".pgm" || ext == ".bmp";
}

void addSidecarFolder(const fs::path& folder, std::vector<Photo>& out) {
    std::vector<fs::path> images;
    for (const auto& e : fs::directory_iterator(folder))
        if (e.is_regular_file() && isImage(e.path())) images.push_back(e.path());
    std::sort(images.begin(), images.end());
    for (const auto& image : images) {
        fs::path truth = image;
        truth.replace_extension(".txt");
        if (!fs::exists(truth)) continue;
        out.push_back({image.string(), folder.filename().string(), slurp(truth)});
    }
}

std::vector<Photo> fromTruthFile(const fs::path& file) {
    std::vector<Photo> out;
    std::ifstream in(file);
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        const auto tab = line.find('\t');
        const fs::path rel = line.substr(0, tab);
        const fs::path full = file.parent_path() / rel;
        out.push_back({full.string(), rel.has_parent_path() ? rel.parent_path().string() : ".",
                       tab == std::string::npos ? std::string() : line.substr(tab + 1)});
    }
    return out;
}

}  // namespace

std::vector<Photo> loadPhotoSet(const std::string& where) {
    const fs::path root(where);
    if (fs::is_regular_file(root)) return fromTruthFile(root);
    std::vector<Photo> out;
    if (!fs::is_directory(root)) return out;
    if (fs::exists(root / "truth.tsv")) return fromTruthFile(root / "truth.tsv");
    std::vector<fs::path> folders{root};
    for (const auto& e : fs::directory_iterator(root))
        if (e.is_directory()) folders.push_back(e.path());
    std::sort(folders.begin() + 1, folders.end());
    for (const auto& f : folders) addSidecarFolder(f, out);
    return out;
}

}  // namespace homedesk::bench
