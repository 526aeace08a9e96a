package com.nextpanel.addons.console.jobs;

import java.time.Duration;
import java.util.Optional;

/** One step of a job as the Jobs page shows it. */
public record StepRow(String name, String state, String message, Optional<Duration> duration) {

    public StepRow {
        state = state == null ? "" : state;
        message = message == null ? "" : message;
        duration = duration == null ? Optional.empty() : duration;
    }

    public boolean isFinished() {
        return switch (state.toUpperCase(java.util.Locale.ROOT)) {
            case "DONE", "SUCCEEDED", "COMPLETED", "OK", "SKIPPED", "FAILED", "UNDONE", "ROLLED_BACK" -> true;
            default -> false;
        };
    }
}
