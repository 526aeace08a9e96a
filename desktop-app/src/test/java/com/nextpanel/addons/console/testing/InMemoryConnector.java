package com.nextpanel.addons.console.testing;

import com.nextpanel.addons.client.AgentApi;
import com.nextpanel.addons.client.AgentClientException;
import com.nextpanel.addons.client.ErrorCode;
import com.nextpanel.addons.client.Fingerprints;
import com.nextpanel.addons.client.ServerIdentity;
import com.nextpanel.addons.console.servers.AgentConnector;
import com.nextpanel.addons.console.servers.ServerProfile;
import java.time.Instant;
import java.util.List;

/**
 * Connects to an {@link InMemoryAgent} as the client would: the server presents {@link #fingerprint};
 * a profile pinned to another one is refused as a changed certificate, a wrong token as unauthorized.
 */
public final class InMemoryConnector implements AgentConnector {

    public static final String TOKEN = "admin-token-123";

    public final InMemoryAgent agent;
    public String fingerprint = "ab".repeat(32);
    public boolean online = true;

    public InMemoryConnector(InMemoryAgent agent) {
        this.agent = agent;
    }

    @Override
    public ServerIdentity probe(String url) {
        if (!online) {
            throw offline(url);
        }
        return new ServerIdentity(fingerprint, "CN=nextpanel-agent", Instant.parse("2036-01-01T00:00:00Z"), true);
    }

    @Override
    public AgentApi open(ServerProfile profile, String token) {
        if (!online) {
            throw offline(profile.url());
        }
        String pinned = profile.fingerprint().orElseThrow();
        if (!pinned.equals(fingerprint)) {
            throw new AgentClientException(ErrorCode.CERTIFICATE_CHANGED, 0, null,
                    "The certificate of " + profile.url() + " has changed since you trusted it (it now presents "
                            + Fingerprints.pretty(fingerprint) + "). The connection was blocked.", List.of(), fingerprint, null);
        }
        if (!TOKEN.equals(token)) {
            throw new AgentClientException(ErrorCode.UNAUTHORIZED, 401, "unauthorized", "missing or wrong bearer token", List.of(), null, null);
        }
        return agent;
    }

    private static AgentClientException offline(String url) {
        return new AgentClientException(ErrorCode.OFFLINE, "The server " + url + " cannot be reached (Connection refused).", null);
    }
}
