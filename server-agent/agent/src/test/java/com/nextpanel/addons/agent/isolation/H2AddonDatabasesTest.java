package com.nextpanel.addons.agent.isolation;

import com.nextpanel.addons.agent.db.Dialect;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

class H2AddonDatabasesTest extends AddonDatabasesContract {

    private JdbcDataSource admin;

    @Override
    DataSource admin() {
        if (admin == null) {
            admin = new JdbcDataSource();
            admin.setURL(jdbcUrl());
            admin.setUser("agent");
            admin.setPassword("agent-secret");
        }
        return admin;
    }

    @Override
    String jdbcUrl() {
        return "jdbc:h2:file:" + tmp.resolve("db").toAbsolutePath() + ";DB_CLOSE_DELAY=0";
    }

    @Override
    Dialect dialect() {
        return Dialect.H2;
    }
}
