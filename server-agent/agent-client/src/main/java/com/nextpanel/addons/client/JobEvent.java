package com.nextpanel.addons.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One server-sent event of {@code GET /agent/v1/jobs/{jobId}/events}. {@code type} is the SSE event
 * name ({@code step}, {@code progress}, {@code log}, {@code state}, {@code end}; {@code message} when the
 * server names none), {@code data} its JSON payload. The accessors read the fields the events carry:
 * {@code step} (or {@code name}), {@code state}, {@code message}, {@code progress} (0..1, or a percentage).
 * The stream ends with an {@code end} event whose data is the final job, or at least its state.
 */
public record JobEvent(String type, Optional<String> eventId, JsonNode data) {

    public static final String END = "end";

    public JobEvent {
        type = type == null || type.isBlank() ? "message" : type;
        eventId = eventId == null ? Optional.empty() : eventId;
        data = data == null ? MissingNode.getInstance() : data;
    }

    public boolean isEnd() {
        return END.equals(type);
    }

    /** @return the step this event is about */
    public Optional<String> step() {
        return text("step").or(() -> "step".equals(type) ? text("name") : Optional.empty());
    }

    public Optional<String> state() {
        return text("state");
    }

    public Optional<String> message() {
        return text("message").or(() -> text("line"));
    }

    /** @return progress as a fraction 0..1, when the event carries it */
    public OptionalDouble progress() {
        JsonNode p = data.get("progress");
        if (p == null || !p.isNumber()) {
            return OptionalDouble.empty();
        }
        double v = p.asDouble();
        return OptionalDouble.of(v > 1.0 ? Math.min(v / 100.0, 1.0) : Math.max(v, 0.0));
    }

    /** @return the job, when the event carries a whole one (the {@code end} event does) */
    public Optional<JobView> job(ObjectMapper mapper) {
        JsonNode node = data.has("job") ? data.get("job") : data;
        if (node == null || !node.isObject() || !node.has("state") || !(node.has("jobId") || node.has("steps"))) {
            return Optional.empty();
        }
        try {
            return Optional.of(mapper.treeToValue(node, JobView.class));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private Optional<String> text(String field) {
        Objects.requireNonNull(field);
        JsonNode v = data.get(field);
        return v != null && v.isValueNode() && !v.isNull() ? Optional.of(v.asText()) : Optional.empty();
    }
}
