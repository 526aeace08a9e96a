package com.nextpanel.addons.console.views;

import com.nextpanel.addons.console.ConsoleApp;
import com.nextpanel.addons.console.testing.Consoles;
import com.nextpanel.addons.console.testing.InMemoryAgent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** Puts a whole console (in-memory agent, synchronous executor) into a TestFX stage at 1280×800. */
final class ConsoleStage {

    private ConsoleStage() {
    }

    static Consoles show(Stage stage, InMemoryAgent agent) {
        return show(stage, agent, new com.nextpanel.addons.console.marketplace.AgentCatalogSource());
    }

    static Consoles show(Stage stage, InMemoryAgent agent, com.nextpanel.addons.console.marketplace.CatalogSource catalog) {
        Consoles console;
        try {
            console = new Consoles(Files.createTempDirectory("console-fx"), agent, catalog);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Scene scene = new Scene(console.context.mainWindow(), 1280, 800);
        scene.getStylesheets().add(ConsoleApp.class.getResource("console.css").toExternalForm());
        stage.setScene(scene);
        stage.titleProperty().bind(console.context.mainViewModel().windowTitleProperty());
        stage.show();
        return console;
    }
}
