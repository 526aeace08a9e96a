package com.nextpanel.addons.agent.crash;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * KNOWN DEFECT, tolerated on H2 only, and only for the journal: after a halt, H2 (2.5.252, {@code WRITE_DELAY=0})
 * sometimes comes back without the last commits made just before it, although each commit had returned. The
 * crash suite saw it in 1–4 of 107 H2 cases per run (a job halted at {@code *:resolve:before} gone entirely, or the
 * RUNNING record of the step it halted in missing), never on PostgreSQL; see "Known defect" in
 * {@code src/docs/jobs-and-recovery.md}. The loss takes whatever the lost commits did with it, so the server
 * must still be exactly as before or after the job: the callers keep judging that, and only the journal's own
 * account of the halt is excused here. Every excuse is printed with {@code KNOWN H2 DEFECT} and counted.
 */
final class H2JournalTail {

    private static final AtomicInteger EXCUSED = new AtomicInteger();

    private H2JournalTail() {
    }

    /** @return true, after printing it, when the case runs on H2; false on PostgreSQL, where nothing is excused */
    static boolean tolerated(CrashCase c, String label, String lost) {
        if (c.db().isPostgres()) {
            return false;
        }
        System.out.printf("KNOWN H2 DEFECT #%d (%s): the last journal commits before the halt are gone: %s%n",
                EXCUSED.incrementAndGet(), label, lost);
        return true;
    }
}
