package com.nextpanel.addons.console.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/**
 * A view: this class is the controller of the FXML file of the same name in the same package
 * ({@code MarketplaceView.java} + {@code MarketplaceView.fxml}). Subclasses only bind their controls to
 * their view model in {@code initialize()}.
 */
public abstract class FxmlView {

    private Parent root;

    /** Loads the FXML once, with this object as its controller. */
    public final Parent root() {
        if (root == null) {
            String name = getClass().getSimpleName() + ".fxml";
            URL fxml = getClass().getResource(name);
            if (fxml == null) {
                throw new IllegalStateException("missing " + name + " beside " + getClass().getName());
            }
            FXMLLoader loader = new FXMLLoader(fxml);
            loader.setControllerFactory(type -> {
                if (!type.isInstance(this)) {
                    throw new IllegalStateException(name + " names controller " + type.getName() + ", expected " + getClass().getName());
                }
                return this;
            });
            try {
                root = loader.load();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot load " + name, e);
            }
        }
        return root;
    }
}
