package com.nextpanel.addons.console.common;

/** The answer to a {@link Confirmation}: whether it was confirmed, and the state of its check box. */
public record ConfirmationResult(boolean confirmed, boolean checked) {

    public static ConfirmationResult cancelled() {
        return new ConfirmationResult(false, false);
    }
}
