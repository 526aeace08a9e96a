package com.nextpanel.addons.client;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a plan is asked for; sent lower-case ({@code "install"}). */
public enum PlanAction {
    INSTALL,
    UPDATE,
    UNINSTALL,
    ENABLE,
    DISABLE;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
