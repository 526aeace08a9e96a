package com.nextpanel.addons.samples.sms_notifications;

import com.nextpanel.addons.samples.common.Db;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/**
 * A stand-in for an SMS provider that "accepts" a message by recording it in {@code sms_gateway_log}, so the
 * sample runs offline. Like real providers it refuses some numbers: those in the {@code +999} range, which no
 * country uses, stand for unreachable recipients in demos and tests.
 */
final class LocalGateway {

    /** The gateway's answer: a reference when accepted, a reason when refused. */
    record Outcome(Optional<String> reference, Optional<String> refusal) {
    }

    private final Db db;

    LocalGateway(Db db) {
        this.db = db;
    }

    /** Hands one message over, in the caller's transaction ({@code tx}). */
    Outcome send(Db tx, long messageId, String to, String text) throws SQLException {
        if (to.startsWith("+999")) {
            return new Outcome(Optional.empty(), Optional.of("recipient " + to + " is unreachable"));
        }
        String reference = "local-" + UUID.randomUUID();
        tx.insert("INSERT INTO sms_gateway_log (message_id, reference, recipient, text) VALUES (?, ?, ?, ?)",
                messageId, reference, to, text);
        return new Outcome(Optional.of(reference), Optional.empty());
    }

    /** @return how many messages the gateway has accepted */
    long accepted() throws SQLException {
        return db.count("SELECT COUNT(*) FROM sms_gateway_log");
    }
}
