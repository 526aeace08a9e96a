package com.nextpanel.addons.samples.ai_chatbot;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A chat session.
 *
 * @param customerId the billing customer it belongs to, null for an anonymous visitor
 * @param activity its message count and last message time, from 1.1.0 on
 */
record ChatSession(long id, Long customerId, String title, String status, OffsetDateTime createdAt,
        Optional<Activity> activity) {

    /** What 1.1.0 keeps per session (migration V2). */
    record Activity(long messageCount, OffsetDateTime lastMessageAt) {
    }

    /** @return the JSON the routes answer: flat, with the activity fields only where the release has them */
    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("customerId", customerId);
        json.put("title", title);
        json.put("status", status);
        json.put("createdAt", createdAt);
        activity.ifPresent(a -> {
            json.put("messageCount", a.messageCount());
            json.put("lastMessageAt", a.lastMessageAt());
        });
        return json;
    }
}
