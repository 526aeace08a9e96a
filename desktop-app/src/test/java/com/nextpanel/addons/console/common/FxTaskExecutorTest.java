package com.nextpanel.addons.console.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class FxTaskExecutorTest {

    @Test
    void aTaskHandedToAClosedExecutorNeitherRunsNorThrows() {
        FxTaskExecutor executor = new FxTaskExecutor();
        executor.close();
        AtomicBoolean touched = new AtomicBoolean();

        assertThatCode(() -> executor.execute(BackgroundTask.wrap(() -> touched.set(true))
                .onRunning(() -> touched.set(true)).onFailure(e -> touched.set(true)))).doesNotThrowAnyException();

        assertThat(touched).isFalse();
    }
}
