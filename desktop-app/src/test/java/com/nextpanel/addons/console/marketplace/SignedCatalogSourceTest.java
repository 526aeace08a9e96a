package com.nextpanel.addons.console.marketplace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nextpanel.addons.catalog.tuf.CatalogPublisher;
import com.nextpanel.addons.catalog.tuf.Keyring;
import com.nextpanel.addons.console.common.CurrentThreadTaskExecutor;
import com.nextpanel.addons.console.testing.InMemoryAgent;
import com.nextpanel.addons.console.testing.SignedCatalogs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console verifying a real signed (TUF, Ed25519) catalog itself. */
class SignedCatalogSourceTest {

    @TempDir
    Path dir;
    private Path catalog;

    @BeforeEach
    void publish() throws Exception {
        catalog = dir.resolve("catalog");
        Files.createDirectories(catalog.resolve("packages"));
        ObjectMapper m = new ObjectMapper();
        List<CatalogPublisher.NewTarget> targets = new ArrayList<>();
        for (String v : List.of("1.0.0", "1.1.0")) {
            ObjectNode manifest = m.createObjectNode().put("id", "ai_chatbot").put("version", v).put("name", "AI Chatbot")
                    .put("category", "Support").put("description", "Chats.");
            manifest.putArray("routes").add("/api/v1/chat");
            manifest.putArray("permissions").add("billing.customers:read");
            manifest.set("console", m.readTree("{\"navigation\":[{\"parent\":\"Support\",\"label\":\"Live Chats\","
                    + "\"view\":{\"type\":\"table\",\"route\":\"/api/v1/chat/sessions\",\"columns\":[{\"field\":\"id\",\"label\":\"#\"}]}}]}"));
            Path zip = catalog.resolve("packages/ai_chatbot-" + v + ".zip");
            Files.write(zip, SignedCatalogs.zipWith("addon.json", m.writeValueAsBytes(manifest)));
            manifest.put("changelog", "## " + v + "\n- what changed in " + v);
            ObjectNode summary = manifest.deepCopy();
            if (v.equals("1.0.0")) {
                // a summary written before the publisher signed the console section and the changelog in
                summary.remove("console");
                summary.remove("changelog");
            }
            targets.add(new CatalogPublisher.NewTarget("packages/ai_chatbot-" + v + ".zip", zip, summary));
        }
        new CatalogPublisher(catalog, Keyring.generate(new SecureRandom()), Clock.systemUTC(), Map.of()).publish(targets);
    }

    private SignedCatalogSource source() {
        return new SignedCatalogSource(catalog.toString(), catalog.resolve("root.json"), dir.resolve("state"));
    }

    @Test
    void listsEveryVersionWithItsSignedSummaryAndTheKeysThatSigned() {
        CatalogSnapshot snapshot = source().load(new InMemoryAgent());

        assertThat(snapshot.listings()).singleElement().satisfies(l -> {
            assertThat(l.name()).isEqualTo("AI Chatbot");
            assertThat(l.versions()).extracting(ListingVersion::version).containsExactly("1.0.0", "1.1.0");
            assertThat(l.latest().permissions()).containsExactly("billing.customers:read");
            assertThat(l.latest().sizeBytes()).isPresent();
            assertThat(l.signedBy()).hasSize(1);
        });
        assertThat(snapshot.verification()).startsWith("Signed catalog verified by this console: targets v1, signed by 1 key");
    }

    @Test
    void theConsoleSectionAndChangelogComeFromTheSignedSummaryWithoutDownloadingAPackage() throws Exception {
        Files.delete(catalog.resolve("packages/ai_chatbot-1.1.0.zip"));
        Files.delete(catalog.resolve("packages/ai_chatbot-1.0.0.zip"));

        AddonListing listing = source().load(new InMemoryAgent()).listings().get(0);

        assertThat(listing.version("1.1.0")).hasValueSatisfying(v -> {
            assertThat(v.changelog()).contains("- what changed in 1.1.0");
            assertThat(v.console()).hasValueSatisfying(c -> assertThat(c.path("navigation").get(0).path("view").path("route")
                    .asText()).isEqualTo("/api/v1/chat/sessions"));
        });
        // an older summary without them still reads: the version is listed, just without them
        assertThat(listing.version("1.0.0")).hasValueSatisfying(v -> {
            assertThat(v.changelog()).isEmpty();
            assertThat(v.console().map(c -> c.path("navigation").size()).orElse(0)).isZero();
        });
    }

    @Test
    void aTamperedCatalogIsRefusedAndNothingIsShown() throws Exception {
        Path targets = catalog.resolve("targets.json");
        Files.writeString(targets, Files.readString(targets, StandardCharsets.UTF_8).replace("AI Chatbot", "AI Chatb0t"));
        MarketplaceCatalog marketplace = new MarketplaceCatalog(source(), () -> Optional.of(new InMemoryAgent()),
                new CurrentThreadTaskExecutor());

        marketplace.refresh();

        assertThat(marketplace.listings()).isEmpty();
        assertThat(marketplace.errorProperty().get().title()).isEqualTo("The addon catalog failed verification");
        assertThat(marketplace.verificationProperty().get()).startsWith("Catalog failed verification");
    }
}
