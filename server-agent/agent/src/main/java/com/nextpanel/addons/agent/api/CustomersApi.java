package com.nextpanel.addons.agent.api;

import com.nextpanel.addons.agent.AgentException;
import com.nextpanel.addons.agent.ErrorCode;
import com.nextpanel.addons.agent.core.CustomerDraft;
import com.nextpanel.addons.agent.core.Customers;
import java.util.List;

/**
 * The billing core's customers: {@code GET|POST /api/v1/customers}, {@code GET|PUT|DELETE
 * /api/v1/customers/{id}}. Bodies are {@code {"name","email"}}.
 */
public final class CustomersApi implements ApiResource {

    private final Customers customers;

    public CustomersApi(Customers customers) {
        this.customers = customers;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.get("/api/v1/customers", ex -> ex.ok(customers.list())),
                Route.post("/api/v1/customers", ex -> ex.json(201, customers.create(ex.body(CustomerDraft.class)))),
                Route.get("/api/v1/customers/{id}", ex -> {
                    long id = ex.pathParamAsLong("id");
                    ex.ok(customers.find(id).orElseThrow(() -> new AgentException(ErrorCode.NOT_FOUND,
                            "no customer with id " + id)));
                }),
                Route.put("/api/v1/customers/{id}",
                        ex -> ex.ok(customers.update(ex.pathParamAsLong("id"), ex.body(CustomerDraft.class)))),
                Route.delete("/api/v1/customers/{id}", ex -> {
                    customers.delete(ex.pathParamAsLong("id"));
                    ex.empty(204);
                }));
    }
}
