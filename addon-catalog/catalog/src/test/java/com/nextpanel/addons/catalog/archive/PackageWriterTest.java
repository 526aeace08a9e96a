package com.nextpanel.addons.catalog.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nextpanel.addons.catalog.CatalogException;
import com.nextpanel.addons.catalog.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackageWriterTest {

    @TempDir
    Path tmp;

    private final PackageWriter writer = new PackageWriter();

    @Test
    void packsASourceDirectoryIntoAPackageTheReaderAccepts() {
        Path src = PackageFixture.addon("chat", "1.0.0").writeSource(tmp.resolve("src"));

        PackResult result = writer.write(src, tmp.resolve("out/chat-1.0.0.zip"));

        assertThat(result.zip()).exists();
        assertThat(result.length()).isEqualTo(result.zip().toFile().length());
        assertThat(result.sha256Hex()).isEqualTo(PackageReader.sha256Hex(result.zip()));
        assertThat(result.summary().tables()).containsExactly("chat_items");
        StagedPackage staged = new PackageReader().extract(result.zip(),
                PackageFixture.expectedFor(result.zip(), "chat", "1.0.0"), tmp.resolve("staged"));
        assertThat(staged.jars()).hasSize(1);
    }

    @Test
    void packingTwiceGivesTheSameBytesWhateverTheFileTimesAndCreationOrder() throws IOException {
        Path first = PackageFixture.addon("chat", "1.0.0").file("migrations/V2__b.sql", "SELECT 2;")
                .writeSource(tmp.resolve("src1"));
        Path second = PackageFixture.addon("chat", "1.0.0").without("migrations/V1__create_tables.sql")
                .file("migrations/V2__b.sql", "SELECT 2;").writeSource(tmp.resolve("src2"));
        Files.writeString(second.resolve("migrations/V1__create_tables.sql"),
                Files.readString(first.resolve("migrations/V1__create_tables.sql")));
        Files.setLastModifiedTime(second.resolve("addon.json"), FileTime.from(Instant.parse("2030-01-01T00:00:00Z")));

        PackResult a = writer.write(first, tmp.resolve("a.zip"));
        PackResult b = writer.write(second, tmp.resolve("b.zip"));

        assertThat(a.sha256Hex()).isEqualTo(b.sha256Hex());
        assertThat(Files.readAllBytes(a.zip())).isEqualTo(Files.readAllBytes(b.zip()));
    }

    @Test
    void entriesAreSortedByName() throws IOException {
        Path src = PackageFixture.addon("chat", "1.0.0").file("lib/zz.jar", PackageFixture.jar("zz"))
                .file("lib/aa.jar", PackageFixture.jar("aa")).writeSource(tmp.resolve("src"));

        PackResult result = writer.write(src, tmp.resolve("chat.zip"));

        try (ZipFile zip = new ZipFile(result.zip().toFile())) {
            List<String> names = Collections.list(zip.entries()).stream().map(e -> e.getName()).toList();
            assertThat(names).isSorted().containsExactly("addon.json", "lib/aa.jar", "lib/chat.jar", "lib/zz.jar",
                    "migrations/V1__create_tables.sql");
        }
    }

    @Test
    void anInvalidManifestIsRejectedAndNothingIsWritten() {
        Path src = PackageFixture.addon("chat", "1.0.0")
                .manifest(PackageFixture.manifestJson("chat", "one").replace("\"id\": \"chat\"", "\"id\": \"Chat\""))
                .writeSource(tmp.resolve("src"));
        Path out = tmp.resolve("chat.zip");

        assertThatThrownBy(() -> writer.write(src, out))
                .isInstanceOfSatisfying(CatalogException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.MANIFEST_INVALID);
                    assertThat(e.problems()).hasSize(2);
                });
        assertThat(out).doesNotExist();
    }

    @Test
    void unexpectedFilesAndDuplicateMigrationVersionsAreAllReported() {
        Path src = PackageFixture.addon("chat", "1.0.0").file("README.md", "hi").file("lib/sub/x.jar", "x")
                .writeSource(tmp.resolve("src"));
        Path out = tmp.resolve("chat.zip");

        assertThatThrownBy(() -> writer.write(src, out))
                .isInstanceOfSatisfying(CatalogException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.PACKAGE_INVALID);
                    assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("README.md: unexpected entry"))
                            .anySatisfy(p -> assertThat(p).startsWith("lib/sub/: unexpected directory"));
                });
        assertThat(out).doesNotExist();
    }

    @Test
    void duplicateMigrationVersionsAreRejected() {
        Path src = PackageFixture.addon("chat", "1.0.0").file("migrations/V1_0__again.sql", "SELECT 1;")
                .writeSource(tmp.resolve("src"));

        assertThatThrownBy(() -> writer.write(src, tmp.resolve("chat.zip")))
                .isInstanceOfSatisfying(CatalogException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PACKAGE_INVALID))
                .hasMessageContaining("duplicate migration version 1");
    }

    @Test
    void aSourceWithoutCodeIsRejected() {
        Path src = PackageFixture.addon("chat", "1.0.0").without("lib/chat.jar").writeSource(tmp.resolve("src"));

        assertThatThrownBy(() -> writer.write(src, tmp.resolve("chat.zip"))).hasMessageContaining("no .jar");
    }

    @Test
    void symbolicLinksInTheSourceAreRejected() throws IOException {
        Path src = PackageFixture.addon("chat", "1.0.0").writeSource(tmp.resolve("src"));
        Files.createSymbolicLink(src.resolve("lib/link.jar"), src.resolve("lib/chat.jar"));

        assertThatThrownBy(() -> writer.write(src, tmp.resolve("chat.zip")))
                .isInstanceOfSatisfying(CatalogException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PACKAGE_INVALID))
                .hasMessageContaining("lib/link.jar: symbolic links are not packed");
    }
}
