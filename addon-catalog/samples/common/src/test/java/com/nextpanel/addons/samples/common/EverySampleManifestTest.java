package com.nextpanel.addons.samples.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.nextpanel.addons.catalog.manifest.Manifest;
import com.nextpanel.addons.catalog.manifest.ManifestReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every sample's {@code addon.json} passes the catalog's own {@link ManifestReader}, and its migrations the
 * package rules, so that {@code addon-catalog pack} and the agent accept what the samples build.
 */
class EverySampleManifestTest {

    private static final Path SAMPLES = Path.of("..");

    /** The manifests, and the migration directories that make up each version's migrations/. */
    static Stream<Map.Entry<Path, List<Path>>> manifests() {
        Path chatbot = SAMPLES.resolve("ai_chatbot/src/addon");
        return Stream.of(
                Map.entry(chatbot.resolve("1.0.0/addon.json"), List.of(chatbot.resolve("1.0.0/migrations"))),
                Map.entry(chatbot.resolve("1.1.0/addon.json"),
                        List.of(chatbot.resolve("1.0.0/migrations"), chatbot.resolve("1.1.0/migrations"))),
                single("email_marketing"), single("notification_hub"), single("sms_notifications"));
    }

    private static Map.Entry<Path, List<Path>> single(String id) {
        Path source = SAMPLES.resolve(id).resolve("src/addon");
        return Map.entry(source.resolve("addon.json"), List.of(source.resolve("migrations")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("manifests")
    void theManifestIsValidAndItsMigrationsFollowThePackageRules(Map.Entry<Path, List<Path>> sample) throws IOException {
        Manifest manifest = ManifestReader.read(sample.getKey());

        assertThat(sample.getKey().normalize().toString()).contains(manifest.id());
        assertThat(manifest.entrypoint()).startsWith("com.nextpanel.addons.samples." + manifest.id() + ".");
        assertThat(manifest.console().navigation()).isNotEmpty();
        List<String> migrations = sample.getValue().stream().flatMap(EverySampleManifestTest::list)
                .map(file -> "migrations/" + file.getFileName()).toList();
        assertThat(migrations).isNotEmpty();
        assertThat(ManifestReader.checkMigrations(migrations)).isEmpty();
    }

    private static Stream<Path> list(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList().stream();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
