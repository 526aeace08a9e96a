package com.nextpanel.addons.samples.ai_chatbot;

import com.nextpanel.addons.samples.common.Db;
import com.nextpanel.addons.samples.common.RouteProblem;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** The addon's tables. Unqualified names: the connection's default schema is the addon's own. */
final class ChatStore {

    /** The customer's message and the bot's reply, stored together. */
    record Exchange(ChatMessage message, ChatMessage reply, String sessionStatus) {
    }

    private static final String SESSION_COLUMNS = "id, customer_id, title, status, created_at";
    private static final String ACTIVITY_COLUMNS = ", message_count, last_message_at";

    private final Db db;
    private final boolean tracksActivity;

    ChatStore(Db db, boolean tracksActivity) {
        this.db = db;
        this.tracksActivity = tracksActivity;
    }

    /**
     * @param version the installed release, e.g. {@code 1.1.0}
     * @return whether that release's schema has migration V2's activity columns (1.1.0 and later)
     */
    static boolean tracksActivity(String version) {
        String[] parts = version.split("[.+-]");
        int major = Integer.parseInt(parts[0]);
        int minor = Integer.parseInt(parts[1]);
        return major > 1 || (major == 1 && minor >= 1);
    }

    boolean tracksActivity() {
        return tracksActivity;
    }

    long countSessions() throws SQLException {
        return db.count("SELECT COUNT(*) FROM chat_sessions");
    }

    List<ChatSession> sessions(Optional<String> status, int limit) throws SQLException {
        String order = tracksActivity ? "COALESCE(last_message_at, created_at) DESC, id DESC" : "id DESC";
        String where = status.isPresent() ? " WHERE status = ?" : "";
        Object[] params = status.isPresent() ? new Object[] {status.get(), limit} : new Object[] {limit};
        return db.list("SELECT " + columns() + " FROM chat_sessions" + where + " ORDER BY " + order
                + " FETCH FIRST ? ROWS ONLY", this::session, params);
    }

    Optional<ChatSession> session(long id) throws SQLException {
        return db.first("SELECT " + columns() + " FROM chat_sessions WHERE id = ?", this::session, id);
    }

    ChatSession createSession(Long customerId, String title) throws SQLException {
        long id = db.insert("INSERT INTO chat_sessions (customer_id, title) VALUES (?, ?)", customerId, title);
        return session(id).orElseThrow();
    }

    List<ChatMessage> messages(long sessionId) throws SQLException {
        return db.list("SELECT id, session_id, sender, text, created_at FROM chat_messages WHERE session_id = ?"
                + " ORDER BY id", ChatStore::message, sessionId);
    }

    /** Stores the customer's message and the reply in one transaction, with the session's new state. */
    Exchange exchange(long sessionId, String text, CannedResponder.Reply reply) throws SQLException {
        return db.transaction(tx -> {
            ChatSession session = tx.first("SELECT " + columns() + " FROM chat_sessions WHERE id = ?",
                    this::session, sessionId).orElseThrow(() -> missing(sessionId));
            if (session.status().equals("CLOSED")) {
                throw RouteProblem.conflict("chat session " + sessionId + " is closed");
            }
            long messageId = tx.insert("INSERT INTO chat_messages (session_id, sender, text) VALUES (?, 'CUSTOMER', ?)",
                    sessionId, text);
            long replyId = tx.insert("INSERT INTO chat_messages (session_id, sender, text) VALUES (?, 'BOT', ?)",
                    sessionId, reply.text());
            String status = reply.escalate() ? "WAITING_FOR_AGENT" : session.status();
            if (tracksActivity) {
                tx.update("UPDATE chat_sessions SET status = ?, message_count = message_count + 2,"
                        + " last_message_at = CURRENT_TIMESTAMP WHERE id = ?", status, sessionId);
            } else {
                tx.update("UPDATE chat_sessions SET status = ? WHERE id = ?", status, sessionId);
            }
            String byId = "SELECT id, session_id, sender, text, created_at FROM chat_messages WHERE id = ?";
            return new Exchange(tx.first(byId, ChatStore::message, messageId).orElseThrow(),
                    tx.first(byId, ChatStore::message, replyId).orElseThrow(), status);
        });
    }

    static RouteProblem missing(long sessionId) {
        return RouteProblem.notFound("no chat session " + sessionId);
    }

    private String columns() {
        return tracksActivity ? SESSION_COLUMNS + ACTIVITY_COLUMNS : SESSION_COLUMNS;
    }

    private ChatSession session(ResultSet row) throws SQLException {
        Optional<ChatSession.Activity> activity = tracksActivity
                ? Optional.of(new ChatSession.Activity(row.getLong("message_count"), Db.time(row, "last_message_at")))
                : Optional.empty();
        return new ChatSession(row.getLong("id"), Db.nullableLong(row, "customer_id"), row.getString("title"),
                row.getString("status"), Db.time(row, "created_at"), activity);
    }

    private static ChatMessage message(ResultSet row) throws SQLException {
        return new ChatMessage(row.getLong("id"), row.getLong("session_id"), row.getString("sender"),
                row.getString("text"), Db.time(row, "created_at"));
    }
}
