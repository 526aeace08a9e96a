package com.nextpanel.addons.console.marketplace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nextpanel.addons.catalog.client.CatalogClient;
import com.nextpanel.addons.catalog.client.CatalogTarget;
import com.nextpanel.addons.catalog.client.VerifiedCatalog;
import com.nextpanel.addons.catalog.manifest.ManifestSummary;
import com.nextpanel.addons.client.AgentApi;
import com.nextpanel.addons.console.common.Formats;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The signed catalog, fetched and verified by the console itself with the catalog module's TUF
 * {@link CatalogClient} (the same client the agent uses): thresholds, expiry, rollback, hashes. It never
 * trusts the agent's word for what the catalog holds. Packages it opens (for a version's whole manifest)
 * are downloaded into a content-addressed cache and checked against the signed length and SHA-256 first.
 */
public final class SignedCatalogSource implements CatalogSource, ManifestLookup {

    private static final int MAX_MANIFEST_BYTES = 1024 * 1024;

    private final CatalogClient client;
    private final Path cacheDir;
    private final ObjectMapper mapper = new ObjectMapper();
    private final Map<String, JsonNode> manifests = new ConcurrentHashMap<>();

    /**
     * @param location  the catalog: a directory or an https URL
     * @param trustRoot its trusted {@code root.json}
     * @param stateDir  where the client remembers the versions it accepted (rollback protection)
     */
    public SignedCatalogSource(String location, Path trustRoot, Path stateDir, Path cacheDir) {
        this.client = CatalogClient.builder(location).trustedRoot(trustRoot).stateDir(stateDir).build();
        this.cacheDir = cacheDir;
    }

    @Override
    public CatalogSnapshot load(AgentApi agent) {
        VerifiedCatalog catalog;
        synchronized (client) {
            catalog = client.refresh();
        }
        List<AddonListing> listings = new ArrayList<>();
        for (Map.Entry<String, List<CatalogTarget>> e : catalog.byAddon().entrySet()) {
            List<ListingVersion> versions = new ArrayList<>();
            for (CatalogTarget t : e.getValue()) {
                // summary() builds a JSON tree from the typed summary: once per target, never again for the card
                versions.add(ManifestSummaries.toVersion(t.summary(), t.length(), t.sha256()));
            }
            ManifestSummary latest = e.getValue().get(e.getValue().size() - 1).manifest();
            listings.add(new AddonListing(e.getKey(), latest.name(), latest.category(), latest.description(), versions,
                    catalog.targetsSignedBy()));
        }
        var targets = catalog.targetsRole();
        String verification = "Signed catalog verified by this console: targets v" + targets.version() + ", signed by "
                + targets.signedBy().size() + (targets.signedBy().size() == 1 ? " key" : " keys") + ", expires "
                + Formats.time(targets.expires());
        return new CatalogSnapshot(listings, verification);
    }

    @Override
    public Optional<JsonNode> manifest(String id, String version) {
        String key = id + "@" + version;
        JsonNode known = manifests.get(key);
        if (known != null) {
            return Optional.of(known);
        }
        Path zip;
        synchronized (client) {
            Optional<CatalogTarget> target = client.lastVerified().or(() -> Optional.of(client.refresh()))
                    .flatMap(c -> c.find(id, version));
            if (target.isEmpty()) {
                return Optional.empty();
            }
            zip = client.fetchTarget(target.get(), cacheDir);
        }
        try (ZipFile file = new ZipFile(zip.toFile())) {
            ZipEntry entry = file.getEntry("addon.json");
            if (entry == null) {
                return Optional.empty();
            }
            try (InputStream in = file.getInputStream(entry)) {
                JsonNode manifest = mapper.readTree(in.readNBytes(MAX_MANIFEST_BYTES));
                manifests.put(key, manifest);
                return Optional.of(manifest);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read addon.json of " + zip, e);
        }
    }
}
