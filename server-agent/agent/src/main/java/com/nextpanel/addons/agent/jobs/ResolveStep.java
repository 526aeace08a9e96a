package com.nextpanel.addons.agent.jobs;

import java.util.Map;

/** The journal entry of the {@code resolve} phase: it plans, changes nothing, and has nothing to undo. */
final class ResolveStep implements Step {

    static final String KIND = "resolve";

    @Override
    public String name() {
        return "resolve";
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Map<String, String> record() {
        return Map.of();
    }

    @Override
    public String run(StepContext context) {
        return "";
    }

    @Override
    public String undo(StepContext context) {
        return "nothing to undo";
    }

    @Override
    public boolean changesServer() {
        return false;
    }
}
