package com.nextpanel.addons.agent;

import com.nextpanel.addons.agent.install.AddonDirs;
import com.nextpanel.addons.agent.install.CatalogPackageSource;
import com.nextpanel.addons.agent.install.PackageSource;
import com.nextpanel.addons.catalog.CatalogException;
import com.nextpanel.addons.catalog.client.CatalogClient;
import com.nextpanel.addons.catalog.client.VerifiedCatalog;
import java.nio.file.Path;

/**
 * The catalog as the agent sees it: one TUF {@link CatalogClient} over {@code --catalog} trusting
 * {@code --trust-root}, its state (newest root, versions seen) kept in {@code DIR/catalog-state} so that a
 * restart never accepts older metadata. One client serves both the catalog route and the install jobs, through
 * one {@link PackageSource} that serialises it (the client is not thread-safe).
 */
public final class AgentCatalog {

    /** Where the client keeps what it trusted, inside the data dir. */
    public static final String STATE_DIR = "catalog-state";
    private final String location;
    private final PackageSource source;

    private AgentCatalog(String location, PackageSource source) {
        this.location = location;
        this.source = source;
    }

    /** @throws AgentException {@link ErrorCode#CATALOG_UNTRUSTED} when the trust root cannot be read */
    public static AgentCatalog open(String dirOrUrl, Path trustRoot, Path dataDir) {
        try {
            CatalogClient client = CatalogClient.builder(dirOrUrl).trustedRoot(trustRoot)
                    .stateDir(dataDir.resolve(STATE_DIR)).build();
            return new AgentCatalog(dirOrUrl, new CatalogPackageSource(client, new AddonDirs(dataDir).cache()));
        } catch (CatalogException e) {
            throw new AgentException(ErrorCode.CATALOG_UNTRUSTED, "cannot use the catalog " + dirOrUrl
                    + " with the trust root " + trustRoot + ": " + e.getMessage(), e);
        }
    }

    /** @return the catalog location as given ({@code --catalog}) */
    public String location() {
        return location;
    }

    /**
     * @return the catalog verified afresh, or, when a refresh fails, the one verified before (never anything
     *         unverified)
     * @throws AgentException {@link ErrorCode#CATALOG_UNTRUSTED} when nothing could ever be verified
     */
    public VerifiedCatalog verified() {
        return source.catalog();
    }

    /** @return where install jobs get their verified packages */
    public PackageSource source() {
        return source;
    }
}
