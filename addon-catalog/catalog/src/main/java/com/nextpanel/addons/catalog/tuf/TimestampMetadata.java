package com.nextpanel.addons.catalog.tuf;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Optional;

/** Timestamp metadata: the current {@code snapshot.json} by version, length and hash. */
public record TimestampMetadata(int version, Instant expires, MetaFile snapshotMeta) {

    public static final String SNAPSHOT = "snapshot.json";

    public ObjectNode toSigned() {
        ObjectNode node = MetadataFields.start(Role.TIMESTAMP, version, expires);
        node.putObject("meta").set(SNAPSHOT, snapshotMeta.toJson());
        return node;
    }

    public static TimestampMetadata fromSigned(ObjectNode signed, String file) {
        MetadataFields.checkType(signed, Role.TIMESTAMP, file);
        int version = MetadataFields.version(signed, file);
        Instant expires = MetadataFields.expires(signed, file);
        ObjectNode meta = MetadataFields.object(signed, "meta", file);
        MetaFile snapshot = Optional.ofNullable(meta.get(SNAPSHOT))
                .map(n -> MetaFile.fromJson(n, file, "meta." + SNAPSHOT))
                .orElseThrow(() -> MetadataFields.malformed(file, "meta must list " + SNAPSHOT));
        return new TimestampMetadata(version, expires, snapshot);
    }
}
