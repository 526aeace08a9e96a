package com.nextpanel.addons.console.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.nextpanel.addons.client.AgentClientException;
import com.nextpanel.addons.client.ErrorCode;
import java.net.ConnectException;
import java.util.List;
import org.junit.jupiter.api.Test;

class UserErrorTest {

    @Test
    void eachKindOfFailureSaysWhatHappenedAndWhatToDoWithoutAStackTrace() {
        var offline = UserError.of("Installing ai_chatbot", new AgentClientException(ErrorCode.OFFLINE,
                "The server https://h:1 cannot be reached (Connection refused).", new ConnectException("Connection refused")));
        var unauthorized = UserError.of("Connecting", new AgentClientException(ErrorCode.UNAUTHORIZED, 401, "unauthorized", "bad token", List.of(), null, null));
        var conflict = UserError.of("Uninstalling notification_hub", new AgentClientException(ErrorCode.CONFLICT, 409, "conflict",
                "notification_hub is needed", List.of("sms_notifications depends on notification_hub"), null, null));
        var catalog = UserError.of("Loading the catalog", new AgentClientException(ErrorCode.CATALOG_UNTRUSTED, 502, "catalog_untrusted",
                "targets.json: signature threshold not met", List.of(), null, null));

        assertThat(offline.title()).isEqualTo("Server offline");
        assertThat(offline.hint()).contains("Start the agent");
        assertThat(offline.message()).isEqualTo("The server https://h:1 cannot be reached.");
        assertThat(unauthorized.title()).isEqualTo("Token rejected");
        assertThat(unauthorized.hint()).contains("admin.token");
        assertThat(conflict.title()).isEqualTo("Uninstalling notification_hub refused");
        assertThat(conflict.describe()).contains("• sms_notifications depends on notification_hub").contains("Nothing was changed");
        assertThat(catalog.title()).isEqualTo("The addon catalog failed verification");
        assertThat(catalog.describe()).contains("targets.json").contains("Nothing was installed");
        for (UserError e : List.of(offline, unauthorized, conflict, catalog)) {
            assertThat(e.describe()).doesNotContain("Exception").doesNotContain("\tat ");
        }
    }

    @Test
    void anUnexpectedFailurePointsToTheLogFile() {
        UserError e = UserError.of("Refreshing", new IllegalStateException("boom"));

        assertThat(e.hint()).contains("console.log");
        assertThat(e.describe()).doesNotContain("IllegalStateException");
    }

    @Test
    void aCatalogThatFailsVerificationNamesTheFileButNotTheLibraryInternals() {
        UserError e = UserError.of("Loading the catalog", new com.nextpanel.addons.catalog.CatalogException(
                com.nextpanel.addons.catalog.ErrorCode.values()[0], "/c/targets.json: packages/a-1.0.0.zip: custom is not a manifest "
                + "summary (Cannot construct instance of `com.nextpanel.addons.catalog.manifest.Console$View`)"));

        assertThat(e.title()).isEqualTo("The addon catalog failed verification");
        assertThat(e.message()).isEqualTo("/c/targets.json: packages/a-1.0.0.zip: custom is not a manifest summary");
    }
}
