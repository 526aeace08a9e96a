package com.nextpanel.addons.agent;

import com.nextpanel.addons.catalog.CatalogException;
import com.nextpanel.addons.catalog.client.CatalogClient;
import com.nextpanel.addons.catalog.client.CatalogTarget;
import com.nextpanel.addons.catalog.client.VerifiedCatalog;
import java.nio.file.Path;

/**
 * The catalog as the agent sees it: one TUF {@link CatalogClient} over {@code --catalog} trusting
 * {@code --trust-root}, its state (newest root, versions seen) kept in {@code DIR/catalog-state} so that a
 * restart never accepts older metadata. The client is not thread-safe; this class serialises it.
 * Failures become {@link ErrorCode#CATALOG_UNTRUSTED} naming the catalog and the reason.
 */
public final class AgentCatalog {

    /** Where the client keeps what it trusted, inside the data dir. */
    public static final String STATE_DIR = "catalog-state";
    private final String location;
    private final CatalogClient client;

    private AgentCatalog(String location, CatalogClient client) {
        this.location = location;
        this.client = client;
    }

    /** @throws AgentException {@link ErrorCode#CATALOG_UNTRUSTED} when the trust root cannot be read */
    public static AgentCatalog open(String dirOrUrl, Path trustRoot, Path dataDir) {
        try {
            CatalogClient client = CatalogClient.builder(dirOrUrl).trustedRoot(trustRoot)
                    .stateDir(dataDir.resolve(STATE_DIR)).build();
            return new AgentCatalog(dirOrUrl, client);
        } catch (CatalogException e) {
            throw new AgentException(ErrorCode.CATALOG_UNTRUSTED, "cannot use the catalog " + dirOrUrl
                    + " with the trust root " + trustRoot + ": " + e.getMessage(), e);
        }
    }

    /** @return the catalog location as given ({@code --catalog}) */
    public String location() {
        return location;
    }

    /** Verifies the catalog afresh (TUF update workflow) and returns it. */
    public synchronized VerifiedCatalog verified() {
        try {
            return client.refresh();
        } catch (CatalogException e) {
            throw untrusted(e);
        }
    }

    /** Downloads one package into the content-addressed {@code cacheDir} and verifies its length and hash. */
    public synchronized Path fetch(CatalogTarget target, Path cacheDir) {
        try {
            return client.fetchTarget(target, cacheDir);
        } catch (CatalogException e) {
            throw untrusted(e);
        }
    }

    private AgentException untrusted(CatalogException e) {
        return new AgentException(ErrorCode.CATALOG_UNTRUSTED, "the catalog " + location + " failed verification ("
                + e.code() + "): " + e.getMessage(), e);
    }
}
