package com.nextpanel.addons.samples.email_marketing;

import com.nextpanel.addons.samples.common.Db;
import com.nextpanel.addons.samples.common.GuardedRoutes;
import com.nextpanel.addons.spi.Addon;
import com.nextpanel.addons.spi.AddonContext;
import com.nextpanel.addons.spi.HealthStatus;
import com.nextpanel.addons.spi.RouteRegistry;
import java.sql.SQLException;

/** The entrypoint named in {@code addon.json}. */
public final class EmailMarketingAddon implements Addon {

    private Db db;

    @Override
    public void start(AddonContext context) {
        db = new Db(context.dataSource());
        RouteRegistry routes = new GuardedRoutes(context.routes());
        new SubscriberRoutes(new Subscribers(db)).register(routes);
        new CampaignRoutes(new Campaigns(db)).register(routes);
    }

    /** Healthy when its own table and the core table its permission grants both answer. */
    @Override
    public HealthStatus health() {
        try {
            long subscribers = db.count("SELECT COUNT(*) FROM subscribers");
            long customers = db.count("SELECT COUNT(*) FROM billing.customers");
            return new HealthStatus(true, "UP, " + subscribers + " subscribers, " + customers + " customers to import from");
        } catch (SQLException e) {
            return HealthStatus.down("cannot read subscribers or billing.customers: " + e.getMessage());
        }
    }
}
