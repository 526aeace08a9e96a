package com.nextpanel.addons.catalog.archive;

import com.nextpanel.addons.catalog.CatalogException;
import com.nextpanel.addons.catalog.ErrorCode;
import com.nextpanel.addons.catalog.manifest.Manifest;
import com.nextpanel.addons.catalog.manifest.ManifestProblem;
import com.nextpanel.addons.catalog.manifest.ManifestReader;
import com.nextpanel.addons.catalog.manifest.MigrationFile;
import com.nextpanel.addons.catalog.manifest.TableScanner;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads addon packages safely.
 *
 * <p>Written on {@code java.util.zip} plus a small central-directory reader rather than a library:
 * PF4J's {@code Unzip} extracts whatever the zip names (no link, duplicate, case-collision, entry-count,
 * size or ratio checks), and the checks below are the point of this class.
 *
 * <p>Order: the file's length and SHA-256 are checked before the zip is opened; then every central
 * directory record is checked (names, links, duplicates, collisions, count) before anything is inflated;
 * then the manifest is read and matched against the catalog; then the entries are inflated into a fresh
 * temporary directory beside the destination, counting bytes as they come, and the directory is moved
 * into place atomically. Any failure deletes the temporary directory, so the destination never exists
 * half-made.
 */
public final class PackageReader {

    private final PackageLimits limits;

    public PackageReader() {
        this(PackageLimits.DEFAULT);
    }

    public PackageReader(PackageLimits limits) {
        this.limits = limits;
    }

    /**
     * Checks a downloaded file against what the signed catalog says, without opening it as a zip.
     *
     * @throws CatalogException {@link ErrorCode#LENGTH_MISMATCH} or {@link ErrorCode#HASH_MISMATCH},
     *                          naming the file and both values
     */
    public static void verify(Path zip, long expectedLength, String expectedSha256Hex) {
        try {
            long length = Files.size(zip);
            if (length != expectedLength) {
                throw new CatalogException(ErrorCode.LENGTH_MISMATCH,
                        zip + ": length " + length + " bytes, but the catalog says " + expectedLength);
            }
            String actual = sha256Hex(zip);
            if (!actual.equalsIgnoreCase(expectedSha256Hex)) {
                throw new CatalogException(ErrorCode.HASH_MISMATCH,
                        zip + ": SHA-256 " + actual + ", but the catalog says " + expectedSha256Hex);
            }
        } catch (IOException e) {
            throw new CatalogException(ErrorCode.IO, "cannot read " + zip + ": " + e.getMessage(), e);
        }
    }

