package com.nextpanel.addons.agent.core;

import com.nextpanel.addons.agent.AgentException;
import com.nextpanel.addons.agent.ErrorCode;
import com.nextpanel.addons.agent.db.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** The invoices of the billing core, over plain JDBC. */
public final class Invoices {

    /** The most invoices one list answers. */
    public static final int MAX_PAGE = 1000;
    private static final String COLUMNS = "id, customer_id, number, amount_cents, currency, status, issued_at";
    private final Database database;

    Invoices(Database database) {
        this.database = database;
    }

    /**
     * @param customerId only this customer's invoices, when present
     * @param limit      at most this many (capped at {@value #MAX_PAGE})
     * @return invoices by id
     */
    public List<Invoice> list(OptionalLong customerId, int limit) {
        String sql = "SELECT " + COLUMNS + " FROM billing.invoices"
                + (customerId.isPresent() ? " WHERE customer_id = ?" : "") + " ORDER BY id FETCH FIRST ? ROWS ONLY";
        try (Connection c = database.connection(); PreparedStatement s = c.prepareStatement(sql)) {
            int i = 1;
            if (customerId.isPresent()) {
                s.setLong(i++, customerId.getAsLong());
            }
            s.setInt(i, Math.max(1, Math.min(limit, MAX_PAGE)));
            try (ResultSet rs = s.executeQuery()) {
                List<Invoice> all = new ArrayList<>();
                while (rs.next()) {
                    all.add(read(rs));
                }
                return all;
            }
        } catch (SQLException e) {
            throw Customers.failure("list invoices", e);
        }
    }

    public Optional<Invoice> find(long id) {
        try (Connection c = database.connection();
             PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM billing.invoices WHERE id = ?")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw Customers.failure("read invoice " + id, e);
        }
    }

    /**
     * @throws AgentException {@link ErrorCode#NOT_FOUND} for an unknown customer, {@link ErrorCode#CONFLICT} for
     *                        a number already used
     */
    public Invoice create(InvoiceDraft draft) {
        try (Connection c = database.connection();
             PreparedStatement s = c.prepareStatement("INSERT INTO billing.invoices"
                     + " (customer_id, number, amount_cents, currency, status) VALUES (?, ?, ?, ?, ?)",
                     Statement.RETURN_GENERATED_KEYS)) {
            s.setLong(1, draft.customerId());
            s.setString(2, draft.number());
            s.setLong(3, draft.amountCents());
            s.setString(4, draft.currency());
            s.setString(5, draft.status());
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return find(keys.getLong(1)).orElseThrow();
            }
        } catch (SQLException e) {
            if ("23503".equals(e.getSQLState()) || "23506".equals(e.getSQLState())) {
                throw new AgentException(ErrorCode.NOT_FOUND, "no customer with id " + draft.customerId(), e);
            }
            throw Customers.failure("create invoice " + draft.number(), e);
        }
    }

    private static Invoice read(ResultSet rs) throws SQLException {
        return new Invoice(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getString(5).trim(),
                rs.getString(6), rs.getObject(7, OffsetDateTime.class).toInstant());
    }
}
