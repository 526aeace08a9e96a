package com.nextpanel.addons.agent.core;

import com.nextpanel.addons.agent.AgentException;
import com.nextpanel.addons.agent.ErrorCode;
import com.nextpanel.addons.agent.db.Database;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The billing core: its schema {@value #SCHEMA} (created and upgraded by its own Flyway migrations in
 * {@code db/core}) and the stores over it.
 */
public final class BillingCore {

    /** The schema of the core tables; addons are granted tables of it by permission. */
    public static final String SCHEMA = "billing";
    /** The core's version, against which addons declare {@code requires.core}. */
    public static final String VERSION = "1.0.0";
    /** The route prefixes the core serves under {@code /api/v1/}; no addon may claim them. */
    public static final List<String> ROUTE_PREFIXES = List.of("/api/v1/health", "/api/v1/customers",
            "/api/v1/invoices");

    private final Customers customers;
    private final Invoices invoices;

    private BillingCore(Database database) {
        this.customers = new Customers(database);
        this.invoices = new Invoices(database);
    }

    /**
     * Brings the core schema up to date and returns the core.
     *
     * @throws AgentException {@link ErrorCode#INTERNAL} when a migration fails
     */
    public static BillingCore start(Database database) {
        try {
            Flyway.configure(BillingCore.class.getClassLoader())
                    .dataSource(database.dataSource())
                    .schemas(SCHEMA)
                    .defaultSchema(SCHEMA)
                    .createSchemas(true)
                    .locations("classpath:db/core")
                    .cleanDisabled(true)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new AgentException(ErrorCode.INTERNAL, "cannot migrate the billing core schema '" + SCHEMA
                    + "': " + e.getMessage(), e);
        }
        return new BillingCore(database);
    }

    public Customers customers() {
        return customers;
    }

    public Invoices invoices() {
        return invoices;
    }
}
