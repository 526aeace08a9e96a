package com.nextpanel.addons.testsupport.db;

import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;
import org.junit.jupiter.params.support.ParameterDeclarations;

/** Supplies {@link DatabaseTarget#h2()} and a fresh {@link DatabaseTarget#postgres} to a parameterized test. */
public final class DatabaseTargetsProvider implements ArgumentsProvider {

    @Override
    public Stream<? extends Arguments> provideArguments(ParameterDeclarations parameters, ExtensionContext context) {
        // PostgreSQL is created lazily, when its invocation is reached, so H2 runs first and fast.
        return Stream.of(DatabaseTarget.Kind.values())
                .map(kind -> Arguments.of(kind == DatabaseTarget.Kind.H2
                        ? DatabaseTarget.h2() : DatabaseTarget.postgres(context)));
    }
}
