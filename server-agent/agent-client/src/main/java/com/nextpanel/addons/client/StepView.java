package com.nextpanel.addons.client;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One step of a job: {@code {"name","state","message"}}; start, finish and duration are read when the
 * agent sends them. Step states are the agent's words ({@code PENDING}, {@code RUNNING}, {@code DONE},
 * {@code FAILED}, {@code UNDONE}...), kept as text.
 */
public record StepView(
        String name,
        String state,
        String message,
        Optional<Instant> startedAt,
        Optional<Instant> finishedAt,
        Optional<Long> durationMs) {

    public StepView {
        Objects.requireNonNull(name, "name");
        state = state == null ? "" : state;
        message = message == null ? "" : message;
        startedAt = startedAt == null ? Optional.empty() : startedAt;
        finishedAt = finishedAt == null ? Optional.empty() : finishedAt;
        durationMs = durationMs == null ? Optional.empty() : durationMs;
    }

    public StepView(String name, String state, String message) {
        this(name, state, message, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** @return how long the step took: as the agent said, or from its start and finish */
    public Optional<Duration> duration() {
        if (durationMs.isPresent()) {
            return durationMs.map(Duration::ofMillis);
        }
        if (startedAt.isPresent() && finishedAt.isPresent()) {
            return Optional.of(Duration.between(startedAt.get(), finishedAt.get()));
        }
        return Optional.empty();
    }
}
