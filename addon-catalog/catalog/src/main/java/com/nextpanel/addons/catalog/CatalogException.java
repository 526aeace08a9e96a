package com.nextpanel.addons.catalog;

import java.util.Objects;

/**
 * The addon-catalog module's one root exception. Its {@link ErrorCode} says what kind of problem it is;
 * its message names the offending file, key or field and the reason.
 */
public class CatalogException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    public CatalogException(ErrorCode code, String message) {
        this(code, message, null);
    }

    public CatalogException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    public ErrorCode code() {
        return code;
    }
}
