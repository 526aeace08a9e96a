package com.nextpanel.addons.catalog.tuf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Root metadata: the keys and thresholds of every role. Always {@code consistent_snapshot: false} when we write it. */
public record RootMetadata(int version, Instant expires, boolean consistentSnapshot,
                           Map<String, TufKey> keys, Map<Role, RoleKeys> roles) {

    public RootMetadata {
        keys = Map.copyOf(keys);
        roles = Map.copyOf(new EnumMap<>(roles));
    }

    /** A root that gives each role the listed keys with the given thresholds. */
    public static RootMetadata of(int version, Instant expires, Map<Role, List<TufKey>> roleKeys,
                                  Map<Role, Integer> thresholds) {
        Map<String, TufKey> keys = new TreeMap<>();
        Map<Role, RoleKeys> roles = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            List<TufKey> list = roleKeys.getOrDefault(role, List.of());
            List<String> ids = new ArrayList<>();
            for (TufKey k : list) {
                keys.put(k.keyId(), k);
                ids.add(k.keyId());
            }
            roles.put(role, new RoleKeys(ids, thresholds.getOrDefault(role, 1)));
        }
        return new RootMetadata(version, expires, false, keys, roles);
    }

    public RoleKeys role(Role role) {
        return roles.get(role);
    }

    public RootMetadata withVersion(int newVersion, Instant newExpires) {
        return new RootMetadata(newVersion, newExpires, consistentSnapshot, keys, roles);
    }

    public ObjectNode toSigned() {
        ObjectNode node = MetadataFields.start(Role.ROOT, version, expires);
        node.put("consistent_snapshot", consistentSnapshot);
        ObjectNode k = node.putObject("keys");
        new TreeMap<>(keys).forEach((id, key) -> k.set(id, key.toJson()));
        ObjectNode r = node.putObject("roles");
        for (Role role : Role.values()) {
            RoleKeys rk = roles.get(role);
            ObjectNode entry = r.putObject(role.id());
            ArrayNode ids = entry.putArray("keyids");
            rk.keyIds().forEach(ids::add);
            entry.put("threshold", rk.threshold());
        }
        return node;
    }

    public static RootMetadata fromSigned(ObjectNode signed, String file) {
        MetadataFields.checkType(signed, Role.ROOT, file);
        int version = MetadataFields.version(signed, file);
        Instant expires = MetadataFields.expires(signed, file);
        JsonNode cs = signed.get("consistent_snapshot");
        if (cs == null || !cs.isBoolean()) {
            throw MetadataFields.malformed(file, "consistent_snapshot must be a boolean");
        }
        Map<String, TufKey> keys = new LinkedHashMap<>();
        MetadataFields.object(signed, "keys", file).properties()
                .forEach(e -> keys.put(e.getKey(), TufKey.fromJson(e.getValue(), file + ": keys." + e.getKey())));
        ObjectNode rolesNode = MetadataFields.object(signed, "roles", file);
        Map<Role, RoleKeys> roles = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            JsonNode entry = rolesNode.get(role.id());
            if (entry == null || !entry.isObject() || !entry.path("keyids").isArray()) {
                throw MetadataFields.malformed(file, "roles." + role.id() + " with keyids and threshold is required");
            }
            List<String> ids = new ArrayList<>();
            for (JsonNode id : entry.get("keyids")) {
                if (!id.isTextual() || ids.contains(id.textValue())) {
                    throw MetadataFields.malformed(file, "roles." + role.id() + ".keyids must be distinct strings");
                }
                ids.add(id.textValue());
            }
            int threshold = MetadataFields.positiveInt(entry.get("threshold"), file, "roles." + role.id() + ".threshold");
            roles.put(role, new RoleKeys(ids, threshold));
        }
        return new RootMetadata(version, expires, cs.booleanValue(), keys, roles);
    }
}
