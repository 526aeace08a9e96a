package com.nextpanel.addons.client;

/** A 202 answer: {@code {"jobId"}}. */
public record JobAccepted(String jobId) {
}
