package com.nextpanel.addons.catalog.manifest;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.nextpanel.addons.catalog.CatalogException;
import com.nextpanel.addons.catalog.ErrorCode;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A grant an addon asks for on a table outside its own schema: {@code <schema>.<table>:(read|write)},
 * e.g. {@code billing.customers:read}. Serialised as that string.
 */
public record Permission(String schema, String table, Access access) {

    /** What the addon may do with the table. */
    public enum Access { READ, WRITE }

    private static final Pattern FORMAT = Pattern.compile("([a-z_][a-z0-9_]{0,62})\\.([a-z_][a-z0-9_]{0,62}):(read|write)");

    /** @throws CatalogException {@link ErrorCode#MANIFEST_INVALID} naming the text */
    @JsonCreator
    public static Permission parse(String text) {
        return tryParse(text).orElseThrow(() -> new CatalogException(ErrorCode.MANIFEST_INVALID,
                "not a permission: '" + text + "' (expected <schema>.<table>:read or :write, e.g. billing.customers:read)"));
    }

    public static Optional<Permission> tryParse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = FORMAT.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Permission(m.group(1), m.group(2), Access.valueOf(m.group(3).toUpperCase(Locale.ROOT))));
    }

    @JsonValue
    @Override
    public String toString() {
        return schema + "." + table + ":" + access.name().toLowerCase(Locale.ROOT);
    }
}
