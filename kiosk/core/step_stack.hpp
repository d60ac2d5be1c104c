// The step stack every flow walks: go forward, refuse an input (the draft stays), step back,
// and come back from a failed save; the last refusal is kept as a catalog key. One copy for
// all flows, so Back retraces exactly what the resident did everywhere.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "kiosk/core/flow_effects.hpp"

namespace homedesk {

// `At` is a flow's step (an enum, or a small struct with a step and an index).
template <typename At>
class StepStack {
public:
    explicit StepStack(At first) : m_steps{first} {}

    const At& top() const { return m_steps.back(); }
    std::size_t depth() const { return m_steps.size(); }
    const std::string& lastError() const { return m_error; }
    void clearError() { m_error.clear(); }

    FlowOutcome go(At next) {
        m_error.clear();
        m_steps.push_back(next);
        return {};
    }
    FlowOutcome refuse(std::string key) {
        m_error = key;
        return {std::move(key), std::nullopt};
    }
    // The end of a flow (a receipt, a thank-you) or a fresh start: only `only` is left, so
    // Back from it leaves the flow.
    void restart(At only) {
        m_steps.assign(1, only);
        m_error.clear();
    }
    // One step back; false when there is nothing before (the caller leaves the flow).
    bool back() {
        if (m_steps.size() <= 1) return false;
        m_steps.pop_back();
        m_error.clear();
        return true;
    }
    // The store refused the save: back to the step before Submitting, nothing lost.
    void saveFailed(std::string key) {
        if (m_steps.size() > 1) m_steps.pop_back();
        m_error = std::move(key);
    }

private:
    std::vector<At> m_steps;
    std::string m_error;
};

}  // namespace homedesk
