package com.nextpanel.addons.samples.email_marketing;

import com.nextpanel.addons.samples.common.Db;
import com.nextpanel.addons.samples.common.RouteProblem;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** The {@code subscribers} table, and the import from {@code billing.customers}. */
final class Subscribers {

    /** What an import did. */
    record Import(long imported, long skipped) {
    }

    private static final String COLUMNS = "id, email, name, customer_id, status, created_at, unsubscribed_at";

    private final Db db;

    Subscribers(Db db) {
        this.db = db;
    }

    List<Subscriber> list(Optional<String> status) throws SQLException {
        if (status.isPresent()) {
            return db.list("SELECT " + COLUMNS + " FROM subscribers WHERE status = ? ORDER BY email",
                    Subscribers::subscriber, status.get());
        }
        return db.list("SELECT " + COLUMNS + " FROM subscribers ORDER BY email", Subscribers::subscriber);
    }

    Optional<Subscriber> byId(long id) throws SQLException {
        return db.first("SELECT " + COLUMNS + " FROM subscribers WHERE id = ?", Subscribers::subscriber, id);
    }

    Subscriber subscribe(String email, String name) throws SQLException {
        return db.transaction(tx -> {
            if (tx.count("SELECT COUNT(*) FROM subscribers WHERE email = ?", email) > 0) {
                throw RouteProblem.conflict("'" + email + "' is a subscriber already");
            }
            long id = tx.insert("INSERT INTO subscribers (email, name) VALUES (?, ?)", email, name);
            return tx.first("SELECT " + COLUMNS + " FROM subscribers WHERE id = ?", Subscribers::subscriber, id)
                    .orElseThrow();
        });
    }

    /** Marks the subscriber unsubscribed; it stays, so that an import never subscribes it again. */
    Subscriber unsubscribe(long id) throws SQLException {
        db.update("UPDATE subscribers SET status = 'UNSUBSCRIBED', unsubscribed_at = CURRENT_TIMESTAMP"
                + " WHERE id = ? AND status = 'SUBSCRIBED'", id);
        return byId(id).orElseThrow(() -> missing(id));
    }

    /**
     * Subscribes every billing customer whose e-mail is not known yet (unsubscribed ones included, so that
     * nobody is subscribed again against their will). Reads {@code billing.customers}: the manifest's
     * {@code billing.customers:read} permission is what lets the addon's database role do so.
     */
    Import importCustomers() throws SQLException {
        return db.transaction(tx -> {
            long customers = tx.count("SELECT COUNT(*) FROM billing.customers");
            long imported = tx.update("INSERT INTO subscribers (email, name, customer_id)"
                    + " SELECT LOWER(c.email), c.name, c.id FROM billing.customers c"
                    + " WHERE NOT EXISTS (SELECT 1 FROM subscribers s WHERE s.email = LOWER(c.email))");
            return new Import(imported, customers - imported);
        });
    }

    static RouteProblem missing(long id) {
        return RouteProblem.notFound("no subscriber " + id);
    }

    private static Subscriber subscriber(ResultSet row) throws SQLException {
        return new Subscriber(row.getLong("id"), row.getString("email"), row.getString("name"),
                Db.nullableLong(row, "customer_id"), row.getString("status"), Db.time(row, "created_at"),
                Db.time(row, "unsubscribed_at"));
    }
}
