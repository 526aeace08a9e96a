package com.nextpanel.addons.agent.install;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nextpanel.addons.agent.AgentException;
import com.nextpanel.addons.agent.ErrorCode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The parts of {@code addon.json} (or of the catalog's signed summary of it) the engine acts on.
 *
 * @param json the whole document, kept as text for the registry row
 */
public record AddonManifest(String id, String version, String entrypoint, List<String> routes, String coreRange,
                            Map<String, String> requiresAddons, List<String> conflicts, List<String> permissions,
                            String json) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]{1,39}");

    public AddonManifest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        routes = List.copyOf(routes);
        requiresAddons = Map.copyOf(requiresAddons);
        conflicts = List.copyOf(conflicts);
        permissions = List.copyOf(permissions);
    }

    /** @return the schema of the addon's tables */
    public String schema() {
        return "addon_" + id;
    }

    /**
     * @param where names the document in errors (a file, a catalog target)
     * @throws AgentException {@code BAD_REQUEST} naming {@code where} and the field at fault
     */
    public static AddonManifest parse(String json, String where) {
        JsonNode n;
        try {
            n = JSON.readTree(json);
        } catch (IOException e) {
            throw new AgentException(ErrorCode.BAD_REQUEST, where + ": not JSON (" + e.getMessage() + ")", e);
        }
        return from(n, where);
    }

    /** @see #parse */
    public static AddonManifest from(JsonNode n, String where) {
        if (n == null || !n.isObject()) {
            throw new AgentException(ErrorCode.BAD_REQUEST, where + ": the manifest is not a JSON object");
        }
        String id = n.path("id").asText("");
        if (!ID.matcher(id).matches()) {
            throw new AgentException(ErrorCode.BAD_REQUEST, where + ": bad id '" + id + "'");
        }
        String version = n.path("version").asText("");
        if (version.isEmpty()) {
            throw new AgentException(ErrorCode.BAD_REQUEST, where + ": no version");
        }
        Map<String, String> requires = new LinkedHashMap<>();
        n.path("requires").path("addons").fields().forEachRemaining(e -> requires.put(e.getKey(), e.getValue().asText()));
        return new AddonManifest(id, version, n.path("entrypoint").asText(""), strings(n.path("routes")),
                n.path("requires").path("core").asText("*"), requires, strings(n.path("conflicts")),
                strings(n.path("permissions")), n.toString());
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(e -> out.add(e.asText()));
        return out;
    }
}
