package com.nextpanel.addons.console.testing;

import com.nextpanel.addons.console.ConsoleContext;
import com.nextpanel.addons.console.common.CurrentThreadTaskExecutor;
import com.nextpanel.addons.console.marketplace.AgentCatalogSource;
import com.nextpanel.addons.console.servers.ServerProfile;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/** A whole console wired as in the product, over an in-memory agent, with a synchronous executor and scripted dialogs. */
public final class Consoles {

    public final InMemoryAgent agent;
    public final InMemoryConnector connector;
    public final ScriptedDialogs dialogs = new ScriptedDialogs();
    public final ConsoleContext context;

    public Consoles(Path configDir, InMemoryAgent agent) {
        this(configDir, agent, new AgentCatalogSource());
    }

    /** With the catalog from {@code catalogSource} (e.g. a real signed one) rather than as the in-memory agent lists it. */
    public Consoles(Path configDir, InMemoryAgent agent, com.nextpanel.addons.console.marketplace.CatalogSource catalogSource) {
        this.agent = agent;
        this.connector = new InMemoryConnector(agent);
        this.context = new ConsoleContext(configDir, connector, catalogSource, new CurrentThreadTaskExecutor(), dialogs,
                Clock.fixed(Instant.parse("2026-11-25T21:00:00Z"), ZoneOffset.UTC));
    }

    /** Adds a profile with the right token and connects (trusting the certificate on first use). */
    public Consoles connected() {
        ServerProfile p = new ServerProfile("Local agent", "https://127.0.0.1:8443", Optional.empty());
        context.session().saveProfile(Optional.empty(), p, Optional.of(InMemoryConnector.TOKEN));
        context.session().connect(context.session().profiles().get(0));
        return this;
    }
}
