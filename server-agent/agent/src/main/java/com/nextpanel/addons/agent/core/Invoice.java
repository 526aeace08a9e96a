package com.nextpanel.addons.agent.core;

import java.time.Instant;

/** An invoice of the billing core; amounts are in cents of {@code currency}. */
public record Invoice(long id, long customerId, String number, long amountCents, String currency, String status,
                      Instant issuedAt) {
}
