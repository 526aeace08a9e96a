package com.nextpanel.addons.installers;

/** Why building an installer failed; the message names the tool, file or option at fault. */
public final class InstallerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    public InstallerException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public InstallerException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
