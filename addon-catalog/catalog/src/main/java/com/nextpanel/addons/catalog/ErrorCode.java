package com.nextpanel.addons.catalog;

/**
 * Every problem the catalog module reports through {@link CatalogException}. Callers (the agent, the
 * CLI, the console) switch on the code, never on the message.
 */
public enum ErrorCode {
    /** {@code addon.json} is malformed or breaks a rule; {@link CatalogException#problems()} lists every one. */
    MANIFEST_INVALID,
    /** A text is not a SemVer 2.0 version. */
    VERSION_INVALID,
    /** A text is not a version range this module understands. */
    RANGE_INVALID,
    /** A package zip holds something unsafe: an escaping, absolute or linked entry, a duplicate, a bomb. */
    PACKAGE_UNSAFE,
    /** A package is well formed but is not the one the catalog promised (id or version differ). */
    PACKAGE_MISMATCH,
    /** A file's SHA-256 differs from the one the signed metadata names. */
    HASH_MISMATCH,
    /** A file's length differs from the one the signed metadata names. */
    LENGTH_MISMATCH,
    /** A signature does not verify, or is malformed, or is by an unknown key. */
    SIGNATURE_INVALID,
    /** Fewer distinct trusted keys signed than the role's threshold asks. */
    THRESHOLD_NOT_MET,
    /** Metadata has expired. */
    EXPIRED,
    /** Metadata is older than metadata already trusted. */
    ROLLBACK,
    /** Metadata has not moved on while it should have (indefinite freeze). */
    FREEZE,
    /** A download or an archive exceeds its byte, entry or ratio cap. */
    TOO_LARGE,
    /** An addon, version, file or key does not exist. */
    NOT_FOUND,
    /** The resolver refused a request; the problems list every reason. */
    RESOLUTION_FAILED,
    /** Reading or writing a file or the network failed. */
    IO,
    /** Signed metadata is not the JSON the TUF specification describes (missing field, wrong type, a float). */
    METADATA_MALFORMED,
    /** A version differs from the one the referring role signs (mix-and-match of publications). */
    VERSION_MISMATCH,
    /** A target is not in the verified catalog with exactly this length and hash, or its name is unsafe. */
    TARGET_UNKNOWN,
    /** A signing key file is missing, malformed, exists already, or is not the key root names for its role. */
    KEY_INVALID,
    /** Publishing would change an already published package (same id and version, other bytes). */
    PUBLISH_CONFLICT
}
