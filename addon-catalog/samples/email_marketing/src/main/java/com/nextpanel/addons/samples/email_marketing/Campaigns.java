package com.nextpanel.addons.samples.email_marketing;

import com.nextpanel.addons.samples.common.Db;
import com.nextpanel.addons.samples.common.RouteProblem;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** The {@code campaigns} and {@code campaign_deliveries} tables. */
final class Campaigns {

    /** One delivery of a sent campaign. */
    record Delivery(long subscriberId, String email, OffsetDateTime deliveredAt) {
    }

    private static final String COLUMNS = "id, name, subject, body, status, recipients, created_at, sent_at";

    private final Db db;

    Campaigns(Db db) {
        this.db = db;
    }

    List<Campaign> list() throws SQLException {
        return db.list("SELECT " + COLUMNS + " FROM campaigns ORDER BY id DESC", Campaigns::campaign);
    }

    Optional<Campaign> byId(long id) throws SQLException {
        return db.first("SELECT " + COLUMNS + " FROM campaigns WHERE id = ?", Campaigns::campaign, id);
    }

    Campaign create(String name, String subject, String body) throws SQLException {
        long id = db.insert("INSERT INTO campaigns (name, subject, body) VALUES (?, ?, ?)", name, subject, body);
        return byId(id).orElseThrow();
    }

    /**
     * Sends a draft: records one delivery per current subscriber and marks the campaign sent, in one
     * transaction. The status update comes first and only matches a draft, so two concurrent sends cannot both
     * deliver.
     */
    Campaign send(long id) throws SQLException {
        return db.transaction(tx -> {
            int claimed = tx.update("UPDATE campaigns SET status = 'SENT', sent_at = CURRENT_TIMESTAMP"
                    + " WHERE id = ? AND status = 'DRAFT'", id);
            if (claimed == 0) {
                tx.first("SELECT id FROM campaigns WHERE id = ?", row -> row.getLong(1), id)
                        .orElseThrow(() -> missing(id));
                throw RouteProblem.conflict("campaign " + id + " was sent already");
            }
            int recipients = tx.update("INSERT INTO campaign_deliveries (campaign_id, subscriber_id, email)"
                    + " SELECT ?, id, email FROM subscribers WHERE status = 'SUBSCRIBED'", id);
            tx.update("UPDATE campaigns SET recipients = ? WHERE id = ?", recipients, id);
            return tx.first("SELECT " + COLUMNS + " FROM campaigns WHERE id = ?", Campaigns::campaign, id)
                    .orElseThrow();
        });
    }

    List<Delivery> deliveries(long id) throws SQLException {
        byId(id).orElseThrow(() -> missing(id));
        return db.list("SELECT subscriber_id, email, delivered_at FROM campaign_deliveries WHERE campaign_id = ?"
                + " ORDER BY email", row -> new Delivery(row.getLong(1), row.getString(2), Db.time(row, "delivered_at")), id);
    }

    static RouteProblem missing(long id) {
        return RouteProblem.notFound("no campaign " + id);
    }

    private static Campaign campaign(ResultSet row) throws SQLException {
        return new Campaign(row.getLong("id"), row.getString("name"), row.getString("subject"), row.getString("body"),
                row.getString("status"), row.getLong("recipients"), Db.time(row, "created_at"), Db.time(row, "sent_at"));
    }
}
