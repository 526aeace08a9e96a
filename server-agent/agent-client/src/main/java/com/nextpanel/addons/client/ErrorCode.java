package com.nextpanel.addons.client;

/**
 * What went wrong when talking to an agent, in the words a caller branches on. Each kind carries
 * a short, human explanation that a console can show as it is.
 */
public enum ErrorCode {
    /** The agent could not be reached: connection refused, unknown host, timed out, dropped. */
    OFFLINE("The server cannot be reached. Check that the agent is running and the address is right."),
    /** 401: no token or a token the agent does not accept. */
    UNAUTHORIZED("The server rejected the access token. Enter a valid admin token for this server."),
    /** 403: the token is valid but may not do this. */
    FORBIDDEN("This token is not allowed to do that."),
    /** The server presented a certificate whose fingerprint differs from the pinned one. */
    CERTIFICATE_CHANGED("The server's certificate has changed since you trusted it. The connection was blocked."),
    /** No fingerprint was pinned and the certificate is not trusted by the system either. */
    CERTIFICATE_UNTRUSTED("The server's certificate is not trusted. Check and trust its fingerprint first."),
    /** 400: the agent found the request malformed. */
    BAD_REQUEST("The server refused the request as malformed."),
    /** 404: unknown addon, version, job or backup. */
    NOT_FOUND("The server does not know that addon, version, job or backup."),
    /** 409: the action conflicts with the server's state (a dependent addon, a taken route, another job). */
    CONFLICT("The server refused because it conflicts with what is installed."),
    /** The agent could not verify its catalog (502 {@code catalog_untrusted}). */
    CATALOG_UNTRUSTED("The addon catalog failed verification. Nothing was installed."),
    /** Any other 4xx or 5xx answer. */
    SERVER_ERROR("The server failed to handle the request."),
    /** The agent answered something this client cannot read. */
    BAD_RESPONSE("The server sent an answer this console cannot read."),
    /** A wait (for instance for a job to end) ran out of time. */
    TIMEOUT("Timed out waiting for the server."),
    /** The calling thread was interrupted while waiting. */
    INTERRUPTED("The operation was interrupted.");

    private final String explanation;

    ErrorCode(String explanation) {
        this.explanation = explanation;
    }

    /** @return a sentence a user understands, saying what happened and what to do */
    public String explanation() {
        return explanation;
    }

    /** @return the kind that belongs to an HTTP status (and the server's error code, when it has one) */
    static ErrorCode forStatus(int status, String serverCode) {
        if ("catalog_untrusted".equals(serverCode)) {
            return CATALOG_UNTRUSTED;
        }
        return switch (status) {
            case 400, 413, 422 -> BAD_REQUEST;
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404, 405 -> NOT_FOUND;
            case 409 -> CONFLICT;
            default -> SERVER_ERROR;
        };
    }
}
