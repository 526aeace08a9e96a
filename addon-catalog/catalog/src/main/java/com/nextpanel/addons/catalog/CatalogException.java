package com.nextpanel.addons.catalog;

import java.util.List;
import java.util.Objects;

/**
 * The addon-catalog module's one root exception. Its {@link ErrorCode} says what kind of problem it is;
 * its message names the offending file, key, field or entry and the reason. Expected problems are values
 * inside the module (a {@code Resolution}, a list of {@code ManifestProblem}s); they become a
 * {@code CatalogException} at the boundary.
 */
public class CatalogException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final List<String> problems;

    public CatalogException(ErrorCode code, String message) {
        this(code, message, List.of(), null);
    }

    public CatalogException(ErrorCode code, String message, Throwable cause) {
        this(code, message, List.of(), cause);
    }

    public CatalogException(ErrorCode code, String message, List<String> problems) {
        this(code, message, problems, null);
    }

    /**
     * @param problems every individual problem, for failures that have several (a manifest with three
     *                 bad fields); empty when the message says it all
     */
    public CatalogException(ErrorCode code, String message, List<String> problems, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
        this.problems = List.copyOf(problems);
    }

    public ErrorCode code() {
        return code;
    }

    /** @return the individual problems, each one line naming its offender; empty when the message says it all */
    public List<String> problems() {
        return problems;
    }
}
