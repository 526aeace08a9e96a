package com.nextpanel.addons.samples.sms_notifications;

import com.nextpanel.addons.samples.common.Db;
import com.nextpanel.addons.samples.common.RouteProblem;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** The {@code sms_messages} table. */
final class SmsStore {

    private static final String COLUMNS = "id, recipient, template, text, segments, status, error, created_at, sent_at";

    private final Db db;

    SmsStore(Db db) {
        this.db = db;
    }

    long count() throws SQLException {
        return db.count("SELECT COUNT(*) FROM sms_messages");
    }

    List<SmsMessage> list(Optional<String> status, int limit) throws SQLException {
        String where = status.isPresent() ? " WHERE status = ?" : "";
        Object[] params = status.isPresent() ? new Object[] {status.get(), limit} : new Object[] {limit};
        return db.list("SELECT " + COLUMNS + " FROM sms_messages" + where + " ORDER BY id DESC FETCH FIRST ? ROWS ONLY",
                SmsStore::message, params);
    }

    Optional<SmsMessage> byId(long id) throws SQLException {
        return db.first("SELECT " + COLUMNS + " FROM sms_messages WHERE id = ?", SmsStore::message, id);
    }

    /**
     * Queues the message and hands it to the gateway in one transaction, so that the log never holds a message
     * the queue does not, nor the reverse.
     */
    SmsMessage queueAndDeliver(String to, String template, String text, LocalGateway gateway) throws SQLException {
        return db.transaction(tx -> {
            long id = tx.insert("INSERT INTO sms_messages (recipient, template, text, segments) VALUES (?, ?, ?, ?)",
                    to, template, text, SmsMessage.segments(text));
            LocalGateway.Outcome outcome = gateway.send(tx, id, to, text);
            if (outcome.reference().isPresent()) {
                tx.update("UPDATE sms_messages SET status = 'SENT', sent_at = CURRENT_TIMESTAMP WHERE id = ?", id);
            } else {
                tx.update("UPDATE sms_messages SET status = 'FAILED', error = ? WHERE id = ?",
                        outcome.refusal().orElseThrow(), id);
            }
            return tx.first("SELECT " + COLUMNS + " FROM sms_messages WHERE id = ?", SmsStore::message, id)
                    .orElseThrow();
        });
    }

    static RouteProblem missing(long id) {
        return RouteProblem.notFound("no SMS message " + id);
    }

    private static SmsMessage message(ResultSet row) throws SQLException {
        return new SmsMessage(row.getLong("id"), row.getString("recipient"), row.getString("template"),
                row.getString("text"), row.getLong("segments"), row.getString("status"), row.getString("error"),
                Db.time(row, "created_at"), Db.time(row, "sent_at"));
    }
}
