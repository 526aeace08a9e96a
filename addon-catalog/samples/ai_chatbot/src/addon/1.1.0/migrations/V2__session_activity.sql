-- ai_chatbot 1.1.0: every session knows how many messages it holds and when the last one came, so that the
-- Live Chats view can sort by activity without counting. Sessions that exist already are backfilled from
-- their messages; from now on the addon keeps both columns up to date in the transaction that adds a message.
ALTER TABLE chat_sessions ADD COLUMN message_count BIGINT DEFAULT 0 NOT NULL;

ALTER TABLE chat_sessions ADD COLUMN last_message_at TIMESTAMP WITH TIME ZONE;

UPDATE chat_sessions
   SET message_count = (SELECT COUNT(*) FROM chat_messages m WHERE m.session_id = chat_sessions.id),
       last_message_at = (SELECT MAX(m.created_at) FROM chat_messages m WHERE m.session_id = chat_sessions.id);

CREATE INDEX chat_sessions_activity_idx ON chat_sessions (last_message_at);
