package com.nextpanel.addons.agent;

/** The server agent's command line: {@code serve}. */
public final class AgentMain {

    private AgentMain() {
    }

    public static void main(String[] args) {
        System.err.println("server-agent: not built yet");
        System.exit(2);
    }
}
