package com.nextpanel.addons.agent.registry;

/**
 * The state of an installed addon, as {@code GET /agent/v1/addons} shows it. {@code ENABLED}: its code is
 * loaded and its routes answer. {@code DISABLED}: its schema and rows are kept, its code and routes are out.
 * {@code FAILED}: it should be enabled but could not be loaded (files missing or broken, start threw); the
 * rest of the server keeps serving. Both disabled and failed addons count as installed for dependencies.
 */
public enum AddonState {
    ENABLED,
    DISABLED,
    FAILED
}
