package com.nextpanel.addons.agent.isolation;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one declared permission grants an addon's role on one core table: {@code billing.customers:read} gives
 * SELECT, {@code billing.customers:write} gives SELECT, INSERT, UPDATE and DELETE. Either also lets the addon's
 * migrations declare a foreign key to the table (REFERENCES): an addon that may read customers may tie its rows to
 * them, which in turn keeps the core from deleting a customer the addon still refers to. On PostgreSQL that is the
 * REFERENCES privilege; H2 has none, see {@link ForeignKeyRights}.
 *
 * @param schema the table's schema, e.g. {@code billing}
 * @param table the table, e.g. {@code customers}
 * @param write whether the permission is {@code :write}
 */
public record TableGrant(String schema, String table, boolean write) {

    private static final Pattern PERMISSION = Pattern.compile("([a-z][a-z0-9_]*)\\.([a-z][a-z0-9_]*):(read|write)");

    /**
     * @param permission e.g. {@code billing.customers:read}
     * @throws IllegalArgumentException naming a malformed permission
     */
    public static TableGrant parse(String permission) {
        Matcher m = permission == null ? null : PERMISSION.matcher(permission);
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("malformed permission '" + permission
                    + "' (expected <schema>.<table>:read or <schema>.<table>:write)");
        }
        if (m.group(1).startsWith("addon_")) {
            throw new IllegalArgumentException("permission '" + permission + "' names another addon's schema");
        }
        return new TableGrant(m.group(1), m.group(2), "write".equals(m.group(3)));
    }

    /** @return the SQL privileges, e.g. {@code SELECT, INSERT, UPDATE, DELETE} */
    public List<String> privileges() {
        return write ? List.of("SELECT", "INSERT", "UPDATE", "DELETE") : List.of("SELECT");
    }

    /** @return {@code schema.table} */
    public String qualifiedTable() {
        return schema + "." + table;
    }

    @Override
    public String toString() {
        return qualifiedTable() + (write ? ":write" : ":read");
    }
}
