package com.nextpanel.addons.agent.jobs;

import java.util.Map;

/**
 * One step of a job. The engine journals the step with its {@link #record()} durably before {@link #run} changes
 * anything, so that a restarted agent can {@link StepKinds#revive revive} it from the journal and undo it (before
 * the commit point) or finish it (after it).
 *
 * <p>Contract: {@link #undo} must be idempotent and must work whether {@code run} completed, failed half way or
 * never started (a crash can stop the agent anywhere); a step after the commit point must have an idempotent
 * {@code run}, because recovery runs it again.
 */
public interface Step {

    /** @return the name shown in the job: {@code resolve}, {@code download}, {@code stage}, {@code migrate}... */
    String name();

    /** @return the key under which {@link StepKinds} revives this step after a restart, e.g. {@code install.stage} */
    String kind();

    /** @return everything {@code run} and {@code undo} need, as strings; journaled before {@code run} */
    Map<String, String> record();

    /**
     * Does the step's change.
     *
     * @return a short message for the job, e.g. {@code staged ai_chatbot 1.1.0 in addons/ai_chatbot/1.1.0}
     * @throws Exception anything; the engine undoes the completed steps and this one
     */
    String run(StepContext context) throws Exception;

    /**
     * Undoes whatever {@link #run} changed, fully or in part; a no-op when it changed nothing. Idempotent.
     *
     * @return a short message for the job's rollback list
     */
    String undo(StepContext context) throws Exception;

    /** @return false for steps that only check or read (a job failing before any changing step ends FAILED) */
    default boolean changesServer() {
        return true;
    }
}
