package com.nextpanel.addons.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SamplesTest {

    @Test
    void percentilesAreNearestRankInMilliseconds() {
        Samples s = new Samples();
        for (int ms = 100; ms >= 1; ms--) {
            s.add(ms * 1_000_000L);
        }
        assertThat(s.p50()).isEqualTo(50.0);
        assertThat(s.p95()).isEqualTo(95.0);
        assertThat(s.maxMs()).isEqualTo(100.0);
        assertThat(s.percentileMs(0)).isEqualTo(1.0);
    }

    @Test
    void anEmptySetHasNoPercentile() {
        assertThat(new Samples().p50()).isNaN();
    }

    @Test
    void anUnknownOptionIsRefusedByName() {
        assertThatThrownBy(() -> Args.parse(new String[] {"--iteratons", "3"}, "iterations"))
                .hasMessageContaining("--iteratons");
        assertThatThrownBy(() -> Args.parse(new String[] {"--iterations", "x"}, "iterations").intValue("iterations", 1))
                .hasMessageContaining("--iterations");
        assertThat(Args.parse(new String[] {"--iterations", "7"}, "iterations").intValue("iterations", 1)).isEqualTo(7);
    }
}
