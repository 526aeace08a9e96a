package com.nextpanel.addons.samples.email_marketing;

import java.time.OffsetDateTime;

/**
 * A newsletter campaign.
 *
 * @param status {@code DRAFT} or {@code SENT}
 * @param recipients how many subscribers it was delivered to (0 while a draft)
 */
record Campaign(long id, String name, String subject, String body, String status, long recipients,
        OffsetDateTime createdAt, OffsetDateTime sentAt) {
}
