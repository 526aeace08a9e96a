package com.nextpanel.addons.catalog.tuf;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Targets metadata: every package by its path. Delegations are not written, and a client built on this
 * model ignores them (it trusts only the top-level targets role).
 */
public record TargetsMetadata(int version, Instant expires, SortedMap<String, TargetFile> targets) {

    public TargetsMetadata {
        targets = Collections.unmodifiableSortedMap(new TreeMap<>(targets));
    }

    public static TargetsMetadata of(int version, Instant expires, Map<String, TargetFile> targets) {
        return new TargetsMetadata(version, expires, new TreeMap<>(targets));
    }

    public ObjectNode toSigned() {
        ObjectNode node = MetadataFields.start(Role.TARGETS, version, expires);
        ObjectNode t = node.putObject("targets");
        targets.forEach((path, file) -> t.set(path, file.toJson()));
        return node;
    }

    public static TargetsMetadata fromSigned(ObjectNode signed, String file) {
        MetadataFields.checkType(signed, Role.TARGETS, file);
        int version = MetadataFields.version(signed, file);
        Instant expires = MetadataFields.expires(signed, file);
        TreeMap<String, TargetFile> targets = new TreeMap<>();
        MetadataFields.object(signed, "targets", file).properties().forEach(
                e -> targets.put(e.getKey(), TargetFile.fromJson(e.getValue(), file, "targets." + e.getKey())));
        return new TargetsMetadata(version, expires, targets);
    }
}
