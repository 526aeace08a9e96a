package com.nextpanel.addons.testsupport.db;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ArgumentsSource;

/**
 * Runs a test once on H2 and once on a fresh PostgreSQL database; the test takes a {@link DatabaseTarget}
 * as its first parameter:
 *
 * <pre>{@code
 * @OnEachDatabase
 * void customersSurviveARestart(DatabaseTarget db) { ... agent started with db.agentArgs() ... }
 * }</pre>
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest(name = "on {0}")
@ArgumentsSource(DatabaseTargetsProvider.class)
public @interface OnEachDatabase {
}
