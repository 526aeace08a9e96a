package com.nextpanel.addons.agent.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.nextpanel.addons.catalog.client.CatalogTarget;
import com.nextpanel.addons.catalog.client.VerifiedCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code GET /agent/v1/catalog}: the catalog as the agent verified it,
 * {@code [{"id","name","versions":[...],"latest","description","category","summary"}]}, versions ascending,
 * {@code summary} the signed manifest summary of the latest version.
 */
public final class CatalogApi implements ApiResource {

    /** One addon of the catalog on the wire. */
    public record Entry(String id, String name, List<String> versions, String latest, String description,
                        String category, JsonNode summary) {
    }

    private final Supplier<VerifiedCatalog> catalog;

    /**
     * @param catalog verifies and returns the catalog; throws an
     *                {@link com.nextpanel.addons.agent.AgentException} when it cannot
     */
    public CatalogApi(Supplier<VerifiedCatalog> catalog) {
        this.catalog = catalog;
    }

    @Override
    public List<Route> routes() {
        return List.of(Route.get("/agent/v1/catalog", ex -> ex.ok(entries(catalog.get()))));
    }

    static List<Entry> entries(VerifiedCatalog verified) {
        List<Entry> entries = new ArrayList<>();
        for (Map.Entry<String, List<CatalogTarget>> addon : verified.byAddon().entrySet()) {
            List<CatalogTarget> versions = addon.getValue();
            CatalogTarget latest = versions.get(versions.size() - 1);
            JsonNode summary = latest.summary();
            entries.add(new Entry(addon.getKey(), summary.path("name").asText(addon.getKey()),
                    versions.stream().map(CatalogTarget::version).toList(), latest.version(),
                    summary.path("description").asText(""), summary.path("category").asText(""), summary));
        }
        return entries;
    }
}
