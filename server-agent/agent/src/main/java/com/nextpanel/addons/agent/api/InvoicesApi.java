package com.nextpanel.addons.agent.api;

import com.nextpanel.addons.agent.AgentException;
import com.nextpanel.addons.agent.ErrorCode;
import com.nextpanel.addons.agent.core.InvoiceDraft;
import com.nextpanel.addons.agent.core.Invoices;
import java.util.List;
import java.util.OptionalLong;

/**
 * The billing core's invoices: {@code GET /api/v1/invoices[?customerId=N&limit=N]}, and (an extension)
 * {@code POST /api/v1/invoices} {@code {"customerId","number","amountCents","currency"?,"status"?}}.
 */
public final class InvoicesApi implements ApiResource {

    private final Invoices invoices;

    public InvoicesApi(Invoices invoices) {
        this.invoices = invoices;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.get("/api/v1/invoices", ex -> {
                    OptionalLong customer = ex.query("customerId").map(v -> OptionalLong.of(number("customerId", v)))
                            .orElse(OptionalLong.empty());
                    int limit = (int) Math.min(Invoices.MAX_PAGE,
                            ex.query("limit").map(v -> number("limit", v)).orElse((long) Invoices.MAX_PAGE));
                    ex.ok(invoices.list(customer, limit));
                }),
                Route.post("/api/v1/invoices", ex -> ex.json(201, invoices.create(ex.body(InvoiceDraft.class)))));
    }

    private static long number(String name, String value) {
        try {
            long n = Long.parseLong(value);
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new AgentException(ErrorCode.BAD_REQUEST, "query parameter '" + name
                    + "' must be a positive number: " + value);
        }
    }
}
