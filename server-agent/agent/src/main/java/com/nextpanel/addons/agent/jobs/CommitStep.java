package com.nextpanel.addons.agent.jobs;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The commit point of a job: the registry change, made on the journal's own transaction so that the registry
 * row and the job's {@code committed} flag land together or not at all. The engine never undoes a committed
 * job; steps after this one are finished forward, at recovery if need be.
 */
public interface CommitStep extends Step {

    /**
     * Writes the registry change on {@code transaction}; the engine commits it together with the journal.
     *
     * @return a short message for the job
     */
    String commit(Connection transaction, StepContext context) throws SQLException;

    @Override
    default String run(StepContext context) {
        throw new UnsupportedOperationException("a commit step runs inside the journal transaction");
    }

    /** A commit that did not happen has nothing to undo: its transaction rolled back. */
    @Override
    default String undo(StepContext context) {
        return "nothing to undo";
    }
}
