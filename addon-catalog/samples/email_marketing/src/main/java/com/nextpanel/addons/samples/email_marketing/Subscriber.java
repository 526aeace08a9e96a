package com.nextpanel.addons.samples.email_marketing;

import java.time.OffsetDateTime;

/**
 * A newsletter subscriber.
 *
 * @param customerId the billing customer it was imported from, null when it subscribed itself
 * @param status {@code SUBSCRIBED} or {@code UNSUBSCRIBED}
 */
record Subscriber(long id, String email, String name, Long customerId, String status, OffsetDateTime createdAt,
        OffsetDateTime unsubscribedAt) {
}
