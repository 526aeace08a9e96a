package com.nextpanel.addons.agent.install;

import com.nextpanel.addons.agent.jobs.Step;
import java.util.LinkedHashMap;
import java.util.Map;

/** A step whose journaled record is its whole state; {@link InstallSteps} revives it from that record. */
abstract class StepBase implements Step {

    final InstallSteps ctx;
    final Map<String, String> record;

    StepBase(InstallSteps ctx, Map<String, String> record) {
        this.ctx = ctx;
        this.record = Map.copyOf(record);
    }

    @Override
    public Map<String, String> record() {
        return record;
    }

    String get(String key) {
        String v = record.get(key);
        if (v == null) {
            throw new IllegalStateException(kind() + ": journaled record lacks " + key);
        }
        return v;
    }

    String opt(String key) {
        return record.getOrDefault(key, "");
    }

    static Map<String, String> rec(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            if (kv[i + 1] != null) {
                m.put(kv[i], kv[i + 1]);
            }
        }
        return m;
    }
}
