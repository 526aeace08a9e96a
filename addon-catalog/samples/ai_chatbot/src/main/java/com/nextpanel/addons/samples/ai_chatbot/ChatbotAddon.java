package com.nextpanel.addons.samples.ai_chatbot;

import com.nextpanel.addons.samples.common.Db;
import com.nextpanel.addons.samples.common.GuardedRoutes;
import com.nextpanel.addons.spi.Addon;
import com.nextpanel.addons.spi.AddonContext;
import com.nextpanel.addons.spi.HealthStatus;
import java.sql.SQLException;

/** The entrypoint named in {@code addon.json}. */
public final class ChatbotAddon implements Addon {

    private ChatStore store;

    @Override
    public void start(AddonContext context) {
        store = new ChatStore(new Db(context.dataSource()), ChatStore.tracksActivity(context.version()));
        new ChatRoutes(store, CannedResponder.standard()).register(new GuardedRoutes(context.routes()));
        context.logger().log(System.Logger.Level.INFO, "ai_chatbot {0} started (session activity: {1})",
                context.version(), store.tracksActivity());
    }

    /** Healthy when its tables answer: the migration ran and the addon's role can read them. */
    @Override
    public HealthStatus health() {
        try {
            return new HealthStatus(true, "UP, " + store.countSessions() + " chat sessions");
        } catch (SQLException e) {
            return HealthStatus.down("cannot read chat_sessions: " + e.getMessage());
        }
    }
}
