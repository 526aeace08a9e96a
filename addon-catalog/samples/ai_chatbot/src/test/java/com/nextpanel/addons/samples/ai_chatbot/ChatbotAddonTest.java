package com.nextpanel.addons.samples.ai_chatbot;

import static org.assertj.core.api.Assertions.assertThat;

import com.nextpanel.addons.spi.HttpMethod;
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

/** ai_chatbot 1.0.0 started for real on H2 through the addon harness. */
@ParameterizedClass(name = "on {0}")
@EnumSource(HarnessBackend.class)
class ChatbotAddonTest {

    @Parameter
    HarnessBackend backend;

    static final AddonSource V1_0_0 = AddonSource.packageDir(Path.of("src/addon/1.0.0"));
    static final String SESSIONS = "/api/v1/chat/sessions";

    private AddonHarness chat;

    @BeforeEach
    void start() {
        chat = AddonHarness.start(backend, V1_0_0);
    }

    @AfterEach
    void close() {
        chat.close();
    }

    @Test
    void registersItsRoutesUnderItsPrefixAndIsHealthy() {
        assertThat(chat.routes()).containsExactly("GET " + SESSIONS, "POST " + SESSIONS, "GET " + SESSIONS + "/{id}",
                "GET " + SESSIONS + "/{id}/messages", "POST " + SESSIONS + "/{id}/messages");
        assertThat(chat.health().healthy()).isTrue();
        assertThat(chat.health().message()).isEqualTo("UP, 0 chat sessions");
    }

    @Test
    void createdSessionsAreListedNewestFirstWithoutTheActivityOf1_1_0() {
        HarnessReply created = chat.post(SESSIONS, Map.of("title", "  Where is my invoice?  ", "customerId", 42));
        chat.post(SESSIONS, Map.of("title", "Anonymous visitor"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.object()).containsEntry("title", "Where is my invoice?").containsEntry("customerId", 42L)
                .containsEntry("status", "OPEN").containsKey("createdAt").doesNotContainKey("messageCount");
        List<Map<String, Object>> sessions = chat.get(SESSIONS).list();
        assertThat(sessions).extracting(s -> s.get("title")).containsExactly("Anonymous visitor", "Where is my invoice?");
        assertThat(sessions.get(0)).containsEntry("customerId", null);
        assertThat(chat.get(SESSIONS + "/" + created.id()).object()).isEqualTo(created.object());
        assertThat(chat.health().message()).isEqualTo("UP, 2 chat sessions");
        assertThat(chat.checkConsoleViews()).containsExactly(Map.entry("Live Chats", 2));
    }

    @Test
    void aMessageIsStoredWithTheBotsCannedReply() {
        long id = chat.post(SESSIONS, Map.of("title", "Help")).id();

        HarnessReply exchange = chat.post(SESSIONS + "/" + id + "/messages", Map.of("text", "How do I pay by card?"));

        assertThat(exchange.status()).isEqualTo(201);
        assertThat(exchange.object()).containsEntry("sessionStatus", "OPEN");
        List<Map<String, Object>> messages = chat.get(SESSIONS + "/" + id + "/messages").list();
        assertThat(messages).extracting(m -> m.get("sender")).containsExactly("CUSTOMER", "BOT");
        assertThat(messages).extracting(m -> m.get("sessionId")).containsOnly(id);
        assertThat(messages.get(0)).containsEntry("text", "How do I pay by card?");
        assertThat((String) messages.get(1).get("text")).contains("payment method");
        assertThat(messages.get(1)).isEqualTo(exchange.object().get("reply"));
    }

    @Test
    void askingForAPersonPutsTheSessionInTheAgentsQueue() {
        long id = chat.post(SESSIONS, Map.of("title", "Angry")).id();
        chat.post(SESSIONS + "/" + id + "/messages", Map.of("text", "I want to speak to a human"));

        assertThat(chat.get(SESSIONS + "/" + id).object()).containsEntry("status", "WAITING_FOR_AGENT");
        assertThat(chat.get(SESSIONS + "?status=WAITING_FOR_AGENT").list()).extracting(s -> s.get("id"))
                .containsExactly(id);
        assertThat(chat.get(SESSIONS + "?status=OPEN").list()).isEmpty();
    }

    @Test
    void limitsTheListToTheRequestedNumber() {
        for (int i = 0; i < 5; i++) {
            chat.post(SESSIONS, Map.of("title", "s" + i));
        }
        assertThat(chat.get(SESSIONS + "?limit=2").list()).extracting(s -> s.get("title")).containsExactly("s4", "s3");
        assertThat(chat.get(SESSIONS + "?limit=0").status()).isEqualTo(400);
    }

    @Test
    void unknownSessionsAre404AndNothingIsStored() {
        HarnessReply reply = chat.post(SESSIONS + "/99/messages", Map.of("text", "hello"));
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.object()).isEqualTo(Map.of("error", "not_found", "message", "no chat session 99"));
        assertThat(chat.get(SESSIONS + "/99/messages").status()).isEqualTo(404);
        assertThat(chat.get(SESSIONS + "/99").status()).isEqualTo(404);
    }

    @Test
    void badInputIs400NamingTheField() {
        assertThat(message(chat.post(SESSIONS, Map.of("title", " ")))).isEqualTo("field 'title' is required");
        assertThat(message(chat.post(SESSIONS, Map.of("title", "x".repeat(201)))))
                .isEqualTo("field 'title' is longer than 200 characters");
        assertThat(message(chat.post(SESSIONS, Map.of("title", "t", "customerId", "7"))))
                .isEqualTo("field 'customerId' must be a positive whole number");
        assertThat(message(chat.post(SESSIONS, Map.of("title", "t", "colour", "red"))))
                .startsWith("unknown field 'colour'");
        assertThat(message(chat.get(SESSIONS + "/abc/messages")))
                .isEqualTo("path parameter 'id' must be a positive whole number, not 'abc'");
        assertThat(message(chat.get(SESSIONS + "?status=LOST"))).startsWith("query parameter 'status' must be one of");
        assertThat(chat.call(HttpMethod.POST, SESSIONS, "[]").status()).isEqualTo(400);
        assertThat(chat.get(SESSIONS).list()).isEmpty();
    }

    private static String message(HarnessReply reply) {
        assertThat(reply.status()).isEqualTo(400);
        return (String) reply.object().get("message");
    }
}
