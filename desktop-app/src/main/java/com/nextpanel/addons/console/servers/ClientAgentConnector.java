package com.nextpanel.addons.console.servers;

import com.nextpanel.addons.client.AgentApi;
import com.nextpanel.addons.client.AgentClient;
import com.nextpanel.addons.client.ServerIdentity;
import java.net.URI;

/** {@link AgentConnector} over the agent client: HTTPS, pinned certificate, bearer token. Closes the previous client. */
public final class ClientAgentConnector implements AgentConnector {

    private AgentClient current;

    @Override
    public ServerIdentity probe(String url) {
        return AgentClient.probe(URI.create(url.trim()));
    }

    @Override
    public synchronized AgentApi open(ServerProfile profile, String token) {
        if (current != null) {
            current.close();
        }
        current = AgentClient.builder(profile.url())
                .token(token)
                .pinnedFingerprint(profile.fingerprint().orElseThrow(
                        () -> new IllegalStateException("no pinned fingerprint for " + profile.name())))
                .build();
        return current;
    }
}
