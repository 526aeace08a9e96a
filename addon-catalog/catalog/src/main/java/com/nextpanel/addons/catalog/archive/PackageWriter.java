package com.nextpanel.addons.catalog.archive;

import com.nextpanel.addons.catalog.CatalogException;
import com.nextpanel.addons.catalog.ErrorCode;
import com.nextpanel.addons.catalog.manifest.ManifestProblem;
import com.nextpanel.addons.catalog.manifest.ManifestReader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds a package zip from a source directory holding {@code addon.json}, {@code lib/*.jar} and
 * {@code migrations/V<n>__<name>.sql}. The zip is deterministic for a given JDK: entries sorted by name,
 * a fixed timestamp, no directory entries, no extra fields, so packing the same sources twice gives the
 * same bytes and the same SHA-256. The manifest and the file layout are validated first; the finished
 * zip is then read back with {@link PackageReader#inspect(Path)}, so whatever {@code pack} writes is a
 * package the agent accepts.
 */
public final class PackageWriter {

    /** DOS time cannot go below 1980; the same fixed instant for every entry. */
    private static final LocalDateTime FIXED_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);

    private final PackageLimits limits;

    public PackageWriter() {
        this(PackageLimits.DEFAULT);
    }

    public PackageWriter(PackageLimits limits) {
        this.limits = limits;
    }

    /**
     * @param sourceDir the package's contents, laid out as in the zip
     * @param out       the zip to write; replaced atomically when it exists
     * @throws CatalogException {@link ErrorCode#MANIFEST_INVALID} or {@link ErrorCode#PACKAGE_INVALID}
     *                          listing every problem; nothing is written then
     */
    public PackResult write(Path sourceDir, Path out) {
        if (!Files.isDirectory(sourceDir)) {
            throw new CatalogException(ErrorCode.NOT_FOUND, sourceDir + " is not a directory");
        }
        List<String> names = collect(sourceDir);
        ManifestReader.read(sourceDir.resolve(EntryRules.MANIFEST));
        List<String> problems = new ArrayList<>();
        if (names.stream().noneMatch(n -> n.startsWith("lib/") && n.endsWith(".jar"))) {
            problems.add("lib/: no .jar file (the addon needs its code)");
        }
        ManifestReader.checkMigrations(names).stream().map(ManifestProblem::toString).forEach(problems::add);
        if (!problems.isEmpty()) {
            throw new CatalogException(ErrorCode.PACKAGE_INVALID,
                    sourceDir + ": not a valid addon package: " + String.join("; ", problems), problems);
        }
        try {
            Path target = out.toAbsolutePath();
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempFile(target.getParent(), ".pack-", ".zip");
            try {
                writeZip(sourceDir, names, temp);
                PackageContents contents = new PackageReader(limits).inspect(temp);
                long length = Files.size(temp);
                String sha256 = PackageReader.sha256Hex(temp);
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                return new PackResult(target, contents.manifest(), contents.summary(), length, sha256);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new CatalogException(ErrorCode.IO, "cannot write " + out + ": " + e.getMessage(), e);
        }
    }

    /** @return the relative names of every file, sorted; every link or unexpected file is a problem */
    private static List<String> collect(Path sourceDir) {
        List<String> names = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(sourceDir)) {
            for (Path path : walk.sorted().toList()) {
                if (path.equals(sourceDir)) {
                    continue;
                }
                String name = sourceDir.relativize(path).toString().replace(path.getFileSystem().getSeparator(), "/");
                if (Files.isSymbolicLink(path)) {
                    problems.add(name + ": symbolic links are not packed");
                } else if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                    if (!name.equals("lib") && !name.equals("migrations")) {
                        problems.add(name + "/: unexpected directory");
                    }
                } else {
                    EntryRules.nameError(name).ifPresentOrElse(e -> problems.add(name + ": " + e), () -> names.add(name));
                }
            }
        } catch (IOException e) {
            throw new CatalogException(ErrorCode.IO, "cannot read " + sourceDir + ": " + e.getMessage(), e);
        }
        if (!names.contains(EntryRules.MANIFEST)) {
            problems.add(0, "addon.json: missing");
        }
        if (!problems.isEmpty()) {
            throw new CatalogException(ErrorCode.PACKAGE_INVALID,
                    sourceDir + ": not a valid addon package: " + String.join("; ", problems), problems);
        }
        return names.stream().sorted().toList();
    }

    private static void writeZip(Path sourceDir, List<String> names, Path zip) throws IOException {
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
            out.setLevel(9);
            for (String name : names) {
                ZipEntry entry = new ZipEntry(name);
                entry.setTimeLocal(FIXED_TIME);
                out.putNextEntry(entry);
                Files.copy(sourceDir.resolve(name), out);
                out.closeEntry();
            }
        }
    }
}
