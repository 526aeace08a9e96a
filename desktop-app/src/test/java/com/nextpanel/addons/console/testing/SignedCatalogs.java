package com.nextpanel.addons.console.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nextpanel.addons.catalog.client.CatalogClient;
import com.nextpanel.addons.catalog.client.CatalogTarget;
import com.nextpanel.addons.catalog.tuf.CatalogPublisher;
import com.nextpanel.addons.catalog.tuf.Keyring;
import com.nextpanel.addons.console.marketplace.SignedCatalogSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A real signed (TUF, Ed25519) catalog of the demo addons, published into a folder with the catalog module's
 * publisher: real packages, real hashes, so that a test can compare what the console shows with the catalog's targets.
 */
public final class SignedCatalogs {

    private final Path dir;
    private final Keyring keys;
    private final ObjectMapper mapper = new ObjectMapper();

    private SignedCatalogs(Path dir, Keyring keys) {
        this.dir = dir;
        this.keys = keys;
    }

    /** Publishes ai_chatbot 1.0.0 and 1.1.0, email_marketing, notification_hub and sms_notifications into {@code dir}. */
    public static SignedCatalogs demo(Path dir) {
        SignedCatalogs catalog = new SignedCatalogs(dir, Keyring.generate(new SecureRandom()));
        catalog.publish(new String[][] {
                {"ai_chatbot", "AI Chatbot", "Support", "1.0.0"},
                {"ai_chatbot", "AI Chatbot", "Support", "1.1.0"},
                {"email_marketing", "Email Marketing", "Marketing", "1.0.0"},
                {"notification_hub", "Notification Hub", "Notifications", "1.0.0"},
                {"sms_notifications", "SMS Notifications", "Notifications", "1.0.0"},
        });
        return catalog;
    }

    /** Publishes one more addon version, signed with the same keys (a new catalog version, as a publisher's update). */
    public SignedCatalogs add(String id, String name, String category, String version) {
        publish(new String[][] {{id, name, category, version}});
        return this;
    }

    private void publish(String[][] addons) {
        try {
            Files.createDirectories(dir.resolve("packages"));
            List<CatalogPublisher.NewTarget> targets = new ArrayList<>();
            for (String[] a : addons) {
                ObjectNode manifest = mapper.createObjectNode().put("id", a[0]).put("version", a[3]).put("name", a[1])
                        .put("category", a[2]).put("description", a[1] + " for the console's tests.");
                String path = "packages/" + a[0] + "-" + a[3] + ".zip";
                Path zip = dir.resolve(path);
                Files.write(zip, zipWith("addon.json", mapper.writeValueAsBytes(manifest)));
                targets.add(new CatalogPublisher.NewTarget(path, zip, manifest));
            }
            new CatalogPublisher(dir, keys, Clock.systemUTC(), Map.of()).publish(targets);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path dir() {
        return dir;
    }

    /** The console's source over this catalog, remembering versions in {@code stateDir}. */
    public SignedCatalogSource source(Path stateDir) {
        return new SignedCatalogSource(dir.toString(), dir.resolve("root.json"), stateDir);
    }

    /** The target as the catalog client verifies it, independently of the console. */
    public CatalogTarget target(String id, String version, Path stateDir) {
        return CatalogClient.builder(dir.toString()).trustedRoot(dir.resolve("root.json")).stateDir(stateDir).build()
                .refresh().find(id, version).orElseThrow();
    }

    /** @return a package zip holding one entry {@code name} */
    public static byte[] zipWith(String name, byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
            zip.closeEntry();
        }
        return out.toByteArray();
    }
}
