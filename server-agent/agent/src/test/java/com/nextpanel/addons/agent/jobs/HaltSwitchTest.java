package com.nextpanel.addons.agent.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which point the test-only halt switch names. The halt itself ({@code Runtime.halt}) is exercised by the crash
 * suite with real agent processes; here only the decision, through the same {@link HaltSwitch.Counter}.
 */
class HaltSwitchTest {

    /** The checks a job with these step names makes, in engine order, and which of them the spec halts at. */
    private static List<String> haltsIn(String spec, JobAction action, String... steps) {
        HaltSwitch.Spec s = HaltSwitch.Spec.parse(spec).orElseThrow();
        HaltSwitch.Counter counter = new HaltSwitch.Counter();
        List<String> hits = new ArrayList<>();
        List<String> all = new ArrayList<>(List.of("resolve"));
        all.addAll(List.of(steps));
        for (int i = 0; i < all.size(); i++) {
            String step = all.get(i);
            int n = (int) all.subList(0, i + 1).stream().filter(step::equals).count();
            for (String point : List.of("before", "mid", "after")) {
                if (counter.reached(s, action, step, point)) {
                    hits.add(step + "#" + n + ":" + point);
                }
            }
        }
        return hits;
    }

    @Test
    void theOldSyntaxNamesTheFirstStepOfThatName() {
        assertThat(haltsIn("install:migrate:mid", JobAction.INSTALL, "download", "download", "migrate", "migrate"))
                .containsExactly("migrate#1:mid");
        assertThat(HaltSwitch.Spec.parse("install:migrate:mid")).isEqualTo(HaltSwitch.Spec.parse("install:migrate#1:mid"));
    }

    @Test
    void aNumberAfterTheStepNamesItsNthOccurrenceInTheJob() {
        assertThat(haltsIn("install:migrate#2:mid", JobAction.INSTALL, "download", "download", "migrate", "migrate",
                "commit")).containsExactly("migrate#2:mid");
        assertThat(haltsIn("restore:cleanup#2:before", JobAction.RESTORE, "safety", "cleanup", "commit", "cleanup"))
                .containsExactly("cleanup#2:before");
    }

    @Test
    void anOccurrenceTheJobDoesNotHaveNeverHalts() {
        assertThat(haltsIn("install:migrate#3:before", JobAction.INSTALL, "migrate", "migrate")).isEmpty();
    }

    @Test
    void jobsOfOtherActionsNeitherHaltNorCount() {
        assertThat(haltsIn("update:migrate:before", JobAction.INSTALL, "migrate", "migrate")).isEmpty();
        assertThat(haltsIn("*:migrate#2:after", JobAction.UPDATE, "migrate", "migrate"))
                .containsExactly("migrate#2:after");
    }

    @Test
    void eachJobCountsAgainFromItsResolveStep() {
        HaltSwitch.Spec s = HaltSwitch.Spec.parse("install:activate#2:after").orElseThrow();
        HaltSwitch.Counter counter = new HaltSwitch.Counter();
        // a first install with one activate, then a second install with two
        counter.reached(s, JobAction.INSTALL, "resolve", "before");
        assertThat(counter.reached(s, JobAction.INSTALL, "activate", "after")).isFalse();
        counter.reached(s, JobAction.INSTALL, "resolve", "before");
        assertThat(counter.reached(s, JobAction.INSTALL, "activate", "after")).isFalse();
        assertThat(counter.reached(s, JobAction.INSTALL, "activate", "after")).isTrue();
    }

    @Test
    void anUnsetSwitchIsOffAndAMalformedOneIsRefusedNamingTheValue() {
        assertThat(HaltSwitch.Spec.parse(null)).isEmpty();
        assertThat(HaltSwitch.Spec.parse("  ")).isEmpty();
        for (String bad : List.of("install:migrate", "install:migrate#0:mid", "install:migrate#x:mid",
                "reinstall:migrate:mid", "install:migrate:during", "install:migrate:mid:2")) {
            assertThatThrownBy(() -> HaltSwitch.Spec.parse(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(bad)
                    .hasMessageContaining("<action>:<step>[#n]:<before|after|mid>");
        }
    }
}
