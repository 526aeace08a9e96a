package com.nextpanel.addons.samples.ai_chatbot;

import static org.assertj.core.api.Assertions.assertThat;

import com.nextpanel.addons.testsupport.addon.AddonHarness;
import com.nextpanel.addons.testsupport.addon.AddonSource;
import com.nextpanel.addons.testsupport.addon.HarnessBackend;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The 1.0.0 → 1.1.0 update: migration V2 adds the activity columns and backfills them from existing rows. */
@ParameterizedClass(name = "on {0}")
@EnumSource(HarnessBackend.class)
class ChatbotUpdateTest {

    @Parameter
    HarnessBackend backend;

    static final AddonSource V1_1_0 = AddonSource.of(Path.of("src/addon/1.1.0/addon.json"),
            Path.of("src/addon/1.0.0/migrations"), Path.of("src/addon/1.1.0/migrations"));
    static final String SESSIONS = ChatbotAddonTest.SESSIONS;

    @Test
    void theUpdateBackfillsMessageCountsAndLastMessageTimesFromExistingMessages() throws Exception {
        try (AddonHarness chat = AddonHarness.start(backend, ChatbotAddonTest.V1_0_0)) {
            long busy = chat.post(SESSIONS, Map.of("title", "Busy")).id();
            long quiet = chat.post(SESSIONS, Map.of("title", "Quiet")).id();
            for (String text : List.of("hello", "invoice please", "thanks")) {
                chat.post(SESSIONS + "/" + busy + "/messages", Map.of("text", text));
            }
            OffsetDateTime lastBefore = lastMessageTime(chat, busy);

            chat.update(V1_1_0);

            assertThat(chat.appliedMigrations()).containsExactly("1", "2");
            Map<String, Object> busyAfter = chat.get(SESSIONS + "/" + busy).object();
            assertThat(busyAfter).containsEntry("messageCount", 6L).containsEntry("title", "Busy");
            assertThat(OffsetDateTime.parse((String) busyAfter.get("lastMessageAt")).toInstant())
                    .isEqualTo(lastBefore.toInstant());
            assertThat(chat.get(SESSIONS + "/" + quiet).object()).containsEntry("messageCount", 0L)
                    .containsEntry("lastMessageAt", null);
            assertThat(chat.get(SESSIONS + "/" + busy + "/messages").list()).hasSize(6);
            assertThat(chat.checkConsoleViews()).containsExactly(Map.entry("Live Chats", 2));
        }
    }

    @Test
    void afterTheUpdateEveryExchangeCountsAndTheListSortsByActivity() {
        try (AddonHarness chat = AddonHarness.start(backend, ChatbotAddonTest.V1_0_0)) {
            long older = chat.post(SESSIONS, Map.of("title", "Older")).id();
            long newer = chat.post(SESSIONS, Map.of("title", "Newer")).id();
            chat.update(V1_1_0);

            chat.post(SESSIONS + "/" + older + "/messages", Map.of("text", "my password is locked"));

            assertThat(chat.get(SESSIONS + "/" + older).object()).containsEntry("messageCount", 2L);
            assertThat(chat.get(SESSIONS).list()).extracting(s -> s.get("id")).containsExactly(older, newer);
            long created = chat.post(SESSIONS, Map.of("title", "Fresh")).id();
            assertThat(chat.get(SESSIONS + "/" + created).object()).containsEntry("messageCount", 0L);
        }
    }

    @Test
    void aFreshInstallOf1_1_0AppliesBothMigrations() {
        try (AddonHarness chat = AddonHarness.start(backend, V1_1_0)) {
            assertThat(chat.appliedMigrations()).containsExactly("1", "2");
            long id = chat.post(SESSIONS, Map.of("title", "New")).id();
            chat.post(SESSIONS + "/" + id + "/messages", Map.of("text", "hi"));
            assertThat(chat.get(SESSIONS).list().get(0)).containsEntry("messageCount", 2L);
        }
    }

    private static OffsetDateTime lastMessageTime(AddonHarness chat, long session) throws Exception {
        try (Connection c = chat.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT MAX(created_at) FROM chat_messages WHERE session_id = " + session)) {
            rs.next();
            return rs.getObject(1, OffsetDateTime.class);
        }
    }
}
