package com.nextpanel.addons.samples.notification_hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.nextpanel.addons.testsupport.addon.AddonHarness;
import com.nextpanel.addons.testsupport.addon.AddonSource;
import com.nextpanel.addons.testsupport.addon.HarnessBackend;
import com.nextpanel.addons.testsupport.addon.HarnessReply;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** notification_hub 1.0.0 started for real on H2 through the addon harness. */
@ParameterizedClass(name = "on {0}")
@EnumSource(HarnessBackend.class)
class NotificationHubAddonTest {

    @Parameter
    HarnessBackend backend;

    static final AddonSource HUB = AddonSource.packageDir(Path.of("src/addon"));
    static final String TEMPLATES = "/api/v1/notifications/templates";

    private AddonHarness hub;

    @BeforeEach
    void start() {
        hub = AddonHarness.start(backend, HUB);
    }

    @AfterEach
    void close() {
        hub.close();
    }

    @Test
    void startsWithTheTwoTemplatesItsMigrationSeeds() {
        assertThat(hub.get(TEMPLATES).list()).extracting(t -> t.get("name")).containsExactly("invoice_due", "welcome");
        assertThat(hub.health().message()).isEqualTo("UP, 2 templates");
        assertThat(hub.checkConsoleViews()).containsExactly(Map.entry("Notification templates", 2));
    }

    @Test
    void aCreatedTemplateIsListedFetchedAndRendered() {
        HarnessReply created = hub.post(TEMPLATES, Map.of("name", "payment_received", "channel", "SMS",
                "body", "Thanks {{ name }}, we received {{amount}}."));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.object()).containsEntry("name", "payment_received").containsEntry("subject", null);

        assertThat(hub.get(TEMPLATES + "/" + created.id()).object()).isEqualTo(created.object());
        assertThat(hub.get(TEMPLATES + "?channel=SMS").list()).extracting(t -> t.get("name"))
                .containsExactly("invoice_due", "payment_received");
        assertThat(hub.get(TEMPLATES + "?channel=EMAIL").list()).extracting(t -> t.get("name"))
                .containsExactly("invoice_due", "welcome");

        HarnessReply rendered = hub.post(TEMPLATES + "/" + created.id() + "/render",
                Map.of("variables", Map.of("name", "Ada", "amount", "€12.50")));
        assertThat(rendered.object()).containsEntry("body", "Thanks Ada, we received €12.50.")
                .containsEntry("channel", "SMS").containsEntry("templateId", created.id());
    }

    @Test
    void rendersByNameWithSubjectAndRefusesNamingEveryMissingVariable() {
        HarnessReply rendered = hub.post("/api/v1/notifications/render", Map.of("template", "welcome",
                "variables", Map.of("name", "Ada", "company", "Acme $1 \\o/", "customerId", 7)));
        assertThat(rendered.object()).containsEntry("subject", "Welcome to Acme $1 \\o/")
                .containsEntry("body", "Hello Ada, welcome to Acme $1 \\o/! Your customer number is 7.");

        HarnessReply missing = hub.post("/api/v1/notifications/render", Map.of("template", "invoice_due",
                "variables", Map.of("name", "Ada")));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.object()).containsEntry("message", "missing template variables: amount, dueDate, invoice");
        assertThat(hub.post("/api/v1/notifications/render", Map.of("template", "nope")).status()).isEqualTo(404);
    }

    @Test
    void updatesAndDeletesTemplates() {
        long id = hub.post(TEMPLATES, Map.of("name", "reminder", "channel", "ANY", "body", "Hi")).id();

        HarnessReply updated = hub.put(TEMPLATES + "/" + id, Map.of("name", "reminder", "channel", "EMAIL",
                "subject", "Reminder", "body", "Hi {{name}}"));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.object()).containsEntry("channel", "EMAIL").containsEntry("body", "Hi {{name}}");

        assertThat(hub.delete(TEMPLATES + "/" + id).status()).isEqualTo(204);
        assertThat(hub.get(TEMPLATES + "/" + id).status()).isEqualTo(404);
        assertThat(hub.delete(TEMPLATES + "/" + id).status()).isEqualTo(404);
        assertThat(hub.put(TEMPLATES + "/" + id, Map.of("name", "x", "channel", "SMS", "body", "b")).status())
                .isEqualTo(404);
    }

    @Test
    void aTakenNameIs409AndChangesNothing() {
        HarnessReply taken = hub.post(TEMPLATES, Map.of("name", "welcome", "channel", "SMS", "body", "x"));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.object()).containsEntry("message", "a notification template named 'welcome' exists already");
        long id = hub.post(TEMPLATES, Map.of("name", "other", "channel", "SMS", "body", "x")).id();
        assertThat(hub.put(TEMPLATES + "/" + id, Map.of("name", "welcome", "channel", "SMS", "body", "x")).status())
                .isEqualTo(409);
        assertThat(hub.get(TEMPLATES).list()).hasSize(3);
    }

    @Test
    void badTemplatesAre400NamingTheField() {
        assertThat(message(hub.post(TEMPLATES, Map.of("name", "Bad Name", "channel", "SMS", "body", "x"))))
                .startsWith("field 'name' must be lower case");
        assertThat(message(hub.post(TEMPLATES, Map.of("name", "n", "channel", "FAX", "body", "x"))))
                .isEqualTo("field 'channel' must be one of [EMAIL, SMS, ANY]");
        assertThat(message(hub.post(TEMPLATES, Map.of("name", "n", "channel", "SMS", "body", "Hi {{first name}}"))))
                .startsWith("field 'body' has a malformed placeholder");
        assertThat(message(hub.post(TEMPLATES, Map.of("name", "n", "channel", "SMS", "body", "Hi {{name}"))))
                .startsWith("field 'body' has a malformed placeholder");
        assertThat(message(hub.post(TEMPLATES, Map.of("name", "n", "channel", "SMS"))))
                .isEqualTo("field 'body' is required");
        assertThat(message(hub.post(TEMPLATES + "/1/render", Map.of("variables", Map.of("a", Map.of())))))
                .startsWith("field 'variables' must be an object of");
        assertThat(hub.get(TEMPLATES).list()).hasSize(2);
    }

    private static String message(HarnessReply reply) {
        assertThat(reply.status()).isEqualTo(400);
        return (String) reply.object().get("message");
    }
}
