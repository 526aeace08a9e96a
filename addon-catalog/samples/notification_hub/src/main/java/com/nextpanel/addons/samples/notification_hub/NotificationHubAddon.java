package com.nextpanel.addons.samples.notification_hub;

import com.nextpanel.addons.samples.common.Db;
import com.nextpanel.addons.samples.common.GuardedRoutes;
import com.nextpanel.addons.spi.Addon;
import com.nextpanel.addons.spi.AddonContext;
import com.nextpanel.addons.spi.HealthStatus;
import java.sql.SQLException;

/** The entrypoint named in {@code addon.json}. */
public final class NotificationHubAddon implements Addon {

    private TemplateStore store;

    @Override
    public void start(AddonContext context) {
        store = new TemplateStore(new Db(context.dataSource()));
        new TemplateRoutes(store).register(new GuardedRoutes(context.routes()));
    }

    @Override
    public HealthStatus health() {
        try {
            return new HealthStatus(true, "UP, " + store.count() + " templates");
        } catch (SQLException e) {
            return HealthStatus.down("cannot read notification_templates: " + e.getMessage());
        }
    }
}
