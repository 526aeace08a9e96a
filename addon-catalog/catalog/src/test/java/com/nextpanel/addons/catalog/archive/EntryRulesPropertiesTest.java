package com.nextpanel.addons.catalog.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever name an attacker writes, an accepted one stays inside the package directory. */
class EntryRulesPropertiesTest {

    @Provide
    Arbitrary<String> names() {
        Arbitrary<String> piece = Arbitraries.of("lib", "lib/", "migrations/", "addon.json", "a.jar", ".jar", "..", ".",
                "/", "//", "\\", "C:", "x", "V1__a.sql", "\u00e9", "e\u0301", "\u0000", " ", "~", "%2e%2e");
        return piece.list().ofMinSize(1).ofMaxSize(6).map(parts -> String.join("", parts));
    }

    @Property(tries = 2000)
    void anAcceptedNameResolvesInsideTheRoot(@ForAll("names") String name) {
        Path root = Path.of("/srv/data/addons/chat/1.0.0");
        if (EntryRules.nameError(name).isEmpty()) {
            Path target = root.resolve(name).normalize();
            assertThat(target.startsWith(root)).as("%s stays inside", name).isTrue();
            assertThat(target).isNotEqualTo(root);
            assertThat(name.split("/")).doesNotContain("..", ".");
            assertThat(name).doesNotContain("\\", "//").doesNotStartWith("/");
        }
    }
}
