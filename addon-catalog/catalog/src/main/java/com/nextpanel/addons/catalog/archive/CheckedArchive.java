package com.nextpanel.addons.catalog.archive;

import com.nextpanel.addons.catalog.CatalogException;
import com.nextpanel.addons.catalog.ErrorCode;
import com.nextpanel.addons.catalog.manifest.Manifest;
import com.nextpanel.addons.catalog.manifest.ManifestReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/** An archive whose central directory passed {@link PackageReader}'s checks, open for inflating. */
final class CheckedArchive implements AutoCloseable {

    /** Receives each entry's (counted) content in turn. */
    @FunctionalInterface
    interface EntrySink {
        void accept(CentralDirectory.Entry entry, InputStream in) throws IOException;
    }

    private final Path zip;
    private final ZipFile zipFile;
    private final List<CentralDirectory.Entry> entries;
    private final InflationGuard guard;
    private Manifest manifest;

    CheckedArchive(Path zip, ZipFile zipFile, List<CentralDirectory.Entry> entries, InflationGuard guard) {
        this.zip = zip;
        this.zipFile = zipFile;
        this.entries = entries;
        this.guard = guard;
    }

    List<CentralDirectory.Entry> entries() {
        return entries;
    }

    Manifest manifest() {
        return manifest;
    }

    void readManifest() throws IOException {
        CentralDirectory.Entry entry = entries.stream()
                .filter(e -> e.name().equals(EntryRules.MANIFEST)).findFirst().orElseThrow();
        try (InputStream in = stream(entry)) {
            byte[] json = in.readNBytes(ManifestReader.MAX_MANIFEST_BYTES + 1);
            if (json.length > ManifestReader.MAX_MANIFEST_BYTES) {
                throw new CatalogException(ErrorCode.TOO_LARGE,
                        zip + ": addon.json is larger than " + ManifestReader.MAX_MANIFEST_BYTES + " bytes");
            }
            manifest = ManifestReader.read(json, zip + "!addon.json");
        } catch (ZipException e) {
            throw new CatalogException(ErrorCode.PACKAGE_UNSAFE, zip + ": addon.json is corrupt: " + e.getMessage(), e);
        }
    }

    void inflate(EntrySink sink) throws IOException {
        for (CentralDirectory.Entry entry : entries) {
            try (InputStream in = stream(entry)) {
                sink.accept(entry, in);
            } catch (ZipException e) {
                throw new CatalogException(ErrorCode.PACKAGE_UNSAFE,
                        zip + ": entry " + entry.name() + " is corrupt: " + e.getMessage(), e);
            }
        }
    }

    private InputStream stream(CentralDirectory.Entry entry) throws IOException {
        ZipEntry zipEntry = zipFile.getEntry(entry.name());
        if (zipEntry == null || !zipEntry.getName().equals(entry.name())) {
            throw new CatalogException(ErrorCode.PACKAGE_UNSAFE,
                    zip + ": entry " + entry.name() + " is not where the central directory says");
        }
        return guard.guard(zipFile.getInputStream(zipEntry), entry);
    }

    @Override
    public void close() throws IOException {
        zipFile.close();
    }
}
