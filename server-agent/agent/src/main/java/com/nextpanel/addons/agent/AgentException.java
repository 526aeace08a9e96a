package com.nextpanel.addons.agent;

import java.util.List;
import java.util.Objects;

/**
 * The agent's one root exception. Expected problems inside the agent are values; they become an
 * {@code AgentException} at the boundary, whose {@link ErrorCode} decides the HTTP status.
 * The message names the offending addon, version, file or key.
 */
public class AgentException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final List<String> reasons;

    public AgentException(ErrorCode code, String message) {
        this(code, message, List.of(), null);
    }

    public AgentException(ErrorCode code, String message, Throwable cause) {
        this(code, message, List.of(), cause);
    }

    /**
     * @param reasons every reason, for answers that list several (a plan refused for three reasons)
     */
    public AgentException(ErrorCode code, String message, List<String> reasons, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
        this.reasons = List.copyOf(reasons);
    }

    public ErrorCode code() {
        return code;
    }

    /** @return the individual reasons, empty when the message says it all */
    public List<String> reasons() {
        return reasons;
    }
}
