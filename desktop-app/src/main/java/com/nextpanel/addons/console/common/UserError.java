package com.nextpanel.addons.console.common;

import com.nextpanel.addons.client.AgentClientException;
import com.nextpanel.addons.client.ErrorCode;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An error as a person reads it: what happened, in one line; what to do; and any reasons the server gave.
 * {@link #of} logs the full failure (with its stack trace) once, to the log file, and keeps the dialog clean.
 */
public record UserError(String title, String message, String hint, List<String> reasons) {

    private static final Logger LOG = LoggerFactory.getLogger(UserError.class);

    public UserError {
        reasons = List.copyOf(reasons);
    }

    /** @param doing what the console was doing, e.g. "Installing ai_chatbot" */
    public static UserError of(String doing, Throwable error) {
        LOG.warn("{} failed", doing, error);
        if (error instanceof AgentClientException e) {
            return fromAgent(doing, e);
        }
        if (error instanceof IllegalArgumentException) {
            return new UserError(doing + " failed", error.getMessage(), "Correct the value and try again.", List.of());
        }
        String name = error.getClass().getSimpleName();
        if (name.contains("Catalog")) {
            return new UserError("The addon catalog failed verification", plain(String.valueOf(error.getMessage())),
                    "Nothing was installed. The catalog may have been tampered with, or it expired: ask its publisher.", List.of());
        }
        return new UserError(doing + " failed", plain(String.valueOf(error.getMessage())),
                "Details are in the console log (" + ConsolePaths.logFileHint() + ").", List.of());
    }

    private static UserError fromAgent(String doing, AgentClientException e) {
        ErrorCode code = e.code();
        return switch (code) {
            case OFFLINE -> new UserError("Server offline", firstSentence(plain(e.getMessage())),
                    "Start the agent or check the address, then connect again.", e.reasons());
            case UNAUTHORIZED -> new UserError("Token rejected", "The server did not accept the access token.",
                    "Open Servers, paste the admin token (the agent's admin.token file) and connect again.", e.reasons());
            case FORBIDDEN -> new UserError("Not allowed", e.getMessage(), "Use a token with the admin role.", e.reasons());
            case CERTIFICATE_CHANGED -> new UserError("Certificate changed: connection blocked", e.getMessage(),
                    "If the server was reinstalled, compare its tls.sha256 file with the fingerprint shown, then choose "
                            + "'Forget certificate' in Servers. Otherwise someone may be intercepting the connection.", e.reasons());
            case CERTIFICATE_UNTRUSTED -> new UserError("Certificate not trusted", e.getMessage(),
                    "Connect from Servers to check and trust the server's fingerprint.", e.reasons());
            case CONFLICT -> new UserError(doing + " refused", e.getMessage(),
                    "Nothing was changed. Resolve the conflict (see the reasons) and try again.", e.reasons());
            case CATALOG_UNTRUSTED -> new UserError("The addon catalog failed verification", plain(e.getMessage()),
                    "Nothing was installed. The catalog may have been tampered with, or it expired: ask its publisher.", e.reasons());
            case NOT_FOUND -> new UserError(doing + " failed", e.getMessage(), "Refresh and try again.", e.reasons());
            default -> new UserError(doing + " failed", e.getMessage(),
                    "Details are in the console log (" + ConsolePaths.logFileHint() + ").", e.reasons());
        };
    }

    /**
     * Drops what is for developers (a parenthesised library message quoting Java types, a socket error), which
     * the log file keeps; the rest of the message, naming the file, addon or key at fault, stays.
     */
    static String plain(String message) {
        return message.replaceAll("\\s*\\((?:[^()]*(?:`|Exception|Failed to connect|Connection refused|\\bat \\[Source)[^()]*)\\)", "");
    }

    private static String firstSentence(String message) {
        int end = message.indexOf(". ");
        return end < 0 ? message : message.substring(0, end + 1);
    }

    /** @return the whole text for a dialog or a status line */
    public String describe() {
        StringBuilder sb = new StringBuilder(message);
        for (String r : reasons) {
            sb.append("\n  • ").append(r);
        }
        if (!hint.isBlank()) {
            sb.append("\n\n").append(hint);
        }
        return sb.toString();
    }
}
