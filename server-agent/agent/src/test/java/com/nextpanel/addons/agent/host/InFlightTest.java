package com.nextpanel.addons.agent.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InFlightTest {

    @Test
    void drainRefusesNewRequestsAndWaitsForTheRunningOneHoweverLongItTakesWithinTheBound() throws Exception {
        InFlight inFlight = new InFlight();
        assertThat(inFlight.enter()).isTrue();
        CountDownLatch draining = new CountDownLatch(1);

        CompletableFuture<Boolean> drained = CompletableFuture.supplyAsync(() -> {
            draining.countDown();
            try {
                return inFlight.drain(Duration.ofMinutes(1));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        draining.await();
        while (inFlight.enter()) { // until drain has flipped the switch
            inFlight.exit();
            Thread.onSpinWait();
        }
        Thread.sleep(300); // longer than one wait slice: the drain must still be waiting
        assertThat(drained).isNotDone();

        inFlight.exit();

        assertThat(drained.get(1, TimeUnit.MINUTES)).isTrue();
        assertThat(inFlight.current()).isZero();
    }

    @Test
    void drainGivesUpAfterItsBoundWhenARequestNeverEnds() throws Exception {
        InFlight inFlight = new InFlight();
        inFlight.enter();

        assertThat(inFlight.drain(Duration.ofMillis(20))).isFalse();
        assertThat(inFlight.current()).isEqualTo(1);
    }

    @Test
    void drainWithNothingRunningReturnsAtOnce() throws Exception {
        assertThat(new InFlight().drain(Duration.ZERO)).isTrue();
    }
}
