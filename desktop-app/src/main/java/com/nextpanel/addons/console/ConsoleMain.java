package com.nextpanel.addons.console;

/** Starts the console. */
public final class ConsoleMain {

    private ConsoleMain() {
    }

    public static void main(String[] args) {
        System.err.println("console: not built yet");
        System.exit(2);
    }
}
