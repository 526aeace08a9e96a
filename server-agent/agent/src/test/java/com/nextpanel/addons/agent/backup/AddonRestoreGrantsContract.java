package com.nextpanel.addons.agent.backup;

import static org.assertj.core.api.Assertions.assertThat;

import com.nextpanel.addons.agent.db.DatabaseConfig;
import com.nextpanel.addons.agent.jobs.JobAction;
import com.nextpanel.addons.agent.jobs.JobRequest;
import com.nextpanel.addons.agent.jobs.JobState;
import com.nextpanel.addons.agent.jobs.JobView;
import com.nextpanel.addons.agent.registry.InstalledAddon;
import com.nextpanel.addons.spi.HttpMethod;
import com.nextpanel.addons.testsupport.fixtures.TestAddonBuilder;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An addon backup restored while another version of the addon is installed brings back the grants of the version it
 * holds: the role's privileges on core tables, read from the catalog, equal those at backup time, and a route of the
 * restored version that writes to a core table it is permitted to write still works. Run on H2 and PostgreSQL (with
 * pg_dump and through JDBC COPY) by the subclasses.
 */
abstract class AddonRestoreGrantsContract {

    @TempDir
    Path root;
    BackupFixture fx;

    abstract DatabaseConfig database(Path root) throws Exception;

    @BeforeEach
    void startAgent() throws Exception {
        fx = new BackupFixture(root, database(root));
        fx.publish(TestAddonBuilder.addon("crm").version("1.0.0").permission("billing.customers:write")
                .migration("V1__init.sql", "CREATE TABLE note (id INT PRIMARY KEY,"
                        + " customer_id BIGINT REFERENCES billing.customers (id), text VARCHAR(50));")
                .updateRoute(HttpMethod.POST, "/api/v1/crm/customers", "INSERT INTO billing.customers (name, email)"
                        + " SELECT 'Zed', 'zed' || COUNT(*) || '@example.com' FROM billing.customers"));
        fx.publish(TestAddonBuilder.addon("crm").version("1.1.0").permission("billing.customers:read")
                .permission("billing.invoices:read")
                .migration("V1__init.sql", "CREATE TABLE note (id INT PRIMARY KEY,"
                        + " customer_id BIGINT REFERENCES billing.customers (id), text VARCHAR(50));")
                .migration("V2__mood.sql", "CREATE TABLE mood (id INT PRIMARY KEY, text VARCHAR(20));")
                .queryRoute("/api/v1/crm/invoices", "SELECT COUNT(*) FROM billing.invoices"));
    }

    @AfterEach
    void stopAgent() throws Exception {
        fx.close();
    }

    @Test
    void anAddonBackupRestoredOverANewerInstalledVersionBringsBackTheRolesGrantsOfTheBackedUpVersion()
            throws Exception {
        assertThat(fx.run(JobRequest.install("crm", Optional.of("1.0.0"))).state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(fx.send("POST", "/api/v1/crm/customers", "{}").getStatus()).isEqualTo(200);
        List<String> grantsAtBackup = roleGrants();
        assertThat(grantsAtBackup).as("the write permission shows in the catalog")
                .anyMatch(g -> g.contains("INSERT") || g.contains(" ALL ON ")); // H2 writes all four rights as ALL
        List<InstalledAddon> registryAtBackup = fx.jobs.installed().list();

        JobView backup = fx.run(new JobRequest(JobAction.BACKUP, "crm", Optional.empty(), true));
        assertThat(backup.state()).as("%s", backup).isEqualTo(JobState.SUCCEEDED);
        String backupId = fx.jobs.backupStore().list().get(0).backupId();

        JobView updated = fx.run(JobRequest.update("crm", Optional.of("1.1.0"), false));
        assertThat(updated.state()).as("%s", updated).isEqualTo(JobState.SUCCEEDED);
        assertThat(roleGrants()).as("1.1.0 has other grants").isNotEqualTo(grantsAtBackup);
        assertThat(fx.get("/api/v1/crm/invoices").getStatus()).isEqualTo(200);

        JobView restored = fx.run(new JobRequest(JobAction.RESTORE, backupId, Optional.empty(), false));

        assertThat(restored.state()).as("%s", restored).isEqualTo(JobState.SUCCEEDED);
        assertThat(fx.jobs.installed().list()).extracting(InstalledAddon::version)
                .isEqualTo(registryAtBackup.stream().map(InstalledAddon::version).toList());
        assertThat(roleGrants()).isEqualTo(grantsAtBackup);
        long customers = fx.queryLong("SELECT COUNT(*) FROM billing.customers");
        var write = fx.send("POST", "/api/v1/crm/customers", "{}");
        assertThat(write.getStatus()).as("%s", write.getContent()).isEqualTo(200);
        assertThat(fx.queryLong("SELECT COUNT(*) FROM billing.customers")).isEqualTo(customers + 1);
        assertThat(fx.get("/api/v1/crm/invoices").getStatus()).isEqualTo(404);
    }

    /** @return every privilege the addon's role holds, as the catalog lists it, sorted */
    private List<String> roleGrants() throws Exception {
        String sql = fx.h2()
                ? "SELECT GRANTEETYPE || ' ' || COALESCE(GRANTEDROLE, '') || ' ' || COALESCE(RIGHTS, '') || ' ON '"
                + " || COALESCE(TABLE_SCHEMA, '') || '.' || COALESCE(TABLE_NAME, '') FROM INFORMATION_SCHEMA.RIGHTS"
                + " WHERE GRANTEE = (SELECT SCHEMA_OWNER FROM INFORMATION_SCHEMA.SCHEMATA WHERE UPPER(SCHEMA_NAME) = ?)"
                : "WITH r AS (SELECT nspowner AS oid FROM pg_namespace WHERE nspname = ?)"
                + " SELECT a.privilege_type || CASE WHEN a.is_grantable THEN ' WITH GRANT' ELSE '' END || ' ON SCHEMA '"
                + " || n.nspname FROM pg_namespace n, aclexplode(n.nspacl) a, r WHERE a.grantee = r.oid"
                + " UNION ALL SELECT a.privilege_type || CASE WHEN a.is_grantable THEN ' WITH GRANT' ELSE '' END"
                + " || ' ON ' || c.relkind::text || ' ' || n.nspname || '.' || c.relname FROM pg_class c JOIN pg_namespace n"
                + " ON n.oid = c.relnamespace, aclexplode(c.relacl) a, r WHERE a.grantee = r.oid"
                + " UNION ALL SELECT 'OWNS SCHEMA ' || nspname FROM pg_namespace n, r WHERE n.nspowner = r.oid";
        List<String> out = new ArrayList<>();
        try (Connection c = fx.db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, fx.h2() ? "ADDON_CRM" : "addon_crm");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        out.sort(null);
        return out;
    }
}
