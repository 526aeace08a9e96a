package com.nextpanel.addons.testsupport.postgres;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit extension that gives tests a real PostgreSQL server: one throwaway cluster per test run (kept in
 * the root store, stopped when the run ends), and a fresh database per test class.
 *
 * <pre>{@code
 * @ExtendWith(PostgresExtension.class)
 * class FooTest {
 *     @Test void works(PostgresDatabase db) { ... db.jdbcUrl() ... }      // fresh per test class
 *     @Test void more(PostgresCluster cluster) { cluster.createDatabase("x"); }
 * }
 * }</pre>
 *
 * Code that has an {@link ExtensionContext} but no parameter (an arguments provider, another extension)
 * calls {@link #cluster(ExtensionContext)}.
 */
public final class PostgresExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(PostgresExtension.class);

    /** @return the run's cluster, started on first use and stopped when the test run ends */
    public static PostgresCluster cluster(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(PostgresCluster.class, k -> PostgresCluster.start(), PostgresCluster.class);
    }

    /** @return the database of the current test class, created on first use and dropped after the class */
    public static PostgresDatabase classDatabase(ExtensionContext context) {
        ExtensionContext classContext = context;
        while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
            classContext = classContext.getParent().get();
        }
        String prefix = context.getRequiredTestClass().getSimpleName();
        PostgresCluster cluster = cluster(context);
        return classContext.getStore(NAMESPACE)
                .computeIfAbsent(ClassDatabase.class, k -> new ClassDatabase(cluster, cluster.createDatabase(prefix)),
                        ClassDatabase.class)
                .database();
    }

    /**
     * @return a new database of its own, dropped when {@code context} ends (for a test that must not share
     *         its database with the other tests of its class)
     */
    public static PostgresDatabase freshDatabase(ExtensionContext context) {
        PostgresCluster cluster = cluster(context);
        String prefix = context.getTestClass().map(Class::getSimpleName).orElse("test");
        ClassDatabase owned = new ClassDatabase(cluster, cluster.createDatabase(prefix));
        context.getStore(NAMESPACE).put(owned.database().name(), owned);
        return owned.database();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == PostgresCluster.class || type == PostgresDatabase.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        if (type == PostgresCluster.class) {
            return cluster(extensionContext);
        }
        if (type == PostgresDatabase.class) {
            return classDatabase(extensionContext);
        }
        throw new ParameterResolutionException("PostgresExtension cannot resolve " + type);
    }

    /** A database owned by one context, dropped when that context's store closes. */
    private record ClassDatabase(PostgresCluster cluster, PostgresDatabase database) implements AutoCloseable {
        @Override
        public void close() {
            cluster.dropDatabase(database);
        }
    }
}
