package com.nextpanel.addons.agent.core;

import java.time.Instant;

/** A customer of the billing core. */
public record Customer(long id, String name, String email, Instant createdAt) {
}
