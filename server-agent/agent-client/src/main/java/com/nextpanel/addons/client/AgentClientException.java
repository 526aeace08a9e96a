package com.nextpanel.addons.client;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The client's one root exception. {@link #code()} says which kind of failure it is (offline,
 * unauthorized, certificate changed, conflict...), {@link #status()} the HTTP status when the agent
 * answered, {@link #serverError()} the agent's own {@code error} code and {@link #getMessage()} its
 * message (or a client-side description).
 */
public class AgentClientException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final int status;
    private final String serverError;
    private final List<String> reasons;
    private final String presentedFingerprint;

    public AgentClientException(ErrorCode code, String message, Throwable cause) {
        this(code, 0, null, message, List.of(), null, cause);
    }

    public AgentClientException(ErrorCode code, int status, String serverError, String message,
                         List<String> reasons, String presentedFingerprint, Throwable cause) {
        super(message == null || message.isBlank() ? code.explanation() : message, cause);
        this.code = Objects.requireNonNull(code, "code");
        this.status = status;
        this.serverError = serverError;
        this.reasons = reasons == null ? List.of() : List.copyOf(reasons);
        this.presentedFingerprint = presentedFingerprint;
    }

    /** @return the kind of failure */
    public ErrorCode code() {
        return code;
    }

    /** @return the HTTP status the agent answered with, or 0 when it did not answer */
    public int status() {
        return status;
    }

    /** @return the agent's {@code error} field (e.g. {@code conflict}), when it sent one */
    public Optional<String> serverError() {
        return Optional.ofNullable(serverError);
    }

    /** @return the individual reasons the agent gave (a refused plan lists several), possibly empty */
    public List<String> reasons() {
        return reasons;
    }

    /** @return for {@link ErrorCode#CERTIFICATE_CHANGED}: the fingerprint the server presented */
    public Optional<String> presentedFingerprint() {
        return Optional.ofNullable(presentedFingerprint);
    }

    public boolean isOffline() {
        return code == ErrorCode.OFFLINE;
    }

    public boolean isUnauthorized() {
        return code == ErrorCode.UNAUTHORIZED;
    }

    public boolean isCertificateChanged() {
        return code == ErrorCode.CERTIFICATE_CHANGED;
    }

    public boolean isConflict() {
        return code == ErrorCode.CONFLICT;
    }
}
