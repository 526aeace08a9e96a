package com.nextpanel.addons.catalog;

/**
 * Every error the addon-catalog module reports through {@link CatalogException}. Callers switch on the
 * code, never on the message; messages name the offending file, key, field or entry.
 */
public enum ErrorCode {
    /** A metadata file is not the JSON the TUF specification describes (missing field, wrong type, float). */
    METADATA_MALFORMED,
    /** Fewer distinct trusted keys than the role's threshold signed the metadata. */
    SIGNATURE_THRESHOLD_NOT_MET,
    /** The metadata's expiry lies in the past of the client's clock (indefinite freeze). */
    METADATA_EXPIRED,
    /** A version number went back compared with what the client trusted before. */
    ROLLBACK,
    /** A version number differs from the one the referring role lists (mix-and-match). */
    VERSION_MISMATCH,
    /** A download went past its byte cap (endless data), or a package past its entry, size or ratio cap. */
    TOO_LARGE,
    /** A file's length differs from the signed length. */
    LENGTH_MISMATCH,
    /** A file's hash differs from the signed hash. */
    HASH_MISMATCH,
    /** A file the catalog needs is absent. */
    NOT_FOUND,
    /** A target is not in the verified catalog, or its name is unsafe. */
    TARGET_UNKNOWN,
    /** A key file is missing, malformed or does not belong to the role. */
    KEY_INVALID,
    /** Publishing would change an already published package, or the repository is inconsistent. */
    PUBLISH_CONFLICT,
    /** {@code addon.json} is malformed or breaks a rule; {@link CatalogException#problems()} lists every one. */
    MANIFEST_INVALID,
    /** A text is not a SemVer 2.0 version. */
    VERSION_INVALID,
    /** A text is not a version range this module understands. */
    RANGE_INVALID,
    /** A package zip holds something unsafe: an escaping, absolute or linked entry, a duplicate, a collision. */
    PACKAGE_UNSAFE,
    /** A package is a safe zip but not a valid addon package: no {@code addon.json}, no jar, bad migration names. */
    PACKAGE_INVALID,
    /** A package is well formed but is not the one the catalog promised (id or version differ). */
    PACKAGE_MISMATCH,
    /** The resolver refused a request; {@link CatalogException#problems()} lists every reason. */
    RESOLUTION_FAILED,
    /** Reading or writing failed. */
    IO
}
