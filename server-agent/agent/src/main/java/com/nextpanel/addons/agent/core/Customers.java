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

/** The customers of the billing core, over plain JDBC. */
public final class Customers {

    private static final String COLUMNS = "id, name, email, created_at";
    private final Database database;

    Customers(Database database) {
        this.database = database;
    }

    /** @return every customer, by id */
    public List<Customer> list() {
        try (Connection c = database.connection();
             PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM billing.customers ORDER BY id");
             ResultSet rs = s.executeQuery()) {
            List<Customer> all = new ArrayList<>();
            while (rs.next()) {
                all.add(read(rs));
            }
            return all;
        } catch (SQLException e) {
            throw failure("list customers", e);
        }
    }

    public Optional<Customer> find(long id) {
        try (Connection c = database.connection();
             PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM billing.customers WHERE id = ?")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("read customer " + id, e);
        }
    }

    /** @throws AgentException {@link ErrorCode#CONFLICT} when the e-mail address is taken */
    public Customer create(CustomerDraft draft) {
        try (Connection c = database.connection();
             PreparedStatement s = c.prepareStatement("INSERT INTO billing.customers (name, email) VALUES (?, ?)",
                     Statement.RETURN_GENERATED_KEYS)) {
            s.setString(1, draft.name());
            s.setString(2, draft.email());
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return find(keys.getLong(1)).orElseThrow();
            }
        } catch (SQLException e) {
            throw failure("create customer " + draft.email(), e);
        }
    }

    /**
     * @throws AgentException {@link ErrorCode#NOT_FOUND} for an unknown id, {@link ErrorCode#CONFLICT} when the
     *                        e-mail address belongs to another customer
     */
    public Customer update(long id, CustomerDraft draft) {
        try (Connection c = database.connection();
             PreparedStatement s = c.prepareStatement("UPDATE billing.customers SET name = ?, email = ? WHERE id = ?")) {
            s.setString(1, draft.name());
            s.setString(2, draft.email());
            s.setLong(3, id);
            if (s.executeUpdate() == 0) {
                throw notFound(id);
            }
        } catch (SQLException e) {
            throw failure("update customer " + id, e);
        }
        return find(id).orElseThrow(() -> notFound(id));
    }

    /**
     * @throws AgentException {@link ErrorCode#NOT_FOUND} for an unknown id, {@link ErrorCode#CONFLICT} while
     *                        invoices refer to the customer
     */
    public void delete(long id) {
        try (Connection c = database.connection();
             PreparedStatement s = c.prepareStatement("DELETE FROM billing.customers WHERE id = ?")) {
            s.setLong(1, id);
            if (s.executeUpdate() == 0) {
                throw notFound(id);
            }
        } catch (SQLException e) {
            throw failure("delete customer " + id, e);
        }
    }

    static AgentException notFound(long id) {
        return new AgentException(ErrorCode.NOT_FOUND, "no customer with id " + id);
    }

    private static Customer read(ResultSet rs) throws SQLException {
        return new Customer(rs.getLong(1), rs.getString(2), rs.getString(3),
                rs.getObject(4, OffsetDateTime.class).toInstant());
    }

    /** Integrity violations (SQLState class 23) are the client's conflict; anything else is ours. */
    static AgentException failure(String what, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.startsWith("23")) {
            return new AgentException(ErrorCode.CONFLICT, "cannot " + what + ": " + conflictReason(state), e);
        }
        return new AgentException(ErrorCode.INTERNAL, "cannot " + what + ": " + e.getMessage(), e);
    }

    private static String conflictReason(String state) {
        return switch (state) {
            case "23505" -> "a customer or invoice with that unique value already exists";
            case "23503", "23506" -> "other rows refer to it, or it refers to a missing row";
            default -> "a constraint of the billing schema refuses it";
        };
    }
}
