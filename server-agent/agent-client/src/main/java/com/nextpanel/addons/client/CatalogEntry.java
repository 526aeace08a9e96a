package com.nextpanel.addons.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One addon of the catalog as the agent verified it, from {@code GET /agent/v1/catalog}:
 * {@code {"id","name","versions":[...],"latest"}}; {@code description} and {@code category} are read
 * when the agent adds them, and {@code summary}, the signed manifest summary of the latest version.
 */
public record CatalogEntry(
        String id,
        String name,
        @JsonDeserialize(contentUsing = TextOrName.class) List<String> versions,
        String latest,
        Optional<String> description,
        Optional<String> category,
        Optional<JsonNode> summary) {

    public CatalogEntry {
        Objects.requireNonNull(id, "id");
        name = name == null ? id : name;
        versions = versions == null ? List.of() : List.copyOf(versions);
        latest = latest == null ? (versions.isEmpty() ? "" : versions.get(versions.size() - 1)) : latest;
        description = description == null ? Optional.empty() : description;
        category = category == null ? Optional.empty() : category;
        summary = summary == null || summary.filter(n -> n.isObject()).isEmpty() ? Optional.empty() : summary;
    }

    public CatalogEntry(String id, String name, List<String> versions, String latest, Optional<String> description,
                        Optional<String> category) {
        this(id, name, versions, latest, description, category, Optional.empty());
    }

    public CatalogEntry(String id, String name, List<String> versions, String latest) {
        this(id, name, versions, latest, Optional.empty(), Optional.empty(), Optional.empty());
    }
}
