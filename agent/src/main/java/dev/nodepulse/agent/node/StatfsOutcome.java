package dev.nodepulse.agent.node;

import dev.nodepulse.procfs.natives.StatfsResult;

/**
 * What statfs gave for one mount: a result, or the error text node_exporter puts in the
 * {@code device_error} label. A call that did not return in time carries node_exporter's
 * "mountpoint timeout".
 */
public record StatfsOutcome(StatfsResult result, String error) {

    static final String TIMEOUT_TEXT = "mountpoint timeout";
    static final StatfsOutcome TIMED_OUT = new StatfsOutcome(null, TIMEOUT_TEXT);

    static StatfsOutcome ok(StatfsResult r) {
        return new StatfsOutcome(r, null);
    }

    static StatfsOutcome failed(String error) {
        return new StatfsOutcome(null, error == null ? "unknown error" : error);
    }

    public boolean timedOut() {
        return this == TIMED_OUT;
    }
}
