package com.nextpanel.addons.agent.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nextpanel.addons.spi.Json;
import com.nextpanel.addons.testsupport.fixtures.BuiltAddon;
import com.nextpanel.addons.testsupport.fixtures.TestAddonBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AddonClassLoaderTest {

    @TempDir
    Path tmp;

    @Test
    void classesTheAddonBundlesComeFromItsJarFirstButTheSpiAlwaysFromTheHost() throws Exception {
        BuiltAddon addon = TestAddonBuilder.addon("shadow")
                .extraClass("com.nextpanel.addons.agent.host.RoutePrefixes",
                        "package com.nextpanel.addons.agent.host; public class RoutePrefixes { }")
                .extraClass("com.nextpanel.addons.spi.Json", "package com.nextpanel.addons.spi; public class Json { }")
                .buildDirectory(tmp);

        try (AddonClassLoader loader = AddonClassLoader.over("shadow", "1.0.0", addon.lib(),
                AddonClassLoaderTest.class.getClassLoader())) {
            assertThat(loader.loadClass("com.nextpanel.addons.agent.host.RoutePrefixes").getClassLoader())
                    .isSameAs(loader);
            assertThat(loader.getResource("com/nextpanel/addons/spi/Json.class").toString()).contains("shadow.jar");
            assertThat(loader.loadClass("com.nextpanel.addons.spi.Json")).isSameAs(Json.class);
            assertThat(loader.loadClass("javax.sql.DataSource")).isSameAs(javax.sql.DataSource.class);
            assertThat(loader.loadClass("org.slf4j.Logger")).isSameAs(org.slf4j.Logger.class);
            assertThat(loader.loadClass(addon.entrypoint()).getClassLoader()).isSameAs(loader);
        }
    }

    @Test
    void twoVersionsOfOneAddonGetDistinctClassesOfTheSameName() throws Exception {
        BuiltAddon v1 = TestAddonBuilder.addon("twice").version("1.0.0").buildDirectory(tmp);
        BuiltAddon v2 = TestAddonBuilder.addon("twice").version("2.0.0").buildDirectory(tmp);
        ClassLoader host = AddonClassLoaderTest.class.getClassLoader();

        try (AddonClassLoader a = AddonClassLoader.over("twice", "1.0.0", v1.lib(), host);
             AddonClassLoader b = AddonClassLoader.over("twice", "2.0.0", v2.lib(), host)) {
            assertThat(a.loadClass(v1.entrypoint())).isNotSameAs(b.loadClass(v2.entrypoint()));
        }
    }

    @Test
    void libDirectoryWithoutAJarIsRefusedNamingIt() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("lib"));

        assertThatThrownBy(() -> AddonClassLoader.over("nojar", "1.0.0", empty, getClass().getClassLoader()))
                .hasMessage("addon nojar 1.0.0 has no jar in " + empty);
    }
}
