package com.nextpanel.addons.client;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** The state of an installed addon. */
public enum AddonState {
    ENABLED,
    DISABLED,
    FAILED,
    /** A state this client version does not know. */
    @JsonEnumDefaultValue
    UNKNOWN
}
