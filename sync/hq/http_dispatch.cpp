#include "sync/hq/http_dispatch.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <atomic>
#include <memory>
#include <optional>

#include "sync/hq/api.hpp"
#include "sync/hq/console/console_api.hpp"
#include "sync/hq/http_polls.hpp"
#include "sync/hq/http_session.hpp"

namespace homedesk::hq {
namespace {

namespace asio = boost::asio;

// Runs `f` on the worker pool and resumes the connection's coroutine on its own executor.
// GCC 12 destroys a temporary with a destructor inside a co_await expression twice (GCC bug
// 100611), so every argument that owns something is a named local before the co_await.
template <typename F>
asio::awaitable<std::invoke_result_t<F&>> onWorkers(SessionContext& ctx, const F& f) {
    using R = std::invoke_result_t<F&>;
    auto task = [f]() mutable -> asio::awaitable<R> { co_return f(); };
    auto op = asio::co_spawn(ctx.workers, std::move(task), asio::use_awaitable);
    R result = co_await std::move(op);
    co_return result;
}

// Parks until woken (the reason) or the deadline (nullopt).
asio::awaitable<std::optional<PollWake>> parkPoll(SessionContext& ctx, const LongPollPark& park,
                                                  std::chrono::steady_clock::time_point deadline) {
    struct Waiter {
        explicit Waiter(asio::any_io_executor ex) : timer(std::move(ex)) {}
        asio::steady_timer timer;
        std::atomic<int> why{-1};
    };
    auto waiter = std::make_shared<Waiter>(co_await asio::this_coro::executor);
    waiter->timer.expires_at(deadline);
    // The wake is posted to this connection's strand: it runs after the wait below has begun,
    // as nothing between park() and async_wait yields the strand.
    const auto id = ctx.polls->park(park.terminalId, park.generation, [waiter](PollWake why) {
        waiter->why = static_cast<int>(why);
        asio::post(waiter->timer.get_executor(), [waiter] { waiter->timer.cancel(); });
    });
    if (waiter->why < 0) {
        boost::system::error_code ec;
        co_await waiter->timer.async_wait(asio::redirect_error(asio::use_awaitable, ec));
    }
    ctx.polls->unpark(id);
    const int why = waiter->why;
    if (why < 0) co_return std::nullopt;
    co_return static_cast<PollWake>(why);
}

asio::awaitable<Answer> console(SessionContext& ctx, Incoming in) {
    auto request = std::make_shared<ConsoleRequest>();
    request->method = std::move(in.method);
    request->path = std::move(in.target.path);
    request->query = std::move(in.target.query);
    request->headers = std::move(in.headers);
    request->clientAddress = std::move(in.address);
    request->body = std::move(in.body);
    ConsoleApi* api = ctx.console;
    auto ask = [api, request] { return api->handle(*request); };
    auto op = onWorkers(ctx, ask);
    ConsoleResponse r = co_await std::move(op);
    co_return Answer{r.status, std::move(r.contentType), std::move(r.body), std::move(r.headers)};
}

}  // namespace

Answer errorAnswer(int status) {
    ApiResponse r = errorForStatus(status);
    return Answer{r.status, "application/json", std::move(r.body), {}};
}

asio::awaitable<Answer> dispatch(SessionContext& ctx, Incoming in) {
    if (ctx.console && consolePath(in.target.path)) {
        auto op = console(ctx, std::move(in));
        Answer answer = co_await std::move(op);
        co_return answer;
    }
    auto request = std::make_shared<ApiRequest>();
    request->method = std::move(in.method);
    request->path = std::move(in.target.path);
    request->query = std::move(in.target.query);
    if (auto it = in.headers.find("authorization"); it != in.headers.end())
        request->authorization = it->second;
    if (auto it = in.headers.find("x-homedesk-protocol"); it != in.headers.end())
        request->protocolVersion = it->second;
    request->clientAddress = in.address;
    request->body = std::move(in.body);
    request->parkLongPoll = ctx.polls != nullptr;
    HqApi* api = &ctx.api;
    auto ask = [api, request] { return api->handle(*request); };
    auto first = onWorkers(ctx, ask);
    ApiResponse r = co_await std::move(first);
    std::optional<std::chrono::steady_clock::time_point> deadline;
    while (r.park && ctx.polls) {
        if (!deadline) deadline = r.park->deadline;  // a poll woken and parked again keeps it
        auto wait = parkPoll(ctx, *r.park, *deadline);
        const auto why = co_await std::move(wait);
        if (why != PollWake::Changed) break;  // deadline, evicted, stopping: the page we have
        request->resumedLongPoll = true;
        auto op = onWorkers(ctx, ask);
        ApiResponse again = co_await std::move(op);
        r = std::move(again);
    }
    co_return Answer{r.status, "application/json", std::move(r.body), {}};
}

}  // namespace homedesk::hq
