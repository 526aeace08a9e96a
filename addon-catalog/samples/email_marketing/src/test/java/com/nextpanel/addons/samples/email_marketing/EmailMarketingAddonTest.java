package com.nextpanel.addons.samples.email_marketing;

import static org.assertj.core.api.Assertions.assertThat;

import com.nextpanel.addons.testsupport.addon.AddonHarness;
import com.nextpanel.addons.testsupport.addon.AddonSource;
import com.nextpanel.addons.testsupport.addon.HarnessBackend;
import com.nextpanel.addons.testsupport.addon.HarnessReply;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** email_marketing 1.0.0 started for real on H2, its role granted SELECT on billing.customers. */
@ParameterizedClass(name = "on {0}")
@EnumSource(HarnessBackend.class)
class EmailMarketingAddonTest {

    @Parameter
    HarnessBackend backend;

    static final String SUBSCRIBERS = "/api/v1/email/subscribers";
    static final String CAMPAIGNS = "/api/v1/email/campaigns";

    private AddonHarness email;

    @BeforeEach
    void start() {
        email = AddonHarness.start(backend, AddonSource.packageDir(Path.of("src/addon")));
    }

    @AfterEach
    void close() {
        email.close();
    }

    @Test
    void subscribersAreStoredLowerCaseListedAndUnsubscribedWithoutBeingForgotten() {
        HarnessReply created = email.post(SUBSCRIBERS, Map.of("email", "Ada@Example.COM", "name", "Ada"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.object()).containsEntry("email", "ada@example.com").containsEntry("status", "SUBSCRIBED")
                .containsEntry("customerId", null);

        HarnessReply unsubscribed = email.delete(SUBSCRIBERS + "/" + created.id());
        assertThat(unsubscribed.object()).containsEntry("status", "UNSUBSCRIBED");
        assertThat(unsubscribed.object().get("unsubscribedAt")).isNotNull();
        assertThat(email.get(SUBSCRIBERS + "?status=SUBSCRIBED").list()).isEmpty();
        assertThat(email.get(SUBSCRIBERS).list()).hasSize(1);
        assertThat(email.post(SUBSCRIBERS, Map.of("email", "ada@example.com")).status()).isEqualTo(409);
    }

    @Test
    void importsBillingCustomersOnceAndNeverResubscribesSomeoneWhoLeft() {
        long ada = email.insertCustomer("Ada Lovelace", "ADA@example.com");
        email.insertCustomer("Alan Turing", "alan@example.com");
        long left = email.post(SUBSCRIBERS, Map.of("email", "alan@example.com")).id();
        email.delete(SUBSCRIBERS + "/" + left);

        assertThat(email.post(SUBSCRIBERS + "/import", Map.of()).object())
                .isEqualTo(Map.of("imported", 1L, "skipped", 1L));
        assertThat(email.post(SUBSCRIBERS + "/import", Map.of()).object())
                .isEqualTo(Map.of("imported", 0L, "skipped", 2L));

        List<Map<String, Object>> subscribers = email.get(SUBSCRIBERS).list();
        assertThat(subscribers).extracting(s -> s.get("email")).containsExactly("ada@example.com", "alan@example.com");
        assertThat(subscribers.get(0)).containsEntry("customerId", ada).containsEntry("name", "Ada Lovelace");
        assertThat(subscribers.get(1)).containsEntry("status", "UNSUBSCRIBED");
        assertThat(email.health().message()).isEqualTo("UP, 2 subscribers, 2 customers to import from");
    }

    @Test
    void sendingADraftDeliversToCurrentSubscribersOnlyAndOnlyOnce() {
        email.post(SUBSCRIBERS, Map.of("email", "a@example.com"));
        email.post(SUBSCRIBERS, Map.of("email", "b@example.com"));
        long gone = email.post(SUBSCRIBERS, Map.of("email", "c@example.com")).id();
        email.delete(SUBSCRIBERS + "/" + gone);
        HarnessReply draft = email.post(CAMPAIGNS, Map.of("name", "November news", "subject", "News",
                "body", "Hello!"));
        assertThat(draft.object()).containsEntry("status", "DRAFT").containsEntry("recipients", 0L);

        HarnessReply sent = email.post(CAMPAIGNS + "/" + draft.id() + "/send", Map.of());

        assertThat(sent.status()).isEqualTo(200);
        assertThat(sent.object()).containsEntry("status", "SENT").containsEntry("recipients", 2L);
        assertThat(email.get(CAMPAIGNS + "/" + draft.id() + "/deliveries").list()).extracting(d -> d.get("email"))
                .containsExactly("a@example.com", "b@example.com");
        HarnessReply again = email.post(CAMPAIGNS + "/" + draft.id() + "/send", Map.of());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.object()).containsEntry("message", "campaign " + draft.id() + " was sent already");
        assertThat(email.get(CAMPAIGNS + "/" + draft.id() + "/deliveries").list()).hasSize(2);
        assertThat(email.get(CAMPAIGNS).list()).extracting(c -> c.get("name")).containsExactly("November news");
        assertThat(email.checkConsoleViews()).containsExactly(Map.entry("Campaigns", 1), Map.entry("Subscribers", 3));
    }

    @Test
    void unknownIdsAre404AndBadInputIs400() {
        assertThat(email.post(CAMPAIGNS + "/9/send", Map.of()).status()).isEqualTo(404);
        assertThat(email.get(CAMPAIGNS + "/9/deliveries").status()).isEqualTo(404);
        assertThat(email.delete(SUBSCRIBERS + "/9").status()).isEqualTo(404);
        assertThat(email.post(SUBSCRIBERS, Map.of("email", "not-an-address")).object().get("message"))
                .isEqualTo("field 'email' is not an e-mail address: 'not-an-address'");
        assertThat(email.post(CAMPAIGNS, Map.of("name", "n", "subject", "s")).object().get("message"))
                .isEqualTo("field 'body' is required");
        assertThat(email.get(SUBSCRIBERS + "?status=maybe").status()).isEqualTo(400);
        assertThat(email.get(CAMPAIGNS).list()).isEmpty();
    }
}
