// For the R2 run's self-test only: a terminal with the bug R2 exists to catch. It gives every
// resent item a new client id (the idempotency key) and maps the answers back, so the engine
// itself works on; the office then stores the same content twice and the run must say so.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "sync/client/http_transport.hpp"
#include "sync/protocol/codec.hpp"

namespace homedesk::testing {

class KeyBreakingTransport final : public sync::HttpTransport {
public:
  explicit KeyBreakingTransport(std::unique_ptr<sync::HttpTransport> real)
      : m_real(std::move(real)) {}

  sync::HttpResult send(const sync::HttpRequest& request) override {
      if (request.path.find("/submissions") == std::string::npos) return m_real->send(request);
      auto batch = protocol::decode<protocol::SubmissionBatch>(request.body);
      if (!batch) return m_real->send(request);
      std::map<std::string, std::string> original;  // sent id -> the outbox's id
      for (auto& item : batch->items) {
          const int attempt = m_sent[item.client_id]++;
          if (attempt == 0) continue;
          const std::string fresh = item.client_id + "x" + std::to_string(attempt);
          original[fresh] = item.client_id;
          item.client_id = fresh;
      }
      sync::HttpRequest changed = request;
      changed.body = protocol::encode(batch.value());
      sync::HttpResult result = m_real->send(changed);
      if (!result.ok() || result.response->status != 200) return result;
      auto answer = protocol::decode<protocol::SubmissionBatchResult>(result.response->body);
      if (!answer) return result;
      for (auto& r : answer->results)
          if (auto it = original.find(r.client_id); it != original.end()) r.client_id = it->second;
      result.response->body = protocol::encode(answer.value());
      return result;
    }
    void abort() override { m_real->abort(); }

private:
    std::unique_ptr<sync::HttpTransport> m_real;
    std::map<std::string, int> m_sent;
};

}  // namespace homedesk::testing
