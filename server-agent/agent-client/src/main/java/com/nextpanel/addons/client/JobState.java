package com.nextpanel.addons.client;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** The state of a job. {@code FAILED}: failed before it changed anything; {@code ROLLED_BACK}: every change was undone. */
public enum JobState {
    QUEUED,
    RUNNING,
    SUCCEEDED,
    FAILED,
    ROLLED_BACK,
    /** A state this client version does not know. */
    @JsonEnumDefaultValue
    UNKNOWN;

    /** @return true once the job has ended and will not change again */
    public boolean isTerminal() {
        return this == SUCCEEDED || this == FAILED || this == ROLLED_BACK;
    }
}
