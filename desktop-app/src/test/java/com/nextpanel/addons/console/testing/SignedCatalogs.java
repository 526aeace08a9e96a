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

    private SignedCatalogs(Path dir) {
        this.dir = dir;
    }

    /** Publishes ai_chatbot 1.0.0 and 1.1.0, email_marketing, notification_hub and sms_notifications into {@code dir}. */
    public static SignedCatalogs demo(Path dir) {
        try {
            Files.createDirectories(dir.resolve("packages"));
            ObjectMapper m = new ObjectMapper();
            List<CatalogPublisher.NewTarget> targets = new ArrayList<>();
            String[][] addons = {
                {"ai_chatbot", "AI Chatbot", "Support", "1.0.0"},
                {"ai_chatbot", "AI Chatbot", "Support", "1.1.0"},
                {"email_marketing", "Email Marketing", "Marketing", "1.0.0"},
                {"notification_hub", "Notification Hub", "Notifications", "1.0.0"},
                {"sms_notifications", "SMS Notifications", "Notifications", "1.0.0"},
            };
            for (String[] a : addons) {
                ObjectNode manifest = m.createObjectNode().put("id", a[0]).put("version", a[3]).put("name", a[1])
                        .put("category", a[2]).put("description", a[1] + " for the console's tests.");
                String path = "packages/" + a[0] + "-" + a[3] + ".zip";
                Path zip = dir.resolve(path);
                Files.write(zip, zipWith("addon.json", m.writeValueAsBytes(manifest)));
                targets.add(new CatalogPublisher.NewTarget(path, zip, manifest));
            }
            new CatalogPublisher(dir, Keyring.generate(new SecureRandom()), Clock.systemUTC(), Map.of()).publish(targets);
            return new SignedCatalogs(dir);
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

    private static byte[] zipWith(String name, byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
            zip.closeEntry();
        }
        return out.toByteArray();
    }
}
