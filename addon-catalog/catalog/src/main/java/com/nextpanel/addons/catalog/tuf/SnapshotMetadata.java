package com.nextpanel.addons.catalog.tuf;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Optional;

/** Snapshot metadata: which version of {@code targets.json} belongs to this publication. */
public record SnapshotMetadata(int version, Instant expires, MetaFile targetsMeta) {

    public static final String TARGETS = "targets.json";

    public ObjectNode toSigned() {
        ObjectNode node = MetadataFields.start(Role.SNAPSHOT, version, expires);
        node.putObject("meta").set(TARGETS, targetsMeta.toJson());
        return node;
    }

    public static SnapshotMetadata fromSigned(ObjectNode signed, String file) {
        MetadataFields.checkType(signed, Role.SNAPSHOT, file);
        int version = MetadataFields.version(signed, file);
        Instant expires = MetadataFields.expires(signed, file);
        ObjectNode meta = MetadataFields.object(signed, "meta", file);
        MetaFile targets = Optional.ofNullable(meta.get(TARGETS))
                .map(n -> MetaFile.fromJson(n, file, "meta." + TARGETS))
                .orElseThrow(() -> MetadataFields.malformed(file, "meta must list " + TARGETS));
        return new SnapshotMetadata(version, expires, targets);
    }
}
