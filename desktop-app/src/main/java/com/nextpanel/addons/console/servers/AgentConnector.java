package com.nextpanel.addons.console.servers;

import com.nextpanel.addons.client.AgentApi;
import com.nextpanel.addons.client.ServerIdentity;

/** Opens connections to agents; over HTTPS in the product ({@link ClientAgentConnector}), in memory in tests. */
public interface AgentConnector {

    /** Reads the certificate the server presents, trusting nothing and sending no token. */
    ServerIdentity probe(String url);

    /** A client that trusts only {@code profile}'s pinned fingerprint and sends {@code token}. */
    AgentApi open(ServerProfile profile, String token);
}
