package com.nextpanel.addons.catalog.tuf;

/** One entry of a metadata file's {@code signatures}: the signing key's id and the hex signature. */
public record Signature(String keyId, String sigHex) {
}
