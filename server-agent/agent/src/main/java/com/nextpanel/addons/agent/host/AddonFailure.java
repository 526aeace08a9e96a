package com.nextpanel.addons.agent.host;

/**
 * Why an addon failed, as a host-side copy of the addon's exception: same message, type name and stack trace,
 * but no object of the addon's classes, so that keeping the failure does not keep the addon's classloader alive.
 */
public final class AddonFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private static final int MAX_CAUSES = 8;

    private final String originalType;

    private AddonFailure(String message, String originalType, Throwable cause) {
        super(message, cause);
        this.originalType = originalType;
    }

    /**
     * @param what what the host was doing, e.g. {@code addon chat 1.0.0 failed to start}
     * @param thrown what the addon threw
     * @return the copy, with {@code what} and the original message
     */
    static AddonFailure of(String what, Throwable thrown) {
        AddonFailure failure = new AddonFailure(what + ": " + describe(thrown), thrown.getClass().getName(),
                copyCauses(thrown.getCause(), MAX_CAUSES));
        failure.setStackTrace(thrown.getStackTrace());
        return failure;
    }

    /**
     * @param message what did not finish in time, e.g. {@code addon chat 1.0.0 did not start within 30 s}
     * @param where the stack of the addon's thread when the time ran out: where it hangs
     */
    static AddonFailure timedOut(String message, StackTraceElement[] where) {
        AddonFailure failure = new AddonFailure(message, java.util.concurrent.TimeoutException.class.getName(), null);
        failure.setStackTrace(where);
        return failure;
    }

    private static Throwable copyCauses(Throwable cause, int depth) {
        if (cause == null || depth == 0) {
            return null;
        }
        AddonFailure copy = new AddonFailure(describe(cause), cause.getClass().getName(),
                copyCauses(cause.getCause(), depth - 1));
        copy.setStackTrace(cause.getStackTrace());
        return copy;
    }

    private static String describe(Throwable t) {
        return t.getClass().getName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }

    /** @return the class name of what the addon threw */
    public String originalType() {
        return originalType;
    }
}
