package com.nextpanel.addons.agent.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nextpanel.addons.agent.testing.TestAgent;
import com.nextpanel.addons.testsupport.db.DatabaseTarget;
import com.nextpanel.addons.testsupport.db.OnEachDatabase;
import com.nextpanel.addons.testsupport.postgres.PostgresExtension;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The billing core's routes over HTTPS, on H2 and on PostgreSQL. */
@ExtendWith(PostgresExtension.class)
class BillingCoreApiTest {

    @OnEachDatabase
    void customersCanBeCreatedReadListedReplacedAndDeleted(DatabaseTarget db, @TempDir Path dir) {
        try (TestAgent agent = TestAgent.start(dir, db)) {
            HttpResponse<String> created = agent.post("/api/v1/customers",
                    "{\"name\":\"Ada Lovelace\",\"email\":\"ada@example.com\"}");
            assertThat(created.statusCode()).isEqualTo(201);
            JsonNode ada = TestAgent.json(created);
            long id = ada.path("id").asLong();
            assertThat(ada.path("name").asText()).isEqualTo("Ada Lovelace");
            assertThat(ada.path("createdAt").asText()).isNotBlank();
            agent.post("/api/v1/customers", "{\"name\":\"Grace Hopper\",\"email\":\"grace@example.com\"}");

            assertThat(TestAgent.json(agent.get("/api/v1/customers/" + id)).path("email").asText())
                    .isEqualTo("ada@example.com");
            assertThat(TestAgent.json(agent.get("/api/v1/customers"))).extracting(n -> n.path("email").asText())
                    .containsExactly("ada@example.com", "grace@example.com");

            HttpResponse<String> replaced = agent.put("/api/v1/customers/" + id,
                    "{\"name\":\"Augusta Ada King\",\"email\":\"ada@example.org\"}");
            assertThat(replaced.statusCode()).isEqualTo(200);
            assertThat(TestAgent.json(agent.get("/api/v1/customers/" + id)).path("name").asText())
                    .isEqualTo("Augusta Ada King");

            assertThat(agent.delete("/api/v1/customers/" + id).statusCode()).isEqualTo(204);
            assertThat(agent.get("/api/v1/customers/" + id).statusCode()).isEqualTo(404);
            assertThat(agent.delete("/api/v1/customers/" + id).statusCode()).isEqualTo(404);
            assertThat(agent.put("/api/v1/customers/" + id, "{\"name\":\"X\",\"email\":\"x@example.com\"}")
                    .statusCode()).isEqualTo(404);
            assertThat(TestAgent.json(agent.get("/api/v1/customers"))).hasSize(1);
        }
    }

    @OnEachDatabase
    void invoicesAreListedPerCustomerAndKeepTheirCustomer(DatabaseTarget db, @TempDir Path dir) {
        try (TestAgent agent = TestAgent.start(dir, db)) {
            long ada = TestAgent.json(agent.post("/api/v1/customers",
                    "{\"name\":\"Ada\",\"email\":\"ada@example.com\"}")).path("id").asLong();
            long bob = TestAgent.json(agent.post("/api/v1/customers",
                    "{\"name\":\"Bob\",\"email\":\"bob@example.com\"}")).path("id").asLong();
            assertThat(agent.post("/api/v1/invoices", "{\"customerId\":" + ada
                    + ",\"number\":\"INV-1\",\"amountCents\":1250}").statusCode()).isEqualTo(201);
            agent.post("/api/v1/invoices", "{\"customerId\":" + bob + ",\"number\":\"INV-2\",\"amountCents\":99,"
                    + "\"currency\":\"USD\",\"status\":\"PAID\"}");

            JsonNode all = TestAgent.json(agent.get("/api/v1/invoices"));
            assertThat(all).extracting(n -> n.path("number").asText()).containsExactly("INV-1", "INV-2");
            assertThat(all.get(0).path("currency").asText()).isEqualTo("EUR");
            assertThat(all.get(0).path("status").asText()).isEqualTo("OPEN");
            JsonNode bobs = TestAgent.json(agent.get("/api/v1/invoices?customerId=" + bob));
            assertThat(bobs).extracting(n -> n.path("number").asText()).containsExactly("INV-2");
            assertThat(TestAgent.json(agent.get("/api/v1/invoices?limit=1"))).hasSize(1);

            assertThat(agent.post("/api/v1/invoices", "{\"customerId\":4711,\"number\":\"INV-3\",\"amountCents\":1}")
                    .statusCode()).isEqualTo(404);
            assertThat(agent.post("/api/v1/invoices", "{\"customerId\":" + ada
                    + ",\"number\":\"INV-1\",\"amountCents\":1}").statusCode()).isEqualTo(409);
            assertThat(agent.post("/api/v1/invoices", "{\"customerId\":" + ada
                    + ",\"number\":\"INV-4\",\"amountCents\":-1}").statusCode()).isEqualTo(400);
            assertThat(agent.delete("/api/v1/customers/" + ada).statusCode())
                    .as("a customer with invoices cannot be deleted").isEqualTo(409);
            assertThat(agent.get("/api/v1/invoices?customerId=x").statusCode()).isEqualTo(400);
        }
    }

    @OnEachDatabase
    void theCoreTablesLiveInTheBillingSchemaWithTheirMigrationHistory(DatabaseTarget db, @TempDir Path dir)
            throws Exception {
        try (TestAgent agent = TestAgent.start(dir, db);
             Connection c = agent.agent().database().connection();
             ResultSet tables = c.getMetaData().getTables(null, "billing", "%", new String[] {"TABLE"})) {
            java.util.List<String> names = new java.util.ArrayList<>();
            while (tables.next()) {
                names.add(tables.getString("TABLE_NAME"));
            }
            assertThat(names).contains("customers", "invoices", "flyway_schema_history");
        }
    }
}
