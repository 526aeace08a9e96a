package com.nextpanel.addons.console.common;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a confirmation asks: a title, one sentence, the list of what will happen (addons, tables, routes,
 * permissions), the button's label, and optionally a check box (e.g. "Back up first", checked by default)
 * and a word the user must type before the button enables (the addon's name, when its tables hold data).
 */
public record Confirmation(String title, String message, List<String> details, String confirmLabel, boolean destructive,
                           Optional<String> checkbox, boolean checkboxDefault, Optional<String> typeToConfirm) {

    public Confirmation {
        Objects.requireNonNull(title);
        Objects.requireNonNull(message);
        details = List.copyOf(details);
        Objects.requireNonNull(confirmLabel);
        checkbox = checkbox == null ? Optional.empty() : checkbox;
        typeToConfirm = typeToConfirm == null ? Optional.empty() : typeToConfirm;
    }

    public static Confirmation simple(String title, String message, List<String> details, String confirmLabel) {
        return new Confirmation(title, message, details, confirmLabel, false, Optional.empty(), false, Optional.empty());
    }

    public Confirmation asDestructive() {
        return new Confirmation(title, message, details, confirmLabel, true, checkbox, checkboxDefault, typeToConfirm);
    }

    public Confirmation withCheckbox(String label, boolean checkedByDefault) {
        return new Confirmation(title, message, details, confirmLabel, destructive, Optional.of(label), checkedByDefault, typeToConfirm);
    }

    public Confirmation requiringTyped(String word) {
        return new Confirmation(title, message, details, confirmLabel, destructive, checkbox, checkboxDefault, Optional.of(word));
    }
}
