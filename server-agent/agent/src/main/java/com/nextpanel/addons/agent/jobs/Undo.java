package com.nextpanel.addons.agent.jobs;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * Undoes started steps in reverse, journaling each undo in the job's rollback list before it runs. Shared by the
 * engine (a step failed) and by recovery (the agent died before the commit point).
 */
final class Undo {

    private final Journal journal;
    private final Clock clock;

    Undo(Journal journal, Clock clock) {
        this.journal = journal;
        this.clock = clock;
    }

    /** A started step: its forward position, the step itself, and whether it succeeded (else it failed). */
    record Started(int stepNo, Step step, boolean succeeded) {
    }

    /**
     * @param started steps in forward order; only those that change the server are undone
     * @param firstRollbackNo the number of the first rollback entry
     * @return whether every undo succeeded
     */
    boolean undoAll(String jobId, List<Started> started, int firstRollbackNo, StepContext context,
                    Consumer<JobEvent> events) {
        boolean allOk = true;
        int no = firstRollbackNo;
        for (int i = started.size() - 1; i >= 0; i--) {
            Started s = started.get(i);
            if (!s.step().changesServer()) {
                continue;
            }
            Instant t0 = clock.instant();
            journal.insertStep(jobId, StepRecord.ROLLBACK, no, s.step(), StepState.RUNNING, "");
            String message;
            StepState state;
            try {
                message = s.step().undo(context);
                state = StepState.SUCCEEDED;
            } catch (Exception e) {
                message = "undo failed: " + describe(e);
                state = StepState.FAILED;
                allOk = false;
            }
            long ms = clock.millis() - t0.toEpochMilli();
            journal.updateStep(jobId, StepRecord.ROLLBACK, no, state, message, t0, ms);
            if (s.succeeded()) {
                journal.updateStep(jobId, StepRecord.FORWARD, s.stepNo(), StepState.UNDONE,
                        "undone: " + message, t0, ms);
            }
            events.accept(JobEvent.step(jobId, s.step().name(),
                    state == StepState.SUCCEEDED ? StepState.UNDONE : StepState.FAILED, "undo: " + message));
            no++;
        }
        return allOk;
    }

    static String describe(Throwable e) {
        String m = e.getMessage();
        String text = m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
        Throwable cause = e.getCause();
        if (cause != null && cause != e && cause.getMessage() != null && !text.contains(cause.getMessage())) {
            text = text + " (" + cause.getMessage() + ")";
        }
        return text;
    }
}
