package com.nextpanel.addons.samples.sms_notifications;

import com.nextpanel.addons.samples.common.Db;
import com.nextpanel.addons.samples.common.GuardedRoutes;
import com.nextpanel.addons.spi.Addon;
import com.nextpanel.addons.spi.AddonContext;
import com.nextpanel.addons.spi.HealthStatus;
import java.sql.SQLException;

/** The entrypoint named in {@code addon.json}. */
public final class SmsAddon implements Addon {

    private SmsStore store;

    @Override
    public void start(AddonContext context) {
        Db db = new Db(context.dataSource());
        store = new SmsStore(db);
        SmsSender sender = new SmsSender(new HubTemplates(context), store, new LocalGateway(db));
        new SmsRoutes(store, sender).register(new GuardedRoutes(context.routes()));
    }

    @Override
    public HealthStatus health() {
        try {
            return new HealthStatus(true, "UP, " + store.count() + " messages");
        } catch (SQLException e) {
            return HealthStatus.down("cannot read sms_messages: " + e.getMessage());
        }
    }
}
