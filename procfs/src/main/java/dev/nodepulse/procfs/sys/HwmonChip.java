package dev.nodepulse.procfs.sys;

import java.nio.file.Path;
import java.util.Optional;

/**
 * One hwmon device of /sys/class/hwmon. {@code chip} is its stable name, unique on this host (derived from
 * the device path, else the name file, else hwmonN); {@code humanName} is the cleaned content of its name
 * file, when it has one.
 */
public record HwmonChip(Path dir, String chip, Optional<String> humanName) {}
