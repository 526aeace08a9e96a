package com.nextpanel.addons.agent.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.pf4j.ClassLoadingStrategy;
import org.pf4j.DefaultPluginDescriptor;
import org.pf4j.PluginClassLoader;

/**
 * One addon's classloader: PF4J's parent-last {@link PluginClassLoader} over the addon's {@code lib/*.jar}, with the
 * packages the addon shares with the host always taken from the host, so that an {@code Addon} the addon
 * implements is the very interface the host calls. Everything else is looked up in the addon's jars first, then
 * in the host ({@code java.*} always comes from the JDK). Closing it releases the jar files.
 */
public final class AddonClassLoader extends PluginClassLoader {

    /** Packages that must have one identity on both sides: the SPI and the JDBC types in its signatures. */
    static final List<String> SHARED_PREFIXES = List.of("com.nextpanel.addons.spi.", "javax.sql.");

    /** Addon's jars first, then the host: no PF4J plugin dependencies between addons. */
    private static final ClassLoadingStrategy PARENT_LAST = new ClassLoadingStrategy(
            List.of(ClassLoadingStrategy.Source.PLUGIN, ClassLoadingStrategy.Source.APPLICATION));

    private final String addonId;

    private AddonClassLoader(String addonId, String version, ClassLoader parent) {
        // PF4J consults the plugin manager only for plugin dependencies, which this strategy never uses.
        super(null, new DefaultPluginDescriptor(addonId, "", "", version, "*", "", ""), parent,
                PARENT_LAST);
        this.addonId = addonId;
    }

    /**
     * @param addonId the addon's id, for diagnostics
     * @param version its version
     * @param libDir the directory of its jars
     * @param parent the host's classloader
     * @return a loader over every {@code *.jar} in {@code libDir}, in name order
     * @throws IllegalArgumentException when {@code libDir} holds no jar
     */
    public static AddonClassLoader over(String addonId, String version, Path libDir, ClassLoader parent) {
        List<Path> jars;
        try (Stream<Path> files = Files.isDirectory(libDir) ? Files.list(libDir) : Stream.empty()) {
            jars = files.filter(p -> p.getFileName().toString().endsWith(".jar") && Files.isRegularFile(p))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + libDir, e);
        }
        if (jars.isEmpty()) {
            throw new IllegalArgumentException("addon " + addonId + " " + version + " has no jar in " + libDir);
        }
        AddonClassLoader loader = new AddonClassLoader(addonId, version, parent);
        for (Path jar : jars) {
            try {
                loader.addURL(jar.toUri().toURL());
            } catch (java.net.MalformedURLException e) {
                throw new IllegalArgumentException("addon " + addonId + ": bad jar path " + jar, e);
            }
        }
        return loader;
    }

    @Override
    protected boolean shouldDelegateToParent(String className) {
        for (String prefix : SHARED_PREFIXES) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return super.shouldDelegateToParent(className);
    }

    @Override
    public String toString() {
        return "AddonClassLoader[" + addonId + "]";
    }
}
