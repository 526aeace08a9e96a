package com.nextpanel.addons.samples.sms_notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nextpanel.addons.testsupport.addon.AddonHarness;
import com.nextpanel.addons.testsupport.addon.AddonSource;
import com.nextpanel.addons.testsupport.addon.HarnessBackend;
import com.nextpanel.addons.testsupport.addon.HarnessReply;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** sms_notifications 1.0.0 started for real on H2 beside the notification_hub it requires. */
@ParameterizedClass(name = "on {0}")
@EnumSource(HarnessBackend.class)
class SmsAddonTest {

    @Parameter
    HarnessBackend backend;

    static final AddonSource HUB = AddonSource.packageDir(Path.of("../notification_hub/src/addon"));
    static final AddonSource SMS = AddonSource.packageDir(Path.of("src/addon"));
    static final String MESSAGES = "/api/v1/sms/messages";
    static final Map<String, Object> INVOICE_DUE = Map.of("name", "Ada", "invoice", "INV-7", "amount", "€12.50",
            "dueDate", "1 December");

    private AddonHarness harness;

    @BeforeEach
    void start() {
        harness = AddonHarness.start(backend, HUB).install(SMS);
    }

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void cannotStartWithoutTheHubItRequires() {
        assertThatThrownBy(() -> AddonHarness.start(backend, SMS))
                .hasMessage("sms_notifications requires notification_hub, which is not started");
    }

    @Test
    void aMessageIsRenderedFromAHubTemplateAndAcceptedByTheLocalGateway() throws Exception {
        HarnessReply sent = harness.post(MESSAGES, Map.of("to", "+4915112345678", "template", "invoice_due",
                "variables", INVOICE_DUE));

        assertThat(sent.status()).isEqualTo(201);
        assertThat(sent.object()).containsEntry("to", "+4915112345678").containsEntry("template", "invoice_due")
                .containsEntry("text", "Hello Ada, invoice INV-7 over €12.50 is due on 1 December.")
                .containsEntry("status", "SENT").containsEntry("segments", 1L).containsEntry("error", null);
        assertThat(sent.object().get("sentAt")).isNotNull();
        assertThat(harness.get(MESSAGES).list()).containsExactly(sent.object());
        assertThat(harness.get(MESSAGES + "/" + sent.id()).object()).isEqualTo(sent.object());
        assertThat(harness.get("/api/v1/sms/gateway").object()).containsEntry("accepted", 1L);
        assertThat(harness.checkConsoleViews()).containsExactly(Map.entry("Notification templates", 2),
                Map.entry("SMS log", 1));
        try (Connection c = harness.dataSource("sms_notifications").getConnection(); Statement s = c.createStatement();
             ResultSet log = s.executeQuery("SELECT message_id, recipient, text FROM sms_gateway_log")) {
            assertThat(log.next()).isTrue();
            assertThat(log.getLong(1)).isEqualTo(sent.id());
            assertThat(log.getString(3)).startsWith("Hello Ada");
        }
    }

    @Test
    void aTemplateCreatedInTheHubCanBeSentAtOnce() {
        harness.post("/api/v1/notifications/templates", Map.of("name", "code", "channel", "SMS",
                "body", "Your code is {{code}}"));
        HarnessReply sent = harness.post(MESSAGES, Map.of("to", "+15550100", "template", "code",
                "variables", Map.of("code", 123456)));
        assertThat(sent.object()).containsEntry("text", "Your code is 123456");
    }

    @Test
    void theGatewaysRefusalIsRecordedAsFailed() {
        HarnessReply failed = harness.post(MESSAGES, Map.of("to", "+9991234567", "template", "invoice_due",
                "variables", INVOICE_DUE));
        assertThat(failed.status()).isEqualTo(201);
        assertThat(failed.object()).containsEntry("status", "FAILED")
                .containsEntry("error", "recipient +9991234567 is unreachable").containsEntry("sentAt", null);
        assertThat(harness.get(MESSAGES + "?status=FAILED").list()).hasSize(1);
        assertThat(harness.get(MESSAGES + "?status=SENT").list()).isEmpty();
        assertThat(harness.get("/api/v1/sms/gateway").object()).containsEntry("accepted", 0L);
    }

    @Test
    void theHubsRefusalsComeBackWithItsStatusAndNothingIsQueued() {
        HarnessReply unknown = harness.post(MESSAGES, Map.of("to", "+15550100", "template", "nope"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.object()).containsEntry("message", "notification_hub: no notification template 'nope'");

        HarnessReply missing = harness.post(MESSAGES, Map.of("to", "+15550100", "template", "invoice_due",
                "variables", Map.of("name", "Ada")));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.object().get("message")).isEqualTo(
                "notification_hub: missing template variables: amount, dueDate, invoice");

        HarnessReply emailOnly = harness.post(MESSAGES, Map.of("to", "+15550100", "template", "welcome",
                "variables", Map.of("name", "A", "company", "B", "customerId", "C")));
        assertThat(emailOnly.object()).containsEntry("message", "template 'welcome' is for EMAIL, not SMS");
        assertThat(harness.get(MESSAGES).list()).isEmpty();
    }

    @Test
    void badInputIs400NamingTheField() {
        assertThat(harness.post(MESSAGES, Map.of("to", "0151 123", "template", "invoice_due")).object().get("message"))
                .isEqualTo("field 'to' must be a phone number in E.164 form, e.g. +4915112345678");
        assertThat(harness.post(MESSAGES, Map.of("to", "+15550100")).object().get("message"))
                .isEqualTo("field 'template' is required");
        assertThat(harness.get(MESSAGES + "?status=LOST").status()).isEqualTo(400);
        assertThat(harness.get(MESSAGES + "/0").status()).isEqualTo(400);
        assertThat(harness.get(MESSAGES + "/5").status()).isEqualTo(404);
    }

    @Test
    void countsSegmentsByAlphabet() {
        assertThat(SmsMessage.segments("a".repeat(160))).isEqualTo(1);
        assertThat(SmsMessage.segments("a".repeat(161))).isEqualTo(2);
        assertThat(SmsMessage.segments("a".repeat(306))).isEqualTo(2);
        assertThat(SmsMessage.segments("a".repeat(307))).isEqualTo(3);
        assertThat(SmsMessage.segments("€".repeat(160))).isEqualTo(1);
        assertThat(SmsMessage.segments("д".repeat(70))).isEqualTo(1);
        assertThat(SmsMessage.segments("д".repeat(71))).isEqualTo(2);
        assertThat(SmsMessage.segments("😀".repeat(35))).isEqualTo(1);
    }
}
