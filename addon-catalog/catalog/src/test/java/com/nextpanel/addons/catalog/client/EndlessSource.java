package com.nextpanel.addons.catalog.client;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/** Serves one file as an endless stream of spaces (an endless-data attacker), the rest from a real source. */
record EndlessSource(CatalogSource real, String endlessPath) implements CatalogSource {

    @Override
    public Optional<InputStream> open(String relativePath) throws IOException {
        if (!relativePath.equals(endlessPath)) {
            return real.open(relativePath);
        }
        return Optional.of(new InputStream() {
            @Override
            public int read() {
                return ' ';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                java.util.Arrays.fill(b, off, off + len, (byte) ' ');
                return len;
            }
        });
    }

    @Override
    public String locate(String relativePath) {
        return real.locate(relativePath);
    }
}
