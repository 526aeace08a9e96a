package com.nextpanel.addons.agent.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nextpanel.addons.agent.AgentException;
import com.nextpanel.addons.agent.ErrorCode;
import com.nextpanel.addons.catalog.manifest.Manifest;
import com.nextpanel.addons.catalog.manifest.ManifestReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ManifestColumnTest {

    /** An addon.json as authors write it and as registry rows stored it before the canonical form. */
    private static final String ADDON_JSON = """
            {
              "version": "1.2.0",
              "id": "ai_chatbot",
              "name": "AI Chatbot",
              "description": "Answers customers",
              "category": "support",
              "entrypoint": "com.example.Chatbot",
              "routes": ["/api/v1/chat"],
              "requires": {"core": ">=1.0.0 <2.0.0", "addons": {"notification_hub": "^1.0.0"}},
              "conflicts": ["legacy_chat"],
              "permissions": ["billing.customers:read", "billing.invoices:write"],
              "console": {"navigation": [{"parent": "Support", "label": "Live Chats", "icon": "message-circle",
                          "view": {"type": "table", "route": "/api/v1/chat/sessions",
                                   "columns": [{"field": "id", "label": "Session"}]}}]},
              "changelog": "## 1.2.0\\n- first release\\n\\ttabbed"
            }
            """;

    private static Manifest authored() {
        return ManifestReader.read(ADDON_JSON.getBytes(StandardCharsets.UTF_8), "addon.json");
    }

    @Test
    void theStoredFormIsTheCanonicalJsonOfTheCatalogManifestAndReadsBackEqual() {
        String stored = ManifestColumn.write(authored());

        assertThat(stored).startsWith("{\"category\":\"support\",\"changelog\":").doesNotContain("\n");
        assertThat(ManifestColumn.read(stored, "registry row of ai_chatbot")).isEqualTo(authored());
        assertThat(ManifestColumn.write(ManifestColumn.read(stored, "row"))).isEqualTo(stored);
    }

    @Test
    void aRowWrittenBeforeAsTheStagedAddonJsonReadsAsTheSameManifest() {
        Manifest old = new RegistryRow("ai_chatbot", "1.2.0", AddonState.ENABLED, java.time.Instant.EPOCH, ADDON_JSON)
                .manifest();

        assertThat(old).isEqualTo(authored());
        assertThat(old.requires().addons()).containsOnlyKeys("notification_hub");
        assertThat(old.permissions()).extracting(Object::toString)
                .containsExactly("billing.customers:read", "billing.invoices:write");
    }

    @Test
    void aRowThatHoldsNoManifestIsAnInternalErrorNamingTheRowAndTheField() {
        RegistryRow broken = new RegistryRow("greeter", "1.0.0", AddonState.ENABLED, java.time.Instant.EPOCH,
                "{\"id\":\"greeter\"}");

        assertThatThrownBy(broken::manifest).isInstanceOfSatisfying(AgentException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL);
            assertThat(e.getMessage()).contains("registry row of greeter").contains("version");
        });
    }
}
