package com.nextpanel.addons.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

/** Turns HTTP answers and I/O failures into {@link AgentClientException}s, in one place. */
final class Failures {

    private Failures() {
    }

    static AgentClientException fromResponse(int status, byte[] body, ObjectMapper mapper, String what) {
        ErrorBody error = parse(body, mapper);
        ErrorCode code = ErrorCode.forStatus(status, error.error());
        String message = error.message().isBlank()
                ? code.explanation() + " (" + what + " answered " + status + ")"
                : error.message();
        List<String> reasons = error.reasons();
        return new AgentClientException(code, status, error.error().isBlank() ? null : error.error(), message, reasons, null, null);
    }

    static AgentClientException fromIo(IOException e, String server) {
        PinnedTrustManager.FingerprintMismatchException mismatch = find(e, PinnedTrustManager.FingerprintMismatchException.class);
        if (mismatch != null) {
            return new AgentClientException(ErrorCode.CERTIFICATE_CHANGED, 0, null,
                    "The certificate of " + server + " has changed since you trusted it (it now presents "
                            + Fingerprints.pretty(mismatch.presented()) + "). The connection was blocked.",
                    List.of(), mismatch.presented(), e);
        }
        if (e instanceof SSLHandshakeException || e instanceof SSLPeerUnverifiedException
                || find(e, java.security.cert.CertificateException.class) != null) {
            return new AgentClientException(ErrorCode.CERTIFICATE_UNTRUSTED, 0, null,
                    "The certificate of " + server + " is not trusted: " + e.getMessage(), List.of(), null, e);
        }
        if (e instanceof SSLException) {
            return new AgentClientException(ErrorCode.OFFLINE, 0, null,
                    "A secure connection to " + server + " could not be made (" + e.getMessage() + "). Is it an agent speaking HTTPS?",
                    List.of(), null, e);
        }
        String detail = e instanceof InterruptedIOException ? "timed out" : String.valueOf(e.getMessage());
        return new AgentClientException(ErrorCode.OFFLINE, 0, null,
                "The server " + server + " cannot be reached (" + detail + "). Check that the agent is running and the address is right.",
                List.of(), null, e);
    }

    private static ErrorBody parse(byte[] body, ObjectMapper mapper) {
        if (body == null || body.length == 0) {
            return new ErrorBody("", "", List.of());
        }
        try {
            return mapper.readValue(body, ErrorBody.class);
        } catch (IOException | RuntimeException notJson) {
            String text = new String(body, StandardCharsets.UTF_8).strip();
            return new ErrorBody("", text.length() > 200 ? text.substring(0, 200) + "…" : text, List.of());
        }
    }

    private static <T extends Throwable> T find(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
            for (Throwable s : c.getSuppressed()) {
                if (type.isInstance(s)) {
                    return type.cast(s);
                }
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return null;
    }
}
