package com.nextpanel.addons.agent.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.nextpanel.addons.agent.AgentException;
import com.nextpanel.addons.agent.ErrorCode;
import com.nextpanel.addons.catalog.CatalogException;
import com.nextpanel.addons.catalog.manifest.Manifest;
import com.nextpanel.addons.catalog.manifest.ManifestReader;
import java.nio.charset.StandardCharsets;

/**
 * The registry's {@code manifest} column: the catalog's {@link Manifest} of the installed version.
 *
 * <p>Written as the manifest's canonical JSON: compact, keys sorted, so that equal manifests are equal text. (Not
 * the catalog's OLPC encoder: OLPC leaves control characters unescaped, and a changelog has newlines.) Read back with the catalog's {@link ManifestReader}, the one parser of {@code addon.json}: the
 * canonical form is itself a valid {@code addon.json}, and rows written before this format (the staged
 * {@code addon.json} verbatim, possibly restored from a backup) read the same way.
 */
public final class ManifestColumn {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private ManifestColumn() {
    }

    /** @return the text to store for {@code manifest} */
    public static String write(Manifest manifest) {
        try {
            return JSON.writeValueAsString(manifest);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a manifest always serialises", e);
        }
    }

    /**
     * @param where names the row in errors, e.g. {@code registry row of greeter}
     * @throws AgentException {@link ErrorCode#INTERNAL} naming the row and every problem when it is not a manifest
     */
    public static Manifest read(String json, String where) {
        try {
            return ManifestReader.read(json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8), where);
        } catch (CatalogException e) {
            throw new AgentException(ErrorCode.INTERNAL, where + ": unreadable manifest (" + e.getMessage() + ")", e);
        }
    }
}
