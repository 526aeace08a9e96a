package com.nextpanel.addons.catalog.manifest;

/**
 * One thing wrong with a manifest or a package's file list.
 *
 * @param field   where: {@code id}, {@code routes[1]}, {@code requires.addons.notification_hub},
 *                {@code migrations/V1__init.sql}
 * @param message what is wrong, naming the offending value
 */
public record ManifestProblem(String field, String message) {

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
