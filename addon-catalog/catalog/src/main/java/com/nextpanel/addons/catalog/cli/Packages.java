package com.nextpanel.addons.catalog.cli;

import com.nextpanel.addons.catalog.CatalogException;
import com.nextpanel.addons.catalog.ErrorCode;
import com.nextpanel.addons.catalog.manifest.Manifest;
import com.nextpanel.addons.catalog.manifest.ManifestReader;
import com.nextpanel.addons.catalog.manifest.ManifestSummary;
import com.nextpanel.addons.catalog.manifest.TableScanner;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The CLI's view of an addon package: its validated manifest and the summary signed under {@code custom}.
 * (Interim reader until the archive package's safe reader is merged in.)
 */
final class Packages {

    private Packages() {
    }

    static ManifestSummary read(Path zip) {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            ZipEntry entry = file.getEntry("addon.json");
            if (entry == null) {
                throw new CatalogException(ErrorCode.PACKAGE_UNSAFE, zip + ": no addon.json");
            }
            Manifest manifest = ManifestReader.read(readEntry(file, entry), zip + "!addon.json");
            List<String> scripts = new ArrayList<>();
            for (ZipEntry e : Collections.list(file.entries())) {
                if (e.getName().startsWith("migrations/") && e.getName().endsWith(".sql")) {
                    scripts.add(new String(readEntry(file, e), StandardCharsets.UTF_8));
                }
            }
            return ManifestSummary.fromManifest(manifest, TableScanner.createdTables(scripts));
        } catch (IOException e) {
            throw new CatalogException(ErrorCode.PACKAGE_UNSAFE, zip + ": not a readable zip (" + e.getMessage() + ")", e);
        }
    }

    private static byte[] readEntry(ZipFile file, ZipEntry entry) throws IOException {
        try (InputStream in = file.getInputStream(entry)) {
            return in.readNBytes(ManifestReader.MAX_MANIFEST_BYTES);
        }
    }

    static void pack(Path srcDir, Path out) {
        throw new CatalogException(ErrorCode.IO, "pack: waiting for the archive package");
    }
}
