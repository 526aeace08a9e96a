package com.nextpanel.addons.catalog.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nextpanel.addons.catalog.CatalogException;
import com.nextpanel.addons.catalog.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackageReaderTest {

    @TempDir
    Path tmp;

    private Path addonsDir;
    private Path dest;
    private final PackageReader reader = new PackageReader();

    @BeforeEach
    void setUp() {
        // "addons" so that a naive startsWith check would let "../addonsX/..." through.
        addonsDir = tmp.resolve("data/addons");
        dest = addonsDir.resolve("chat/1.0.0");
    }

    private static PackageFixture chat() {
        return PackageFixture.addon("chat", "1.0.0");
    }

    @Test
    void extractsAValidPackageWithManifestJarsAndMigrationsInVersionOrder() throws IOException {
        Path zip = chat()
                .file("migrations/V10__later.sql", "CREATE TABLE later_things (id INT);")
                .file("migrations/V2__second.sql", "ALTER TABLE chat_items ADD COLUMN x INT;")
                .file("lib/helper-lib.jar", PackageFixture.jar("helper"))
                .writeZip(tmp.resolve("chat-1.0.0.zip"));

        StagedPackage staged = reader.extract(zip, chat().expected(zip), dest);

        assertThat(staged.dir()).isEqualTo(dest);
        assertThat(staged.manifest().id()).isEqualTo("chat");
        assertThat(staged.manifest().version()).hasToString("1.0.0");
        assertThat(staged.jars()).extracting(p -> p.getFileName().toString()).containsExactly("chat.jar", "helper-lib.jar");
        assertThat(staged.migrations()).extracting(p -> p.getFileName().toString())
                .containsExactly("V1__create_tables.sql", "V2__second.sql", "V10__later.sql");
        assertThat(Files.readAllBytes(dest.resolve("lib/chat.jar"))).isEqualTo(PackageFixture.jar("chat"));
        assertThat(staged.tables()).containsExactly("chat_items", "later_things");
        try (Stream<Path> left = Files.list(addonsDir.resolve("chat"))) {
            assertThat(left).containsExactly(dest); // no staging directory left behind
        }
    }

    @Test
    void inspectReadsManifestEntriesAndTablesWithoutExtracting() {
        Path zip = chat().writeZip(tmp.resolve("chat.zip"));

        PackageContents contents = reader.inspect(zip);

        assertThat(contents.manifest().id()).isEqualTo("chat");
        assertThat(contents.entries()).containsExactly("addon.json", "lib/chat.jar", "migrations/V1__create_tables.sql");
        assertThat(contents.summary().tables()).containsExactly("chat_items");
        assertThat(contents.summary().routes()).containsExactly("/api/v1/chat");
    }

    // --- the catalog's promises, checked before the zip is opened ---

    @Test
    void hashMismatchIsRejectedBeforeTheZipIsOpened() throws IOException {
        Path zip = tmp.resolve("chat.zip");
        Files.write(zip, "not even a zip".getBytes());
        ExpectedTarget expected = new ExpectedTarget("chat", com.nextpanel.addons.catalog.version.Version.parse("1.0.0"),
                Files.size(zip), "0".repeat(64));

        assertRejected(() -> reader.extract(zip, expected, dest), ErrorCode.HASH_MISMATCH, "SHA-256");
    }

    @Test
    void lengthMismatchIsRejected() {
        Path zip = chat().writeZip(tmp.resolve("chat.zip"));
        ExpectedTarget real = chat().expected(zip);
        ExpectedTarget longer = new ExpectedTarget(real.id(), real.version(), real.length() + 1, real.sha256Hex());

        assertRejected(() -> reader.extract(zip, longer, dest), ErrorCode.LENGTH_MISMATCH, "length");
    }

    @Test
    void aSingleFlippedByteIsAHashMismatch() throws IOException {
        Path zip = chat().writeZip(tmp.resolve("chat.zip"));
        ExpectedTarget expected = chat().expected(zip);
        byte[] bytes = Files.readAllBytes(zip);
        bytes[bytes.length / 2] ^= 1;
        Files.write(zip, bytes);

        assertRejected(() -> reader.extract(zip, expected, dest), ErrorCode.HASH_MISMATCH, "chat.zip");
    }

    @Test
    void manifestWithAnotherIdThanTheCatalogsIsRejected() {
        Path zip = PackageFixture.addon("other", "1.0.0").writeZip(tmp.resolve("chat.zip"));

        assertRejected(() -> reader.extract(zip, PackageFixture.expectedFor(zip, "chat", "1.0.0"), dest),
                ErrorCode.PACKAGE_MISMATCH, "other@1.0.0");
    }

    @Test
    void manifestWithAnotherVersionThanTheCatalogsIsRejected() {
        Path zip = PackageFixture.addon("chat", "0.9.0").writeZip(tmp.resolve("chat.zip"));

        assertRejected(() -> reader.extract(zip, PackageFixture.expectedFor(zip, "chat", "1.0.0"), dest),
                ErrorCode.PACKAGE_MISMATCH, "chat@0.9.0");
    }

    @Test
    void invalidManifestInsideThePackageIsRejectedWithItsProblems() {
        Path zip = chat().manifest(PackageFixture.manifestJson("chat", "1.0.0").replace("\"/api/v1/chat\"", "\"/chat\""))
                .writeZip(tmp.resolve("chat.zip"));

        assertRejected(() -> reader.extract(zip, chat().expected(zip), dest), ErrorCode.MANIFEST_INVALID, "routes[0]");
    }

    // --- names ---

    @Test
    void zipSlipWithDotDotIsRejected() {
        Path zip = chat().zipFixture().entry("../../evil.jar", "x").write(tmp.resolve("chat.zip"));

        assertRejected(() -> reader.extract(zip, chat().expected(zip), dest), ErrorCode.PACKAGE_UNSAFE, "'..' segment");
        assertThat(tmp.resolve("data/evil.jar")).doesNotExist();
    }

    @Test
    void zipSlipBypassWithPartialPrefixMatchIsRejected() {
        Path zip = chat().zipFixture().entry("../addonsX/lib/evil.jar", "x").write(tmp.resolve("chat.zip"));

        assertRejected(() -> reader.extract(zip, chat().expected(zip), dest), ErrorCode.PACKAGE_UNSAFE, "../addonsX");
        assertThat(tmp.resolve("data/addonsX")).doesNotExist();
    }

    @Test
    void dotDotHiddenInsideAnAllowedFolderIsRejected() {
        Path zip = chat().zipFixture().entry("lib/../../../evil.jar", "x").write(tmp.resolve("chat.zip"));

        assertRejected(() -> reader.extract(zip, chat().expected(zip), dest), ErrorCode.PACKAGE_UNSAFE, "'..' segment");
    }

    @Test
    void absoluteNameIsRejected() {
        Path zip = chat().zipFixture().entry("/etc/x", "x").write(tmp.resolve("chat.zip"));

        assertRejected(() -> reader.extract(zip, chat().expected(zip), dest), ErrorCode.PACKAGE_UNSAFE, "'/etc/x': absolute name");
    }

    @Test
    void windowsDriveNameIsRejected() {
        Path zip = chat().zipFixture().entry("C:/evil.jar", "x").write(tmp.resolve("chat.zip"));

        assertRejected(() -> reader.extract(zip, chat().expected(zip), dest), ErrorCode.PACKAGE_UNSAFE, "absolute name");
    }

    @Test
    void backslashNameIsRejected() {
        Path zip = chat().zipFixture().entry("..\\x", "x").write(tmp.resolve("chat.zip"));

        assertRejected(() -> reader.extract(zip, chat().expected(zip), dest), ErrorCode.PACKAGE_UNSAFE, "backslash");
    }

    @Test
    void symlinkEntryIsRejected() {
        Path zip = chat().zipFixture().symlink("lib/link.jar", "/etc/passwd").write(tmp.resolve("chat.zip"));

        assertRejected(() -> reader.extract(zip, chat().expected(zip), dest), ErrorCode.PACKAGE_UNSAFE,
                "'lib/link.jar': symbolic link");
    }

    @Test
    void duplicateEntryIsRejected() {
        // Entry 1 is lib/chat.jar; entry 3 is renamed to the same name after writing.
        Path zip = chat().zipFixture().entry("lib/chaX.jar", "second").renameEntry(3, "lib/chat.jar")
                .write(tmp.resolve("chat.zip"));

        assertRejected(() -> reader.extract(zip, chat().expected(zip), dest), ErrorCode.PACKAGE_UNSAFE,
                "'lib/chat.jar': duplicate entry");
    }

    @Test
    void namesThatCollideWhenCaseIsFoldedAreRejected() {
        Path zip = chat().zipFixture().entry("lib/a.jar", "x").entry("lib/A.jar", "y").write(tmp.resolve("chat.zip"));

        assertRejected(() -> reader.extract(zip, chat().expected(zip), dest), ErrorCode.PACKAGE_UNSAFE,
                "'lib/A.jar': collides with 'lib/a.jar'");
    }

    @Test
    void folderNamesThatCollideWhenCaseIsFoldedAreRejected() {
        Path zip = chat().zipFixture().entry("Lib/a.jar", "x").entry("lib/A.jar", "y").write(tmp.resolve("chat.zip"));

        assertRejected(() -> reader.extract(zip, chat().expected(zip), dest), ErrorCode.PACKAGE_UNSAFE,
                "'lib/A.jar': collides with 'Lib/a.jar'");
    }

    @Test
    void namesThatCollideAfterUnicodeNormalisationAreRejected() {
        String nfc = "lib/caf\u00e9.jar";
        String nfd = "lib/cafe\u0301.jar";
        Path zip = chat().zipFixture().entry(nfc, "x").entry(nfd, "y").write(tmp.resolve("chat.zip"));

        assertRejected(() -> reader.extract(zip, chat().expected(zip), dest), ErrorCode.PACKAGE_UNSAFE,
                "collides with '" + nfc + "'");
    }

    @Test
    void unexpectedTopLevelFileIsRejected() {
        Path zip = chat().zipFixture().entry("install.sh", "rm -rf /").write(tmp.resolve("chat.zip"));

        assertRejected(() -> reader.extract(zip, chat().expected(zip), dest), ErrorCode.PACKAGE_UNSAFE,
                "'install.sh': unexpected entry");
    }

    @Test
    void jarNestedBelowLibIsRejected() {
        Path zip = chat().zipFixture().entry("lib/deep/x.jar", "x").write(tmp.resolve("chat.zip"));

        assertRejected(() -> reader.extract(zip, chat().expected(zip), dest), ErrorCode.PACKAGE_UNSAFE, "unexpected entry");
    }

    @Test
    void everyUnsafeNameIsReportedAtOnce() {
        Path zip = chat().zipFixture().entry("/etc/x", "x").entry("..\\y", "y").entry("z.sh", "z")
                .write(tmp.resolve("chat.zip"));

        assertThatThrownBy(() -> reader.extract(zip, chat().expected(zip), dest))
                .isInstanceOfSatisfying(CatalogException.class, e -> assertThat(e.problems()).hasSize(3));
        assertThat(dest).doesNotExist();
    }

    // --- package structure ---

    @Test
    void packageWithoutManifestIsRejected() {
        Path zip = ZipFixture.zip().entry("lib/chat.jar", PackageFixture.jar("chat")).write(tmp.resolve("chat.zip"));

        assertRejected(() -> reader.extract(zip, chat().expected(zip), dest), ErrorCode.PACKAGE_INVALID, "addon.json: missing");
    }

    @Test
    void packageWithoutAJarIsRejected() {
        Path zip = chat().without("lib/chat.jar").writeZip(tmp.resolve("chat.zip"));

        assertRejected(() -> reader.extract(zip, chat().expected(zip), dest), ErrorCode.PACKAGE_INVALID, "no .jar");
    }

    @Test
    void duplicateMigrationVersionsAreRejected() {
        Path zip = chat().file("migrations/V01__again.sql", "SELECT 1;").writeZip(tmp.resolve("chat.zip"));

        assertRejected(() -> reader.extract(zip, chat().expected(zip), dest), ErrorCode.PACKAGE_INVALID,
                "duplicate migration version 1");
    }

    @Test
    void badlyNamedMigrationIsRejected() {
        Path zip = chat().file("migrations/init.sql", "SELECT 1;").writeZip(tmp.resolve("chat.zip"));

        assertRejected(() -> reader.extract(zip, chat().expected(zip), dest), ErrorCode.PACKAGE_INVALID,
                "migrations/init.sql: not a migration name");
    }

    @Test
    void notAZipIsRejectedAsUnsafe() throws IOException {
        Path zip = tmp.resolve("chat.zip");
        Files.write(zip, new byte[100]);

        assertRejected(() -> reader.extract(zip, chat().expected(zip), dest), ErrorCode.PACKAGE_UNSAFE, "not a zip");
    }

    // --- sizes, counted while inflating ---

    @Test
    void moreThanTenThousandEntriesAreRejected() {
        ZipFixture fixture = chat().zipFixture();
        for (int i = 0; i < 10_001; i++) {
            fixture.entry("migrations/V" + (i + 2) + "__m.sql", "");
        }
        Path zip = fixture.write(tmp.resolve("chat.zip"));

        assertRejected(() -> reader.extract(zip, chat().expected(zip), dest), ErrorCode.TOO_LARGE, "more than 10000 entries");
    }

    @Test
    void zipBombOverTheRatioIsRejectedWhileInflating() {
        Path zip = chat().zipFixture().entry("lib/bomb.jar", new byte[20 * 1024 * 1024]).write(tmp.resolve("chat.zip"));

        assertRejected(() -> reader.extract(zip, chat().expected(zip), dest), ErrorCode.TOO_LARGE, "100:1");
    }

    @Test
    void packageOverTheTotalSizeIsRejectedWhileInflating() {
        PackageReader small = new PackageReader(new PackageLimits(100, 64 * 1024, 100, 1024 * 1024));
        Path zip = chat().zipFixture().storedEntry("lib/big.jar", random(100 * 1024)).write(tmp.resolve("chat.zip"));

        assertRejected(() -> small.extract(zip, chat().expected(zip), dest), ErrorCode.TOO_LARGE, "more than 65536 bytes");
    }

    @Test
    void headersThatUnderstateTheSizeDoNotFoolTheCount() {
        PackageReader small = new PackageReader(new PackageLimits(100, 64 * 1024, 100, 1024 * 1024));
        // lib/big.jar is entry 3 (after addon.json, lib/chat.jar, the migration); it claims 10 bytes.
        Path zip = chat().zipFixture().entry("lib/big.jar", random(100 * 1024)).lieAboutSize(3, 10)
                .write(tmp.resolve("chat.zip"));

        assertThatThrownBy(() -> small.extract(zip, chat().expected(zip), dest))
                .isInstanceOfSatisfying(CatalogException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.TOO_LARGE))
                .hasMessageContaining("more than 65536 bytes");
        assertThat(dest).doesNotExist();
        assertThat(small.inspect(chat().writeZip(tmp.resolve("ok.zip"))).manifest().id()).isEqualTo("chat");
    }

    @Test
    void aFailureHalfWayThroughLeavesNoStagingDirectory() throws IOException {
        // The bomb is the last entry, so the others have been written when it trips the limit.
        Path zip = chat().zipFixture().entry("migrations/V9__zzz.sql", "SELECT 1;")
                .entry("migrations/V99__zz.sql", new String(new char[3 * 1024 * 1024]).replace('\0', ' '))
                .write(tmp.resolve("chat.zip"));

        assertRejected(() -> reader.extract(zip, chat().expected(zip), dest), ErrorCode.TOO_LARGE, "V99__zz.sql");
        try (Stream<Path> left = Files.list(addonsDir.resolve("chat"))) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void anExistingDestinationIsNeverOverwritten() throws IOException {
        Path zip = chat().writeZip(tmp.resolve("chat.zip"));
        Files.createDirectories(dest);
        Files.writeString(dest.resolve("keep.txt"), "mine");

        assertThatThrownBy(() -> reader.extract(zip, chat().expected(zip), dest))
                .isInstanceOfSatisfying(CatalogException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.IO));
        assertThat(dest.resolve("keep.txt")).hasContent("mine");
    }

    private void assertRejected(ThrowingCallable call, ErrorCode code, String messagePart) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(CatalogException.class, e -> assertThat(e.code()).isEqualTo(code))
                .hasMessageContaining(messagePart);
        assertThat(dest).doesNotExist();
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new Random(42).nextBytes(bytes);
        return bytes;
    }
}
