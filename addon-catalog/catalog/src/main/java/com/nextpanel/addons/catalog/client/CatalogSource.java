package com.nextpanel.addons.catalog.client;

import com.nextpanel.addons.catalog.CatalogException;
import com.nextpanel.addons.catalog.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Where a catalog's files come from: a directory or an https URL. Files are addressed by their relative path. */
public interface CatalogSource {

    /**
     * Opens one file for reading; the caller reads it incrementally and closes it.
     *
     * @return empty when the source has no such file (a 404, a missing file)
     */
    Optional<InputStream> open(String relativePath) throws IOException;

    /** @return where the file lives, for messages (the file path or the URL) */
    String locate(String relativePath);

    /**
     * A source for {@code dirOrUrl}: {@code https://...} (or {@code http://} to a loopback address, for tests and
     * local mirrors), otherwise a directory path.
     */
    static CatalogSource of(String dirOrUrl) {
        if (dirOrUrl.startsWith("https://") || dirOrUrl.startsWith("http://")) {
            return new HttpSource(URI.create(dirOrUrl), HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(15))
                    .followRedirects(HttpClient.Redirect.NORMAL)
                    .build());
        }
        if (dirOrUrl.contains("://")) {
            throw new CatalogException(ErrorCode.NOT_FOUND, dirOrUrl + ": only https URLs and directories are catalog sources");
        }
        return new DirectorySource(Path.of(dirOrUrl));
    }
}
