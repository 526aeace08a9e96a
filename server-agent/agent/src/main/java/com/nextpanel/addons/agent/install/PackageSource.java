package com.nextpanel.addons.agent.install;

import com.nextpanel.addons.catalog.client.CatalogTarget;
import com.nextpanel.addons.catalog.client.VerifiedCatalog;
import java.nio.file.Path;

/** Where packages come from: the verified catalog, and verified downloads into the cache. */
public interface PackageSource {

    /**
     * @return the catalog as last verified (refreshed when nothing was verified yet)
     * @throws com.nextpanel.addons.agent.AgentException {@code CATALOG_UNTRUSTED} when it cannot be verified
     */
    VerifiedCatalog catalog();

    /**
     * @return the catalog as verified by the last {@link #catalog()} (which it calls when there was none): what a
     *         job planned against, without another round of verification
     */
    default VerifiedCatalog lastVerified() {
        return catalog();
    }

    /**
     * Downloads {@code target} into the content-addressed cache, accepting it only when its length and SHA-256
     * match the verified catalog.
     *
     * @return the verified package
     * @throws com.nextpanel.addons.agent.AgentException {@code CATALOG_UNTRUSTED} for a package whose bytes are not
     *         the signed ones, naming it
     */
    Path fetch(CatalogTarget target);
}