    /** @return the SHA-256 of the file, lower-case hex */
    public static String sha256Hex(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new CatalogException(ErrorCode.IO, "cannot read " + file + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /**
     * Verifies the package against the catalog, checks it, and extracts it into {@code destDir}.
     *
     * @param destDir must not exist yet; its parent is created when missing. On failure it still does not
     *                exist.
     * @throws CatalogException {@link ErrorCode#LENGTH_MISMATCH}, {@link ErrorCode#HASH_MISMATCH},
     *                          {@link ErrorCode#PACKAGE_UNSAFE}, {@link ErrorCode#TOO_LARGE},
     *                          {@link ErrorCode#PACKAGE_INVALID}, {@link ErrorCode#MANIFEST_INVALID},
     *                          {@link ErrorCode#PACKAGE_MISMATCH}, {@link ErrorCode#IO}
     */
    public StagedPackage extract(Path zip, ExpectedTarget expected, Path destDir) {
        verify(zip, expected.length(), expected.sha256Hex());
        if (Files.exists(destDir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new CatalogException(ErrorCode.IO, destDir + " already exists; refusing to extract over it");
        }
        try (CheckedArchive checked = open(zip)) {
            Manifest manifest = checked.manifest();
            if (!manifest.id().equals(expected.id()) || !manifest.version().equals(expected.version())) {
                throw new CatalogException(ErrorCode.PACKAGE_MISMATCH, zip + ": holds " + manifest.coordinates()
                        + ", but the catalog lists it as " + expected.id() + "@" + expected.version());
            }
            Path parent = destDir.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temp = Files.createTempDirectory(parent, ".staging-" + expected.id() + "-");
            try {
                checked.inflate((entry, in) -> write(temp, entry, in));
                move(temp, destDir);
            } catch (RuntimeException | IOException e) {
                try {
                    deleteTree(temp);
                } catch (RuntimeException cleanup) {
                    e.addSuppressed(cleanup);
                }
                throw e;
            }
            return staged(destDir, manifest);
        } catch (IOException e) {
            throw new CatalogException(ErrorCode.IO, "cannot extract " + zip + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads what a package holds without extracting it, with the same checks as
     * {@link #extract(Path, ExpectedTarget, Path)} except the catalog's (for {@code publish} and {@code pack}).
     */
    public PackageContents inspect(Path zip) {
        try (CheckedArchive checked = open(zip)) {
            List<String> scripts = new ArrayList<>();
            checked.inflate((entry, in) -> {
                if (entry.name().startsWith("migrations/") && !entry.isDirectory()) {
                    scripts.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                } else {
                    in.transferTo(OutputStream.nullOutputStream());
                }
            });
            List<String> names = checked.entries().stream().map(CentralDirectory.Entry::name).sorted().toList();
            return new PackageContents(checked.manifest(), names, TableScanner.createdTables(scripts));
        } catch (IOException e) {
            throw new CatalogException(ErrorCode.IO, "cannot read " + zip + ": " + e.getMessage(), e);
        }
    }

    /** Runs every check that needs no inflating, then reads the manifest. */
    private CheckedArchive open(Path zip) throws IOException {
        List<CentralDirectory.Entry> entries = CentralDirectory.read(zip, limits.maxEntries());
        checkNames(zip, entries);
        checkLayout(zip, entries);
        ZipFile zipFile;
        try {
            zipFile = new ZipFile(zip.toFile());
        } catch (ZipException e) {
            throw new CatalogException(ErrorCode.PACKAGE_UNSAFE, zip + ": not a readable zip: " + e.getMessage(), e);
        }
        try {
            if (zipFile.size() != entries.size()) {
                throw new CatalogException(ErrorCode.PACKAGE_UNSAFE, zip + ": central directory holds "
                        + entries.size() + " records, but the zip reader sees " + zipFile.size());
            }
            CheckedArchive checked = new CheckedArchive(zip, zipFile, entries, new InflationGuard(zip, Files.size(zip), limits));
            checked.readManifest();
            return checked;
        } catch (RuntimeException | IOException e) {
            zipFile.close();
            throw e;
        }
    }

    private static void checkNames(Path zip, List<CentralDirectory.Entry> entries) {
        List<String> problems = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        Map<String, String> folded = new HashMap<>();
        for (CentralDirectory.Entry entry : entries) {
            String name = entry.name();
            EntryRules.nameError(name).ifPresent(error -> problems.add("'" + name + "': " + error));
            EntryRules.typeError(entry.unixMode()).ifPresent(error -> problems.add("'" + name + "': " + error));
            if (seen.put(name, name) != null) {
                problems.add("'" + name + "': duplicate entry");
                continue;
            }
            String other = folded.putIfAbsent(EntryRules.collisionKey(name), name);
            if (other != null) {
                problems.add("'" + name + "': collides with '" + other + "' after case folding and Unicode normalisation");
            }
        }
        if (!problems.isEmpty()) {
            throw new CatalogException(ErrorCode.PACKAGE_UNSAFE,
                    zip + ": unsafe entries: " + String.join("; ", problems), problems);
        }
    }

    private static void checkLayout(Path zip, List<CentralDirectory.Entry> entries) {
        List<String> names = entries.stream().map(CentralDirectory.Entry::name).toList();
        List<String> problems = new ArrayList<>();
        if (!names.contains(EntryRules.MANIFEST)) {
            problems.add("addon.json: missing");
        }
        if (names.stream().noneMatch(n -> n.startsWith("lib/") && n.endsWith(".jar"))) {
            problems.add("lib/: no .jar file (the addon needs its code)");
        }
        for (ManifestProblem problem : ManifestReader.checkMigrations(names)) {
            problems.add(problem.toString());
        }
        if (!problems.isEmpty()) {
            throw new CatalogException(ErrorCode.PACKAGE_INVALID,
                    zip + ": not a valid addon package: " + String.join("; ", problems), problems);
        }
    }

    private static void write(Path root, CentralDirectory.Entry entry, InputStream in) throws IOException {
        Path target = root.resolve(entry.name()).normalize();
        // The names were checked already; this is the belt to those braces.
        if (!target.startsWith(root)) {
            throw new CatalogException(ErrorCode.PACKAGE_UNSAFE, "entry " + entry.name() + " escapes the package");
        }
        if (entry.isDirectory()) {
            Files.createDirectories(target);
            return;
        }
        Files.createDirectories(target.getParent());
        try (OutputStream out = Files.newOutputStream(target, java.nio.file.StandardOpenOption.CREATE_NEW)) {
            in.transferTo(out);
        }
    }

    private static void move(Path temp, Path destDir) throws IOException {
        try {
            Files.move(temp, destDir, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            throw new CatalogException(ErrorCode.IO, destDir + " appeared while extracting; left untouched", e);
        }
    }

    private static StagedPackage staged(Path dir, Manifest manifest) throws IOException {
        List<Path> jars = list(dir.resolve("lib")).stream()
                .filter(p -> p.getFileName().toString().endsWith(".jar"))
                .sorted()
                .toList();
        Comparator<Path> byVersion = Comparator.comparing(
                p -> MigrationFile.parse(p.getFileName().toString()).orElseThrow(), MigrationFile.BY_VERSION);
        List<Path> migrations = list(dir.resolve("migrations")).stream().sorted(byVersion).toList();
        return new StagedPackage(dir, manifest, jars, migrations);
    }

    private static List<Path> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Path> paths = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            stream.forEach(paths::add);
        }
        return paths;
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new CatalogException(ErrorCode.IO, "cannot clean up " + root + ": " + e.getMessage(), e);
        }
    }
}
