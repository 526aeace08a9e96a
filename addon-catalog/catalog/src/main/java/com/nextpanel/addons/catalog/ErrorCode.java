package com.nextpanel.addons.catalog;

/** Every error the addon-catalog module reports. Messages name the offending file, key or field. */
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
    /** A download went past its byte cap (endless data). */
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
    /** Reading or writing failed. */
    IO
}
