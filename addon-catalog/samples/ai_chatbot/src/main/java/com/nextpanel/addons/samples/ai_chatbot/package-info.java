/**
 * The {@code ai_chatbot} sample addon: chat sessions and messages in its own schema, replies from a canned,
 * keyword-based {@link com.nextpanel.addons.samples.ai_chatbot.CannedResponder} (no external service), and from
 * 1.1.0 on per-session activity ({@code message_count}, {@code last_message_at}) that migration V2 backfills.
 * The same code serves both releases: {@link com.nextpanel.addons.samples.ai_chatbot.ChatStore} asks the
 * installed version whether the V2 columns exist.
 */
package com.nextpanel.addons.samples.ai_chatbot;
