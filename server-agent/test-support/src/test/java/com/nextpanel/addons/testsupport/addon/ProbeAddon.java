package com.nextpanel.addons.testsupport.addon;

import com.nextpanel.addons.spi.Addon;
import com.nextpanel.addons.spi.AddonContext;
import com.nextpanel.addons.spi.AddonResponse;
import com.nextpanel.addons.spi.HealthStatus;
import com.nextpanel.addons.spi.RouteRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** A tiny addon the harness test starts: notes in its schema, a read of the core's customers. */
public class ProbeAddon implements Addon {

    static volatile RouteRegistry lastRegistry;

    private DataSource db;
    private boolean stopped;

    @Override
    public void start(AddonContext context) {
        db = context.dataSource();
        RouteRegistry routes = context.routes();
        lastRegistry = routes;
        routes.get("/api/v1/probe/notes", request -> AddonResponse.ok(query("SELECT id, text, tag FROM notes ORDER BY id")));
        routes.post("/api/v1/probe/notes", request -> {
            String text = (String) request.jsonBody().get("text");
            if (text == null) {
                throw new IllegalArgumentException("text is required");
            }
            try (Connection c = db.getConnection();
                 PreparedStatement insert = c.prepareStatement("INSERT INTO notes (text) VALUES (?)")) {
                insert.setString(1, text);
                insert.executeUpdate();
            }
            return AddonResponse.created(Map.of("text", text));
        });
        routes.get("/api/v1/probe/notes/{id}", request -> AddonResponse.ok(Map.of("id", request.pathParam("id"),
                "q", request.queryParam("q").orElse(""))));
        routes.get("/api/v1/probe/notes/export", request -> AddonResponse.ok(Map.of("export", true)));
        routes.get("/api/v1/probe/customers", request -> AddonResponse.ok(query("SELECT name FROM billing.customers")));
        routes.post("/api/v1/probe/customers", request -> {
            try (Connection c = db.getConnection();
                 PreparedStatement insert = c.prepareStatement(
                         "INSERT INTO billing.customers (name, email) VALUES ('x', 'x@example.com')")) {
                insert.executeUpdate();
            }
            return AddonResponse.noContent();
        });
        if (context.configuration().containsKey("badRoute")) {
            routes.get("/api/v1/elsewhere", request -> AddonResponse.noContent());
        }
    }

    @Override
    public void stop() {
        stopped = true;
    }

    @Override
    public HealthStatus health() {
        return stopped ? HealthStatus.down("stopped") : HealthStatus.up();
    }

    private List<Map<String, Object>> query(String sql) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql);
             ResultSet rs = s.executeQuery()) {
            List<Map<String, Object>> rows = new ArrayList<>();
            while (rs.next()) {
                Map<String, Object> row = new java.util.LinkedHashMap<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.put(rs.getMetaData().getColumnLabel(i).toLowerCase(java.util.Locale.ROOT), rs.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        }
    }
}
