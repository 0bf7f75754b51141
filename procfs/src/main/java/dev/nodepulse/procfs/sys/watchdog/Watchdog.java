package dev.nodepulse.procfs.sys.watchdog;

/**
 * /sys/class/watchdog/&lt;name&gt;. Numeric attributes are null when the driver does not expose them, text
 * attributes likewise.
 */
public record Watchdog(String name, Long bootstatus, String options, Long fwVersion, String identity,
                       Long nowayout, String state, String status, Long timeleft, Long timeout, Long pretimeout,
                       String pretimeoutGovernor, Long accessCs0) {}
