package com.nextpanel.addons.samples.ai_chatbot;

import java.time.OffsetDateTime;

/**
 * One message of a session.
 *
 * @param sender {@code CUSTOMER} or {@code BOT}
 */
record ChatMessage(long id, long sessionId, String sender, String text, OffsetDateTime createdAt) {
}
