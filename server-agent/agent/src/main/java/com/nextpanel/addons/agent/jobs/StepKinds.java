package com.nextpanel.addons.agent.jobs;

import com.nextpanel.addons.agent.AgentException;
import com.nextpanel.addons.agent.ErrorCode;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Revives journaled steps after a restart: each step kind registers a function from its journaled record back to
 * a step. Recovery can only undo what it can revive, so every kind a planner produces must be registered here.
 */
public final class StepKinds {

    private final Map<String, Function<Map<String, String>, Step>> kinds = new ConcurrentHashMap<>();

    /** Registers (or replaces) how steps of {@code kind} are revived. */
    public StepKinds register(String kind, Function<Map<String, String>, Step> revive) {
        kinds.put(kind, revive);
        return this;
    }

    /** @throws AgentException {@code INTERNAL} for a kind nobody registered */
    public Step revive(String kind, Map<String, String> record) {
        Function<Map<String, String>, Step> f = kinds.get(kind);
        if (f == null) {
            throw new AgentException(ErrorCode.INTERNAL, "cannot revive journaled step of unknown kind " + kind);
        }
        return f.apply(record);
    }
}
