package com.nextpanel.addons.samples.notification_hub;

import java.time.OffsetDateTime;

/**
 * A message template.
 *
 * @param channel {@code EMAIL}, {@code SMS} or {@code ANY}
 * @param subject the subject line (e-mail), null when the template has none
 * @param body the text, with {@code {{name}}} placeholders
 */
record Template(long id, String name, String channel, String subject, String body, OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {
}
