package com.nextpanel.addons.console.servers;

/** Where the console stands with the current server; shown in the status bar. */
public enum ConnectionState {
    DISCONNECTED("Not connected"),
    CONNECTING("Connecting…"),
    CONNECTED("Connected"),
    OFFLINE("Offline"),
    UNAUTHORIZED("Token rejected"),
    CERTIFICATE_CHANGED("Certificate changed — blocked");

    private final String label;

    ConnectionState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
