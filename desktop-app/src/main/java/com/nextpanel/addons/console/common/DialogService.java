package com.nextpanel.addons.console.common;

/**
 * Every dialog the console shows. View models ask through this interface, so that they stay testable and
 * never touch controls; errors arrive already translated ({@link UserError}) and never show a stack trace.
 */
public interface DialogService {

    ConfirmationResult confirm(Confirmation confirmation);

    void showError(UserError error);

    void showInfo(String title, String message);

    /**
     * Trust on first use: shows the certificate fingerprint the server presented and asks whether to trust it.
     *
     * @return true to pin it
     */
    boolean askTrust(String server, String prettyFingerprint, String subject);
}
