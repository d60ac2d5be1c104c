#include <SDL2/SDL.h>
#include <imgui.h>

#include <cstring>

#include <catch2/catch.hpp>

#include "kiosk/app/input_queue.hpp"

using homedesk::app::InputQueue;

namespace {
struct ImGuiContextGuard {
    ImGuiContextGuard() { ImGui::CreateContext(); }
    ~ImGuiContextGuard() { ImGui::DestroyContext(); }
};
SDL_Event finger(Uint32 type, SDL_FingerID id, float x, float y) {
    SDL_Event e{};
    e.type = type;
    e.tfinger.fingerId = id;
    e.tfinger.x = x;
    e.tfinger.y = y;
    return e;
}
}  // namespace

TEST_CASE("a tap arrives as press in one frame and release in the next", "[app][input]") {
    ImGuiContextGuard guard;
    ImGuiIO& io = ImGui::GetIO();
    InputQueue q;
    CHECK(q.push(finger(SDL_FINGERDOWN, 1, 0.5f, 0.25f), 1000, 2000));
    CHECK(q.push(finger(SDL_FINGERUP, 1, 0.5f, 0.25f), 1000, 2000));
    q.applyNext(io);
    CHECK(io.MouseDown[0]);
    CHECK(io.MousePos.x == Approx(500));
    CHECK(io.MousePos.y == Approx(500));
    CHECK_FALSE(q.empty());
    q.applyNext(io);
    CHECK_FALSE(io.MouseDown[0]);
    CHECK(io.MousePos.x == Approx(500));  // released where it was pressed
    q.applyNext(io);
    CHECK(io.MousePos.x < -1e30f);  // a lifted finger hovers nothing
    CHECK(q.empty());
}

TEST_CASE("a second finger is ignored while the first is down", "[app][input]") {
    ImGuiContextGuard guard;
    InputQueue q;
    CHECK(q.push(finger(SDL_FINGERDOWN, 1, 0.1f, 0.1f), 100, 100));
    CHECK_FALSE(q.push(finger(SDL_FINGERDOWN, 2, 0.9f, 0.9f), 100, 100));
    CHECK_FALSE(q.push(finger(SDL_FINGERUP, 2, 0.9f, 0.9f), 100, 100));
    CHECK(q.push(finger(SDL_FINGERUP, 1, 0.1f, 0.1f), 100, 100));
}

TEST_CASE("typed text reaches ImGui's character queue", "[app][input]") {
    ImGuiContextGuard guard;
    ImGuiIO& io = ImGui::GetIO();
    InputQueue q;
    SDL_Event e{};
    e.type = SDL_TEXTINPUT;
    std::strcpy(e.text.text, "3号楼");
    CHECK(q.push(e, 100, 100));
    q.applyNext(io);
    REQUIRE(io.InputQueueCharacters.Size == 3);
    CHECK(io.InputQueueCharacters[0] == '3');
    CHECK(io.InputQueueCharacters[1] == 0x53F7);
}

TEST_CASE("mouse events synthesized from touch are not counted twice", "[app][input]") {
    InputQueue q;
    SDL_Event e{};
    e.type = SDL_MOUSEBUTTONDOWN;
    e.button.which = SDL_TOUCH_MOUSEID;
    e.button.button = SDL_BUTTON_LEFT;
    CHECK_FALSE(q.push(e, 100, 100));
    CHECK(q.empty());
}
