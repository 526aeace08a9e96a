package com.nextpanel.addons.console.marketplace;

import com.nextpanel.addons.client.AgentApi;

/**
 * Where the marketplace reads the catalog. {@link AgentCatalogSource} asks the agent
 * ({@code GET /agent/v1/catalog}, which the agent verified); a source over the catalog module's TUF
 * {@code CatalogClient} verifies the signed catalog in the console itself.
 */
public interface CatalogSource {

    /** @throws RuntimeException with a message naming the file and reason when the catalog fails verification */
    CatalogSnapshot load(AgentApi agent);
}
