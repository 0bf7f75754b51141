package dev.nodepulse.agent.collector;

/**
 * The host has nothing for this collector (no /proc/pressure, no hwmon chips). Reported as success 0 like
 * node_exporter's ErrNoData, but logged at debug level only: it is a fact about the host, not a fault.
 */
public class NoDataException extends Exception {

    public NoDataException(String message) {
        super(message, null, false, false);
    }
}
