package com.nextpanel.addons.agent.install;

import com.nextpanel.addons.agent.AgentException;
import com.nextpanel.addons.agent.ErrorCode;
import com.nextpanel.addons.catalog.CatalogException;
import com.nextpanel.addons.catalog.client.CatalogClient;
import com.nextpanel.addons.catalog.client.CatalogTarget;
import com.nextpanel.addons.catalog.client.VerifiedCatalog;
import java.nio.file.Path;

/** The agent's package source: its TUF client (which it never lets the console replace) and its cache. */
public final class CatalogPackageSource implements PackageSource {

    private final CatalogClient client;
    private final Path cacheDir;

    public CatalogPackageSource(CatalogClient client, Path cacheDir) {
        this.client = client;
        this.cacheDir = cacheDir;
    }

    @Override
    public synchronized VerifiedCatalog catalog() {
        try {
            return client.refresh();
        } catch (CatalogException e) {
            // a transient failure to refresh falls back to what was verified before, never to anything unverified
            return client.lastVerified().orElseThrow(() -> new AgentException(ErrorCode.CATALOG_UNTRUSTED,
                    "the catalog could not be verified: " + e.getMessage(), e));
        }
    }

    @Override
    public synchronized VerifiedCatalog lastVerified() {
        return client.lastVerified().orElseGet(this::catalog);
    }

    @Override
    public synchronized Path fetch(CatalogTarget target) {
        try {
            return client.fetchTarget(target, cacheDir);
        } catch (CatalogException e) {
            throw new AgentException(ErrorCode.CATALOG_UNTRUSTED, target.path() + ": " + e.getMessage(), e);
        }
    }
}
