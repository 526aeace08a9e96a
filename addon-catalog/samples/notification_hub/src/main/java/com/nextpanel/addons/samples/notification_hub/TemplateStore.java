package com.nextpanel.addons.samples.notification_hub;

import com.nextpanel.addons.samples.common.Db;
import com.nextpanel.addons.samples.common.RouteProblem;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** The {@code notification_templates} table. */
final class TemplateStore {

    private static final String COLUMNS = "id, name, channel, subject, body, created_at, updated_at";

    private final Db db;

    TemplateStore(Db db) {
        this.db = db;
    }

    long count() throws SQLException {
        return db.count("SELECT COUNT(*) FROM notification_templates");
    }

    /** @param channel when present, the templates usable on it (its own and {@code ANY}) */
    List<Template> list(Optional<String> channel) throws SQLException {
        if (channel.isPresent()) {
            return db.list("SELECT " + COLUMNS + " FROM notification_templates WHERE channel = ? OR channel = 'ANY'"
                    + " ORDER BY name", TemplateStore::template, channel.get());
        }
        return db.list("SELECT " + COLUMNS + " FROM notification_templates ORDER BY name", TemplateStore::template);
    }

    Optional<Template> byId(long id) throws SQLException {
        return db.first("SELECT " + COLUMNS + " FROM notification_templates WHERE id = ?", TemplateStore::template, id);
    }

    Optional<Template> byName(String name) throws SQLException {
        return db.first("SELECT " + COLUMNS + " FROM notification_templates WHERE name = ?", TemplateStore::template,
                name);
    }

    Template create(String name, String channel, String subject, String body) throws SQLException {
        return db.transaction(tx -> {
            requireFreeName(tx, name, 0);
            long id = tx.insert("INSERT INTO notification_templates (name, channel, subject, body) VALUES (?, ?, ?, ?)",
                    name, channel, subject, body);
            return tx.first("SELECT " + COLUMNS + " FROM notification_templates WHERE id = ?", TemplateStore::template,
                    id).orElseThrow();
        });
    }

    Template update(long id, String name, String channel, String subject, String body) throws SQLException {
        return db.transaction(tx -> {
            requireFreeName(tx, name, id);
            int changed = tx.update("UPDATE notification_templates SET name = ?, channel = ?, subject = ?, body = ?,"
                    + " updated_at = CURRENT_TIMESTAMP WHERE id = ?", name, channel, subject, body, id);
            if (changed == 0) {
                throw missing(id);
            }
            return tx.first("SELECT " + COLUMNS + " FROM notification_templates WHERE id = ?", TemplateStore::template,
                    id).orElseThrow();
        });
    }

    void delete(long id) throws SQLException {
        if (db.update("DELETE FROM notification_templates WHERE id = ?", id) == 0) {
            throw missing(id);
        }
    }

    static RouteProblem missing(Object template) {
        return RouteProblem.notFound("no notification template " + template);
    }

    private static void requireFreeName(Db tx, String name, long exceptId) throws SQLException {
        if (tx.count("SELECT COUNT(*) FROM notification_templates WHERE name = ? AND id <> ?", name, exceptId) > 0) {
            throw RouteProblem.conflict("a notification template named '" + name + "' exists already");
        }
    }

    private static Template template(ResultSet row) throws SQLException {
        return new Template(row.getLong("id"), row.getString("name"), row.getString("channel"),
                row.getString("subject"), row.getString("body"), Db.time(row, "created_at"), Db.time(row, "updated_at"));
    }
}
