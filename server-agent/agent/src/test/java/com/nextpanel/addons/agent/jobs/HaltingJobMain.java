package com.nextpanel.addons.agent.jobs;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Runs one test install in its own JVM, for recovery tests: started with {@code -Dnextpanel.test.haltAt=...} it
 * dies at that point with status 137; otherwise it exits 0 when the job ends.
 */
public final class HaltingJobMain {

    private HaltingJobMain() {
    }

    public static void main(String[] args) throws Exception {
        try (EngineFixture fx = new EngineFixture(Path.of(args[0]))) {
            fx.start();
            JobView job = fx.engine.submit(new JobRequest(JobAction.INSTALL, args[1], Optional.empty(), false));
            System.out.println("ended " + fx.await(job.jobId()).state());
        }
        System.exit(0);
    }
}
